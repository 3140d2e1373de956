// The CLI's JSON contracts (`midcycle outline --json`, `midcycle check --json`): 1-based lines and
// columns, end columns exclusive, as compilers and ESLint report them. Later tools read these.
import type { ActionItem, Diagnostic, Link, LinkKind, Range, Report, Severity, Topic } from './model';

export interface OutlineLink {
  kind: LinkKind;
  /** The URL to open: as written, or corrected when the fix is clear. */
  url: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The text as written, when it differs from `url`. */
  raw?: string;
  /** The rule code when the link is malformed. */
  problem?: string;
  change?: number;
  patchset?: string;
  project?: string;
  bug?: number;
  blueprint?: string;
  /** A StoryBoard story's number. */
  story?: number;
  /** A StoryBoard task's number. */
  task?: number;
  etherpad?: string;
}

export interface OutlineAction {
  owner: string;
  text: string;
  line: number;
  column: number;
}

export interface OutlineTopic {
  title: string;
  kind: Topic['kind'];
  line: number;
  endLine: number;
  children: OutlineTopic[];
  links: OutlineLink[];
  actions: OutlineAction[];
}

export interface Outline {
  subject?: string;
  topics: OutlineTopic[];
  links: OutlineLink[];
  actions: OutlineAction[];
}

export interface JsonFix {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  text: string;
}

export interface JsonDiagnostic {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: string;
  message: string;
  fix?: JsonFix;
}

export function toOutline(report: Report): Outline {
  const outline: Outline = { topics: report.topics.map(topicJson), links: report.links.map(linkJson), actions: report.actions.map(actionJson) };
  if (typeof report.frontMatter.subject === 'string') outline.subject = report.frontMatter.subject;
  return outline;
}

function topicJson(t: Topic): OutlineTopic {
  return {
    title: t.title,
    kind: t.kind,
    line: t.range.start.line + 1,
    endLine: t.range.end.line + 1,
    children: t.children.map(topicJson),
    links: t.links.map(linkJson),
    actions: t.actions.map(actionJson),
  };
}

function linkJson(l: Link): OutlineLink {
  const out: OutlineLink = { kind: l.kind, url: l.url, ...oneBased(l.range) };
  if (l.raw !== l.url) out.raw = l.raw;
  if (l.problem) out.problem = l.problem.code;
  if (l.review?.change !== undefined) out.change = l.review.change;
  if (l.review?.patchset) out.patchset = l.review.patchset;
  if (l.review?.project) out.project = l.review.project;
  if (l.bug?.id !== undefined) out.bug = l.bug.id;
  if (l.bug?.project) out.project = l.bug.project;
  if (l.blueprint) {
    out.project = l.blueprint.project;
    if (l.blueprint.name) out.blueprint = l.blueprint.name;
  }
  if (l.story?.story !== undefined) out.story = l.story.story;
  if (l.story?.task !== undefined) out.task = l.story.task;
  if (l.etherpad) out.etherpad = l.etherpad.name;
  return out;
}

function actionJson(a: ActionItem): OutlineAction {
  return { owner: a.owner, text: a.text, line: a.range.start.line + 1, column: a.range.start.character + 1 };
}

function oneBased(r: Range): { line: number; column: number; endLine: number; endColumn: number } {
  return { line: r.start.line + 1, column: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

export function diagnosticJson(d: Diagnostic): JsonDiagnostic {
  const out: JsonDiagnostic = { ...oneBased(d.range), severity: d.severity, code: d.code, message: d.message };
  if (d.fix) out.fix = { ...oneBased(d.fix.range), text: d.fix.text };
  return out;
}
