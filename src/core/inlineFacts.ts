// What one inline token (a paragraph's or a heading's content) says: its plain text, its links, its
// action items, and, when it heads a topic, its title. Worked out once per token and kept on the
// token's `meta`, so that building the report, or rebuilding it after an edit, only reads them.
import { findActionItems } from './actionItems';
import type { LineIndex } from './lineIndex';
import { linkLabel } from './linkLabel';
import type { Token } from './markdownTypes';
import type { ActionItem, Link, Range } from './model';
import { topicTitle } from './topicTitle';

export interface InlineFacts {
  links: Link[];
  /** The content as a reader sees it: text, code and link text; line breaks kept. */
  text: string;
  actions: ActionItem[];
  /** The topic title this text gives, worked out when first asked for. */
  title?: string;
  /** Whether it says something besides its URLs, worked out when first asked for. */
  prose?: boolean;
}

const NO_FACTS: InlineFacts = Object.freeze({ links: [], text: '', actions: [], prose: false });

export function inlineFacts(token: Token): InlineFacts {
  return (token.meta as InlineFacts | null) ?? NO_FACTS;
}

/** Records the facts of an inline token whose links were found. */
export function recordInlineFacts(token: Token, links: Link[], lines: LineIndex): void {
  const text = plainText(token);
  const firstLine = token.map?.[0] ?? 0;
  const actions = findActionItems(text).map((found): ActionItem => ({
    owner: found.owner,
    text: found.text,
    range: locate(text, found.offset, found.length, firstLine, lines),
  }));
  token.meta = { links, text, actions } satisfies InlineFacts;
}

/** The title a topic headed by this inline has (cached on the token). */
export function inlineTitle(token: Token): string {
  const facts = token.meta as InlineFacts | null;
  if (!facts) return '';
  facts.title ??= topicTitle(readableText(facts.text, facts.links));
  return facts.title;
}

export function plainText(inline: Token): string {
  let out = '';
  for (const child of inline.children ?? []) {
    switch (child.type) {
      case 'text':
      case 'code_inline':
      case 'html_inline':
      case 'image':
        out += child.content;
        break;
      case 'softbreak':
      case 'hardbreak':
        out += '\n';
        break;
    }
  }
  return out;
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

/** The source range of a stretch of the plain text, found line by line in the source. */
function locate(text: string, offset: number, length: number, firstLine: number, lines: LineIndex): Range {
  const before = text.slice(0, offset);
  const startLine = firstLine + countNewlines(before);
  const startCol = before.length - before.lastIndexOf('\n') - 1;
  const body = text.slice(offset, offset + length);
  const endLine = startLine + countNewlines(body);
  const lastPart = body.slice(body.lastIndexOf('\n') + 1);
  const startText = lines.lineText(startLine);
  // the plain text lacks markup and indentation: find the words themselves in the source line
  const firstWord = body.split(/\s/)[0];
  const foundStart = startText.indexOf(firstWord);
  const start = foundStart >= 0 ? foundStart : Math.min(startCol, startText.length);
  const endText = lines.lineText(endLine);
  const foundEnd = endText.indexOf(lastPart, endLine === startLine ? start : 0);
  const end = foundEnd >= 0 ? foundEnd + lastPart.length : endText.length;
  return { start: { line: startLine, character: start }, end: { line: endLine, character: Math.max(end, endLine === startLine ? start : 0) } };
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** True when the text says something besides its URLs (cached on the facts). */
export function hasProse(facts: InlineFacts): boolean {
  if (facts.prose === undefined) {
    let rest = facts.text;
    for (const link of facts.links) rest = rest.split(link.raw).join(' ');
    rest = rest.replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, ' ');
    facts.prose = /[\p{L}\p{N}]/u.test(rest);
  }
  return facts.prose;
}
