// "Midcycle: New Report from Meeting Notes…", its work: a new draft from the meeting's own notes,
// a pad (its text export, read on the etherpad hosts setting, with the link facts client's manners)
// or a file (MeetBot or meetingology minutes, text or HTML; a pad's text saved; notes), opened as an
// untitled Markdown draft in the active editor group. The writer's own request: nothing is asked
// but where the notes are. It lives in the mail import bundle with the importers it uses; VS Code's
// API is handed in (the bundle never requires `vscode`).
import * as l10n from '@vscode/l10n';
import type * as vscode from 'vscode';
import { importMeetingNotes } from '../core/import/meetingNotes';
import { padLocation, PadError, readPad, type PadLocation } from '../core/import/padText';
import { linkFactsUserAgent } from '../core/facts/userAgent';
import { DEFAULT_LINK_HOSTS } from '../core/rules/linkHosts';
import { useDisplayLanguage } from './localization';

interface NotesDraftOptions {
  /** The etherpad hosts a pad may be read from (the `midcycle.hosts.etherpad` setting). */
  etherpadHosts: readonly string[];
  /** Per request, as link facts wait. */
  timeoutMs: number;
  userAgent: string;
  /** Why pads cannot be read here, when they cannot (VS Code for the Web). */
  padsUnavailable?: string;
}

/**
 * The new draft, or undefined when the writer chose none or the notes could not be read (said in
 * one line). `readsPads` is false where a pad cannot be read (VS Code for the Web).
 */
export async function notesDraft(code: typeof vscode, source: unknown, readsPads: boolean): Promise<vscode.TextDocument | undefined> {
  useDisplayLanguage(code);
  const settings = code.workspace.getConfiguration('midcycle', source instanceof code.Uri ? source : undefined);
  const seconds = settings.get<number>('linkFacts.timeout') ?? 10;
  const options: NotesDraftOptions = {
    etherpadHosts: (settings.get<string[]>('hosts.etherpad') ?? DEFAULT_LINK_HOSTS.etherpad).map((h) => h.trim().toLowerCase()).filter(Boolean),
    timeoutMs: Math.min(Math.max(seconds, 1), 300) * 1000,
    userAgent: linkFactsUserAgent('VS Code', 'meeting notes'),
    padsUnavailable: readsPads
      ? undefined
      : l10n.t(
          "VS Code for the Web cannot read a pad: etherpads do not answer requests made from another site in a browser. Save the pad's text (<pad>/export/txt) and choose it as a file, or use VS Code on the desktop or `midcycle import <pad>`.",
        ),
  };
  let where: string | vscode.Uri | undefined = source instanceof code.Uri || typeof source === 'string' ? source : undefined;
  if (where === undefined) {
    const pad = {
      label: l10n.t('$(globe) From an Etherpad…'),
      detail: l10n.t('Its text, read from <pad>/export/txt on an etherpad host (the midcycle.hosts.etherpad setting)'),
    };
    const file = {
      label: l10n.t('$(file) From a File…'),
      detail: l10n.t("MeetBot or meetingology minutes (.txt, .html), a pad's text saved to a file, or notes"),
    };
    const choice = await code.window.showQuickPick([pad, file], {
      title: l10n.t('New Report from Meeting Notes'),
      placeHolder: l10n.t('Where are the notes?'),
    });
    if (!choice) return undefined;
    where =
      choice === pad
        ? await askForPad(code, options)
        : (
            await code.window.showOpenDialog({
              title: l10n.t('New Report from Meeting Notes'),
              canSelectMany: false,
              filters: { [l10n.t('Meeting notes')]: ['txt', 'text', 'html', 'htm', 'md', 'rst'] },
              openLabel: l10n.t('Read Notes'),
            })
          )?.[0];
    if (!where) return undefined;
  }
  const notes = typeof where === 'string' ? await fromPad(code, where, options) : await fromFile(code, where);
  if (!notes) return undefined;
  const document = await code.workspace.openTextDocument({ language: 'markdown', content: notes.markdown });
  await code.window.showTextDocument(document, { viewColumn: code.ViewColumn.Active });
  // how the notes were read, and what was moved or dropped: the core's words (English, as the CLI says them)
  void code.window.showInformationMessage(l10n.t('Read {0} {1}.', notes.name, notes.reading));
  return document;
}

/** The pad's address, checked as it is typed: on an etherpad host, with a pad's name. */
async function askForPad(code: typeof vscode, options: NotesDraftOptions): Promise<string | undefined> {
  if (options.padsUnavailable) {
    void code.window.showInformationMessage(options.padsUnavailable);
    return undefined;
  }
  return code.window.showInputBox({
    title: l10n.t('New Report from Meeting Notes'),
    prompt: l10n.t("The pad's address"),
    placeHolder: 'https://etherpad.opendev.org/p/…',
    ignoreFocusOut: true,
    validateInput: (value) => {
      if (!value.trim()) return undefined;
      try {
        padLocation(value, options.etherpadHosts);
        return undefined;
      } catch (e) {
        return e instanceof PadError ? e.message : String(e);
      }
    },
  });
}

interface Notes {
  markdown: string;
  reading: string;
  name: string;
}

async function fromPad(code: typeof vscode, address: string, options: NotesDraftOptions): Promise<Notes | undefined> {
  if (options.padsUnavailable) {
    void code.window.showInformationMessage(options.padsUnavailable);
    return undefined;
  }
  let location: PadLocation;
  try {
    location = padLocation(address, options.etherpadHosts);
  } catch (e) {
    void code.window.showErrorMessage((e as Error).message);
    return undefined;
  }
  try {
    const text = await code.window.withProgress(
      { location: code.ProgressLocation.Notification, title: l10n.t('Reading the pad {0}…', location.name), cancellable: true },
      (_progress, token) => {
        const control = new AbortController();
        token.onCancellationRequested(() => control.abort());
        return readPad(location, {
          fetch: globalThis.fetch.bind(globalThis),
          timeoutMs: options.timeoutMs,
          userAgent: options.userAgent,
          signal: control.signal,
        });
      },
    );
    const notes = importMeetingNotes(text, { pad: location.pad });
    return { markdown: notes.markdown, reading: notes.reading, name: location.pad };
  } catch (e) {
    // cancelled by the writer: nothing to say
    if (!/: cancelled$/.test((e as Error).message)) void code.window.showErrorMessage((e as Error).message);
    return undefined;
  }
}

async function fromFile(code: typeof vscode, uri: vscode.Uri): Promise<Notes | undefined> {
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  try {
    // an open document as it is in the editor, edits not saved included
    const open = code.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const text = open ? open.getText() : new TextDecoder('utf-8').decode(await code.workspace.fs.readFile(uri));
    const notes = importMeetingNotes(text, { html: /\.(html?|xhtml)$/i.test(uri.path) });
    return { markdown: notes.markdown, reading: notes.reading, name };
  } catch (e) {
    void code.window.showErrorMessage(l10n.t('Could not read {0}: {1}', name, (e as Error).message));
    return undefined;
  }
}
