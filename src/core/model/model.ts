// The report model: what one parse of a Markdown draft yields. Data: its topics, links and action
// items are made when first read (parse/parseReport.ts), and never change after.
// Lines and columns are 0-based here (as in VS Code and markdown-it); the CLI's JSON is 1-based.
import type { Token } from './markdownTypes';
import type { Diagnostic, Range, TextEdit } from './basics';

export type { Position, Range, Severity, TextEdit, Diagnostic } from './basics';
import type { RuleCode } from '../rules/ruleDefaults';
import type { RuleProblem, SeveritySettings } from '../rules/ruleSeverity';

/**
 * What a link counts as: one item of a tracker, or a pad, or any other link. `review`, `bug`,
 * `blueprint` and `story` are one change (Gerrit's, or a Phabricator revision), bug (Launchpad's,
 * a Bugzilla or Chromium bug), blueprint or StoryBoard story (or task); `pull-request`,
 * `merge-request`, `issue`, `task`, `commit` and `discussion` are one such item of GitHub, GitLab,
 * Jira or Phabricator. Their target has its number or name. Any other page of those sites (a Gerrit
 * query, a Launchpad bug list, a repository) is `other`, its target (when it has one) saying what
 * page it is. The trackers (rules/trackers/) say which URLs are which; the words for each kind are
 * in linkKinds.ts.
 */
export type { LinkKind } from './linkKinds';
export { LINK_KINDS } from './linkKinds';
import type { LinkKind } from './linkKinds';

/** What a Gerrit link points at. */
export interface ReviewTarget {
  host: string;
  /** The path a Gerrit is served under, when it has one: `/r` on gerrit.wikimedia.org. */
  path?: string;
  /**
   * A Gerrit known by its link's shape (`/c/<project>/+/<n>`) on a host the settings do not name: its
   * changes are not looked up online (which such hosts to ask is for the link facts to decide).
   */
  unlisted?: true;
  /** The change number, absent for queries, dashboards and other Gerrit pages. */
  change?: number;
  /** A patchset, or a `base..patchset` range, when the link names one. */
  patchset?: string;
  /** `openstack/neutron` in the `/c/<project>/+/<n>` form. */
  project?: string;
  /** The query of a `/#/q/…` or `/q/…` link. */
  query?: string;
  /** A file path after the patchset. */
  file?: string;
}

export interface BugTarget {
  /** Absent on a project's bug list (`/neutron/+bugs`). */
  id?: number;
  project?: string;
  comment?: number;
}

export interface BlueprintTarget {
  project: string;
  /** Absent on a project's blueprint list. */
  name?: string;
}

/** A StoryBoard story or task: one of `story` and `task`. */
export interface StoryTarget {
  host: string;
  story?: number;
  task?: number;
  /** The comment of a story's `#comment-<n>` permalink. */
  comment?: number;
}

/**
 * One item of another tracker (GitHub, GitLab, Jira, Bugzilla, Chromium, Phabricator…): what its
 * link points at, as the tracker's module read it from the URL (or from a short reference such as
 * `owner/repo#123`). Everything a lookup of its facts needs is here.
 */
export interface TrackerItem {
  /** The tracker's id: `github`, `gitlab`, `jira`, `bugzilla`, `chromium`, `phabricator`… (rules/trackers/). */
  tracker: string;
  /** The host as linked, in lower case. */
  host: string;
  /** The site's base URL, under which its pages (and API) are: `https://issues.apache.org/jira`. */
  base: string;
  /** GitHub's `owner/repo`, GitLab's `group/project`, a Jira or Chromium project. */
  repository?: string;
  /** The item's number: a pull request's, an issue's, a bug's (a Jira key's number). */
  number?: number;
  /** A key as the tracker writes it: Jira's `MAHOUT-2200`, Phabricator's `T123` or `D456`. */
  key?: string;
  /** A commit's hash, as written. */
  commit?: string;
  /** Written as a short reference in the text (`#123`, `owner/repo#123`, `MAHOUT-2200`), not as a URL. */
  short?: true;
}

export interface EtherpadTarget {
  host: string;
  name: string;
}

/** A problem a link rule found, before severities are applied. */
export interface LinkProblem {
  code: RuleCode;
  message: string;
  fix?: TextEdit;
}

export interface Link {
  kind: LinkKind;
  /** The URL as the writer typed it (for a broken destination: with its spaces). */
  raw: string;
  /** The URL to open: the writer's, or the corrected one when the fix is clear. */
  url: string;
  /** Source range of the URL itself (not the link text). */
  range: Range;
  review?: ReviewTarget;
  bug?: BugTarget;
  blueprint?: BlueprintTarget;
  story?: StoryTarget;
  etherpad?: EtherpadTarget;
  item?: TrackerItem;
  problem?: LinkProblem;
}

export interface ActionItem {
  owner: string;
  /** What the owner is to do, e.g. "put up model proposal". */
  text: string;
  range: Range;
  /** Ticked off in the draft (`- [x] …`, "… [done]"); absent while open. */
  done?: true;
}

export type TopicKind = 'heading' | 'item';

export interface Topic {
  kind: TopicKind;
  /** Short title: the text before a colon, or the first sentence cut to a few words. */
  title: string;
  /** The topic's own first paragraph, as plain text. */
  text: string;
  /** Heading level (1–6) for headings; nesting depth (0 = top level) for list items. */
  level: number;
  /** The whole block: the item with its sub-items, or the heading with its section. */
  range: Range;
  /** The title line (the item's or the heading's first line). */
  selectionRange: Range;
  children: Topic[];
  /** Links in the topic's own text and in link-only sub-items; not those of child topics. */
  links: Link[];
  actions: ActionItem[];
}

/** The YAML front matter: subject, to, cc and anything else the writer keeps there. */
export interface FrontMatter {
  subject?: string;
  to?: string | string[];
  cc?: string | string[];
  [key: string]: unknown;
}

export interface Report {
  /** The text that was parsed (markdown-it normalised: `\n` line ends, NUL as U+FFFD). */
  text: string;
  lineCount: number;
  frontMatter: FrontMatter;
  /** The front matter's source range, when there is front matter. */
  frontMatterRange?: Range;
  topics: Topic[];
  /** Every link in document order. */
  links: Link[];
  /** Every action item in document order. */
  actions: ActionItem[];
  diagnostics: Diagnostic[];
  /**
   * markdown-it's block tokens of the (recovered) text: what the exporters render. An update that
   * moves lines takes them over (updateReport): read them from the report, not from an array kept.
   */
  tokens: Token[];
  /** What an incremental update (updateReport) needs of the parse this report came from. */
  parse: ParseState;
}

export interface ParseState {
  /** The text markdown-it parsed: line ends normalised, swallowing separators escaped. */
  source: string;
  /** The line index of `source`. */
  lines: import('./lineIndex').LineIndex;
  /** True when separators were escaped to read the report as the writer meant. */
  recovered: boolean;
  /** markdown-it's reference definitions (`[name]: url`), for parsing part of the text again. */
  references: Record<string, { title: string; href: string }>;
  /** Document-level problems (fences, front matter), before severities are applied. */
  documentProblems: RuleProblem[];
  /** The options of the parse, for parsing part of the text again with the same. */
  options: { hosts: import('../rules/linkHosts').LinkHosts; severities: SeveritySettings };
  /**
   * The hosts the draft's links were read with: the options', with the short references its front
   * matter names (`repository:`, `jira:`). What the exporters and the snippets read the draft with.
   */
  hosts: import('../rules/linkHosts').LinkHosts;
}
