// What one inline token (a paragraph's or a heading's content) says: its links, its plain text,
// its action items, and, when it heads a topic, its title. Kept on the token's `meta`, so that
// building the report, or rebuilding it after an edit, only reads them. The links are found while
// parsing (every feature needs them); the rest is worked out when first asked for, so that a
// command that only checks links (`midcycle check`) never pays for titles and action items.
import type { ActionContext } from '../people/actionItems';
import { actionItems } from '../people/actionItemsBundle';
import type { LineIndex } from '../model/lineIndex';
import { linkLabel } from '../rules/linkLabel';
import type { Token } from '../model/markdownTypes';
import type { LinkHosts } from '../rules/linkHosts';
import type { ActionItem, Link, Range } from '../model/model';
import { WellFormedLink, wellFormedLink, type FoundLink } from './wellFormedLink';
import { topicTitle } from './topicTitle';
import { endsMidSentence } from '../export/lineBreaks';
import { getInlineFacts, setInlineFacts, type InlineFacts } from './tokenFacts';

export type { InlineFacts } from './tokenFacts';

/**
 * How much of a topic's text its title is made from (URLs in it become short labels): a title is a
 * few words, and a sentence or label that ends later is cut to them anyway.
 */
const TITLE_SOURCE_CHARS = 240;

const NO_LINKS: readonly Link[] = Object.freeze([]);
const NO_ACTIONS: readonly ActionItem[] = Object.freeze([]);

/**
 * Facts with every field there from the start: fields added later would go to a property array of
 * their own, one more object per inline token (docs/performance.md).
 */
function newFacts(links: readonly Link[], found: FoundLink[] | undefined, hosts: LinkHosts | undefined): InlineFacts {
  return { links, found, hosts, text: undefined, actions: undefined, actionsKey: undefined, title: undefined, prose: undefined, names: undefined };
}

/**
 * The facts of an inline token: recorded with its links while parsing, or, for a token without
 * links (most of a report's lines), made when something first asks.
 */
function factsOf(token: Token): InlineFacts | undefined {
  let facts = getInlineFacts(token);
  if (!facts && token.type === 'inline') setInlineFacts(token, (facts = newFacts(NO_LINKS, undefined, undefined)));
  return facts;
}

/** Records the links found in an inline token: the first of its facts. */
export function recordInlineFacts(token: Token, found: FoundLink[], hosts: LinkHosts): void {
  const pending = found.some((f) => f instanceof WellFormedLink);
  setInlineFacts(token, pending ? newFacts(NO_LINKS, found, hosts) : newFacts(found as Link[], undefined, undefined));
}

/** The token's links, the well-formed ones made when first read. */
export function inlineLinks(token: Token): readonly Link[] {
  const facts = getInlineFacts(token);
  if (!facts) return NO_LINKS;
  if (facts.found) {
    const hosts = facts.hosts!;
    facts.links = facts.found.map((f) => (f instanceof WellFormedLink ? wellFormedLink(f, hosts) : f));
    facts.found = undefined;
    facts.hosts = undefined;
  }
  return facts.links;
}

/** The token's links as recorded: made or not, for what needs no more (diagnostics, moves). */
export function foundLinks(token: Token): readonly FoundLink[] {
  const facts = getInlineFacts(token);
  return facts ? (facts.found ?? facts.links) : NO_LINKS;
}

/** What reportPeople made of the token's text, kept with its other facts (an edit keeps most tokens). */
export function inlineNames<T extends object>(token: Token, make: (text: string) => T): T {
  const facts = factsOf(token);
  if (!facts) return make('');
  facts.names ??= make(inlineText(token));
  return facts.names as T;
}

export function inlineText(token: Token): string {
  const facts = factsOf(token);
  if (!facts) return '';
  facts.text ??= plainText(token);
  return facts.text;
}

/** Where a text stands for its action items (under an action label or not; the report's people), and a key for it. */
export interface ActionScope extends ActionContext {
  key: string;
}

/**
 * The token's action items, located in the text through `lines` (the line index of the text the
 * token now belongs to: after an incremental update, the new one). Kept while `scope` is the same.
 */
export function inlineActions(token: Token, lines: LineIndex, scope: ActionScope): readonly ActionItem[] {
  const facts = factsOf(token);
  if (!facts) return NO_ACTIONS;
  if (!facts.actions || facts.actionsKey !== scope.key) {
    facts.actionsKey = scope.key;
    const text = inlineText(token);
    const firstLine = token.map?.[0] ?? 0;
    const noOwner = noOwnerStretches(token);
    const found = actionItems().findActionItems(text, noOwner ? { ...scope, noOwner } : scope);
    const breaks = found.length ? newlineOffsets(text) : [];
    facts.actions = !found.length
      ? NO_ACTIONS
      : found.map((f): ActionItem => {
          const item: ActionItem = { owner: f.owner, text: f.text, range: locate(text, breaks, f.offset, f.length, firstLine, lines) };
          if (f.done) item.done = true;
          return item;
        });
  }
  return facts.actions;
}

/** The title a topic headed by this inline has (cached on the token). */
export function inlineTitle(token: Token): string {
  const facts = factsOf(token);
  if (!facts) return '';
  facts.title ??= topicTitle(readableText(titleSource(token), inlineLinks(token)));
  return facts.title;
}

/**
 * Where the token's code spans and link texts are in its plain text (plainText's offsets), when it
 * has any: no owner of an action item is there ("`setTimeout` to delete…", "[Resize to same
 * host](…) needs a reproducer").
 */
function noOwnerStretches(inline: Token): [number, number][] | undefined {
  const children = inline.children ?? [];
  if (!children.some((c) => c.type === 'code_inline' || c.type === 'link_open')) return undefined;
  const out: [number, number][] = [];
  let at = 0;
  let linkFrom = -1;
  for (const child of children) {
    const length = childText(child).length;
    if (child.type === 'code_inline') out.push([at, at + length]);
    else if (child.type === 'link_open') linkFrom = at;
    else if (child.type === 'link_close' && linkFrom !== -1) {
      out.push([linkFrom, at]);
      linkFrom = -1;
    }
    at += length;
  }
  return out;
}

/**
 * The start of an inline's text that a title is made from: its first line, and the lines after it
 * while a sentence goes on over them (a wrapped paragraph); never past a hard break. A line the
 * email keeps ("Cross-project session with Cinder⏎Attendees: …") is not the title's.
 */
function titleSource(inline: Token): string {
  const text = inlineText(inline);
  const firstBreak = text.indexOf('\n');
  if (firstBreak === -1) return text.slice(0, TITLE_SOURCE_CHARS);
  const hard = inline.children?.findIndex((c) => c.type === 'hardbreak') ?? -1;
  const lines = text.slice(0, TITLE_SOURCE_CHARS).split('\n');
  // the hard break's line: the text's line breaks are its soft and hard breaks, in order
  const stop = hard === -1 ? lines.length : inline.children!.slice(0, hard).filter((c) => c.type === 'softbreak').length + 1;
  let out = lines[0];
  for (let i = 1; i < Math.min(stop, lines.length) && endsMidSentence(lines[i - 1], lines[i]); i++) out += `\n${lines[i]}`;
  return out;
}

export function plainText(inline: Token): string {
  let out = '';
  for (const child of inline.children ?? []) out += childText(child);
  return out;
}

/** What an inline child gives a reader's plain text: its words, a line break, or nothing (markup). */
function childText(child: Token): string {
  switch (child.type) {
    case 'text':
    case 'code_inline':
    case 'html_inline':
    case 'image':
      return child.content;
    case 'softbreak':
    case 'hardbreak':
      return '\n';
    default:
      return '';
  }
}

/** Text for a title: a link's short name in place of its URL, a broken `[text](url)` as its text. */
function readableText(text: string, links: readonly Link[]): string {
  let out = text;
  for (const link of links) {
    const at = out.indexOf(link.raw);
    if (at === -1) continue;
    // `[text](url…)` that Markdown left as text (a destination broken by a space): the text
    const open = out.lastIndexOf('](', at);
    if (open !== -1 && open >= at - 3 && /^\]\(<?$/.test(out.slice(open, at))) {
      const start = out.lastIndexOf('[', open);
      const close = out.indexOf(')', at + link.raw.length);
      if (start !== -1 && close !== -1) {
        out = out.slice(0, start) + out.slice(start + 1, open) + out.slice(close + 1);
        continue;
      }
    }
    out = out.slice(0, at) + linkLabel(link) + out.slice(at + link.raw.length);
  }
  return out;
}

/** The offsets of the text's line breaks, for locating several stretches of one text. */
function newlineOffsets(text: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) out.push(i);
  return out;
}

/** How many of the sorted offsets lie before `at`. */
function countBefore(offsets: readonly number[], at: number): number {
  let lo = 0;
  let hi = offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid] < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The source range of a stretch of the plain text, found line by line in the source. */
function locate(text: string, breaks: readonly number[], offset: number, length: number, firstLine: number, lines: LineIndex): Range {
  const lineInText = countBefore(breaks, offset);
  const startLine = firstLine + lineInText;
  const startCol = offset - (lineInText ? breaks[lineInText - 1] + 1 : 0);
  const endLine = firstLine + countBefore(breaks, offset + length);
  const body = text.slice(offset, offset + length);
  const lastPart = body.slice(body.lastIndexOf('\n') + 1);
  const startText = lines.lineText(startLine);
  // the plain text lacks markup and indentation: find the words themselves in the source line
  const firstWord = body.split(/\s/, 1)[0];
  const foundStart = startText.indexOf(firstWord);
  const start = foundStart >= 0 ? foundStart : Math.min(startCol, startText.length);
  const endText = lines.lineText(endLine);
  const foundEnd = endText.indexOf(lastPart, endLine === startLine ? start : 0);
  const end = foundEnd >= 0 ? foundEnd + lastPart.length : endText.length;
  return { start: { line: startLine, character: start }, end: { line: endLine, character: Math.max(end, endLine === startLine ? start : 0) } };
}

/** The text with each link's URL cut out, in one pass (links stand in the text in order). */
function withoutLinks(text: string, links: readonly { raw: string }[]): string {
  const parts: string[] = [];
  let pos = 0;
  for (const link of links) {
    const at = text.indexOf(link.raw, pos);
    if (at === -1) continue;
    parts.push(text.slice(pos, at), ' ');
    pos = at + link.raw.length;
  }
  parts.push(text.slice(pos));
  return parts.join('');
}

/** True when the token's text says something besides its URLs (cached on its facts). */
export function hasProse(token: Token): boolean {
  const facts = factsOf(token);
  if (!facts) return false;
  if (facts.prose === undefined) {
    const rest = withoutLinks(inlineText(token), foundLinks(token)).replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, ' ');
    facts.prose = /[\p{L}\p{N}]/u.test(rest);
  }
  return facts.prose;
}
