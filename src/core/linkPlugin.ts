// A markdown-it core rule that finds every link in the inline content, classifies and checks it with
// the link rules, and (like markdown-it's own linkify, which it replaces) marks where bare URLs
// become links for the exporters. Links are found in the token stream, so code spans, code blocks and
// HTML are never mistaken for links; their exact source range comes from the block's own lines.
import { attr, type MarkdownIt, type StateCore, type Token } from './markdownTypes';
import type { LinkHosts } from './linkHosts';
import { recordInlineFacts } from './inlineFacts';
import { checkLink } from './linkRules/checkLink';
import { LineIndex } from './lineIndex';
import type { Link } from './model';
import { scanUrls } from './urlScanner';

/** What the plugin reads from and writes to markdown-it's `env`. */
export interface LinkEnv {
  hosts: LinkHosts;
  /** Set by the plugin: the line index of the text markdown-it parsed. */
  lines?: LineIndex;
  /** Set by the plugin: every link, in document order. */
  links: Link[];
}

export function linkPlugin(md: MarkdownIt): void {
  md.core.ruler.push('midcycle_links', (state) => {
    const env = state.env as { midcycle?: LinkEnv };
    if (!env.midcycle) return;
    findLinks(state, env.midcycle);
  });
}

function findLinks(state: StateCore, env: LinkEnv): void {
  const src = state.src;
  const lines = new LineIndex(src);
  env.lines = lines;
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.map || !block.children) continue;
    const found: Link[] = [];
    const blockStart = lines.starts[block.map[0]] ?? src.length;
    const blockEnd = lines.starts[block.map[1]] ?? src.length;
    let cursor = blockStart;

    /** Where `raw` stands in the block's source, searching on from the last link found. */
    const locate = (raw: string, from = cursor): number => {
      const at = src.indexOf(raw, from);
      return at !== -1 && at < blockEnd ? at : -1;
    };
    const add = (raw: string, at: number, following: string): Link => {
      const link = makeLink(raw, at, following, env.hosts, lines, block.map![0]);
      found.push(link);
      if (at >= 0) cursor = at + raw.length;
      return link;
    };

    const children = block.children;
    let insideLink = 0;
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child.type === 'link_open') {
        insideLink++;
        const href = attr(child, 'href');
        if (child.markup === 'autolink') {
          const raw = children[i + 1]?.content ?? href;
          add(raw, locate(`<${raw}>`) + 1 || -1, '');
        } else {
          const dest = inlineDestination(src, cursor, blockEnd, md(state), href);
          if (dest) add(dest.raw, dest.at, '');
          else {
            // a reference link: its URL stands in the definition, anywhere in the document
            const at = src.indexOf(href);
            found.push(makeLink(href, at, '', env.hosts, lines, block.map[0]));
          }
        }
      } else if (child.type === 'link_close') {
        insideLink--;
      } else if (child.type === 'text' && insideLink === 0) {
        findInText(child, env.hosts, (raw, following, brokenDestination) => {
          const link = add(raw, locate(raw), following);
          return brokenDestination ? undefined : link;
        });
      }
    }
    recordInlineFacts(block, found);
    for (const link of found) env.links.push(link);
  }
}

function md(state: StateCore): MarkdownIt {
  return state.md;
}

/** How much of the text after a URL the rules see: enough for a number typed after a space. */
const FOLLOWING_WINDOW = 40;

/** A URL found in a text token that the exporters make an anchor of (see anchoredChildren). */
export interface Anchor {
  start: number;
  end: number;
  href: string;
}

/**
 * Finds the URLs in a text token, records each link (through `onLink`, which returns it, or
 * undefined when the URL must stay text: a destination broken by a space is not a link), and keeps
 * where the anchors go on the token's `meta`: link tokens are made only when something renders.
 */
function findInText(
  token: Token,
  hosts: LinkHosts,
  onLink: (raw: string, following: string, brokenDestination: boolean) => Link | undefined,
): void {
  const text = token.content;
  const matches = scanUrls(text, hosts);
  if (matches.length === 0) return;
  const anchors: Anchor[] = [];
  let pos = 0;
  for (const m of matches) {
    if (m.index < pos) continue;
    let raw = m.raw;
    let end = m.lastIndex;
    // `[text](https://host/path with space)`: Markdown made text of it; the URL runs to the `)`
    // (small windows around the URL: a 10 MB line must not be copied once per link)
    const before = text.slice(Math.max(0, m.index - 3), m.index);
    const broken = /\]\(<?$/.test(before) ? brokenDestination(text, m.index, m.lastIndex, before.endsWith('<') ? '>' : ')') : undefined;
    if (broken) {
      raw = broken;
      end = m.index + broken.length;
    }
    const link = onLink(raw, text.slice(end, end + FOLLOWING_WINDOW), broken !== undefined);
    const href = link && hrefAsWritten(raw);
    if (href) anchors.push({ start: m.index, end, href });
    pos = end;
  }
  if (anchors.length) token.meta = { anchors };
}

/**
 * The href of a URL found in text: what the writer typed (a correction is the quick fix's job, not
 * the export's), with https:// when they left the scheme out, as mail clients link such text; a
 * misspelt scheme (`https:/…`) is no link in any client, so none here. The exporters normalise it.
 */
function hrefAsWritten(raw: string): string | undefined {
  if (/^(?:(?:https?|ftp):\/\/|mailto:)/i.test(raw)) return raw;
  if (/^[a-z][a-z0-9+.-]*:|^[a-z]{3,6}\/\//i.test(raw)) return undefined;
  return `https://${raw}`;
}

/** The whole destination when it has a space before its closing bracket, else undefined. */
function brokenDestination(text: string, start: number, urlEnd: number, close: string): string | undefined {
  // a destination broken by a space ends within a few words; never search a whole huge line
  const end = text.slice(urlEnd, urlEnd + 200).indexOf(close) + urlEnd;
  if (end < urlEnd) return undefined;
  const dest = text.slice(start, end).trimEnd();
  return /\s/.test(dest) && !/\s["'(]/.test(dest) ? dest : undefined;
}

/** The raw destination of the inline link `[text](dest)` that starts after `from`, when it is that. */
function inlineDestination(src: string, from: number, limit: number, md: MarkdownIt, href: string): { raw: string; at: number } | undefined {
  for (let at = src.indexOf('](', from); at !== -1 && at < limit; at = src.indexOf('](', at + 2)) {
    let start = at + 2;
    while (src[start] === ' ' || src[start] === '\t' || src[start] === '\n') start++;
    let raw: string;
    if (src[start] === '<') {
      const end = src.indexOf('>', start);
      if (end === -1) continue;
      start += 1;
      raw = src.slice(start, end);
    } else {
      let end = start;
      let depth = 0;
      for (; end < src.length; end++) {
        const c = src[end];
        if (c === '\\') { end++; continue; }
        if (c === '(') depth++;
        else if (c === ')') { if (depth === 0) break; depth--; }
        else if (c <= ' ') break;
      }
      raw = src.slice(start, end);
    }
    if (md.normalizeLink(unescapeMarkdown(raw)) === href) return { raw, at: start };
  }
  return undefined;
}

function unescapeMarkdown(s: string): string {
  return s.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

function makeLink(raw: string, at: number, following: string, hosts: LinkHosts, lines: LineIndex, fallbackLine: number): Link {
  const check = checkLink(raw, hosts, following);
  const range = at >= 0 ? lines.rangeAt(at, at + raw.length) : lines.linesRange(fallbackLine, fallbackLine);
  const url = /^[a-z][a-z0-9+.-]*:/i.test(check.url) ? check.url : `https://${check.url}`;
  const link: Link = { kind: check.kind, raw, url, range };
  if (check.review) link.review = check.review;
  if (check.bug) link.bug = check.bug;
  if (check.blueprint) link.blueprint = check.blueprint;
  if (check.etherpad) link.etherpad = check.etherpad;
  if (check.problem) {
    const { code, message, fixed, consumeFollowing } = check.problem;
    link.problem = { code, message };
    if (fixed !== undefined && at >= 0) link.problem.fix = { range: lines.rangeAt(at, at + raw.length + consumeFollowing), text: fixed };
  }
  return link;
}
