// "Export Midcycle Email": the active draft through the core's exporters, written beside the draft
// (or where the settings say) without overwriting anything unasked, then shown in the preview. The
// Gmail HTML by default (with its text/plain alternative when asked); a .eml message, for a mail
// client to open and send, with "Export Midcycle Email as Message" or the export.format setting.
import * as vscode from 'vscode';
import { draftToSend, subjectOf } from './draftToSend';
import type { EmailPreviewPanel } from './emailPreviewPanel';
import { exportPath } from './exportTarget';
import { loadMailbox } from './mailboxBundle';
import type { ReportStore } from './reportStore';

export const EXPORT_COMMAND = 'midcycle.exportEmail';
export const EXPORT_MESSAGE_COMMAND = 'midcycle.exportMessage';

type Format = 'html' | 'eml';

const FILTERS: Record<Format, Record<string, string[]>> = { html: { 'HTML email': ['html'] }, eml: { 'Email message': ['eml'] } };

export function registerExportEmailCommand(store: ReportStore, preview: EmailPreviewPanel, extensionUri: vscode.Uri): vscode.Disposable {
  const run = async (uri: unknown, format: Format): Promise<vscode.Uri | undefined> => {
    const draft = await draftToSend(store, uri, 'Export');
    if (!draft) return undefined;
    const { document, report } = draft;

    const settings = store.settings.export;
    const style = { listNesting: settings.listNesting, font: settings.font, lineBreaks: settings.lineBreaks };
    const mailbox = loadMailbox(extensionUri);
    const html = mailbox.exportEmail(report, style);
    const text = mailbox.exportText(report, style);
    const target = await chooseTarget(document, settings.directory, format);
    if (!target) return undefined;
    // what the message's headers lack or could not take (no subject, an address that is none)
    let problems = '';
    try {
      if (format === 'eml') {
        const message = mailbox.messageFile(report, { ...style, from: settings.from });
        await writeAtomically(target, message.eml);
        problems = message.diagnostics.map((d) => ` Line ${d.range.start.line + 1}: ${d.message}`).join('');
      } else {
        await writeAtomically(target, html);
        if (settings.plainText) {
          const textTarget = target.with({ path: target.path.replace(/\.html?$/i, '') + '.txt' });
          if (await confirmOverwrite(textTarget)) await writeAtomically(textTarget, text);
        }
      }
    } catch (e) {
      void vscode.window.showErrorMessage(`Could not write ${vscode.workspace.asRelativePath(target)}: ${(e as Error).message}. Your draft is unchanged.`);
      return undefined;
    }

    const name = vscode.workspace.asRelativePath(target);
    preview.show({ html, text, frontMatter: report.frontMatter, title: `Email: ${subjectOf(draft)}`, savedAs: name });
    // a .eml opens in the desktop's mail client; a remote window has none to hand it to
    const canOpen = format === 'eml' && vscode.env.remoteName === undefined && vscode.env.uiKind === vscode.UIKind.Desktop;
    const offers = [...(canOpen ? ['Open in Mail App'] : []), 'Copy for Pasting', 'Reveal File'];
    // not awaited: the export is done; the notification's buttons are offers, not a question
    const say = problems ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    void say(`Exported the ${format === 'eml' ? 'message' : 'email'} to ${name}.${problems}`, ...offers).then(async (choice) => {
      if (choice === 'Copy for Pasting') await preview.copyForPasting();
      else if (choice === 'Open in Mail App') await vscode.env.openExternal(target);
      else if (choice === 'Reveal File') await vscode.commands.executeCommand('revealInExplorer', target);
    });
    return target;
  };
  return vscode.Disposable.from(
    vscode.commands.registerCommand(EXPORT_COMMAND, (uri?: unknown) => run(uri, store.settings.export.format)),
    vscode.commands.registerCommand(EXPORT_MESSAGE_COMMAND, (uri?: unknown) => run(uri, 'eml')),
  );
}

async function chooseTarget(document: vscode.TextDocument, directory: string, format: Format): Promise<vscode.Uri | undefined> {
  if (document.isUntitled) {
    return vscode.window.showSaveDialog({ title: 'Export Midcycle Email', filters: FILTERS[format], saveLabel: 'Export' });
  }
  const target = document.uri.with({ path: exportPath(document.uri.path, directory, `.${format}`).replace(/\\/g, '/') });
  if (!(await exists(target))) return target;
  const choice = await vscode.window.showWarningMessage(`${vscode.workspace.asRelativePath(target)} already exists.`, { modal: true }, 'Replace', 'Save As…');
  if (choice === 'Replace') return target;
  if (choice === 'Save As…') return vscode.window.showSaveDialog({ defaultUri: target, filters: FILTERS[format], saveLabel: 'Export' });
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
