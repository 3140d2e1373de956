// The CLI's JSON contracts (`midcycle outline --json`, `midcycle check --json`): 1-based lines and
// columns, end columns exclusive, as compilers and ESLint report them. Later tools read these.
import { linkFacts, type FactsResult } from '../facts/linkFacts';
import type { ActionItem, Diagnostic, Link, LinkKind, Range, Report, Severity, Topic } from '../model/model';
import { wholeTitle } from './topicTitle';
import type { FollowUp } from '../followUps/followUps';

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
  /**
   * Another tracker's item (GitHub, GitLab, Jira, Bugzilla, Chromium, Phabricator…, and a Gerrit
   * known by its link's shape): the tracker's id (`github`), the host linked, and what names the
   * item: `repository` (`owner/repo`, a GitLab project, a Jira or Chromium project), `number`,
   * `key` (Jira's `MAHOUT-2200`, Phabricator's `T123`), `commit` (a hash). OpenStack's trackers keep
   * the fields above alone.
   */
  tracker?: string;
  host?: string;
  repository?: string;
  number?: number;
  key?: string;
  commit?: string;
  /** The URL a short reference stands for is `url`; `raw` is what the text says (`#123`). Set for those. */
  short?: true;
  /** With --online: what the service says of it; `found: false` when it says there is no such thing. */
  facts?: OutlineFacts;
}

export interface OutlineFacts {
  found: boolean;
  title?: string;
  /** As the service says it: Gerrit `NEW`/`MERGED`/`ABANDONED`, a bug's status in the linked project. */
  status?: string;
  project?: string;
  /** A change's owner. */
  owner?: string;
}

/** What the outline reads of link facts: a link's answer, if it was looked up and answered. */
export type FactsOf = (link: Link) => FactsResult | undefined;

export interface OutlineAction {
  owner: string;
  text: string;
  line: number;
  column: number;
  /** Ticked off in the draft; absent while open. */
  done?: true;
}

/** An action item of the last report (the front matter's `previous:`), as this draft follows it up. */
export interface OutlineFollowUp {
  owner: string;
  text: string;
  /** Its line in the last report. */
  line: number;
  /** Ticked off there, or, with link facts, every change it links merged since. */
  done: boolean;
  /** This draft names its owner with a word of its task or a link of it. */
  mentioned: boolean;
}

export interface OutlineTopic {
  /** The short title, as the tree shows it. */
  title: string;
  /** The title whole: the label or first sentence it was cut from ("… (both DVR and non)"). */
  fullTitle: string;
  kind: Topic['kind'];
  line: number;
  endLine: number;
  children: OutlineTopic[];
  links: OutlineLink[];
  actions: OutlineAction[];
  /** With --online: its reviews by status, "2 merged · 1 abandoned". */
  statuses?: string;
}

export interface Outline {
  subject?: string;
  topics: OutlineTopic[];
  links: OutlineLink[];
  actions: OutlineAction[];
  /** With `previous:` in the front matter: the last report's action items. */
  followUps?: OutlineFollowUp[];
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

export function toOutline(report: Report, factsOf?: FactsOf): Outline {
  const link = (l: Link) => linkJson(l, factsOf);
  const topic = (t: Topic): OutlineTopic => {
    const out: OutlineTopic = {
      title: t.title,
      fullTitle: wholeTitle(t.text, t.title),
      kind: t.kind,
      line: t.range.start.line + 1,
      endLine: t.range.end.line + 1,
      children: t.children.map(topic),
      links: t.links.map(link),
      actions: t.actions.map(actionJson),
    };
    const statuses = factsOf && reviewStatuses(t.links, factsOf);
    if (statuses) out.statuses = statuses;
    return out;
  };
  const outline: Outline = { topics: report.topics.map(topic), links: report.links.map(link), actions: report.actions.map(actionJson) };
  if (typeof report.frontMatter.subject === 'string') outline.subject = report.frontMatter.subject;
  return outline;
}

/** "2 merged · 1 abandoned": a topic's reviews by status (the tree's words too). */
export function reviewStatuses(links: readonly Link[], factsOf: FactsOf): string {
  const counts = new Map<string, number>();
  for (const link of links) {
    if (link.review?.change === undefined) continue;
    const r = factsOf(link);
    if (r?.state !== 'found') continue;
    const s = r.facts.status?.toUpperCase();
    const word = s === 'MERGED' ? 'merged' : s === 'ABANDONED' ? 'abandoned' : s === 'NEW' ? 'open' : undefined;
    if (word) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return ['merged', 'open', 'abandoned']
    .filter((w) => counts.has(w))
    .map((w) => `${counts.get(w)} ${w}`)
    .join(' · ');
}

function linkJson(l: Link, factsOf?: FactsOf): OutlineLink {
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
  trackerJson(out, l);
  const r = factsOf?.(l);
  if (r?.state === 'not-found') out.facts = { found: false };
  else if (r?.state === 'found') {
    const f = linkFacts(l, r.facts);
    out.facts = { found: true };
    if (f.title !== undefined) out.facts.title = f.title;
    if (f.status !== undefined) out.facts.status = f.status;
    if (f.project !== undefined) out.facts.project = f.project;
    if (f.owner !== undefined) out.facts.owner = f.owner;
  }
  return out;
}

/** Another tracker's identifiers: its item's, or a Gerrit's known by its link's shape (OpenStack's links keep their fields alone). */
function trackerJson(out: OutlineLink, l: Link): void {
  if (l.review?.unlisted) {
    out.tracker = 'gerrit';
    out.host = l.review.host;
  }
  const item = l.item;
  if (!item) return;
  out.tracker = item.tracker;
  out.host = item.host;
  if (item.repository !== undefined) out.repository = item.repository;
  if (item.number !== undefined) out.number = item.number;
  if (item.key !== undefined) out.key = item.key;
  if (item.commit !== undefined) out.commit = item.commit;
  if (item.short) out.short = true;
}

/** The follow-ups as `outline --json` gives them: 1-based lines in the last report. */
export function followUpsJson(ups: readonly FollowUp[]): OutlineFollowUp[] {
  return ups.map((u) => ({ owner: u.owner, text: u.text, line: u.range.start.line + 1, done: u.done, mentioned: u.mentioned }));
}

function actionJson(a: ActionItem): OutlineAction {
  const out: OutlineAction = { owner: a.owner, text: a.text, line: a.range.start.line + 1, column: a.range.start.character + 1 };
  if (a.done) out.done = true;
  return out;
}

function oneBased(r: Range): { line: number; column: number; endLine: number; endColumn: number } {
  return { line: r.start.line + 1, column: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

export function diagnosticJson(d: Diagnostic): JsonDiagnostic {
  const out: JsonDiagnostic = { ...oneBased(d.range), severity: d.severity, code: d.code, message: d.message };
  if (d.fix) out.fix = { ...oneBased(d.fix.range), text: d.fix.text };
  return out;
}
