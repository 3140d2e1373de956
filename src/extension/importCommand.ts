// "Midcycle: Import Mailing-List Email": registered here; its work (importDraft.ts) is in the mail
// import bundle, loaded when the command runs.
import * as vscode from 'vscode';
import type { LoadMailImport } from './mailboxBundle';

export const IMPORT_COMMAND = 'midcycle.importEmail';

export function registerImportCommand(mailImport: LoadMailImport): vscode.Disposable {
  return vscode.commands.registerCommand(IMPORT_COMMAND, async (uri?: unknown) => (await mailImport()).importDraft(vscode, uri));
}
