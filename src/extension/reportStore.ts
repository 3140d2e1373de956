// One parse per document version, shared by every feature (tree, diagnostics, code actions, hovers,
// status bar, export), and a debounced event when a report draft changes or the settings do.
import * as vscode from 'vscode';
import { parseReportUpTo, updateReportIncrementally, type Report } from '../core';
import { fromRange } from './convert';
import type { RemoteRepositories } from './platform/platform';
import { readSettings, withRemoteRepository, type MidcycleSettings } from './settings';

/** An edit that needs the whole draft read again is read this long after the last keystroke. */
export const EDIT_DEBOUNCE_MS = 250;
/**
 * An edit the report followed by itself (the unit it touched read again, ~15 ms on a 2000-topic
 * draft) is told to the views this soon: long enough to gather a key's repeats into one update.
 */
export const QUICK_DEBOUNCE_MS = 30;

interface Entry {
  version: number;
  generation: number;
  report: Report;
}

export class ReportStore implements vscode.Disposable {
  private readonly cache = new Map<string, Entry>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly changed = new vscode.EventEmitter<vscode.TextDocument>();
  private readonly disposables: vscode.Disposable[] = [];
  /** What the incremental check (MIDCYCLE_CHECK_INCREMENTAL=1) found to differ from a full parse: the integration suite's last test reads it. */
  readonly incrementalErrors: string[] = [];
  /** Bumped when the settings change: every cached report is stale then. */
  private generation = 0;
  /**
   * The settings by workspace folder (its URI; '' outside any): in a multi-root workspace each
   * folder may have its own, read with a resource in it as VS Code layers them (folder over
   * workspace over user). Dropped when the settings change.
   */
  private readonly settingsByFolder = new Map<string, MidcycleSettings>();

  /** Fires (debounced) when a report draft's text or the settings change. */
  readonly onDidChange = this.changed.event;

  /** The workspace's git remotes (on the desktop), for what `#123` means when the settings do not say. */
  private readonly remotes: RemoteRepositories | undefined;

  constructor(gitRemotes?: (changed: () => void) => RemoteRepositories) {
    this.remotes = gitRemotes?.(() => this.rereadAll());
    if (this.remotes) this.disposables.push(this.remotes);
    this.disposables.push(
      this.changed,
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (!e.contentChanges.length || !this.isReport(e.document)) return;
        const current = this.update(e.document, e.contentChanges);
        this.schedule(e.document, current ? QUICK_DEBOUNCE_MS : EDIT_DEBOUNCE_MS);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('midcycle')) this.rereadAll();
      }),
    );
  }

  /** The settings that apply to a document: its workspace folder's, over the workspace's and the user's. */
  settingsFor(document: { readonly uri: vscode.Uri }): MidcycleSettings {
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    const key = folder?.uri.toString() ?? '';
    let settings = this.settingsByFolder.get(key);
    if (!settings) {
      const read = readSettings(vscode.workspace.getConfiguration('midcycle', folder?.uri ?? document.uri));
      // the remote is asked only when the settings leave it to the remote
      settings =
        read.report.hosts?.references?.repository || !this.remotes ? read : withRemoteRepository(read, this.remotes.repositoryFor(folder?.uri ?? document.uri));
      this.settingsByFolder.set(key, settings);
    }
    return settings;
  }

  /** Every report read again, and said changed: the settings changed, or something a parse depends on. */
  rereadAll(): void {
    this.settingsByFolder.clear();
    this.generation++;
    for (const d of vscode.workspace.textDocuments) if (d.languageId === 'markdown') this.changed.fire(d);
  }

  /** Markdown, and among the files the settings name (all Markdown files by default). */
  isReport(document: vscode.TextDocument): boolean {
    if (document.languageId !== 'markdown') return false;
    const { files } = this.settingsFor(document);
    return files.length === 0 || files.some((pattern) => vscode.languages.match({ language: 'markdown', pattern }, document) > 0);
  }

  /** The report of a report draft (or of any Markdown file, for commands the user runs on it). */
  get(document: vscode.TextDocument, anyMarkdown = false): Report | undefined {
    if (!(anyMarkdown ? document.languageId === 'markdown' : this.isReport(document))) return undefined;
    const key = document.uri.toString();
    const cached = this.cache.get(key);
    if (cached && cached.version === document.version && cached.generation === this.generation) return cached.report;
    const report = this.parse(document);
    this.cache.set(key, { version: document.version, generation: this.generation, report });
    return report;
  }

  /** Whether the report of the document's version now is at hand, without reading it (the integration tests ask). */
  isCurrent(document: vscode.TextDocument): boolean {
    const cached = this.cache.get(document.uri.toString());
    return cached?.version === document.version && cached.generation === this.generation;
  }

  /**
   * Brings the cached report up to the document's new version from the edit alone, when it was
   * the version just before: the core re-reads only the part of the draft the edit touched. The
   * report of the version before is a new object, which still reads as that version (a command
   * holding it across an await sees the draft it started from). An edit that needs the whole draft
   * read again drops the report instead: that parse is left to the next `get`, off the keystroke's
   * path. True when the cached report is the document's now.
   */
  private update(document: vscode.TextDocument, changes: readonly vscode.TextDocumentContentChangeEvent[]): boolean {
    const key = document.uri.toString();
    const cached = this.cache.get(key);
    if (!cached || cached.version !== document.version - 1 || cached.generation !== this.generation) {
      this.cache.delete(key);
      return false;
    }
    const text = document.getText();
    const settings = this.settingsFor(document);
    if (text.length > settings.maxFileSize) {
      this.cache.delete(key);
      return false;
    }
    const edits = changes.map((c) => ({ range: fromRange(c.range), text: c.text }));
    try {
      const next = updateReportIncrementally(cached.report, text, edits, settings.report);
      if (!next) {
        this.cache.delete(key);
        return false;
      }
      cached.report = next;
      cached.version = document.version;
      return true;
    } catch (e) {
      // with MIDCYCLE_CHECK_INCREMENTAL=1, an update that differs from a full parse throws: it is
      // kept for the integration suite to report, and the views follow the edit by a full parse
      this.incrementalErrors.push((e as Error).message);
      this.cache.delete(key);
      return false;
    }
  }

  private parse(document: vscode.TextDocument): Report {
    // a huge draft is read up to the limit, and says so as its `file-too-large` setting has it
    const { maxFileSize, report } = this.settingsFor(document);
    return parseReportUpTo(document.getText(), maxFileSize, report);
  }

  private schedule(document: vscode.TextDocument, delay: number): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.changed.fire(document);
      }, delay),
    );
  }

  private forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    this.cache.delete(key);
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.disposables.forEach((d) => d.dispose());
  }
}
