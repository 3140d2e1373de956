// dist/mail.js, the mail code (exporters, .eml, importers with their HTML and MIME parsers),
// loaded on first use: not at activation.
import * as vscode from 'vscode';

export type Mailbox = typeof import('../mail');

export function loadMailbox(extensionUri: vscode.Uri): Mailbox {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle beside this one, on purpose not bundled in
  return require(vscode.Uri.joinPath(extensionUri, 'dist', 'mail.js').fsPath) as Mailbox;
}
