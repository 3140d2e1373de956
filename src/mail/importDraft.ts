// "Midcycle: Import Mailing-List Email", its work: a sent report (.eml, Gmail/Outlook/Thunderbird
// HTML, a list archive's page or text, a .txt or .rst) becomes a Markdown draft beside it, never over
// an existing file, opened in the active editor group, and the writer is told how the file was read.
// From the palette, the .eml or .html open in the active editor is the one imported, else a dialog asks. It lives in the
// mail import bundle (dist/mailImport.js) with the importers it uses, so that dist/extension.js holds only the
// command's registration; VS Code's API is handed in (the bundle never requires `vscode`: the CLI
// loads it too).
import * as l10n from '@vscode/l10n';
import type * as vscode from 'vscode';
import { importMessage } from '../core/import/importMessage';
import { useDisplayLanguage } from './localization';

export async function importDraft(code: typeof vscode, uri: unknown): Promise<vscode.Uri | undefined> {
  useDisplayLanguage(code);
  const source =
    uri instanceof code.Uri
      ? uri
      : (openEmail(code) ??
        (
          await code.window.showOpenDialog({
            title: l10n.t('Import Mailing-List Email'),
            canSelectMany: false,
            filters: { [l10n.t('Sent email')]: ['eml', 'html', 'htm', 'txt', 'rst'] },
            openLabel: l10n.t('Import'),
          })
        )?.[0]);
  if (!source) return undefined;
  const name = baseName(source);
  let imported: Awaited<ReturnType<typeof importMessage>>;
  try {
    // an open document as it is in the editor, edits not saved included
    const open = code.workspace.textDocuments.find((d) => d.uri.toString() === source.toString());
    const text = open ? open.getText() : new TextDecoder('utf-8').decode(await code.workspace.fs.readFile(source));
    imported = await importMessage(text, name);
  } catch (e) {
    void code.window.showErrorMessage(l10n.t('Could not import {0}: {1}', name, (e as Error).message));
    return undefined;
  }
  const target = await freeName(code, source.with({ path: source.path.replace(/\.(eml|html?|txt|rst)$/i, '') + '.md' }));
  await code.workspace.fs.writeFile(target, new TextEncoder().encode(imported.markdown));
  // where the writer is, as opening a file does: not in a new group beside it each time
  await code.window.showTextDocument(target, { viewColumn: code.ViewColumn.Active });
  // which reading was used (a .txt as text, an .html as HTML…), so that a surprise is seen at once:
  // the core's words (English, as the CLI says them)
  void code.window.showInformationMessage(l10n.t('Imported {0} {1} into {2}.', name, imported.reading, baseName(target)));
  return target;
}

/** The sent email open in the active editor (a text editor's, or a custom editor's such as an HTML preview), when there is one. */
function openEmail(code: typeof vscode): vscode.Uri | undefined {
  const input = code.window.tabGroups.activeTabGroup.activeTab?.input;
  const candidates = [
    code.window.activeTextEditor?.document.uri,
    input instanceof code.TabInputText || input instanceof code.TabInputCustom ? input.uri : undefined,
  ];
  return candidates.find((u) => u !== undefined && /\.(eml|html?)$/i.test(u.path));
}

/** The name itself, or name-2.md, name-3.md…: an import never replaces a file. */
async function freeName(code: typeof vscode, uri: vscode.Uri): Promise<vscode.Uri> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? uri : uri.with({ path: uri.path.replace(/\.md$/, `-${n}.md`) });
    try {
      await code.workspace.fs.stat(candidate);
    } catch {
      return candidate;
    }
  }
}

/** The file's name (a URI's path has forward slashes everywhere, in a browser too). */
function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
