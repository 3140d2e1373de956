// The loop in the editor: a draft's last report (`previous: ../2016-mitaka.md` in its front matter)
// read relative to the draft through vscode.workspace.fs (the web's and virtual workspaces' files
// too), as the editor has it when it is open there, an .eml or .html imported on the fly (the mail
// import bundle); a path to read, never to write. Then its action items as this draft follows them
// up, for the Report Topics view ("From the last report"), Problems (the `previous:` line) and
// Carry Over. In dist/followUpsService.js, loaded by the first draft with `previous:` (lastReports.ts):
// drafts without it, and activation, never pay for it. VS Code's API and what it needs of the
// extension (its parse, its link facts) are handed in: it reads reports the main bundle parsed, by
// their data alone (followUps.ts reads no side table of the parse).
import * as l10n from '@vscode/l10n';
import type * as vscode from 'vscode';
import { carryOverEdit } from '../core/followUps/carryOver';
import { followUpDiagnostics, followUpLinks, followUps, previousOf, type FollowUp, type PreviousReference } from '../core/followUps/followUps';
import type { Diagnostic, Report } from '../core/model/model';
import { useDisplayLanguage } from '../mail/localization';
import type { parseReport } from '../core/parse/parseReport';
import type { LinkFacts } from './linkFacts';
import type { LoadMailImport } from './mailboxBundle';
import type { ReportStore } from './reportStore';
import { escapeMarkdown } from './escapeMarkdown';
import { reason, type Log } from './log';
import type { FollowUpShown, LastReportShown, NodePresentation } from './topicNodes';

/** Where an imported last report (an .eml's or .html's draft) is shown: read-only, from memory. */
export const IMPORTED_SCHEME = 'midcycle-last-report';

export interface LastReport {
  previous: PreviousReference;
  /** The file `previous:` names. */
  uri: vscode.Uri;
  /** What a click on a follow-up opens: the file, or the draft an .eml or .html imports to. */
  shown: vscode.Uri;
  /** Parsed as a draft is; undefined when it could not be read. */
  report?: Report;
  /** Why it could not be read, in a few words. */
  why?: string;
}

/** A draft's follow-ups: its last report, and that report's action items as the draft follows them up. */
export interface DraftFollowUps {
  last: LastReport;
  ups: FollowUp[];
}

/** What the service needs of the extension (lastReports.ts hands itself in: this bundle never requires the extension's modules). */
export interface FollowUpsServiceOptions {
  readonly store: ReportStore;
  readonly links: LinkFacts;
  /** The core's parse, the extension's (its reports are read by their data). */
  readonly parse: typeof parseReport;
  readonly loadImport: LoadMailImport;
  readonly platform: { readonly log: Log };
  /** A last report was read, or read again: the views read again. */
  fire(): void;
}

interface Loaded {
  last: LastReport;
  /** The imported draft's text, for IMPORTED_SCHEME. */
  imported?: string;
}

export class FollowUpsService {
  /** By the last report's URI: read from its file (an open one is read from the editor instead). */
  private readonly files = new Map<string, Loaded | Promise<Loaded>>();
  /** A draft's follow-ups, per report version, last report and link facts. */
  private computed = new WeakMap<Report, { last: LastReport; report?: Report; facts: number; result: DraftFollowUps }>();
  private factsVersion = 0;
  /** The last reports' URIs that drafts name: their edits and saves are the drafts' news. */
  private readonly named = new Set<string>();
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly code: typeof vscode,
    private readonly o: FollowUpsServiceOptions,
  ) {
    useDisplayLanguage(code);
    // a last report saved or closed is read again from its file when next asked
    const forget = (document: vscode.TextDocument) => {
      if (this.files.delete(document.uri.toString())) o.fire();
    };
    this.disposables = [
      // link facts arrived or went: `done` may have changed
      o.links.onDidChange(() => this.factsVersion++),
      code.workspace.onDidSaveTextDocument(forget),
      code.workspace.onDidCloseTextDocument(forget),
      // an open last report is read from the editor, as it is now
      o.store.onDidChange((document) => {
        if (this.named.has(document.uri.toString())) o.fire();
      }),
      code.workspace.registerTextDocumentContentProvider(IMPORTED_SCHEME, {
        provideTextDocumentContent: (uri) => {
          const loaded = this.files.get(uri.query);
          return loaded && !(loaded instanceof Promise) ? (loaded.imported ?? '') : '';
        },
      }),
    ];
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }

  /**
   * A draft's follow-ups, when its last report has been read; undefined without `previous:`, and
   * while it is being read (it is read then, and `changed` is called once it is).
   */
  followUpsOf(document: vscode.TextDocument, report: Report): DraftFollowUps | undefined {
    const previous = previousOf(report);
    if (!previous) return undefined;
    const last = this.lastOf(document, previous);
    if (!last) return undefined;
    const kept = this.computed.get(report);
    if (kept && kept.last === last && kept.report === last.report && kept.facts === this.factsVersion) return kept.result;
    const result: DraftFollowUps = { last, ups: last.report ? followUps(last.report, report, this.o.links.factsOf) : [] };
    this.computed.set(report, { last, report: last.report, facts: this.factsVersion, result });
    return result;
  }

  /** The diagnostics of a draft's `previous:` line, once its last report has been read. */
  diagnostics(document: vscode.TextDocument, report: Report): Diagnostic[] {
    const state = this.followUpsOf(document, report);
    return state ? followUpDiagnostics(report, state.last.previous, state.last.report && state.ups, state.last.why) : [];
  }

  /** "From the last report" as the tree shows it: the group's words, each follow-up's, and where a click goes. */
  shown(document: vscode.TextDocument, report: Report): LastReportShown | undefined {
    const state = this.followUpsOf(document, report);
    if (!state?.last.report) return undefined;
    const { last, ups } = state;
    const path = last.previous.path;
    const unsaid = ups.filter((u) => !u.done && !u.mentioned).length;
    const count = ups.length === 1 ? l10n.t('1 item') : l10n.t('{0} items', ups.length);
    const counts = ups.length ? [count, unsaid ? l10n.t('{0} not mentioned', unsaid) : ''].filter(Boolean).join(' · ') : l10n.t('no action items');
    const group: NodePresentation = {
      label: l10n.t('From the last report'),
      description: `${path} · ${counts}`,
      tooltip: l10n.t("The action items of the last report, {0} (the front matter's previous:), as this draft follows them up", escapeMarkdown(path)),
      icon: 'history',
      contextValue: 'followUps',
      // the next meeting starts by reviewing them: open at once
      collapsible: ups.length ? 'expanded' : 'none',
    };
    const target = last.shown.toString();
    const items = ups.map((u): FollowUpShown => ({
      key: `${target}|${u.range.start.line}|${u.owner}|${u.text}|${u.done}|${u.mentioned}`,
      presentation: present(u, path),
      target,
      range: u.range,
    }));
    return { group, items };
  }

  /** The draft's follow-ups, its last report read first if need be (Carry Over waits for them). */
  async load(document: vscode.TextDocument, report: Report): Promise<DraftFollowUps | undefined> {
    const previous = previousOf(report);
    if (!previous) return undefined;
    const uri = lastReportUri(this.code, document, previous);
    if (typeof uri !== 'string' && !this.openReport(uri)) await this.read(uri, previous);
    return this.followUpsOf(document, report);
  }

  /**
   * "Carry Over Open Action Items": the open ones under their heading, once; how many were carried
   * over. The draft is `target` (a URI), else the active Markdown editor's, else the one `shown` in
   * the tree (the command run from its group while the focus is there).
   */
  async carryOver(target: unknown, shown: () => vscode.TextDocument | undefined): Promise<number> {
    const { window } = this.code;
    const active = window.activeTextEditor?.document;
    const document =
      target instanceof this.code.Uri ? await this.code.workspace.openTextDocument(target) : active?.languageId === 'markdown' ? active : shown();
    const report = document && this.o.store.get(document, true);
    if (!document || !report) {
      void window.showInformationMessage(l10n.t("Open a Markdown report draft to carry over its last report's action items."));
      return 0;
    }
    if (!previousOf(report)) {
      void window.showInformationMessage(
        l10n.t('This draft names no last report: add previous: and its path (previous: ../2016-mitaka.md) to its front matter.'),
      );
      return 0;
    }
    const state = await this.load(document, report);
    if (!state) return 0;
    if (!state.last.report) {
      void window.showErrorMessage(l10n.t('The last report ({0}) cannot be read: {1}.', state.last.previous.path, state.last.why ?? ''));
      return 0;
    }
    const carry = carryOverEdit(report, state.ups);
    if (!carry) {
      void window.showInformationMessage(
        state.ups.some((u) => !u.done)
          ? l10n.t('The open action items of the last report are carried over already.')
          : l10n.t('The last report has no open action items.'),
      );
      return 0;
    }
    const { start, end } = carry.edit.range;
    const edit = new this.code.WorkspaceEdit();
    edit.replace(document.uri, new this.code.Range(start.line, start.character, end.line, end.character), carry.edit.text);
    if (!(await this.code.workspace.applyEdit(edit))) return 0;
    void window.showInformationMessage(
      carry.count === 1
        ? l10n.t('Carried over 1 open action item of the last report.')
        : l10n.t('Carried over {0} open action items of the last report.', carry.count),
    );
    return carry.count;
  }

  /** The last report now: from the editor when it is open there, else as read from its file (reading it, the first time). */
  private lastOf(document: vscode.TextDocument, previous: PreviousReference): LastReport | undefined {
    const uri = lastReportUri(this.code, document, previous);
    if (typeof uri === 'string') return { previous, uri: document.uri, shown: document.uri, why: uri };
    this.named.add(uri.toString());
    const open = this.openReport(uri);
    if (open) return this.withFacts({ previous, uri, shown: uri, report: open });
    const loaded = this.files.get(uri.toString());
    if (loaded === undefined) {
      void this.read(uri, previous);
      return undefined;
    }
    if (loaded instanceof Promise) return undefined;
    // the same file named by another spelling of `previous:` is the same report
    return loaded.last.previous === previous ? loaded.last : { ...loaded.last, previous };
  }

  /** The report of a Markdown document open in the editor, as it is now, when the file is open there. */
  private openReport(uri: vscode.Uri): Report | undefined {
    const key = uri.toString();
    const open = this.code.workspace.textDocuments.find((d) => d.uri.toString() === key && d.languageId === 'markdown');
    return open && this.o.store.get(open, true);
  }

  /** A file's report, parsed as a draft is with the settings of its folder. */
  private parse(text: string, uri: vscode.Uri): Report {
    return this.o.parse(text, this.o.store.settingsFor({ uri }).report);
  }

  /** Reads a last report's file once (however many ask meanwhile), then says so. */
  private read(uri: vscode.Uri, previous: PreviousReference): Promise<Loaded> {
    const key = uri.toString();
    const kept = this.files.get(key);
    if (kept) return Promise.resolve(kept);
    const reading = this.readFile(uri, previous).then((loaded) => {
      if (this.files.get(key) === reading) this.files.set(key, loaded);
      this.withFacts(loaded.last);
      this.o.fire();
      return loaded;
    });
    this.files.set(key, reading);
    return reading;
  }

  private async readFile(uri: vscode.Uri, previous: PreviousReference): Promise<Loaded> {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(await this.code.workspace.fs.readFile(uri));
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      const why = code === 'FileNotFound' || code === 'ENOENT' ? 'no such file' : e instanceof TypeError ? 'it is not UTF-8 text' : reason(e);
      this.o.platform.log.debug(`could not read the last report ${uri.toString()}: ${why}`);
      return { last: { previous, uri, shown: uri, why } };
    }
    if (!/\.(eml|mbox|html?|xhtml)$/i.test(uri.path)) return { last: { previous, uri, shown: uri, report: this.parse(text, uri) } };
    // a sent report: imported on the fly, shown as the draft it imports to
    try {
      const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
      const { markdown } = await (await this.o.loadImport()).importMessage(text, name);
      const shown = this.code.Uri.from({ scheme: IMPORTED_SCHEME, path: `${uri.path}.md`, query: uri.toString() });
      return { last: { previous, uri, shown, report: this.parse(markdown, uri) }, imported: markdown };
    } catch (e) {
      return { last: { previous, uri, shown: uri, why: `it could not be imported (${reason(e)})` } };
    }
  }

  /** Looks up the links of the last report's items, where link facts are allowed (never asked for: the draft's own links ask). */
  private withFacts(last: LastReport): LastReport {
    if (last.report) this.o.links.watchLinks(`last:${last.uri.toString()}`, followUpLinks(last.report));
    return last;
  }
}

/** A follow-up's node: its owner, its task, whether it is done or mentioned in this draft. */
function present(u: FollowUp, path: string): NodePresentation {
  const line = u.range.start.line + 1;
  const [description, state] = u.done
    ? [l10n.t('{0} (done)', u.text), l10n.t('done')]
    : u.mentioned
      ? [l10n.t('{0} (mentioned)', u.text), l10n.t('open, mentioned in this draft')]
      : [u.text, l10n.t('open, not mentioned in this draft')];
  return {
    label: u.owner,
    description,
    tooltip: l10n.t('**{0}** to {1} (line {2} of {3}): {4}', escapeMarkdown(u.owner), escapeMarkdown(u.text), line, escapeMarkdown(path), state),
    icon: u.done ? 'pass' : u.mentioned ? 'comment-discussion' : 'circle-large-outline',
    contextValue: u.done ? 'followUp.done' : 'followUp',
    collapsible: 'none',
  };
}

/**
 * The URI of a draft's last report: its path relative to the draft's folder (absolute as it is), in
 * the draft's file system; for an untitled draft, relative to the first workspace folder. A string
 * says why there is none.
 */
export function lastReportUri(
  code: typeof vscode,
  document: { readonly uri: vscode.Uri; readonly isUntitled?: boolean },
  previous: PreviousReference,
): vscode.Uri | string {
  const path = previous.path.replace(/\\/g, '/');
  const absolute = path.startsWith('/') || /^[a-z]:\//i.test(path);
  if (document.uri.scheme === 'untitled' || document.isUntitled) {
    const folder = code.workspace.workspaceFolders?.[0]?.uri;
    if (absolute) return code.Uri.file(path);
    return folder ? code.Uri.joinPath(folder, path) : 'an untitled draft has no folder to find it from: save it first';
  }
  if (absolute) return document.uri.scheme === 'file' ? code.Uri.file(path) : document.uri.with({ path: path.startsWith('/') ? path : `/${path}` });
  return code.Uri.joinPath(document.uri, '..', path);
}
