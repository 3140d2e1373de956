// "Export Midcycle Email": the active draft through the core's exporters, written beside the draft
// (or where the settings say) without overwriting anything unasked, then shown in the preview.
import * as vscode from 'vscode';
import { exportEmail, exportText, type Report } from '../core';
import { toRange } from './convert';
import type { EmailPreviewPanel } from './emailPreviewPanel';
import { exportPath } from './exportTarget';
import type { ReportStore } from './reportStore';

export const EXPORT_COMMAND = 'midcycle.exportEmail';

export function registerExportEmailCommand(store: ReportStore, preview: EmailPreviewPanel): vscode.Disposable {
  return vscode.commands.registerCommand(EXPORT_COMMAND, async (uri?: vscode.Uri) => {
    const document = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : activeMarkdown();
    const report = document && store.get(document, true);
    if (!document || !report) {
      void vscode.window.showErrorMessage('Open a Markdown report draft to export it as an email.');
      return;
    }
    if (!(await readyToExport(document, report))) return;

    const settings = store.settings.export;
    const html = exportEmail(report, { listNesting: settings.listNesting, font: settings.font });
    const target = await chooseTarget(document, settings.directory, '.html');
    if (!target) return;
    try {
      await writeAtomically(target, html);
      if (settings.plainText) {
        const textTarget = target.with({ path: target.path.replace(/\.html?$/i, '') + '.txt' });
        if (await confirmOverwrite(textTarget)) await writeAtomically(textTarget, exportText(report));
      }
    } catch (e) {
      void vscode.window.showErrorMessage(`Could not write ${vscode.workspace.asRelativePath(target)}: ${(e as Error).message}. Your draft is unchanged.`);
      return;
    }

    const name = vscode.workspace.asRelativePath(target);
    const subject = typeof report.frontMatter.subject === 'string' ? report.frontMatter.subject : baseName(document);
    preview.show(html, report.frontMatter, `Email: ${subject}`, name);
    // not awaited: the export is done; the notification's buttons are offers, not a question
    void vscode.window.showInformationMessage(`Exported the email to ${name}.`, 'Copy HTML', 'Reveal File').then(async (choice) => {
      if (choice === 'Copy HTML') {
        await vscode.env.clipboard.writeText(html);
        void vscode.window.showInformationMessage("Copied the email's HTML to the clipboard.");
      } else if (choice === 'Reveal File') {
        await vscode.commands.executeCommand('revealInExplorer', target);
      }
    });
    return target;
  });
}

function activeMarkdown(): vscode.TextDocument | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return document?.languageId === 'markdown' ? document : undefined;
}

/** A draft with errors is exported only when the writer says so. */
async function readyToExport(document: vscode.TextDocument, report: Report): Promise<boolean> {
  const errors = report.diagnostics.filter((d) => d.severity === 'error');
  if (!errors.length) return true;
  const first = errors[0];
  const choice = await vscode.window.showWarningMessage(
    `This draft has ${errors.length} error${errors.length === 1 ? '' : 's'} (line ${first.range.start.line + 1}: ${first.message})`,
    'Export Anyway',
    'Go to First Problem',
  );
  if (choice === 'Go to First Problem') {
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(toRange(first.range).start, toRange(first.range).end);
    editor.revealRange(toRange(first.range), vscode.TextEditorRevealType.InCenter);
  }
  return choice === 'Export Anyway';
}

async function chooseTarget(document: vscode.TextDocument, directory: string, extension: '.html'): Promise<vscode.Uri | undefined> {
  if (document.isUntitled) {
    return vscode.window.showSaveDialog({ title: 'Export Midcycle Email', filters: { 'HTML email': ['html'] }, saveLabel: 'Export' });
  }
  const target = document.uri.with({ path: exportPath(document.uri.path, directory, extension).replace(/\\/g, '/') });
  if (!(await exists(target))) return target;
  const choice = await vscode.window.showWarningMessage(`${vscode.workspace.asRelativePath(target)} already exists.`, { modal: true }, 'Replace', 'Save As…');
  if (choice === 'Replace') return target;
  if (choice === 'Save As…') return vscode.window.showSaveDialog({ defaultUri: target, filters: { 'HTML email': ['html'] }, saveLabel: 'Export' });
  return undefined;
}

async function confirmOverwrite(target: vscode.Uri): Promise<boolean> {
  if (!(await exists(target))) return true;
  const choice = await vscode.window.showWarningMessage(`${vscode.workspace.asRelativePath(target)} already exists.`, { modal: true }, 'Replace');
  return choice === 'Replace';
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** A temporary file beside the target, then a rename: a reader never sees half an email. */
async function writeAtomically(target: vscode.Uri, content: string): Promise<void> {
  const tmp = target.with({ path: `${target.path}.${Date.now().toString(36)}.tmp` });
  try {
    await vscode.workspace.fs.writeFile(tmp, Buffer.from(content, 'utf8'));
    await vscode.workspace.fs.rename(tmp, target, { overwrite: true });
  } catch (e) {
    await vscode.workspace.fs.delete(tmp).then(undefined, () => undefined);
    throw e;
  }
}

function baseName(document: vscode.TextDocument): string {
  return document.uri.path.split('/').pop() ?? 'report';
}
