// A rule's page (docs/rules/<code>.md in the extension, which a diagnostic's code opens) shown as
// the Markdown preview shows it, not as its source: VS Code opens a code's target as a file, so the
// editor it opens is swapped for the preview.
import * as vscode from 'vscode';

export function registerRuleDocsSupport(extensionUri: vscode.Uri): vscode.Disposable {
  const folder = vscode.Uri.joinPath(extensionUri, 'docs', 'rules').path + '/';
  const isRulePage = (uri: vscode.Uri) => uri.path.startsWith(folder) && uri.path.endsWith('.md');
  const swap = async (editor: vscode.TextEditor | undefined) => {
    if (!editor || !isRulePage(editor.document.uri)) return;
    const uri = editor.document.uri;
    await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  };
  return vscode.window.onDidChangeActiveTextEditor((editor) => void swap(editor));
}
