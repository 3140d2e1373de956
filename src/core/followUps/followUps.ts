// The loop between two reports: a draft names the last report in its front matter (`previous:
// ../2016-mitaka.md`), and the last report's action items are its follow-ups. Each is `done` when
// it was ticked off there (`- [x]`, "[done]") or, with link facts, when every change it links has
// merged since; `mentioned` when this draft names the same owner with a word of the task or a link
// of it, in one paragraph, item or heading. Open items nobody mentions are said once, on the
// `previous:` line. Pure: the caller reads the last report (a path to read, never to write) and
// parses it with the same core. A draft without `previous:` costs nothing: its front matter says so.
import type { FactsResult } from '../facts/linkFacts';
import type { ActionItem, Diagnostic, Link, Range, Report } from '../model/model';
import { diagnosticOf } from '../rules/ruleSeverity';

/** Where a draft names its last report: the path as written, and the `previous:` line. */
export interface PreviousReference {
  path: string;
  /** The whole `previous:` line of the front matter. */
  range: Range;
}

export interface FollowUp {
  owner: string;
  text: string;
  /** Where the item is in the last report. */
  range: Range;
  done: boolean;
  mentioned: boolean;
}

/** The front matter key that names the last report. */
export const PREVIOUS_KEY = 'previous';

/**
 * The last report a draft names, when it names one: `previous:` a path, relative to the draft (an
 * address with a scheme is no path, and is not read: undefined, with no follow-ups).
 */
export function previousOf(report: Report): PreviousReference | undefined {
  const value = report.frontMatter[PREVIOUS_KEY];
  if (typeof value !== 'string' || !value.trim() || !report.frontMatterRange) return undefined;
  const path = value.trim();
  // a path to read: `../2016-mitaka.md`, `C:\reports\x.md`; not `https://…` nor `file:…`
  if (/^[a-z][a-z0-9+.-]+:/i.test(path) && !/^[a-z]:[\\/]/i.test(path)) return undefined;
  const { start, end } = report.frontMatterRange;
  for (let line = start.line; line <= end.line; line++) {
    const text = report.parse.lines.lineText(line);
    if (/^previous\s*:/.test(text)) return { path, range: { start: { line, character: 0 }, end: { line, character: text.length } } };
  }
  return undefined;
}

/** What the follow-ups read of link facts: a link's answer, if it was looked up and answered. */
export type FollowUpFacts = (link: Link) => FactsResult | undefined;

/**
 * The last report's action items, as this draft follows them up; an item said again there (minutes
 * list each ACTION under its topic and again at the end) once, where it is first.
 */
export function followUps(previous: Report, current: Report, factsOf?: FollowUpFacts): FollowUp[] {
  if (!previous.actions.length) return [];
  const blocks = textBlocks(current);
  const seen = new Set<string>();
  const once = previous.actions.filter((a) => {
    const key = `${a.owner}\n${a.text}`.toLowerCase().replace(/\s+/g, ' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return once.map((action) => {
    const links = taskLinks(previous, action);
    return {
      owner: action.owner,
      text: action.text,
      range: action.range,
      done: action.done === true || (factsOf !== undefined && allMerged(links, factsOf)),
      mentioned: isMentioned(action, links, blocks),
    };
  });
}

/** A paragraph's, item's or heading's own text (lower case) and the keys of its links. */
interface TextBlock {
  text: string;
  links: Set<string>;
}

/**
 * The draft's blocks of text: each inline token's source (its words and addresses as written) with
 * the links on its lines. Read from the tokens and the links alone, no side table of the parse's:
 * the editor runs this in a bundle of its own, over a report its main bundle parsed.
 */
function textBlocks(report: Report): TextBlock[] {
  const out: TextBlock[] = [];
  const tokens = report.tokens;
  const links = report.links;
  let next = 0; // links in document order: each block takes those on its lines
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type !== 'inline' || !token.map) continue;
    const [first, end] = token.map;
    while (next < links.length && links[next].range.start.line < first) next++;
    const keys = new Set<string>();
    for (let j = next; j < links.length && links[j].range.start.line < end; j++) keys.add(linkKey(links[j]));
    out.push({ text: token.content.toLowerCase(), links: keys });
  }
  return out;
}

/**
 * What a link points at, so that two addresses of one thing are one: a change by its number
 * (review.openstack.org/#/c/281628/ is review.opendev.org/c/openstack/neutron/+/281628), a bug by
 * its number, a blueprint or story by its name or number; any other link by its address.
 */
function linkKey(link: Link): string {
  if (link.review?.change !== undefined) return `change ${link.review.change}`;
  if (link.bug?.id !== undefined) return `bug ${link.bug.id}`;
  if (link.blueprint?.name) return `blueprint ${link.blueprint.project}/${link.blueprint.name}`;
  if (link.story?.story !== undefined) return `story ${link.story.story}`;
  if (link.story?.task !== undefined) return `task ${link.story.task}`;
  return link.url.replace(/\/+$/, '').toLowerCase();
}

/** The links of the last report's action items' tasks: what link facts need to say which are done. */
export function followUpLinks(previous: Report): Link[] {
  return previous.actions.flatMap((a) => taskLinks(previous, a));
}

/** The links of an item's task: those within its range, or named in its words. */
function taskLinks(report: Report, action: ActionItem): Link[] {
  const { start, end } = action.range;
  const within = (l: Link) =>
    (l.range.start.line > start.line || (l.range.start.line === start.line && l.range.start.character >= start.character)) &&
    (l.range.end.line < end.line || (l.range.end.line === end.line && l.range.end.character <= end.character));
  return report.links.filter((l) => within(l) || action.text.includes(l.raw));
}

/** "Every change it links has merged": at least one change, and each MERGED by its Gerrit's word. */
function allMerged(links: readonly Link[], factsOf: FollowUpFacts): boolean {
  const changes = links.filter((l) => l.review?.change !== undefined && !l.problem);
  return (
    changes.length > 0 &&
    changes.every((l) => {
      const r = factsOf(l);
      return r?.state === 'found' && r.facts.status?.toUpperCase() === 'MERGED';
    })
  );
}

/** Words too common to say which task is meant (made when first needed: a bundle that never follows up never makes it). */
let common: Set<string> | undefined;
const isCommon = (word: string) =>
  (common ??= new Set(
    'about above after again also back been before being between both could does doing done down during each from further have having here into just like make made more most much need needs next only other over same should some such than that their them then there these they this those through under until very want were what when where which while will with would your follow work working look looking sure team things thing'.split(
      ' ',
    ),
  )).has(word);

/** A word's stem for matching: its first five letters ("proposal" and "proposed" are one). */
const stem = (word: string) => word.slice(0, 5);

/** The stems of a text's words that can say which task it is: four letters or more, not common, not in an address. */
function taskStems(text: string, owner: string): Set<string> {
  const words = text
    .toLowerCase()
    .replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/g, ' ')
    .split(/[^\p{L}\p{N}_-]+/u)
    .filter((w) => w.length >= 4 && !isCommon(w) && w !== owner);
  return new Set(words.map(stem));
}

/** Whether one block of the draft names the item's owner with a word of its task or a link of it. */
function isMentioned(action: ActionItem, links: readonly Link[], blocks: readonly TextBlock[]): boolean {
  const owner = action.owner.toLowerCase();
  const named = new RegExp(`(?:^|[^\\p{L}\\p{N}_-])@?${owner.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}_-])`, 'u');
  const stems = taskStems(action.text, owner);
  const keys = new Set(links.map(linkKey));
  for (const block of blocks) {
    if (!block.text.includes(owner) || !named.test(block.text)) continue;
    for (const key of keys) if (block.links.has(key)) return true;
    if (!stems.size) continue;
    for (const word of block.text.split(/[^\p{L}\p{N}_-]+/u)) if (word.length >= 4 && word !== owner && stems.has(stem(word))) return true;
  }
  return false;
}

/**
 * What the `previous:` line says: that the last report could not be read (`why`), or how many of
 * its open items this draft leaves unmentioned; nothing when all are done or mentioned.
 */
export function followUpDiagnostics(report: Report, previous: PreviousReference, ups: readonly FollowUp[] | undefined, why?: string): Diagnostic[] {
  const severities = report.parse.options.severities;
  if (why !== undefined) {
    const d = diagnosticOf(
      { code: 'previous-unreadable', range: previous.range, message: `The last report (${previous.path}) cannot be read: ${why}.` },
      severities,
    );
    return d ? [d] : [];
  }
  const open = (ups ?? []).filter((u) => !u.done && !u.mentioned).length;
  if (!open) return [];
  const message =
    open === 1
      ? '1 open action item of the last report is not mentioned in this draft: say what became of it, or carry it over.'
      : `${open} open action items of the last report are not mentioned in this draft: say what became of them, or carry them over.`;
  const d = diagnosticOf({ code: 'follow-ups-open', range: previous.range, message }, severities);
  return d ? [d] : [];
}
