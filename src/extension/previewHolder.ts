// The email preview as the commands see it: the panel (emailPreviewPanel.ts, in the mail export
// bundle) is made on the first export or copy that shows an email, not at activation. The commands
// load that bundle through mail() before they show anything: show() is synchronous, as the mail code
// that calls it expects. It follows the edits of the draft it shows (debounced), in place, until it
// is closed or shows another email.
import * as vscode from 'vscode';
import type { Report } from '../core';
import type { CopyOutcome, EmailPreviewPanel, PreviewEmail } from '../mail/emailPreviewPanel';
import type { LoadMailExport, MailExport } from './mailboxBundle';
import type { ReportStore } from './reportStore';

/** How long after the last edit the preview shows the draft's email again. */
const FOLLOW_DEBOUNCE_MS = 300;

/** The draft an email was made from, and how to make it again from the draft's new report. */
export interface PreviewSource {
  document: vscode.TextDocument;
  render(report: Report): PreviewEmail;
}

export interface Preview {
  readonly hasEmail: boolean;
  /** The mail export bundle (exporters, preview), loaded once: a command awaits it before it shows an email. */
  mail(): Promise<MailExport>;
  show(email: PreviewEmail, source?: PreviewSource): void;
  copyForPasting(): Promise<CopyOutcome>;
}

export class PreviewHolder implements Preview, vscode.Disposable {
  private panel: EmailPreviewPanel | undefined;
  private mailbox: MailExport | undefined;
  private source: PreviewSource | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly listener: vscode.Disposable;
  /** The email shown last, for the integration tests. */
  shown: PreviewEmail | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly loadMailbox: LoadMailExport,
    private readonly store: ReportStore,
  ) {
    this.listener = vscode.workspace.onDidChangeTextDocument((e) => {
      if (!e.contentChanges.length || e.document !== this.source?.document) return;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.follow(), FOLLOW_DEBOUNCE_MS);
    });
  }

  get hasEmail(): boolean {
    return this.panel?.hasEmail ?? false;
  }

  async mail(): Promise<MailExport> {
    this.mailbox ??= await this.loadMailbox();
    return this.mailbox;
  }

  show(email: PreviewEmail, source?: PreviewSource): void {
    if (!this.mailbox) throw new Error('the mail export bundle is not loaded yet (await mail() first)');
    this.panel ??= new this.mailbox.EmailPreviewPanel(vscode, this.extensionUri);
    this.panel.show(email);
    this.shown = email;
    this.source = source;
  }

  copyForPasting(): Promise<CopyOutcome> {
    if (!this.panel) return Promise.reject(new Error(vscode.l10n.t('no email is shown in the preview')));
    return this.panel.copyForPasting();
  }

  private follow(): void {
    const source = this.source;
    if (!source || !this.panel?.isOpen || source.document.isClosed) {
      this.source = undefined;
      return;
    }
    const report = this.store.get(source.document, true);
    if (!report) return;
    this.shown = source.render(report);
    this.panel.update(this.shown);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.listener.dispose();
    this.panel?.dispose();
  }
}
