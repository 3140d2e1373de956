// media/preview.js, the preview page's script, run in a context with the browser APIs it uses: what
// it puts on the clipboard, and what it tells the extension, when the host can and cannot do rich text.
// (The same script in a real VS Code and browser: test/e2e.)
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';

const script = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'media', 'preview.js'), 'utf8');

interface Host {
  /** What the script posted to the extension. */
  posted: unknown[];
  /** What ended up on the clipboard, per type. */
  clipboard: Record<string, string>;
  click(id: string): void;
  /** The page's elements by id, with what the script wrote into them. */
  elements: Map<string, { innerHTML?: string }>;
  receive(message: unknown): void;
  settle(): Promise<void>;
}

function page(options: { asyncClipboard: 'works' | 'refuses' | 'missing'; execCommand: boolean }): Host {
  const posted: unknown[] = [];
  const clipboard: Record<string, string> = {};
  const clicks = new Map<string, () => void>();
  const elements = new Map<string, { innerHTML?: string; addEventListener(type: string, f: () => void): void }>();
  let onMessage: ((e: { data: unknown }) => void) | undefined;
  let onCopy: ((e: unknown) => void) | undefined;
  class Blob {
    constructor(
      readonly parts: string[],
      readonly options: { type: string },
    ) {}
  }
  class ClipboardItem {
    constructor(readonly items: Record<string, Blob>) {}
  }
  const navigator =
    options.asyncClipboard === 'missing'
      ? {}
      : {
          clipboard: {
            write: async (items: ClipboardItem[]) => {
              if (options.asyncClipboard === 'refuses') throw new Error('Document is not focused.');
              for (const item of items) for (const [type, blob] of Object.entries(item.items)) clipboard[type] = blob.parts.join('');
            },
          },
        };
  const document = {
    getElementById: (id: string) => {
      if (!elements.has(id)) elements.set(id, { addEventListener: (_: string, f: () => void) => clicks.set(id, f) });
      return elements.get(id);
    },
    addEventListener: (_: string, f: (e: unknown) => void) => (onCopy = f),
    removeEventListener: () => (onCopy = undefined),
    execCommand: () => {
      if (!options.execCommand || !onCopy) return false;
      onCopy({ clipboardData: { setData: (type: string, value: string) => (clipboard[type] = value) }, preventDefault: () => undefined });
      return true;
    },
  };
  const context = vm.createContext({
    acquireVsCodeApi: () => ({ postMessage: (m: object) => posted.push({ ...m }) }), // a copy: an object of this realm
    document,
    navigator,
    window: { addEventListener: (_: string, f: (e: { data: unknown }) => void) => (onMessage = f) },
    Blob,
    ...(options.asyncClipboard === 'missing' ? {} : { ClipboardItem }),
  });
  vm.runInContext(script, context);
  return {
    posted,
    clipboard,
    click: (id) => clicks.get(id)!(),
    elements,
    receive: (message) => onMessage!({ data: message }),
    settle: () => new Promise((r) => setImmediate(r)),
  };
}

const email = {
  type: 'email',
  html: '<div dir="ltr"><ul><li><a href="https://review.openstack.org/283798">https://review.openstack.org/283798</a></li></ul></div>',
  text: '- https://review.openstack.org/283798\n',
};

describe('the preview page script', () => {
  it('says it is ready as soon as it runs, so that the extension sends the email', () => {
    const host = page({ asyncClipboard: 'works', execCommand: false });
    assert.deepEqual(host.posted, [{ type: 'ready' }]);
  });

  it('Copy for Pasting puts the email on the clipboard as text/html with its text/plain alternative', async () => {
    const host = page({ asyncClipboard: 'works', execCommand: false });
    host.receive(email);
    host.click('copy-rich');
    await host.settle();
    assert.deepEqual(host.clipboard, { 'text/html': email.html, 'text/plain': email.text });
    assert.deepEqual(host.posted.at(-1), { type: 'copied', request: undefined });
  });

  it('answers a copy the extension asks for with the request it came with', async () => {
    const host = page({ asyncClipboard: 'works', execCommand: false });
    host.receive(email);
    host.receive({ type: 'copy', request: 7 });
    await host.settle();
    assert.equal(host.clipboard['text/html'], email.html);
    assert.deepEqual(host.posted.at(-1), { type: 'copied', request: 7 });
  });

  it('falls back to a copy event when the async clipboard refuses', async () => {
    const host = page({ asyncClipboard: 'refuses', execCommand: true });
    host.receive(email);
    host.click('copy-rich');
    await host.settle();
    assert.deepEqual(host.clipboard, { 'text/html': email.html, 'text/plain': email.text });
    assert.deepEqual(host.posted.at(-1), { type: 'copied', request: undefined });
  });

  it('says why when neither way can write rich text, and copies nothing itself', async () => {
    const refusing = page({ asyncClipboard: 'refuses', execCommand: false });
    refusing.receive(email);
    refusing.receive({ type: 'copy', request: 2 });
    await refusing.settle();
    assert.deepEqual(refusing.clipboard, {});
    assert.deepEqual(refusing.posted.at(-1), { type: 'copyFailed', request: 2, reason: 'Document is not focused.' });

    const bare = page({ asyncClipboard: 'missing', execCommand: false });
    bare.receive(email);
    bare.click('copy-rich');
    await bare.settle();
    assert.deepEqual(bare.posted.at(-1), { type: 'copyFailed', request: undefined, reason: 'this editor offers no rich-text clipboard' });
  });

  it("shows an edited draft's new email in place, and copies that one", async () => {
    const host = page({ asyncClipboard: 'works', execCommand: false });
    host.receive(email);
    const parts = { headers: '<tr><th>Subject</th><td>New</td></tr>', mail: '<div dir="ltr">New</div>', saved: 'Saved as r.html, before the latest edits' };
    host.receive({ type: 'update', html: parts.mail, text: 'New\n', parts });
    for (const id of ['headers', 'mail', 'saved'] as const) assert.equal(host.elements.get(id)?.innerHTML, parts[id]);
    host.click('copy-rich');
    await host.settle();
    assert.deepEqual(host.clipboard, { 'text/html': parts.mail, 'text/plain': 'New\n' });
  });

  it('asks the extension for the source on Copy HTML, and never copies before it has the email', async () => {
    const host = page({ asyncClipboard: 'works', execCommand: false });
    host.click('copy-html');
    assert.deepEqual(host.posted.at(-1), { type: 'copyHtml' });
    host.click('copy-rich');
    await host.settle();
    assert.deepEqual(host.clipboard, {});
    assert.deepEqual(host.posted.at(-1), { type: 'copyFailed', request: undefined, reason: 'the preview has no email yet' });
  });
});
