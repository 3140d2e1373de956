// A draft's email as the preview shows it: made with the export settings and the link facts of the
// draft as it is now, for the export and copy commands and for the preview following the draft's edits.
import * as l10n from '@vscode/l10n';
import type * as vscode from 'vscode';
import type { Report } from '../core';
import type { PreviewEmail } from '../mail/emailPreviewPanel';
import { subjectOf } from './draftToSend';
import type { LinkFacts } from './linkFacts';
import type { MailExport } from './mailboxBundle';
import type { ReportStore } from './reportStore';

export function draftEmail(
  mailbox: MailExport,
  store: ReportStore,
  facts: LinkFacts,
  document: vscode.TextDocument,
  report: Report,
  savedAs?: string,
): PreviewEmail {
  const options = { ...store.settingsFor(document).export, linkNotes: facts.linkNotes(report, document) };
  return {
    html: mailbox.exportEmail(report, options),
    text: mailbox.exportText(report, options),
    frontMatter: report.frontMatter,
    title: l10n.t('Email: {0}', subjectOf({ document, report })),
    savedAs,
  };
}
