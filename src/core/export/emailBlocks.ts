// The report's blocks as an email has them (paragraphs of lines, lists of items, quotes, code),
// read once from markdown-it's block tokens; the HTML and the plain-text exporters render these.
import { createMarkdown } from '../parse/markdown';
import type { LinkHosts } from '../rules/linkHosts';
import { textAnchors, type Anchor } from '../parse/textUrls';
import { isMailableHref } from '../rules/webDestination';
import { anchorTarget, headingAnchors, type HeadingAnchor } from '../parse/headingAnchors';
import { FOOTNOTE_DEFINITION } from '../parse/footnoteDefinitions';
import { attr, type StateCore, type Token } from '../model/markdownTypes';

export type Block =
  /** `joined`: its soft breaks are spaces, not line ends (lineBreaks.ts decides). */
  | { type: 'paragraph'; inline: Token[]; joined: boolean }
  | { type: 'heading'; level: number; inline: Token[] }
  | { type: 'list'; ordered: boolean; start: number; items: Block[][] }
  | { type: 'quote'; blocks: Block[] }
  | { type: 'code'; lines: string[] }
  | { type: 'rule' }
  | { type: 'table'; rows: Token[][][] };

/** Whether a paragraph's soft breaks join its lines (see lineBreaks.ts); by default they do not. */
export type SoftBreakJoiner = (inline: Token) => boolean;

/**
 * Words to put before or after a link in the email (`midcycle.export.annotateLinks`: a change's
 * status, a bug's title): `bare` for a URL written as itself. Plain text: the renderers escape it.
 */
export type LinkNotes = (href: string, bare: boolean) => { before?: string; after?: string } | undefined;

/**
 * The blocks of a token stream (front matter left out: it is the message's headers); bare URLs
 * become links where the link rules for `hosts` find them.
 */
export function emailBlocks(tokens: readonly Token[], hosts: LinkHosts, joins: SoftBreakJoiner = () => false, notes?: LinkNotes): Block[] {
  let i = 0;
  const gfm = new GithubForms(tokens);
  const inlineOf = (t: Token) => gfm.children(notes ? notedChildren(anchoredChildren(t, hosts), notes) : anchoredChildren(t, hosts), t.map?.[0] ?? 0);

  const readBlocks = (closing?: string): Block[] => {
    const blocks: Block[] = [];
    while (i < tokens.length) {
      const t = tokens[i];
      if (closing && t.type === closing) {
        i++;
        return blocks;
      }
      const block = readBlock();
      if (block) blocks.push(block);
    }
    return blocks;
  };

  const readBlock = (): Block | undefined => {
    const t = tokens[i++];
    switch (t.type) {
      case 'paragraph_open': {
        const source = tokens[i]?.type === 'inline' ? tokens[i++] : undefined;
        i++; // paragraph_close
        const inline = source ? detailsTags(inlineOf(source), t.level) : [];
        // a paragraph of <details> tags alone: nothing for the reader
        if (source && !inline.length) return undefined;
        return { type: 'paragraph', inline, joined: source ? joins(source) : false };
      }
      case 'heading_open': {
        const inline = tokens[i]?.type === 'inline' ? inlineOf(tokens[i++]) : [];
        i++; // heading_close
        return { type: 'heading', level: Number(t.tag.slice(1)) || 1, inline };
      }
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const ordered = t.type === 'ordered_list_open';
        const close = ordered ? 'ordered_list_close' : 'bullet_list_close';
        const items: Block[][] = [];
        while (i < tokens.length && tokens[i].type !== close) {
          if (tokens[i].type === 'list_item_open') {
            i++;
            items.push(taskBox(readBlocks('list_item_close')));
          } else i++;
        }
        i++; // list close
        return { type: 'list', ordered, start: Number(attr(t, 'start') || 1), items };
      }
      case 'blockquote_open':
        return { type: 'quote', blocks: readBlocks('blockquote_close') };
      case 'fence':
      case 'code_block':
      case 'html_block':
        return { type: 'code', lines: t.content.replace(/\n$/, '').split('\n') };
      case 'hr':
        return { type: 'rule' };
      case 'table_open':
        return { type: 'table', rows: readTable() };
      default:
        return undefined; // front matter, and closing tokens of structures read whole
    }
  };

  const readTable = (): Token[][][] => {
    const rows: Token[][][] = [];
    let row: Token[][] | undefined;
    while (i < tokens.length && tokens[i].type !== 'table_close') {
      const t = tokens[i++];
      if (t.type === 'tr_open') row = [];
      else if (t.type === 'tr_close' && row) rows.push(row);
      else if (t.type === 'inline' && row) row.push(inlineOf(t));
    }
    i++;
    return rows;
  };

  return readBlocks();
}

/**
 * What GitHub-flavoured Markdown writes that an email shows otherwise: a link to a heading of the
 * draft (`[see](#next-steps)`: the email has no anchors, so the heading is named after the link's
 * text) and footnotes (`[^1]`, and its definition `[^1]: …`, written `[1]` as a plain reader
 * knows them). Worked out from the tokens once, when first needed.
 */
class GithubForms {
  private anchors?: Map<string, HeadingAnchor>;
  private footnotes?: Set<string>;

  constructor(private readonly tokens: readonly Token[]) {}

  /** Children with those forms written for the email (new arrays and tokens; the shared ones are never changed). */
  children(children: Token[], line: number): Token[] {
    let out: Token[] | undefined;
    for (let k = 0; k < children.length; k++) {
      const t = children[k];
      if (t.type === 'link_open' && attr(t, 'href').startsWith('#')) {
        const heading = anchorTarget(attr(t, 'href'), (this.anchors ??= headingAnchors(this.tokens)));
        const close = children.findIndex((c, j) => j > k && c.type === 'link_close');
        if (heading && close > k) {
          out ??= children.slice(0, k);
          out.push(...children.slice(k, close + 1));
          out.push(makeToken('text', '', 0, t.level, ` (see “${heading.title}” ${heading.line > line ? 'below' : 'above'})`));
          k = close;
          continue;
        }
      } else if (t.type === 'text' && t.content.includes('[^')) {
        const footnotes = (this.footnotes ??= footnoteLabels(this.tokens));
        // a marker anywhere; a definition's `[^1]:` where its paragraph starts
        const content = t.content.replace(/\[\^([^\]\s]+)\](:?)/g, (whole: string, label: string, colon: string, at: number) =>
          footnotes.has(label) && (!colon || (k === 0 && at === 0)) ? `[${label}]` : whole,
        );
        if (content !== t.content) {
          out ??= children.slice(0, k);
          out.push(makeToken('text', '', 0, t.level, content));
          continue;
        }
      }
      out?.push(t);
    }
    return out ?? children;
  }
}

/** The labels of the draft's footnote definitions (`[^1]: …`, each read as a paragraph: footnoteDefinitions.ts). */
function footnoteLabels(tokens: readonly Token[]): Set<string> {
  const labels = new Set<string>();
  for (let i = 1; i < tokens.length; i++) {
    if (tokens[i].type !== 'inline' || tokens[i - 1].type !== 'paragraph_open') continue;
    const m = FOOTNOTE_DEFINITION.exec(tokens[i].content);
    if (m) labels.add(m[1]);
  }
  return labels;
}

/** A list item that starts with a task box (`[ ] `, `[x] `): the box as ☐ or ☑, which every mail client shows. */
function taskBox(item: Block[]): Block[] {
  const first = item[0];
  if (first?.type !== 'paragraph') return item;
  const text = first.inline[0];
  const m = text?.type === 'text' ? /^\[([ xX])\](?= )/.exec(text.content) : null;
  if (!m) return item;
  const boxed = makeToken('text', '', 0, text.level, `${m[1] === ' ' ? '☐' : '☑'}${text.content.slice(3)}`);
  return [{ ...first, inline: [boxed, ...first.inline.slice(1)] }, ...item.slice(1)];
}

/**
 * A paragraph's lines without GitHub's `<details>` tags, which an email cannot fold (and Markdown
 * here shows as text): `<details>` and `</details>` go, `<summary>…</summary>` is its words in bold.
 */
function detailsTags(inline: Token[], level: number): Token[] {
  if (!inline.some((t) => t.type === 'text' && /<\/?(?:details|summary)\b/i.test(t.content))) return inline;
  const out: Token[] = [];
  let line: Token[] = [];
  const flush = (brk?: Token) => {
    const words = line.every((t) => t.type === 'text')
      ? line
          .map((t) => t.content)
          .join('')
          .trim()
      : undefined;
    const summary = words !== undefined ? /^<summary>(.*)<\/summary>$/i.exec(words) : null;
    if (words !== undefined && /^<\/?details(?:\s+open)?>$/i.test(words)) {
      // the tag's line goes, with its break
    } else {
      if (summary)
        out.push(makeToken('strong_open', 'b', 1, level), makeToken('text', '', 0, level + 1, summary[1]), makeToken('strong_close', 'b', -1, level));
      else out.push(...line);
      if (brk) out.push(brk);
    }
    line = [];
  };
  for (const t of inline) {
    if (t.type === 'softbreak' || t.type === 'hardbreak') flush(t);
    else line.push(t);
  }
  flush();
  // no break left dangling at the end
  while (out.length && (out[out.length - 1].type === 'softbreak' || out[out.length - 1].type === 'hardbreak')) out.pop();
  return out;
}

/** markdown-it's Token class, which it hands out on a parser state only. */
let tokenClass: StateCore['Token'] | undefined;

function makeToken(type: string, tag: string, nesting: -1 | 0 | 1, level: number, content = ''): Token {
  tokenClass ??= new (createMarkdown().core.State)('', createMarkdown(), {}).Token;
  const t = new tokenClass(type, tag, nesting);
  t.level = level;
  t.content = content;
  return t;
}

/** Children with the notes' words as text beside their links (new arrays; the tokens are shared, never changed). */
function notedChildren(children: readonly Token[], notes: LinkNotes): Token[] {
  const out: Token[] = [];
  const after: (string | undefined)[] = [];
  for (let i = 0; i < children.length; i++) {
    const t = children[i];
    if (t.type === 'link_open') {
      const label = children[i + 1]?.type === 'text' && children[i + 2]?.type === 'link_close' ? children[i + 1].content : undefined;
      const href = attr(t, 'href');
      const bare =
        t.markup === 'linkify' || t.markup === 'autolink' || (label !== undefined && label.replace(/^https?:\/\//, '') === href.replace(/^https?:\/\//, ''));
      const note = isMailableHref(href) ? notes(href, bare) : undefined;
      if (note?.before) out.push(makeToken('text', '', 0, t.level, note.before));
      after.push(note?.after);
    }
    out.push(t);
    if (t.type === 'link_close') {
      const words = after.pop();
      if (words) out.push(makeToken('text', '', 0, t.level, words));
    }
  }
  return out;
}

/**
 * An inline token's children with its bare URLs made links (the text outside links, as the link
 * pass reads it): worked out here, when rendering, so that parsing for checks and the tree never
 * pays for link tokens.
 */
export function anchoredChildren(inline: Token, hosts: LinkHosts): Token[] {
  const children = inline.children ?? [];
  const anchorsOf: (Anchor[] | undefined)[] = [];
  let depth = 0;
  let any = false;
  for (const child of children) {
    if (child.type === 'link_open') depth++;
    else if (child.type === 'link_close') depth--;
    const anchors = child.type === 'text' && depth === 0 ? textAnchors(child.content, hosts) : undefined;
    anchorsOf.push(anchors?.length ? anchors : undefined);
    any ||= anchors !== undefined && anchors.length > 0;
  }
  if (!any) return children;
  const make = makeToken;
  const out: Token[] = [];
  for (const [index, child] of children.entries()) {
    const anchors = anchorsOf[index];
    if (!anchors) {
      out.push(child);
      continue;
    }
    const text = child.content;
    let pos = 0;
    for (const a of anchors) {
      if (a.start > pos) out.push(make('text', '', 0, child.level, text.slice(pos, a.start)));
      const open = make('link_open', 'a', 1, child.level);
      open.attrs = [['href', a.href]];
      open.markup = 'linkify';
      open.info = 'auto';
      out.push(open, make('text', '', 0, child.level + 1, text.slice(a.start, a.end)));
      const close = make('link_close', 'a', -1, child.level);
      close.markup = 'linkify';
      close.info = 'auto';
      out.push(close);
      pos = a.end;
    }
    if (pos < text.length) out.push(make('text', '', 0, child.level, text.slice(pos)));
  }
  return out;
}

/**
 * Splits inline tokens into the lines of the email: at hard breaks, and at soft breaks unless
 * `joined` (then a soft break is the space between two words, and stays a token of the line).
 */
export function inlineLines(inline: readonly Token[], joined: boolean): Token[][] {
  const lines: Token[][] = [[]];
  let inLink = 0; // a link's text goes on over a break, as the HTML keeps it whole
  for (const t of inline) {
    if (t.type === 'link_open') inLink++;
    else if (t.type === 'link_close') inLink--;
    if (inLink === 0 && (t.type === 'hardbreak' || (t.type === 'softbreak' && !joined))) lines.push([]);
    else lines[lines.length - 1].push(t);
  }
  return lines;
}

/**
 * A link token's href, percent-encoded as markdown-it encodes its own: the link plugin leaves the
 * URLs it finds as written, so that only an export pays for normalising them.
 */
export function linkHref(token: Token): string {
  const href = attr(token, 'href');
  if (token.markup !== 'linkify' || URL_SAFE.test(href)) return href;
  return createMarkdown().normalizeLink(href);
}

/**
 * URLs that markdown-it's normalizeLink leaves as they are: ASCII, no character it would
 * percent-encode, no `%` to check. Most links are these, and normalising costs a URL parse and a
 * punycode pass each.
 */
const URL_SAFE = /^[A-Za-z0-9;/?:@&=+$,\-_.!~*'()#]*$/;
