// "Export Midcycle Email", its work: the draft through the exporters, written beside it (or where
// the settings say) without replacing anything unasked but the draft's own last export as it was
// written, then shown in the preview. The Gmail HTML
// by default (with its text/plain alternative when asked); a .eml message, for a mail client to
// open and send. It lives in the mail export bundle (dist/mailExport.js) with the exporters it uses, so that
// dist/extension.js holds only the command's registration; VS Code's API is handed in (the bundle
// never requires `vscode`: the CLI loads it too).
import * as l10n from '@vscode/l10n';
import type * as vscode from 'vscode';
import type { Report } from '../core/model/model';
import { exportEmail, type EmailOptions } from '../core/export/exportEmail';
import { messageFile } from '../core/export/exportMessage';
import { exportText } from '../core/export/exportText';
import type { PreviewEmail } from './emailPreviewPanel';
import { exportFileName, exportPath } from './exportTarget';
import { useDisplayLanguage } from './localization';

export type ExportFormat = 'html' | 'eml';

/** The export settings (MidcycleSettings['export'] in the extension), with the link notes of the draft's facts. */
export interface DraftExportSettings extends EmailOptions {
  /** Folder for exports, relative to the draft's folder (or absolute); empty: beside the draft. */
  directory: string;
  plainText: boolean;
  /** A message's sender when the front matter has no `from:`. */
  from: string;
}

/** The save dialog's filter (a function: the strings are configured after this bundle loads). */
function filters(format: ExportFormat): Record<string, string[]> {
  return format === 'html' ? { [l10n.t('HTML email')]: ['html'] } : { [l10n.t('Email message')]: ['eml'] };
}

/** What the export asks the writer (VS Code's dialogs in the extension; the integration tests answer instead). */
export interface ExportQuestions {
  warning(message: string, modal: boolean, ...choices: string[]): Thenable<string | undefined>;
  saveDialog(options: vscode.SaveDialogOptions): Thenable<vscode.Uri | undefined>;
  /** Where a save dialog starts with no workspace folder open: the home folder on the desktop; none on the web. */
  readonly homeFolder?: vscode.Uri;
}

/** The hash of what a draft's export last wrote to each file, by the draft's and the file's URIs. */
export interface ExportMemory {
  written(draft: string, target: string): string | undefined;
  remember(draft: string, target: string, hash: string): Thenable<void>;
}

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
  preview: { show(email: PreviewEmail): void; copyForPasting(): Promise<unknown> },
  questions: ExportQuestions,
  memory: ExportMemory,
): Promise<vscode.Uri | undefined> {
  useDisplayLanguage(code);
  // the export settings are the exporters' options (nesting, font, line breaks, sender)
  const html = exportEmail(report, settings);
  const text = exportText(report, settings);
  const files = new ExportFiles(code, document.uri.toString(), questions, memory);
  const target = await files.choose(document, report, settings.directory, format);
  if (!target) return undefined;
  // what the message's headers lack or could not take (no subject, an address that is none)
  let problems = '';
  try {
    if (format === 'eml') {
      const message = messageFile(report, settings);
      await files.write(target, message.eml);
      problems = message.diagnostics.map((d) => ` ${l10n.t('Line {0}: {1}', d.range.start.line + 1, d.message)}`).join('');
    } else {
      await files.write(target, html);
      if (settings.plainText) {
        const textTarget = target.with({ path: target.path.replace(/\.html?$/i, '') + '.txt' });
        if (await files.mayReplace(textTarget)) await files.write(textTarget, text);
      }
    }
  } catch (e) {
    void code.window.showErrorMessage(
      l10n.t('Could not write {0}: {1}. Your draft is unchanged.', code.workspace.asRelativePath(target), (e as Error).message),
    );
    return undefined;
  }

  const name = code.workspace.asRelativePath(target);
  preview.show({ html, text, frontMatter: report.frontMatter, title: l10n.t('Email: {0}', title), savedAs: name });
  // a .eml opens in the desktop's mail client; a remote window has none to hand it to
  const canOpen = format === 'eml' && code.env.remoteName === undefined && code.env.uiKind === code.UIKind.Desktop;
  const [openInMail, copy, reveal] = [l10n.t('Open in Mail App'), l10n.t('Copy for Pasting'), l10n.t('Reveal File')];
  const offers = [...(canOpen ? [openInMail] : []), copy, reveal];
  // not awaited: the export is done; the notification's buttons are offers, not a question
  const say = problems ? code.window.showWarningMessage : code.window.showInformationMessage;
  const exported = format === 'eml' ? l10n.t('Exported the message to {0}.', name) : l10n.t('Exported the email to {0}.', name);
  void say(`${exported}${problems}`, ...offers).then(async (choice) => {
    if (choice === copy) await preview.copyForPasting();
    else if (choice === openInMail) await code.env.openExternal(target);
    else if (choice === reveal) await code.commands.executeCommand('revealInExplorer', target);
  });
  return target;
}

/**
 * The files of one export: where it goes, and whether a file there may be replaced. The draft's own
 * last export, unchanged since it was written, is replaced without asking; any other file is asked about.
 */
class ExportFiles {
  constructor(
    private readonly code: typeof vscode,
    private readonly draft: string,
    private readonly questions: ExportQuestions,
    private readonly memory: ExportMemory,
  ) {}

  async choose(document: vscode.TextDocument, report: Report, directory: string, format: ExportFormat): Promise<vscode.Uri | undefined> {
    const code = this.code;
    if (document.isUntitled) {
      // a name from the subject (or first line), in the workspace's folder (or the export folder)
      const folder = code.workspace.workspaceFolders?.[0]?.uri ?? this.questions.homeFolder ?? code.Uri.file('/');
      // an absolute folder in the settings (`/srv/mail`, `C:\mail`), else one under the workspace's
      const base = !directory ? folder : /^([a-z]:)?[\\/]/i.test(directory) ? code.Uri.file(directory) : code.Uri.joinPath(folder, directory);
      const defaultUri = code.Uri.joinPath(base, exportFileName(report.frontMatter, report.text, `.${format}`));
      return this.questions.saveDialog({ title: l10n.t('Export Midcycle Email'), defaultUri, filters: filters(format), saveLabel: l10n.t('Export') });
    }
    const target = document.uri.with({ path: exportPath(document.uri.path, directory, `.${format}`).replace(/\\/g, '/') });
    // the export folder setting may lead anywhere (a workspace's own settings, too): a file outside
    // the workspace and the draft's folder is written only when the writer says so
    if (this.outside(document.uri, target)) {
      const [exportThere, saveAs] = [l10n.t('Export There'), l10n.t('Save As…')];
      const choice = await this.questions.warning(
        l10n.t('The export folder setting ("{0}") leads outside the workspace, to {1}. Export there?', directory, target.fsPath),
        true,
        exportThere,
        saveAs,
      );
      if (choice === saveAs) return this.questions.saveDialog({ defaultUri: target, filters: filters(format), saveLabel: l10n.t('Export') });
      if (choice !== exportThere) return undefined;
    }
    if (await this.mayReplace(target, false)) return target;
    const [replace, saveAs] = [l10n.t('Replace'), l10n.t('Save As…')];
    const choice = await this.questions.warning(this.changedText(target), true, replace, saveAs);
    if (choice === replace) return target;
    if (choice === saveAs) return this.questions.saveDialog({ defaultUri: target, filters: filters(format), saveLabel: l10n.t('Export') });
    return undefined;
  }

  /** Whether `target` is outside every workspace folder and the draft's own folder. */
  private outside(draft: vscode.Uri, target: vscode.Uri): boolean {
    if (this.code.workspace.getWorkspaceFolder(target)) return false;
    const folder = draft.path.slice(0, draft.path.lastIndexOf('/') + 1);
    return target.scheme !== draft.scheme || target.authority !== draft.authority || !target.path.startsWith(folder);
  }

  /** True when `target` is not there, or is this draft's last export as written; else asks when `ask`. */
  async mayReplace(target: vscode.Uri, ask = true): Promise<boolean> {
    let content: Uint8Array;
    try {
      content = await this.code.workspace.fs.readFile(target);
    } catch {
      return !(await exists(this.code, target)); // not there (or not a file: asked about)
    }
    if (this.memory.written(this.draft, target.toString()) === (await hash(content))) return true;
    if (!ask) return false;
    const replace = l10n.t('Replace');
    return (await this.questions.warning(this.changedText(target), true, replace)) === replace;
  }

  async write(target: vscode.Uri, content: string): Promise<void> {
    await writeAtomically(this.code, target, content);
    await this.memory.remember(this.draft, target.toString(), await hash(new TextEncoder().encode(content)));
  }

  private changedText(target: vscode.Uri): string {
    const name = this.code.workspace.asRelativePath(target);
    return this.memory.written(this.draft, target.toString())
      ? l10n.t('{0} has changed since this draft was last exported to it.', name)
      : l10n.t('{0} already exists.', name);
  }
}

/** SHA-256, hex: Web Crypto, which Node 20 and browsers (VS Code for the Web) both have. */
async function hash(content: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', content));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function exists(code: typeof vscode, uri: vscode.Uri): Promise<boolean> {
  try {
    await code.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/**
 * A temporary file beside the target, then a rename: a reader never sees half an email. Its name is
 * random and short, and nothing may be there (VS Code's file API cannot create exclusively: a name
 * nobody can guess, checked first, stands in).
 */
async function writeAtomically(code: typeof vscode, target: vscode.Uri, content: string): Promise<void> {
  const folder = target.path.slice(0, target.path.lastIndexOf('/') + 1);
  const random = Array.from(globalThis.crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
  const tmp = target.with({ path: `${folder}.midcycle-${random}.tmp` });
  if (await exists(code, tmp)) throw new Error(l10n.t('something is at the temporary name {0}', tmp.path));
  try {
    await code.workspace.fs.writeFile(tmp, new TextEncoder().encode(content));
    await code.workspace.fs.rename(tmp, target, { overwrite: true });
  } catch (e) {
    await code.workspace.fs.delete(tmp).then(undefined, () => undefined);
    throw e;
  }
}
