// "Export Midcycle Email", its work: the draft through the exporters, written beside it (or where
// the settings say) without replacing anything unasked, then shown in the preview. The Gmail HTML
// by default (with its text/plain alternative when asked); a .eml message, for a mail client to
// open and send. It lives in the mail bundle (dist/mail.js) with the exporters it uses, so that
// dist/extension.js holds only the command's registration; VS Code's API is handed in (the bundle
// never requires `vscode`: the CLI loads it too).
import type * as vscode from 'vscode';
import type { Report } from '../core/model/model';
import { exportEmail, type EmailOptions } from '../core/export/exportEmail';
import { messageFile } from '../core/export/exportMessage';
import { exportText } from '../core/export/exportText';
import type { EmailPreviewPanel } from './emailPreviewPanel';
import { exportPath } from './exportTarget';

export type ExportFormat = 'html' | 'eml';

/** The export settings (MidcycleSettings['export'] in the extension), with the link notes of the draft's facts. */
export interface DraftExportSettings extends EmailOptions {
  /** Folder for exports, relative to the draft's folder (or absolute); empty: beside the draft. */
  directory: string;
  plainText: boolean;
  /** A message's sender when the front matter has no `from:`. */
  from: string;
}

const FILTERS: Record<ExportFormat, Record<string, string[]>> = { html: { 'HTML email': ['html'] }, eml: { 'Email message': ['eml'] } };

/** What the command has worked out: the draft, its report and its title for the preview. */
export interface DraftExport {
  document: vscode.TextDocument;
  report: Report;
  title: string;
}

export async function exportDraft(
  code: typeof vscode,
  { document, report, title }: DraftExport,
  settings: DraftExportSettings,
  format: ExportFormat,
  preview: Pick<EmailPreviewPanel, 'show' | 'copyForPasting'>,
): Promise<vscode.Uri | undefined> {
  // the export settings are the exporters' options (nesting, font, line breaks, sender)
  const html = exportEmail(report, settings);
  const text = exportText(report, settings);
  const target = await chooseTarget(code, document, settings.directory, format);
  if (!target) return undefined;
  // what the message's headers lack or could not take (no subject, an address that is none)
  let problems = '';
  try {
    if (format === 'eml') {
      const message = messageFile(report, settings);
      await writeAtomically(code, target, message.eml);
      problems = message.diagnostics.map((d) => ` Line ${d.range.start.line + 1}: ${d.message}`).join('');
    } else {
      await writeAtomically(code, target, html);
      if (settings.plainText) {
        const textTarget = target.with({ path: target.path.replace(/\.html?$/i, '') + '.txt' });
        if (await confirmOverwrite(code, textTarget)) await writeAtomically(code, textTarget, text);
      }
    }
  } catch (e) {
    void code.window.showErrorMessage(`Could not write ${code.workspace.asRelativePath(target)}: ${(e as Error).message}. Your draft is unchanged.`);
    return undefined;
  }

  const name = code.workspace.asRelativePath(target);
  preview.show({ html, text, frontMatter: report.frontMatter, title: `Email: ${title}`, savedAs: name });
  // a .eml opens in the desktop's mail client; a remote window has none to hand it to
  const canOpen = format === 'eml' && code.env.remoteName === undefined && code.env.uiKind === code.UIKind.Desktop;
  const offers = [...(canOpen ? ['Open in Mail App'] : []), 'Copy for Pasting', 'Reveal File'];
  // not awaited: the export is done; the notification's buttons are offers, not a question
  const say = problems ? code.window.showWarningMessage : code.window.showInformationMessage;
  void say(`Exported the ${format === 'eml' ? 'message' : 'email'} to ${name}.${problems}`, ...offers).then(async (choice) => {
    if (choice === 'Copy for Pasting') await preview.copyForPasting();
    else if (choice === 'Open in Mail App') await code.env.openExternal(target);
    else if (choice === 'Reveal File') await code.commands.executeCommand('revealInExplorer', target);
  });
  return target;
}

async function chooseTarget(code: typeof vscode, document: vscode.TextDocument, directory: string, format: ExportFormat): Promise<vscode.Uri | undefined> {
  if (document.isUntitled) {
    return code.window.showSaveDialog({ title: 'Export Midcycle Email', filters: FILTERS[format], saveLabel: 'Export' });
  }
  const target = document.uri.with({ path: exportPath(document.uri.path, directory, `.${format}`).replace(/\\/g, '/') });
  if (!(await exists(code, target))) return target;
  const choice = await code.window.showWarningMessage(`${code.workspace.asRelativePath(target)} already exists.`, { modal: true }, 'Replace', 'Save As…');
  if (choice === 'Replace') return target;
  if (choice === 'Save As…') return code.window.showSaveDialog({ defaultUri: target, filters: FILTERS[format], saveLabel: 'Export' });
  return undefined;
}

async function confirmOverwrite(code: typeof vscode, target: vscode.Uri): Promise<boolean> {
  if (!(await exists(code, target))) return true;
  const choice = await code.window.showWarningMessage(`${code.workspace.asRelativePath(target)} already exists.`, { modal: true }, 'Replace');
  return choice === 'Replace';
}

async function exists(code: typeof vscode, uri: vscode.Uri): Promise<boolean> {
  try {
    await code.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** A temporary file beside the target, then a rename: a reader never sees half an email. */
async function writeAtomically(code: typeof vscode, target: vscode.Uri, content: string): Promise<void> {
  const tmp = target.with({ path: `${target.path}.${Date.now().toString(36)}.tmp` });
  try {
    await code.workspace.fs.writeFile(tmp, new TextEncoder().encode(content));
    await code.workspace.fs.rename(tmp, target, { overwrite: true });
  } catch (e) {
    await code.workspace.fs.delete(tmp).then(undefined, () => undefined);
    throw e;
  }
}
