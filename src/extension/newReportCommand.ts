// "New Report Draft": an untitled Markdown document with the report skeleton snippet, ready to fill.
import * as vscode from 'vscode';
import snippets from '../../snippets/markdown.json';

export function registerNewReportCommand(): vscode.Disposable {
  return vscode.commands.registerCommand('midcycle.newReport', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    const editor = await vscode.window.showTextDocument(document);
    await editor.insertSnippet(new vscode.SnippetString(snippets['Midcycle report'].body.join('\n')));
  });
}
