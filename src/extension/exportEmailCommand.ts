// "Export Midcycle Email" (the HTML email, or a .eml message with "Export Midcycle Email as
// Message" or the export.format setting): registered here; its work (exportDraft.ts) is in the mail
// bundle, loaded when the command runs.
import * as vscode from 'vscode';
import { draftToSend, subjectOf } from './draftToSend';
import type { Preview } from './previewHolder';
import type { ExportFormat } from '../mail/exportDraft';
import type { LinkFacts } from './linkFacts';
import type { ReportStore } from './reportStore';

export const EXPORT_COMMAND = 'midcycle.exportEmail';
export const EXPORT_MESSAGE_COMMAND = 'midcycle.exportMessage';

export function registerExportEmailCommand(store: ReportStore, preview: Preview, facts: LinkFacts): vscode.Disposable {
  const run = async (uri: unknown, format: ExportFormat): Promise<vscode.Uri | undefined> => {
    const draft = await draftToSend(store, uri, 'Export');
    if (!draft) return undefined;
    const mail = await preview.mail();
    return mail.exportDraft(
      vscode,
      { ...draft, title: subjectOf(draft) },
      { ...store.settings.export, linkNotes: facts.linkNotes(draft.report) },
      format,
      preview,
    );
  };
  return vscode.Disposable.from(
    vscode.commands.registerCommand(EXPORT_COMMAND, (uri?: unknown) => run(uri, store.settings.export.format)),
    vscode.commands.registerCommand(EXPORT_MESSAGE_COMMAND, (uri?: unknown) => run(uri, 'eml')),
  );
}
