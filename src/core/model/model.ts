// The report model: what one parse of a Markdown draft yields. Data: its topics, links and action
// items are made when first read (parse/parseReport.ts), and never change after.
// Lines and columns are 0-based here (as in VS Code and markdown-it); the CLI's JSON is 1-based.
import type { Token } from './markdownTypes';
import type { Diagnostic, Range, TextEdit } from './basics';

export type { Position, Range, Severity, TextEdit, Diagnostic } from './basics';
import type { RuleCode } from '../rules/ruleDefaults';
import type { RuleProblem, SeveritySettings } from '../rules/ruleSeverity';

/**
 * What a link counts as. `review`, `bug`, `blueprint` and `story` are one change, bug, blueprint or
 * StoryBoard story (or task): their target has its number or name. Any other page of those hosts (a
 * Gerrit query or dashboard, a Launchpad bug list, a StoryBoard project) is `other`, its target
 * (when it has one) saying what page it is.
 */
export type LinkKind = 'review' | 'bug' | 'blueprint' | 'story' | 'etherpad' | 'other';

export const LINK_KINDS: readonly LinkKind[] = ['review', 'bug', 'blueprint', 'story', 'etherpad', 'other'];

/** What a Gerrit link points at. */
export interface ReviewTarget {
  host: string;
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
}
