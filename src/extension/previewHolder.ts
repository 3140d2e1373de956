// The email preview as the commands see it: the panel (emailPreviewPanel.ts, in the mail bundle) is
// made on the first export or copy that shows an email, not at activation.
import * as vscode from 'vscode';
import type { CopyOutcome, EmailPreviewPanel, PreviewEmail } from '../mail/emailPreviewPanel';
import { loadMailbox } from './mailboxBundle';

export type Preview = Pick<EmailPreviewPanel, 'show' | 'copyForPasting' | 'hasEmail'>;

export class PreviewHolder implements Preview, vscode.Disposable {
  private panel: EmailPreviewPanel | undefined;

  constructor(private readonly extensionUri: vscode.Uri) {}

  get hasEmail(): boolean {
    return this.panel?.hasEmail ?? false;
  }

  show(email: PreviewEmail): void {
    this.panel ??= new (loadMailbox(this.extensionUri).EmailPreviewPanel)(vscode, this.extensionUri);
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
