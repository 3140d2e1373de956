// The "Email Preview" webview: one panel, reused, showing the last export beside the draft. It is
// also where "Copy for Pasting" happens: only a page can put text/html on the clipboard
// (vscode.env.clipboard writes plain text), so the page copies and tells us how it went. It lives
// in the mail export bundle with the page it shows (emailPreviewHtml.ts), made on the first export or
// copy (previewHolder.ts); VS Code's API is handed in, as the bundle never requires `vscode`.
import * as l10n from '@vscode/l10n';
import type * as vscode from 'vscode';
import { randomHex } from '../core/export/exportMessage';
import type { FrontMatter } from '../core/model/model';
import { previewHtml, previewParts } from './emailPreviewHtml';
import { useDisplayLanguage } from './localization';

export interface PreviewEmail {
  html: string;
  /** The text/plain alternative, copied beside the HTML. */
  text: string;
  frontMatter: FrontMatter;
  title: string;
  /** Where the email was written, if it was. */
  savedAs?: string;
}

/** How a copy went: as rich text, or as the HTML source because the host could not do rich text. */
export type CopyOutcome = 'rich' | 'source';

type PageMessage = { type: 'ready' } | { type: 'copied'; request?: number } | { type: 'copyFailed'; request?: number; reason?: string } | { type: 'copyHtml' };

/** How long a copy may take before the page counts as not answering (a hidden or dead webview). */
const COPY_TIMEOUT_MS = 10_000;

export class EmailPreviewPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private email: PreviewEmail | undefined;
  /** Whether the current page has said it is ready (each show() loads a new page). */
  private pageReady = false;
  /** Whether the email changed while the page was loading: it shows an older one until updated. */
  private pageBehind = false;
  /** Copies asked for and not yet answered: sent to the page now if it is ready, else when it is. */
  private readonly requests = new Map<number, (answer: { copied: boolean; reason?: string }) => void>();
  private nextRequest = 1;

  constructor(
    private readonly code: typeof vscode,
    private readonly extensionUri: vscode.Uri,
  ) {
    useDisplayLanguage(code);
  }

  get hasEmail(): boolean {
    return this.panel !== undefined && this.email !== undefined;
  }

  show(email: PreviewEmail): void {
    this.email = email;
    if (!this.panel) {
      this.panel = this.code.window.createWebviewPanel(
        'midcycle.emailPreview',
        email.title,
        { viewColumn: this.code.ViewColumn.Beside, preserveFocus: true },
        {
          enableScripts: true,
          localResourceRoots: [this.code.Uri.joinPath(this.extensionUri, 'media')],
        },
      );
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.answerAll(l10n.t('the preview was closed'));
      });
      this.panel.webview.onDidReceiveMessage((message: PageMessage) => this.onMessage(message));
    }
    this.panel.title = email.title;
    const webview = this.panel.webview;
    const media = (name: string) => webview.asWebviewUri(this.code.Uri.joinPath(this.extensionUri, 'media', name)).toString();
    this.pageReady = false;
    this.pageBehind = false;
    webview.html = previewHtml({
      html: email.html,
      frontMatter: email.frontMatter,
      savedAs: email.savedAs,
      nonce: randomHex(16),
      styleUri: media('preview.css'),
      scriptUri: media('preview.js'),
      cspSource: webview.cspSource,
    });
    this.panel.reveal(this.code.ViewColumn.Beside, true);
  }

  /**
   * The shown email again, after an edit of its draft: in place on the page (where the reader has
   * scrolled to), not revealed. Nothing when the preview was closed.
   */
  update(email: PreviewEmail): void {
    if (!this.panel) return;
    this.email = email;
    this.panel.title = email.title;
    if (this.pageReady) this.postUpdate();
    else this.pageBehind = true; // sent when the page says it is ready
  }

  private postUpdate(): void {
    if (!this.panel || !this.email) return;
    void this.panel.webview.postMessage({ type: 'update', html: this.email.html, text: this.email.text, parts: previewParts(this.email) });
  }

  /** Whether the panel is open. */
  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  /**
   * Copies the shown email as rich text through the page; where the host cannot, copies the HTML
   * source instead and says so. Resolves to what ended up on the clipboard.
   */
  async copyForPasting(): Promise<CopyOutcome> {
    const panel = this.panel;
    if (!panel || !this.email) throw new Error(l10n.t('no email is shown in the preview'));
    // focused: a page may write to the clipboard only while it has the focus (revealing a panel
    // that has it already would take it away for a moment)
    if (!panel.active) panel.reveal(undefined, false);
    const request = this.nextRequest++;
    const answer = new Promise<{ copied: boolean; reason?: string }>((resolve) => {
      this.requests.set(request, resolve);
      setTimeout(() => this.answer(request, { copied: false, reason: l10n.t('the preview did not answer') }), COPY_TIMEOUT_MS);
    });
    if (this.pageReady) void panel.webview.postMessage({ type: 'copy', request });
    const { copied, reason } = await answer;
    return this.tell(copied, reason);
  }

  private onMessage(message: PageMessage): void {
    if (!message || typeof message !== 'object' || !this.email || !this.panel) return;
    switch (message.type) {
      case 'ready': {
        const webview = this.panel.webview;
        void webview.postMessage({ type: 'email', html: this.email.html, text: this.email.text });
        if (this.pageBehind) this.postUpdate();
        this.pageBehind = false;
        this.pageReady = true;
        for (const request of this.requests.keys()) void webview.postMessage({ type: 'copy', request });
        break;
      }
      case 'copied':
      case 'copyFailed': {
        const answer = { copied: message.type === 'copied', reason: message.type === 'copyFailed' ? pageReason(message.reason) : undefined };
        // a request of ours is answered where it was made; a click on the page's button, here
        if (typeof message.request === 'number') this.answer(message.request, answer);
        else void this.tell(answer.copied, answer.reason);
        break;
      }
      case 'copyHtml':
        void this.code.env.clipboard
          .writeText(this.email.html)
          .then(() => this.code.window.showInformationMessage(l10n.t("Copied the email's HTML source to the clipboard.")));
        break;
    }
  }

  private answer(request: number, answer: { copied: boolean; reason?: string }): void {
    const resolve = this.requests.get(request);
    this.requests.delete(request);
    resolve?.(answer);
  }

  private answerAll(reason: string): void {
    for (const request of [...this.requests.keys()]) this.answer(request, { copied: false, reason });
  }

  /** Says how the copy went; when it did not, puts the HTML source on the clipboard instead. */
  private async tell(copied: boolean, reason = l10n.t('unknown reason')): Promise<CopyOutcome> {
    if (copied) {
      void this.code.window.showInformationMessage(l10n.t("Copied the email as rich text: paste it into Gmail's (or any) composer, lists and links included."));
      return 'rich';
    }
    if (this.email) await this.code.env.clipboard.writeText(this.email.html);
    void this.code.window.showWarningMessage(
      l10n.t(
        "Could not put rich text on the clipboard here ({0}), so the email's HTML source was copied instead: paste it where HTML is accepted, or open the exported .html in a browser and copy from there.",
        reason.replace(/\.$/, ''),
      ),
    );
    return 'source';
  }

  dispose(): void {
    this.answerAll(l10n.t('the preview was closed'));
    this.panel?.dispose();
  }
}

/**
 * Why the page could not copy, in the display language: its own reasons (media/preview.js sends them
 * in English, as the page has no strings of its own), else the browser's words as they are.
 */
function pageReason(reason: string | undefined): string | undefined {
  switch (reason) {
    case 'the preview has no email yet':
      return l10n.t('the preview has no email yet');
    case 'this editor offers no rich-text clipboard':
      return l10n.t('this editor offers no rich-text clipboard');
    default:
      return reason;
  }
}
