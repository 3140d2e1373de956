// The email preview's own script (loaded with the page's nonce; nothing else runs there).
// "Copy for Pasting" puts the email on the clipboard as rich text, text/html with a text/plain
// alternative, as a mail composer's paste wants it; "Copy HTML" asks the extension for the source.
// The extension sends the email once the page says it is ready, and may ask for a copy itself (the
// command palette's "Copy Email for Pasting"); every attempt is answered, so that it can fall back.
(function () {
  const vscode = acquireVsCodeApi();
  /** @type {{ html: string, text: string } | undefined} */
  let email;

  /** The async Clipboard API: what Chromium (VS Code, browsers) offers for text/html. */
  async function writeRich(mail) {
    if (typeof ClipboardItem === 'undefined' || !navigator.clipboard || !navigator.clipboard.write) {
      throw new Error('this editor offers no rich-text clipboard');
    }
    await navigator.clipboard.write([
      new ClipboardItem({
        'text/html': new Blob([mail.html], { type: 'text/html' }),
        'text/plain': new Blob([mail.text], { type: 'text/plain' }),
      }),
    ]);
  }

  /** The older way, a copy event whose data we set: works where a click allows execCommand. */
  function copyByEvent(mail) {
    let done = false;
    const onCopy = (event) => {
      event.clipboardData.setData('text/html', mail.html);
      event.clipboardData.setData('text/plain', mail.text);
      event.preventDefault();
      done = true;
    };
    document.addEventListener('copy', onCopy);
    try {
      document.execCommand('copy');
    } catch {
      // nothing copied: said below
    } finally {
      document.removeEventListener('copy', onCopy);
    }
    return done;
  }

  async function copy(request) {
    if (!email) {
      vscode.postMessage({ type: 'copyFailed', request, reason: 'the preview has no email yet' });
      return;
    }
    try {
      await writeRich(email);
      vscode.postMessage({ type: 'copied', request });
    } catch (e) {
      if (copyByEvent(email)) vscode.postMessage({ type: 'copied', request });
      else vscode.postMessage({ type: 'copyFailed', request, reason: e && e.message ? e.message : String(e) });
    }
  }

  document.getElementById('copy-rich').addEventListener('click', () => copy(undefined));
  document.getElementById('copy-html').addEventListener('click', () => vscode.postMessage({ type: 'copyHtml' }));
  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'email') email = { html: String(message.html), text: String(message.text) };
    else if (message.type === 'update') {
      // the draft was edited: the new email in place, where the reader has scrolled to
      email = { html: String(message.html), text: String(message.text) };
      for (const id of ['headers', 'mail', 'saved']) {
        const element = document.getElementById(id);
        if (element) element.innerHTML = String(message.parts[id]);
      }
    } else if (message.type === 'copy') void copy(message.request);
  });
  vscode.postMessage({ type: 'ready' });
})();
