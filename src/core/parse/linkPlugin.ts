// A markdown-it core rule that finds every link in the inline content, classifies and checks it with
// the link rules, and (like markdown-it's own linkify, which it replaces) marks where bare URLs
// become links for the exporters. Links are found in the token stream, so code spans, code blocks and
// HTML are never mistaken for links; their exact source range comes from the block's own lines.
import { attr, type MarkdownIt, type StateCore, type Token } from '../model/markdownTypes';
import type { LinkHosts } from '../rules/linkHosts';
import { recordInlineFacts } from './inlineFacts';
import { canonicalCheck, checkLink, isCanonical, ruleCheck } from '../rules/linkRules/checkLink';
import { destinationProblem, isMailableHref } from '../rules/webDestination';
import { isMalformed, linkOf, wellFormedLink, WellFormedLink, type FoundLink } from './wellFormedLink';
import { otherTrackers } from '../rules/trackers/otherTrackersBundle';
import { LineIndex } from '../model/lineIndex';
import type { Link } from '../model/model';
import type { ShortReference } from '../rules/trackers/tracker';
import { textUrls } from './textUrls';
import { draftHosts } from './draftReferences';
import { anchorTarget, headingAnchors, mayLinkInPage, type HeadingAnchor } from './headingAnchors';

const NO_ANCHORS: ReadonlyMap<string, HeadingAnchor> = new Map();

/** What the plugin reads from and writes to markdown-it's `env`. */
export interface LinkEnv {
  /** The settings' hosts; set by the plugin to those the draft is read with (its front matter's short references added). */
  hosts: LinkHosts;
  /** Set by the plugin: the line index of the text markdown-it parsed. */
  lines?: LineIndex;
  /** Set by the plugin: the malformed links (the others are made when read: wellFormedLink.ts). */
  problems: Link[];
  /**
   * Set by the plugin, which walks the whole token stream anyway, so that the document rules need
   * not walk it again: the fence tokens, and the deepest nesting level of any token.
   */
  fences?: Token[];
  deepest?: number;
}

export function linkPlugin(md: MarkdownIt): void {
  md.core.ruler.push('midcycle_links', (state) => {
    const env = state.env as { midcycle?: LinkEnv };
    if (!env.midcycle) return;
    findLinks(state, env.midcycle);
  });
}

function findLinks(state: StateCore, env: LinkEnv): void {
  const lines = new LineIndex(state.src);
  env.lines = lines;
  const tokens = state.tokens;
  env.hosts = draftHosts(env.hosts, tokens);
  // a link to a heading of the draft (`#next-steps`) is fine; one to no heading is flagged
  const anchors = mayLinkInPage(state.src) ? headingAnchors(tokens) : undefined;
  const finder = new LinkFinder(state.src, lines, env.hosts, state.md, anchors);
  const fences: Token[] = [];
  let deepest = 0;
  // the table row being read: markdown-it gives its cells' inline tokens no lines, so they are
  // given the row's (each its own copy: an update moves every token's lines), and read as any other
  let row: [number, number] | null = null;
  let cell = 0;
  // indexed loops: for-of makes an iterator result per step until the code is optimised, which is
  // most of a one-shot run such as `midcycle check` (docs/performance.md says what that buys)
  for (let i = 0; i < tokens.length; i++) {
    const block = tokens[i];
    if (block.level > deepest) deepest = block.level;
    if (block.type === 'fence') fences.push(block);
    else if (block.type === 'tr_open') {
      row = block.map;
      cell = 0;
    } else if (block.type === 'tr_close') row = null;
    if (block.type !== 'inline' || !block.children) continue;
    if (!block.map && row) block.map = [row[0], row[1]];
    if (!block.map) continue;
    // a row's later cells are searched from where the one before left off
    const found = finder.inBlock(block.map, block.children, row !== null && cell++ > 0);
    if (found.length === 0) continue;
    // blocks without links keep no facts until something asks (most of a report's lines)
    recordInlineFacts(block, found, env.hosts);
    for (let j = 0; j < found.length; j++) {
      const link = found[j];
      if (isMalformed(link)) env.problems.push(link);
    }
  }
  env.fences = fences;
  env.deepest = deepest;
}

/** The links of a block without any (never added to: `record` makes a block's own array). */
const NO_LINKS: FoundLink[] = [];

/**
 * Finds the links of one document's inline blocks, in order. One object walks the whole document
 * (no closures or arrays made per block: a draft has thousands of blocks, most without a link).
 */
class LinkFinder {
  /** Where the next link of the block is searched from. */
  private cursor = 0;
  private blockEnd = 0;
  /** The line the last link stood on (links are located from there on). */
  private line = 0;
  private found: FoundLink[] = NO_LINKS;

  constructor(
    private readonly src: string,
    private readonly lines: LineIndex,
    private readonly hosts: LinkHosts,
    private readonly md: MarkdownIt,
    private readonly anchors?: ReadonlyMap<string, HeadingAnchor>,
  ) {}

  /** The links of an inline block, whose lines are `map` and whose tokens are `children` (`goOn`: on the lines of the block before, after it). */
  inBlock(map: [number, number], children: Token[], goOn = false): FoundLink[] {
    const { src, lines } = this;
    this.found = NO_LINKS;
    if (!goOn) {
      this.cursor = lines.starts[map[0]] ?? src.length;
      this.line = map[0];
    }
    this.blockEnd = lines.starts[map[1]] ?? src.length;
    let insideLink = 0;
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child.type === 'text') {
        if (insideLink === 0) this.inText(child);
      } else if (child.type === 'link_open') {
        insideLink++;
        const href = attr(child, 'href');
        if (child.markup === 'autolink') {
          const raw = children[i + 1]?.content ?? href;
          this.add(raw, this.locate(`<${raw}>`) + 1 || -1, '', 0, true);
        } else {
          const dest = inlineDestination(src, this.cursor, this.blockEnd, this.md, href);
          if (dest) this.add(dest.raw, dest.at, '', 0, true);
          else {
            // a reference link: its URL stands in the definition, anywhere in the document
            this.record(makeLink(href, src.indexOf(href), '', 0, this.hosts, lines, 0, map[0], true, this.anchors));
          }
          this.checkText(children, i);
        }
      } else if (child.type === 'link_close') {
        insideLink--;
      }
    }
    return this.found;
  }

  /** `link-text-number` on the link just recorded, whose `link_open` is `children[open]`: its text against its address. */
  private checkText(children: Token[], open: number): void {
    const text = linkText(children, open);
    // most links' text has no digit, and says nothing of a number
    if (!text || !/\d/.test(text)) return;
    const last = this.found.length - 1;
    const found = this.found[last];
    if (!found || isMalformed(found)) return;
    const check = found instanceof WellFormedLink ? canonicalCheck(found.raw, this.hosts) : found;
    // (an item is another tracker's: their bundle is here)
    const message = check?.item && otherTrackers()?.textNumberProblem(text, check.kind, check.item);
    if (!message) return;
    const link = found instanceof WellFormedLink ? wellFormedLink(found, this.hosts) : found;
    link.problem = { code: 'link-text-number', message };
    this.found[last] = link;
  }

  private record(link: FoundLink): void {
    if (this.found === NO_LINKS) this.found = [link];
    else this.found.push(link);
  }

  /** Where `raw` stands in the block's source, searching on from the last link found. */
  private locate(raw: string): number {
    const at = this.src.indexOf(raw, this.cursor);
    return at !== -1 && at < this.blockEnd ? at : -1;
  }

  /** Records a link found at `at` (-1: not found), the text after it being `text` from `after` on; `written`: a Markdown link's address. */
  private add(raw: string, at: number, text: string, after: number, written = false): void {
    if (at >= 0 && isCanonical(raw, this.hosts)) {
      // well-formed: where it stands is all that is kept until its block's links are read
      const line = this.lines.lineFrom(this.line, at);
      this.record(new WellFormedLink(raw, line, at - this.lines.starts[line]));
      this.cursor = at + raw.length;
      this.line = line;
      return;
    }
    const link = makeLink(raw, at, text, after, this.hosts, this.lines, this.line, this.line, written, this.anchors);
    this.record(link);
    if (at >= 0) {
      this.cursor = at + raw.length;
      this.line = link.range.end.line;
    }
  }

  /** Records the links of a text token (a destination Markdown left as text is a link too, and a short reference such as `#123`). */
  private inText(token: Token): void {
    const text = token.content;
    const urls = textUrls(text, this.hosts);
    for (let i = 0; i < urls.length; i++) {
      const url = urls[i];
      if (url.reference) this.addReference(url.reference, this.locate(url.raw));
      else this.add(url.raw, this.locate(url.raw), text, url.lastIndex);
    }
  }

  /** Records a short reference found at `at` (-1: not found): a link to its tracker's URL, made at once (they are few). */
  private addReference(reference: ShortReference, at: number): void {
    if (at < 0) return;
    const { raw } = reference;
    const range = this.lines.rangeFrom(this.line, at, at + raw.length);
    this.record({ kind: reference.target.kind, raw, url: reference.url, range, item: reference.target.item });
    this.cursor = at + raw.length;
    this.line = range.end.line;
  }
}

/** The plain text of the link whose `link_open` is `children[open]` (code spans as written), up to its `link_close`. */
function linkText(children: Token[], open: number): string {
  let text = '';
  let depth = 0;
  for (let j = open + 1; j < children.length; j++) {
    const c = children[j];
    if (c.type === 'link_close' && depth-- === 0) break;
    if (c.type === 'link_open') depth++;
    else if (c.type === 'text' || c.type === 'code_inline') text += c.content;
  }
  return text;
}

/** How much of the text after a URL the rules see: enough for a number typed after a space. */
const FOLLOWING_WINDOW = 40;

// built once (a literal is a new RegExp object at each evaluation, and this runs per link)
const ANY_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

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
        if (c === '\\') {
          end++;
          continue;
        }
        if (c === '(') depth++;
        else if (c === ')') {
          if (depth === 0) break;
          depth--;
        } else if (c <= ' ') break;
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

/**
 * A link and its check. The rules read the text after it (FOLLOWING_WINDOW characters of `text` from
 * `after`) only for a link that is not well-formed: only then is that slice made. A Markdown link's
 * address (`written`) that is not a web or mail address, and that no link rule mends into one, is
 * `link-not-web`, its URL as written (`#section` is no `https://#section`).
 */
function makeLink(
  raw: string,
  at: number,
  text: string,
  after: number,
  hosts: LinkHosts,
  lines: LineIndex,
  nearLine: number,
  fallbackLine: number,
  written = false,
  anchors?: ReadonlyMap<string, HeadingAnchor>,
): Link {
  const wellFormed = canonicalCheck(raw, hosts);
  let check = wellFormed ?? ruleCheck(raw, hosts, text ? text.slice(after, after + FOLLOWING_WINDOW) : '');
  const notWeb =
    written && !wellFormed && !(check.problem?.fixed && isMailableHref(check.problem.fixed)) && !anchorTarget(raw.trim(), anchors ?? NO_ANCHORS)
      ? destinationProblem(raw)
      : undefined;
  if (notWeb) {
    const problem = { code: 'link-not-web' as const, message: notWeb.message, fixed: notWeb.fixed, consumeFollowing: 0 };
    check = { ...(notWeb.fixed ? checkLink(notWeb.fixed, hosts) : { kind: 'other' as const }), url: notWeb.fixed ?? raw.trim(), problem };
  }
  const range = at >= 0 ? lines.rangeFrom(nearLine, at, at + raw.length) : lines.linesRange(fallbackLine, fallbackLine);
  // (a well-formed link starts with its scheme)
  // (an in-page link, `#next-steps`, is a place in the draft, never `https://#next-steps`)
  const url = wellFormed || notWeb || ANY_SCHEME.test(check.url) || check.url.startsWith('#') ? check.url : `https://${check.url}`;
  const link = linkOf(raw, url, check, range);
  if (check.problem) {
    const { code, message, fixed, consumeFollowing } = check.problem;
    link.problem = { code, message };
    if (fixed !== undefined && at >= 0) link.problem.fix = { range: lines.rangeFrom(nearLine, at, at + raw.length + consumeFollowing), text: fixed };
  }
  return link;
}
