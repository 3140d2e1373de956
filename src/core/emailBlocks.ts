// The report's blocks as an email has them (paragraphs of lines, lists of items, quotes, code),
// read once from markdown-it's block tokens; the HTML and the plain-text exporters render these.
import { createMarkdown } from './markdown';
import type { LinkHosts } from './linkHosts';
import { textAnchors, type Anchor } from './textUrls';
import { attr, type StateCore, type Token } from './markdownTypes';

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
 * The blocks of a token stream (front matter left out: it is the message's headers); bare URLs
 * become links where the link rules for `hosts` find them.
 */
export function emailBlocks(tokens: readonly Token[], hosts: LinkHosts, joins: SoftBreakJoiner = () => false): Block[] {
  let i = 0;

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
        return { type: 'paragraph', inline: source ? anchoredChildren(source, hosts) : [], joined: source ? joins(source) : false };
      }
      case 'heading_open': {
        const inline = tokens[i]?.type === 'inline' ? anchoredChildren(tokens[i++], hosts) : [];
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
            items.push(readBlocks('list_item_close'));
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
      else if (t.type === 'inline' && row) row.push(anchoredChildren(t, hosts));
    }
    i++;
    return rows;
  };

  return readBlocks();
}

/** markdown-it's Token class, which it hands out on a parser state only. */
let tokenClass: StateCore['Token'] | undefined;

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
  tokenClass ??= new (createMarkdown().core.State)('', createMarkdown(), {}).Token;
  const TokenClass = tokenClass;
  const make = (type: string, tag: string, nesting: -1 | 0 | 1, level: number, content = '') => {
    const t = new TokenClass(type, tag, nesting);
    t.level = level;
    t.content = content;
    return t;
  };
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

/** Only these become anchors in an email; any other scheme stays text. */
export function isMailableHref(href: string): boolean {
  return /^(https?:|mailto:)/i.test(href.trim());
}
