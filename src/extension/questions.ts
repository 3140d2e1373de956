// What the export and copy commands ask the writer: VS Code's warning prompts and save dialog, in
// one place that the integration tests answer instead (as LinkFacts.question is answered).
import * as vscode from 'vscode';
import type { ExportQuestions } from '../mail/exportDraft';

export function vscodeQuestions(homeFolder?: vscode.Uri): ExportQuestions {
  return {
    homeFolder,
    warning: (message, modal, ...choices) => vscode.window.showWarningMessage(message, { modal }, ...choices),
    saveDialog: (options) => vscode.window.showSaveDialog(options),
  };
}
