// "Midcycle: Import Mailing-List Email": registered here; its work (importDraft.ts) is in the mail
// bundle, loaded when the command runs.
import * as vscode from 'vscode';
import type { LoadMailbox } from './mailboxBundle';

export const IMPORT_COMMAND = 'midcycle.importEmail';

export function registerImportCommand(mail: LoadMailbox): vscode.Disposable {
  return vscode.commands.registerCommand(IMPORT_COMMAND, async (uri?: unknown) => (await mail()).importDraft(vscode, uri));
}
