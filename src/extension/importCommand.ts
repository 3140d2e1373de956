// "Midcycle: Import Mailing-List Email": registered here; its work (importDraft.ts) is in the mail
// bundle, loaded when the command runs.
import * as vscode from 'vscode';
import { loadMailbox } from './mailboxBundle';

export const IMPORT_COMMAND = 'midcycle.importEmail';

export function registerImportCommand(extensionUri: vscode.Uri): vscode.Disposable {
  return vscode.commands.registerCommand(IMPORT_COMMAND, (uri?: unknown) => loadMailbox(extensionUri).importDraft(vscode, uri));
}
