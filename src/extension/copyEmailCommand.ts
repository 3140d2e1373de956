// "Copy Email for Pasting": the active draft's email on the clipboard as rich text (text/html with
// its text/plain alternative), for a mail composer such as Gmail's, which keeps lists and links
// only from rich text. Nothing is written to disk; the email shows in the preview, whose page does
// the copying (see EmailPreviewPanel). Run from the preview itself, it copies what is shown.
import * as vscode from 'vscode';
import type { Report } from '../core';
import type { ExportQuestions } from '../mail/exportDraft';
import { draftEmail } from './draftEmail';
import { activeMarkdown } from './activeDraft';
import { draftToSend } from './draftToSend';
import type { CopyOutcome } from '../mail/emailPreviewPanel';
import type { Preview } from './previewHolder';
import type { LinkFacts } from './linkFacts';
import type { ReportStore } from './reportStore';

export const COPY_EMAIL_COMMAND = 'midcycle.copyEmail';

export function registerCopyEmailCommand(store: ReportStore, preview: Preview, facts: LinkFacts, questions: ExportQuestions): vscode.Disposable {
  return vscode.commands.registerCommand(COPY_EMAIL_COMMAND, async (uri?: unknown): Promise<CopyOutcome | undefined> => {
    // from the preview (no Markdown editor active): the email it shows
    if (!(uri instanceof vscode.Uri) && !activeMarkdown() && preview.hasEmail) return preview.copyForPasting();
    const draft = await draftToSend(store, uri, 'Copy', questions);
    if (!draft) return undefined;
    const { document, report } = draft;
    const mail = await preview.mail();
    const render = (r: Report) => draftEmail(mail, store, facts, document, r);
    preview.show(render(report), { document, render });
    return preview.copyForPasting();
  });
}
