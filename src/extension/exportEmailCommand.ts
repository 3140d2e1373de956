// "Export Midcycle Email" (the HTML email, or a .eml message with "Export Midcycle Email as
// Message" or the export.format setting): registered here; its work (exportDraft.ts) is in the mail
// export bundle, loaded when the command runs. Its preview then follows the draft's edits.
import * as vscode from 'vscode';
import { draftToSend, subjectOf } from './draftToSend';
import type { Preview } from './previewHolder';
import type { Report } from '../core';
import type { ExportFormat, ExportMemory, ExportQuestions } from '../mail/exportDraft';
import type { PreviewEmail } from '../mail/emailPreviewPanel';
import { draftEmail } from './draftEmail';
import type { LinkFacts } from './linkFacts';
import type { ReportStore } from './reportStore';

export const EXPORT_COMMAND = 'midcycle.exportEmail';
export const EXPORT_MESSAGE_COMMAND = 'midcycle.exportMessage';

export function registerExportEmailCommand(
  store: ReportStore,
  preview: Preview,
  facts: LinkFacts,
  questions: ExportQuestions,
  memory: ExportMemory,
): vscode.Disposable {
  /** `format`: the message's, or else what the draft's `export.format` setting says. */
  const run = async (uri: unknown, format?: ExportFormat): Promise<vscode.Uri | undefined> => {
    const draft = await draftToSend(store, uri, 'Export', questions);
    if (!draft) return undefined;
    const { document } = draft;
    const settings = store.settingsFor(document).export;
    const mail = await preview.mail();
    // the preview follows the draft's edits from there, said as not saved
    const following = {
      show: (email: PreviewEmail) =>
        preview.show(email, {
          document,
          render: (report: Report) =>
            draftEmail(mail, store, facts, document, report, email.savedAs && vscode.l10n.t('{0}, before the latest edits', email.savedAs)),
        }),
      copyForPasting: () => preview.copyForPasting(),
    };
    return mail.exportDraft(
      vscode,
      { ...draft, title: subjectOf(draft) },
      { ...settings, linkNotes: facts.linkNotes(draft.report, document) },
      format ?? settings.format,
      following,
      questions,
      memory,
    );
  };
  return vscode.Disposable.from(
    vscode.commands.registerCommand(EXPORT_COMMAND, (uri?: unknown) => run(uri)),
    vscode.commands.registerCommand(EXPORT_MESSAGE_COMMAND, (uri?: unknown) => run(uri, 'eml')),
  );
}
