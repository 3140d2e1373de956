// The Markdown draft the writer is working on. VS Code's active editor is usually it, but the
// Output panel's text (the Midcycle log, for one) is an editor too: while the focus is there, the
// draft is the Markdown editor still on screen, not "no draft" (the tree went blank and Export said
// to open a draft, with the draft in plain view).
import * as vscode from 'vscode';

/** An editor of a panel's text rather than of a document the writer opened: the Output panel's channels. */
export function isPanelEditor(editor: vscode.TextEditor): boolean {
  return editor.document.uri.scheme === 'output';
}

/** The active editor's Markdown document; while a panel's editor is active, the visible Markdown editor's. */
export function activeMarkdown(): vscode.TextDocument | undefined {
  const active = vscode.window.activeTextEditor;
  const editor =
    active && isPanelEditor(active) ? vscode.window.visibleTextEditors.find((e) => !isPanelEditor(e) && e.document.languageId === 'markdown') : active;
  return editor?.document.languageId === 'markdown' ? editor.document : undefined;
}
