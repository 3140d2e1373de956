// "New Report Draft": an untitled Markdown document with the report skeleton snippet, ready to fill.
// The skeleton is read from the snippet file the extension contributes: one source for both.
import * as vscode from 'vscode';
import type { Platform } from './platform/platform';

export function registerNewReportCommand(platform: Platform): vscode.Disposable {
  return vscode.commands.registerCommand('midcycle.newReport', async () => {
    const snippets = JSON.parse(await platform.readText('snippets', 'markdown.json')) as Record<string, { body: string[] }>;
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    const editor = await vscode.window.showTextDocument(document);
    await editor.insertSnippet(new vscode.SnippetString(snippets['Midcycle report'].body.join('\n')));
  });
}
