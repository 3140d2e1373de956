// The draft an export or copy command works on: the file it was given, else the active Markdown
// editor's; one with errors goes out only when the writer says so.
import * as vscode from 'vscode';
import type { Report } from '../core';
import { toRange } from './convert';
import type { ReportStore } from './reportStore';

export interface DraftToSend {
  document: vscode.TextDocument;
  report: Report;
}

/** The draft, or undefined after telling the writer why there is none (or that they chose not to). */
export async function draftToSend(store: ReportStore, uri: unknown, verb: 'Export' | 'Copy'): Promise<DraftToSend | undefined> {
  const document = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : activeMarkdown();
  const report = document && store.get(document, true);
  if (!document || !report) {
    void vscode.window.showErrorMessage(`Open a Markdown report draft to ${verb.toLowerCase()} it as an email.`);
    return undefined;
  }
  return (await readyToSend(document, report, verb)) ? { document, report } : undefined;
}

export function activeMarkdown(): vscode.TextDocument | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return document?.languageId === 'markdown' ? document : undefined;
}

/** The subject for titles: the front matter's (`subject:`, else `title:`), else the draft's file name. */
export function subjectOf({ document, report }: DraftToSend): string {
  const { subject, title } = report.frontMatter;
  // as the message takes it: an empty subject gives way to the title
  return String(subject || title || document.uri.path.split('/').pop());
}

/** A draft with errors is sent only when the writer says so. */
async function readyToSend(document: vscode.TextDocument, report: Report, verb: 'Export' | 'Copy'): Promise<boolean> {
  const errors = report.diagnostics.filter((d) => d.severity === 'error');
  if (!errors.length) return true;
  const first = errors[0];
  const choice = await vscode.window.showWarningMessage(
    `This draft has ${errors.length} error${errors.length === 1 ? '' : 's'} (line ${first.range.start.line + 1}: ${first.message})`,
    `${verb} Anyway`,
    'Go to First Problem',
  );
  if (choice === 'Go to First Problem') {
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(toRange(first.range).start, toRange(first.range).end);
    editor.revealRange(toRange(first.range), vscode.TextEditorRevealType.InCenter);
  }
  return choice === `${verb} Anyway`;
}
