// The email preview as the commands see it: the panel (emailPreviewPanel.ts, in the mail bundle) is
// made on the first export or copy that shows an email, not at activation. The commands load the
// mail bundle through mail() before they show anything: show() is synchronous, as the mail code
// that calls it expects.
import * as vscode from 'vscode';
import type { CopyOutcome, EmailPreviewPanel, PreviewEmail } from '../mail/emailPreviewPanel';
import type { LoadMailbox, Mailbox } from './mailboxBundle';

export type Preview = Pick<EmailPreviewPanel, 'show' | 'copyForPasting' | 'hasEmail'> & { mail(): Promise<Mailbox> };

export class PreviewHolder implements Preview, vscode.Disposable {
  private panel: EmailPreviewPanel | undefined;
  private mailbox: Mailbox | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly loadMailbox: LoadMailbox,
  ) {}

  get hasEmail(): boolean {
    return this.panel?.hasEmail ?? false;
  }

  /** The mail bundle, loaded once: a command awaits it before it shows an email. */
  async mail(): Promise<Mailbox> {
    this.mailbox ??= await this.loadMailbox();
    return this.mailbox;
  }

  show(email: PreviewEmail): void {
    if (!this.mailbox) throw new Error('the mail bundle is not loaded yet (await mail() first)');
    this.panel ??= new this.mailbox.EmailPreviewPanel(vscode, this.extensionUri);
    this.panel.show(email);
  }

  copyForPasting(): Promise<CopyOutcome> {
    if (!this.panel) return Promise.reject(new Error('no email is shown in the preview'));
    return this.panel.copyForPasting();
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
