// The draft an export or copy command works on: the file it was given, else the active Markdown
// editor's; one with errors goes out only when the writer says so, or once "Fix All" has mended them.
import * as vscode from 'vscode';
import type { Report } from '../core';
import type { ExportQuestions } from '../mail/exportDraft';
import { activeMarkdown } from './activeDraft';
import { toRange } from './convert';
import { fixAllEdits } from './quickFixes';
import type { ReportStore } from './reportStore';

export interface DraftToSend {
  document: vscode.TextDocument;
  report: Report;
}

/** The draft, or undefined after telling the writer why there is none (or that they chose not to). */
export async function draftToSend(store: ReportStore, uri: unknown, verb: 'Export' | 'Copy', questions: ExportQuestions): Promise<DraftToSend | undefined> {
  const document = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : activeMarkdown();
  const report = document && store.get(document, true);
  if (!document || !report) {
    void vscode.window.showErrorMessage(
      verb === 'Export'
        ? vscode.l10n.t('Open a Markdown report draft to export it as an email.')
        : vscode.l10n.t('Open a Markdown report draft to copy it as an email.'),
    );
    return undefined;
  }
  const ready = await readyToSend(store, document, report, verb, questions);
  return ready ? { document, report: ready } : undefined;
}

/** The subject for titles: the front matter's (`subject:`, else `title:`), else the draft's file name. */
export function subjectOf({ document, report }: DraftToSend): string {
  const { subject, title } = report.frontMatter;
  // as the message takes it: an empty subject gives way to the title
  return String(subject || title || document.uri.path.split('/').pop());
}

/**
 * The report to send: a draft with errors goes only when the writer says so, or fixed first ("Fix
 * All and Export": every clear fix, as *Fix all malformed links* makes them; asked again about what
 * is left).
 */
async function readyToSend(
  store: ReportStore,
  document: vscode.TextDocument,
  report: Report,
  verb: 'Export' | 'Copy',
  questions: ExportQuestions,
): Promise<Report | undefined> {
  const errors = report.diagnostics.filter((d) => d.severity === 'error');
  if (!errors.length) return report;
  const first = errors[0];
  const fixes = fixAllEdits(report);
  // the buttons, whole (a verb put into a sentence would not translate)
  const fixAll = verb === 'Export' ? vscode.l10n.t('Fix All and Export') : vscode.l10n.t('Fix All and Copy');
  const anyway = verb === 'Export' ? vscode.l10n.t('Export Anyway') : vscode.l10n.t('Copy Anyway');
  const goTo = vscode.l10n.t('Go to First Problem');
  const line = first.range.start.line + 1;
  const choice = await questions.warning(
    errors.length === 1
      ? vscode.l10n.t('This draft has 1 error (line {0}: {1})', line, first.message)
      : vscode.l10n.t('This draft has {0} errors (line {1}: {2})', errors.length, line, first.message),
    false,
    ...(fixes.length ? [fixAll] : []),
    anyway,
    goTo,
  );
  if (choice === fixAll) {
    const edit = new vscode.WorkspaceEdit();
    for (const e of fixes) edit.replace(document.uri, toRange(e.range), e.text);
    if (!(await vscode.workspace.applyEdit(edit))) return undefined;
    const fixed = store.get(document, true);
    return fixed && readyToSend(store, document, fixed, verb, questions);
  }
  if (choice === goTo) {
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(toRange(first.range).start, toRange(first.range).end);
    editor.revealRange(toRange(first.range), vscode.TextEditorRevealType.InCenter);
  }
  return choice === anyway ? report : undefined;
}
