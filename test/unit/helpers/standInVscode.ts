// A stand-in for the `vscode` module, enough of it for activateMidcycle (src/extension/activation.ts)
// to run in plain Node: workspace folders with their own settings (read as VS Code layers them:
// the manifest's defaults, then user, workspace and the resource's folder), open documents,
// registered commands and providers, diagnostic collections, output channels. What a test reads is
// what a writer would see: the commands there are, the Problems a document has, the log's lines.
// `require('vscode')` answers it once this file is imported; `resetStandIn` starts a test afresh
// (the extension's modules keep the same stand-in object, whose parts read the current state).
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';

const root = path.join(__dirname, '..', '..', '..');
type Listener<T> = (value: T) => unknown;

export class Disposable {
  static from(...items: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => items.forEach((d) => d.dispose()));
  }
  constructor(private readonly onDispose: () => unknown) {}
  dispose(): void {
    this.onDispose();
  }
}

export class EventEmitter<T> {
  private listeners: Listener<T>[] = [];
  readonly event = (listener: Listener<T>): Disposable => {
    this.listeners.push(listener);
    return new Disposable(() => (this.listeners = this.listeners.filter((l) => l !== listener)));
  };
  fire(value: T): void {
    for (const l of [...this.listeners]) l(value);
  }
  dispose(): void {
    this.listeners = [];
  }
}

export class Uri {
  private constructor(
    readonly scheme: string,
    readonly authority: string,
    readonly path: string,
    readonly query = '',
  ) {}
  static file(p: string): Uri {
    return new Uri('file', '', p.replace(/\\/g, '/'));
  }
  static parse(value: string): Uri {
    const m = /^([a-z][\w+.-]*):(?:\/\/([^/]*))?(.*)$/i.exec(value);
    return m ? new Uri(m[1], m[2] ?? '', m[3] || '/') : Uri.file(value);
  }
  static joinPath(base: Uri, ...parts: string[]): Uri {
    return new Uri(base.scheme, base.authority, path.posix.join(base.path, ...parts));
  }
  static from(parts: { scheme: string; authority?: string; path?: string; query?: string }): Uri {
    return new Uri(parts.scheme, parts.authority ?? '', parts.path ?? '/', parts.query ?? '');
  }
  with(change: { path?: string }): Uri {
    return new Uri(this.scheme, this.authority, change.path ?? this.path, this.query);
  }
  get fsPath(): string {
    return this.path;
  }
  toString(): string {
    return `${this.scheme}://${this.authority}${this.path}${this.query ? `?${this.query}` : ''}`;
  }
}

export class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
  translate(lines = 0, characters = 0): Position {
    return new Position(this.line + lines, this.character + characters);
  }
}

export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(start: Position | number, end: Position | number, endLine?: number, endCharacter?: number) {
    this.start = typeof start === 'number' ? new Position(start, end as number) : start;
    this.end = typeof start === 'number' ? new Position(endLine!, endCharacter!) : (end as Position);
  }
}

/** A tree's item, as TopicTreeProvider makes them. */
export class TreeItem {
  id?: string;
  description?: string;
  contextValue?: string;
  iconPath?: unknown;
  tooltip?: unknown;
  command?: { command: string; title: string; arguments?: unknown[] };
  constructor(
    readonly label: string,
    readonly collapsibleState: number,
  ) {}
}

export class ThemeIcon {
  constructor(
    readonly id: string,
    readonly color?: unknown,
  ) {}
}

export class ThemeColor {
  constructor(readonly id: string) {}
}

export class MarkdownString {
  constructor(
    readonly value: string,
    readonly supportThemeIcons?: boolean,
  ) {}
}

/** Replacements by document: what `workspace.applyEdit` applies to the stand-in's open documents. */
export class WorkspaceEdit {
  readonly edits: { uri: Uri; range: Range; text: string }[] = [];
  replace(uri: Uri, range: Range, text: string): void {
    this.edits.push({ uri, range, text });
  }
}

export class Selection extends Range {}

export class Diagnostic {
  source?: string;
  code?: { value: string; target: Uri };
  constructor(
    readonly range: Range,
    readonly message: string,
    readonly severity: number,
  ) {}
}

export class CodeActionKind {
  static readonly QuickFix = new CodeActionKind('quickfix');
  static readonly SourceFixAll = new CodeActionKind('source.fixAll');
  constructor(readonly value: string) {}
  append(part: string): CodeActionKind {
    return new CodeActionKind(`${this.value}.${part}`);
  }
  contains(other: CodeActionKind): boolean {
    return other.value === this.value || other.value.startsWith(`${this.value}.`);
  }
}

/** An open text document: what the features read of one. */
export interface StandInDocument {
  uri: Uri;
  languageId: string;
  version: number;
  isClosed: boolean;
  isUntitled: boolean;
  lineCount: number;
  getText(): string;
  lineAt(line: number): { text: string };
}

export function document(file: string, text: string, languageId = 'markdown'): StandInDocument {
  let lines = text.split('\n');
  const d: StandInDocument & { setText(t: string): void } = {
    uri: Uri.file(file),
    languageId,
    version: 1,
    isClosed: false,
    isUntitled: false,
    lineCount: lines.length,
    getText: () => text,
    lineAt: (line: number) => ({ text: lines[line] ?? '' }),
    // an edit applied (workspace.applyEdit): a new version of the text
    setText(t: string) {
      text = t;
      lines = t.split('\n');
      d.lineCount = lines.length;
      d.version++;
    },
  };
  return d;
}

/** Settings by full key (`midcycle.export.format`) at each level VS Code layers them. */
export interface StandInSettings {
  user?: Record<string, unknown>;
  workspace?: Record<string, unknown>;
  /** By workspace folder path. */
  folders?: Record<string, Record<string, unknown>>;
}

export interface StandInState {
  folders: { uri: Uri; name: string; index: number }[];
  documents: StandInDocument[];
  settings: StandInSettings;
  commands: Map<string, (...args: unknown[]) => unknown>;
  /** Each diagnostic collection's entries, by document URI. */
  diagnostics: Map<string, Diagnostic[]>;
  /** The output channels made, by name, with their lines (`[level] message`). */
  channels: Map<string, { log: boolean; lines: string[] }>;
  /** The messages shown (information, warning, error). */
  messages: string[];
  trusted: boolean;
  /** The active editor's document, if any. */
  activeDocument?: StandInDocument;
  /** The sessions `authentication.getSession` gives, by provider (`github`): none unless a test signs in. */
  sessions: Map<string, { accessToken: string; account: { id: string; label: string } }>;
  /** Each `authentication.getSession` call: its provider, scopes and options. */
  sessionAsks: { providerId: string; scopes: readonly string[]; options: unknown }[];
}

let state: StandInState = freshState({});

function freshState({
  folders = [],
  documents = [],
  settings = {},
}: {
  folders?: string[];
  documents?: StandInDocument[];
  settings?: StandInSettings;
}): StandInState {
  return {
    folders: folders.map((f, index) => ({ uri: Uri.file(f), name: path.basename(f), index })),
    documents,
    settings,
    commands: new Map(),
    diagnostics: new Map(),
    channels: new Map(),
    messages: [],
    trusted: true,
    sessions: new Map(),
    sessionAsks: [],
  };
}

/** A new workspace: its folders, open documents and settings; nothing registered yet. */
export function resetStandIn(options: { folders?: string[]; documents?: StandInDocument[]; settings?: StandInSettings } = {}): StandInState {
  state = freshState(options);
  return state;
}

/** The manifest's defaults, by full key. */
const defaults: Record<string, unknown> = Object.fromEntries(
  Object.entries(
    (
      JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
        contributes: { configuration: { properties: Record<string, { default?: unknown }> } };
      }
    ).contributes.configuration.properties,
  ).map(([key, p]) => [key, p.default]),
);

function folderOf(uri: Uri | undefined) {
  return uri && state.folders.find((f) => uri.scheme === f.uri.scheme && (uri.path === f.uri.path || uri.path.startsWith(`${f.uri.path}/`)));
}

/** As VS Code reads a setting: the most specific level that has it; a folder's only when asked with a resource in it. */
function settingValue(key: string, scope: Uri | undefined): unknown {
  const folder = folderOf(scope);
  const levels = [state.settings.user, state.settings.workspace, folder && state.settings.folders?.[folder.uri.path]];
  let value = defaults[key];
  for (const level of levels) if (level && key in level) value = level[key];
  return value;
}

function scopeUri(scope: unknown): Uri | undefined {
  if (scope instanceof Uri) return scope;
  const o = scope as { uri?: unknown } | undefined;
  return o?.uri instanceof Uri ? o.uri : undefined;
}

/** A glob of `midcycle.files` (`**`, `*`, `?`), as a regular expression over the path. */
function globMatches(pattern: string, file: string): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*\*\/|\*\*|\*|\?/g, (g) => ({ '**/': '(?:.*/)?', '**': '.*', '*': '[^/]*', '?': '[^/]' })[g]!);
  return new RegExp(`(^|/)${source}$`).test(file);
}

const onDidChangeConfiguration = new EventEmitter<{ affectsConfiguration(section: string): boolean }>();
const onDidChangeSessions = new EventEmitter<{ provider: { id: string; label: string } }>();

/** Signs in to (or, without a token, out of) a provider, as VS Code's Accounts menu does: its sessions' event fires. */
export function changeSession(providerId: string, accessToken: string | undefined): void {
  if (accessToken === undefined) state.sessions.delete(providerId);
  else state.sessions.set(providerId, { accessToken, account: { id: '1', label: 'octocat' } });
  onDidChangeSessions.fire({ provider: { id: providerId, label: providerId } });
}
const noEvent = () => new Disposable(() => undefined);

function channel(name: string, options?: { log: true }) {
  const lines: string[] = [];
  state.channels.set(name, { log: options?.log === true, lines });
  const write =
    (level: string) =>
    (message: string, ...args: unknown[]) =>
      void lines.push(`[${level}] ${[message, ...args.map((a) => (a instanceof Error ? a.message : String(a)))].join(' ')}`);
  return {
    name,
    trace: write('trace'),
    debug: write('debug'),
    info: write('info'),
    warn: write('warning'),
    error: write('error'),
    appendLine: write('info'),
    show: () => undefined,
    dispose: () => undefined,
  };
}

/** The stand-in module: what `import * as vscode from 'vscode'` gives the extension's code. */
export const standInVscode = {
  Disposable,
  EventEmitter,
  Uri,
  Position,
  Range,
  Selection,
  WorkspaceEdit,
  TreeItem,
  ThemeIcon,
  ThemeColor,
  MarkdownString,
  Diagnostic,
  DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
  CodeActionKind,
  StatusBarAlignment: { Left: 1, Right: 2 },
  TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
  ViewColumn: { Active: -1, Beside: -2 },
  l10n: {
    bundle: undefined,
    t: (message: string, ...args: unknown[]) => message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)])),
  },
  commands: {
    registerCommand(id: string, run: (...args: unknown[]) => unknown) {
      if (state.commands.has(id)) throw new Error(`command '${id}' already exists`);
      state.commands.set(id, run);
      return new Disposable(() => state.commands.delete(id));
    },
    registerTextEditorCommand(id: string, run: (...args: unknown[]) => unknown) {
      return standInVscode.commands.registerCommand(id, run);
    },
    executeCommand: async (id: string, ...args: unknown[]) => state.commands.get(id)?.(...args),
  },
  workspace: {
    get workspaceFolders() {
      return state.folders.length ? state.folders : undefined;
    },
    get textDocuments() {
      return state.documents;
    },
    get isTrusted() {
      return state.trusted;
    },
    getWorkspaceFolder: (uri: Uri) => folderOf(uri),
    getConfiguration(section?: string, scope?: unknown) {
      const uri = scopeUri(scope);
      const full = (key: string) => (section ? `${section}.${key}` : key);
      return {
        get: <T>(key: string, fallback?: T) => (settingValue(full(key), uri) as T | undefined) ?? fallback,
        has: (key: string) => settingValue(full(key), uri) !== undefined,
      };
    },
    onDidChangeConfiguration: onDidChangeConfiguration.event,
    onDidChangeTextDocument: noEvent,
    onDidOpenTextDocument: noEvent,
    onDidCloseTextDocument: noEvent,
    onDidSaveTextDocument: noEvent,
    onDidGrantWorkspaceTrust: noEvent,
    registerTextDocumentContentProvider: noEvent,
    openTextDocument: async (uri: Uri) => {
      const found = state.documents.find((d) => d.uri.toString() === uri.toString());
      if (!found) throw new Error(`no document ${uri.toString()} in the stand-in`);
      return found;
    },
    /** Applies each replacement to its open document (the edits of one document from its end, so that offsets hold). */
    applyEdit: async (edit: WorkspaceEdit) => {
      for (const e of [...edit.edits].reverse()) {
        const d = state.documents.find((x) => x.uri.toString() === e.uri.toString()) as (StandInDocument & { setText(t: string): void }) | undefined;
        if (!d) return false;
        const lines = d.getText().split('\n');
        const offset = (p: Position) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
        const text = d.getText();
        d.setText(text.slice(0, offset(e.range.start)) + e.text + text.slice(offset(e.range.end)));
      }
      return true;
    },
    fs: {
      readFile: async (uri: Uri) => new Uint8Array(fs.readFileSync(uri.fsPath)),
      writeFile: async (uri: Uri, bytes: Uint8Array) => fs.writeFileSync(uri.fsPath, bytes),
      createDirectory: async (uri: Uri) => void fs.mkdirSync(uri.fsPath, { recursive: true }),
      stat: async (uri: Uri) => fs.statSync(uri.fsPath),
    },
  },
  authentication: {
    /** The provider's session, if signed in: never a prompt (the stand-in has none to show). */
    getSession: async (providerId: string, scopes: readonly string[], options?: unknown) => {
      state.sessionAsks.push({ providerId, scopes, options });
      return state.sessions.get(providerId);
    },
    onDidChangeSessions: onDidChangeSessions.event,
  },
  languages: {
    createDiagnosticCollection: () => ({
      set: (uri: Uri, diagnostics: Diagnostic[]) => void state.diagnostics.set(uri.toString(), diagnostics),
      delete: (uri: Uri) => void state.diagnostics.delete(uri.toString()),
      dispose: () => undefined,
    }),
    match: (selector: { language?: string; pattern?: string }, d: StandInDocument) =>
      (!selector.language || selector.language === d.languageId) && (!selector.pattern || globMatches(selector.pattern, d.uri.path)) ? 10 : 0,
    registerCodeActionsProvider: noEvent,
    registerHoverProvider: noEvent,
    registerCompletionItemProvider: noEvent,
    registerDocumentSymbolProvider: noEvent,
  },
  window: {
    visibleTextEditors: [],
    createOutputChannel: channel,
    createStatusBarItem: () => ({ show: () => undefined, hide: () => undefined, dispose: () => undefined }),
    createTreeView: () => ({
      selection: [],
      visible: false,
      reveal: async () => undefined,
      onDidChangeVisibility: noEvent,
      dispose: () => undefined,
    }),
    onDidChangeActiveTextEditor: noEvent,
    onDidChangeTextEditorSelection: noEvent,
    showInformationMessage: async (message: string) => void state.messages.push(message),
    get activeTextEditor() {
      return state.activeDocument ? { document: state.activeDocument } : undefined;
    },
    showWarningMessage: async (message: string) => void state.messages.push(`warning: ${message}`),
    showErrorMessage: async (message: string) => void state.messages.push(`error: ${message}`),
  },
};

/** Tells the extension that settings changed, as VS Code does after a settings file is edited. */
export function changeSettings(settings: StandInSettings): void {
  state.settings = settings;
  onDidChangeConfiguration.fire({ affectsConfiguration: (section: string) => section.startsWith('midcycle') });
}

/** An installed extension's manifest (an empty one where a test installs none). */
function packageJson(extensionPath: string): unknown {
  const file = path.join(extensionPath, 'package.json');
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as unknown) : {};
}

/** The extension context of an extension installed at `extensionPath`. */
export function extensionContext(extensionPath: string) {
  const memento = (values = new Map<string, unknown>()) => ({
    get: <T>(key: string, fallback?: T) => (values.has(key) ? (values.get(key) as T) : fallback),
    update: async (key: string, value: unknown) => void values.set(key, value),
    keys: () => [...values.keys()],
  });
  return {
    subscriptions: [] as { dispose(): unknown }[],
    extensionUri: Uri.file(extensionPath),
    extensionPath,
    globalStorageUri: Uri.file(path.join(extensionPath, '.storage')),
    extension: { id: 'midcycle.midcycle', extensionUri: Uri.file(extensionPath), packageJSON: packageJson(extensionPath) },
    workspaceState: memento(),
    globalState: memento(),
  };
}

// `require('vscode')` from here on answers the stand-in (the module is the extension host's, not a package)
const load = (Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown })._load;
(Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown })._load = function (this: unknown, request: string, ...rest: unknown[]) {
  return request === 'vscode' ? standInVscode : load.call(this, request, ...rest);
};
