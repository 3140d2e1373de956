// Midcycle's settings, read through a small accessor so that reading them is tested without VS Code.
import {
  type AnnotateLinks,
  DEFAULT_FONT,
  DEFAULT_LINK_HOSTS,
  isLineBreaks,
  type LineBreaks,
  type LinkHosts,
  type ListNesting,
  type ReportOptions,
  type ShortReferences,
  type SeveritySetting,
} from '../core';

/** What `vscode.WorkspaceConfiguration.get` offers, and all this file needs of it. */
export interface SettingsSource {
  get<T>(key: string): T | undefined;
}

export interface MidcycleSettings {
  /** Glob patterns of the Markdown files that count as reports; empty: every Markdown file. */
  files: string[];
  report: ReportOptions;
  export: {
    listNesting: ListNesting;
    font: string;
    /** How the draft's line breaks become the email's, unless its front matter says (line-breaks:). */
    lineBreaks: LineBreaks;
    /** Folder for exports, relative to the draft's folder (or absolute); empty: beside the draft. */
    directory: string;
    plainText: boolean;
    /** What "Export Midcycle Email" writes: the HTML email, or a .eml message. */
    format: 'html' | 'eml';
    /** A message's sender when the front matter has no `from:`; empty: none (the mail client's). */
    from: string;
    /** Link facts beside the links: a change's status after it, or its title before a bare URL. */
    annotateLinks: AnnotateLinks;
    /** "Action items, by person" at the end of the email. */
    actionSummary: boolean;
  };
  /** Drafts longer than this many characters (UTF-16 code units, as `text.length`) are outlined and checked only up to it. */
  maxFileSize: number;
}

export const DEFAULT_MAX_FILE_SIZE = 4 * 1024 * 1024;

const SEVERITIES: Record<string, SeveritySetting> = { error: 'error', warning: 'warning', information: 'info', info: 'info', off: 'off' };

export function readSettings(source: SettingsSource): MidcycleSettings {
  const strings = (key: string, fallback: readonly string[]): string[] => {
    const value = source.get<unknown>(key);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim()) : [...fallback];
  };
  const severities: Record<string, SeveritySetting> = {};
  const configured = source.get<unknown>('severity');
  if (configured && typeof configured === 'object') {
    for (const [code, value] of Object.entries(configured as Record<string, unknown>)) {
      const severity = typeof value === 'string' ? SEVERITIES[value.toLowerCase()] : undefined;
      if (severity) severities[code] = severity;
    }
  }
  const nesting = source.get<string>('export.listNesting');
  const lineBreaks = source.get<string>('export.lineBreaks');
  const size = source.get<number>('maxFileSize');
  const annotate = source.get<string>('export.annotateLinks');
  const hosts: LinkHosts = {
    gerrit: strings('hosts.gerrit', DEFAULT_LINK_HOSTS.gerrit).map((h) => h.toLowerCase()),
    etherpad: strings('hosts.etherpad', DEFAULT_LINK_HOSTS.etherpad).map((h) => h.toLowerCase()),
    storyboard: strings('hosts.storyboard', DEFAULT_LINK_HOSTS.storyboard).map((h) => h.toLowerCase()),
    gitlab: strings('hosts.gitlab', DEFAULT_LINK_HOSTS.gitlab ?? []).map((h) => h.toLowerCase()),
    jira: strings('hosts.jira', DEFAULT_LINK_HOSTS.jira ?? []).map((h) => h.toLowerCase()),
  };
  const repository = source.get<unknown>('references.repository');
  const jiraProjects = strings('references.jiraProjects', []);
  const references: ShortReferences = {};
  if (typeof repository === 'string' && repository.trim()) references.repository = repository.trim();
  if (jiraProjects.length) references.jira = jiraProjects;
  // only when something is said: the settings of most workspaces read as the defaults
  if (references.repository || references.jira) hosts.references = references;
  return {
    files: strings('files', []),
    report: { hosts, severities },
    export: {
      listNesting: nesting === 'standard' ? 'standard' : 'gmail',
      font: source.get<string>('export.font') ?? DEFAULT_FONT,
      lineBreaks: isLineBreaks(lineBreaks) ? lineBreaks : 'auto',
      directory: (source.get<string>('export.directory') ?? '').trim(),
      plainText: source.get<boolean>('export.plainText') === true,
      format: source.get<string>('export.format') === 'eml' ? 'eml' : 'html',
      from: (source.get<string>('export.from') ?? '').trim(),
      annotateLinks: annotate === 'status' || annotate === 'title' ? annotate : 'none',
      actionSummary: source.get<boolean>('export.actionSummary') === true,
    },
    maxFileSize: typeof size === 'number' && size > 0 ? size : DEFAULT_MAX_FILE_SIZE,
  };
}

/** The settings with the repository of the workspace's git remote as the repository of `#123` (the settings as they are without one). */
export function withRemoteRepository(settings: MidcycleSettings, repository: string | undefined): MidcycleSettings {
  const hosts = settings.report.hosts;
  if (!repository || !hosts) return settings;
  return { ...settings, report: { ...settings.report, hosts: { ...hosts, references: { ...hosts.references, repository } } } };
}
