// "Midcycle: Import Mailing-List Email": a sent report (.eml, Gmail/Outlook/Thunderbird HTML, a list
// archive page) becomes a Markdown draft beside it, never over an existing file, opened beside.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { loadMailbox } from './mailboxBundle';

export const IMPORT_COMMAND = 'midcycle.importEmail';

export function registerImportCommand(extensionUri: vscode.Uri): vscode.Disposable {
  return vscode.commands.registerCommand(IMPORT_COMMAND, async (uri?: vscode.Uri) => {
    const source =
      uri instanceof vscode.Uri
        ? uri
        : (await vscode.window.showOpenDialog({ title: 'Import Mailing-List Email', canSelectMany: false, filters: { 'Sent email': ['eml', 'html', 'htm', 'txt', 'rst'] }, openLabel: 'Import' }))?.[0];
    if (!source) return undefined;
    const mailbox = loadMailbox(extensionUri);
    let markdown: string;
    let reading: string;
    try {
      const bytes = await vscode.workspace.fs.readFile(source);
      ({ markdown, reading } = await mailbox.importMessage(new TextDecoder('utf-8').decode(bytes), path.basename(source.path)));
    } catch (e) {
      void vscode.window.showErrorMessage(`Could not import ${path.basename(source.path)}: ${(e as Error).message}`);
      return undefined;
    }
    const target = await freeName(source.with({ path: source.path.replace(/\.(eml|html?|txt|rst)$/i, '') + '.md' }));
    await vscode.workspace.fs.writeFile(target, Buffer.from(markdown, 'utf8'));
    await vscode.window.showTextDocument(target, { viewColumn: vscode.ViewColumn.Beside });
    // which reading was used (a .txt as text, an .html as HTML…), so that a surprise is seen at once
    void vscode.window.showInformationMessage(`Imported ${path.basename(source.path)} ${reading} into ${path.basename(target.path)}.`);
    return target;
  });
}

/** The name itself, or name-2.md, name-3.md…: an import never replaces a file. */
async function freeName(uri: vscode.Uri): Promise<vscode.Uri> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? uri : uri.with({ path: uri.path.replace(/\.md$/, `-${n}.md`) });
    try {
      await vscode.workspace.fs.stat(candidate);
    } catch {
      return candidate;
    }
  }
}
