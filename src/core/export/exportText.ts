// The text/plain alternative, what list archives show: each line of the email (a joined paragraph,
// a list item's text, a line kept as typed) filled to a width, "-" bullets indented by nesting with
// continuation lines under the item's text, a link as "text <url>", URLs never broken across
// lines; quotes and code as they are. The lines are the HTML part's (lineBreaks.ts decides them).
import { emailBlocks, type LinkNotes, inlineLines, linkHref, type Block } from './emailBlocks';
import { lineBreaksOf, softBreakJoiner, type LineBreaks } from './lineBreaks';
import { isMailableHref } from '../rules/webDestination';
import { attr, type Token } from '../model/markdownTypes';
import type { Report } from '../model/model';
import { actionSummaryBlocks } from './actionSummary';

export interface TextOptions {
  /** Fill lines to this many columns; 0 keeps each line of the email whole. Default 72. */
  width?: number;
  /** How the draft's line breaks become the email's when its front matter does not say (`auto`). */
  lineBreaks?: LineBreaks;
  /** Words beside links (a change's status, a bug's title), when the writer wants readers to see them. */
  linkNotes?: LinkNotes;
  /** "Action items, by person" at the end, as MeetBot writes it (actionSummary.ts). */
  actionSummary?: boolean;
}

export function exportText(report: Report, options: TextOptions = {}): string {
  const width = options.width ?? 72;
  const joins = softBreakJoiner(report, lineBreaksOf(report, options.lineBreaks));
  const blocks = emailBlocks(report.tokens, report.parse.hosts, joins, options.linkNotes);
  if (options.actionSummary) blocks.push(...actionSummaryBlocks(report, options.linkNotes));
  const text = renderBlocks(blocks, width).join('\n');
  return `${text.replace(/\n+$/, '')}\n`;
}

function renderBlocks(blocks: readonly Block[], width: number): string[] {
  const out: string[] = [];
  blocks.forEach((block, i) => {
    if (i > 0) out.push('');
    out.push(...renderBlock(block, width));
  });
  return out;
}

function renderBlock(block: Block, width: number): string[] {
  switch (block.type) {
    case 'paragraph':
      return inlineLines(block.inline, block.joined).flatMap((line) => wrap(lineText(line), width, '', ''));
    case 'heading': {
      const text = inlineLines(block.inline, true).map(lineText).join(' ');
      return [text, (block.level === 1 ? '=' : '-').repeat(Math.min(Math.max(text.length, 3), width || text.length))];
    }
    case 'list':
      return renderList(block, width, '');
    case 'quote':
      return renderBlocks(block.blocks, width ? Math.max(20, width - 2) : 0).map((l) => (l ? `> ${l}` : '>'));
    case 'code':
      return block.lines.map((l) => `    ${l}`.trimEnd());
    case 'rule':
      return ['-'.repeat(width ? Math.min(width, 40) : 40)];
    case 'table':
      return block.rows.map((row) => row.map((cell) => lineText(cell)).join(' | '));
  }
}

function renderList(list: Extract<Block, { type: 'list' }>, width: number, indent: string): string[] {
  const out: string[] = [];
  list.items.forEach((item, n) => {
    const marker = list.ordered ? `${list.start + n}. ` : '- ';
    const hang = `${indent}${' '.repeat(marker.length)}`;
    let first = true;
    let previous: Block | undefined;
    for (const block of item) {
      if (block.type === 'list') {
        out.push(...renderList(block, width, hang));
        previous = block;
        continue;
      }
      // a paragraph after the item's first (or after its nested list) starts after a blank line,
      // as a reader tells paragraphs apart
      if (block.type === 'paragraph' && previous) out.push('');
      previous = block;
      if (block.type === 'code') {
        // code as it was typed, under the item's text: never filled, its indentation kept
        for (const line of renderBlock(block, width)) {
          out.push(line ? `${first ? `${indent}${marker}` : hang}${line}` : '');
          first = false;
        }
        continue;
      }
      const lines = block.type === 'paragraph' ? inlineLines(block.inline, block.joined).map(lineText) : renderBlock(block, width);
      for (const line of lines) {
        out.push(...wrap(line, width, first ? `${indent}${marker}` : hang, hang));
        first = false;
      }
    }
    if (first) out.push(`${indent}${marker}`.trimEnd());
  });
  return out;
}

/** One line of the email as text: its words, a link as "text <url>" (inlineFacts.ts' inlineText is a token's plain text). */
function lineText(tokens: readonly Token[]): string {
  let out = '';
  let link: { href: string; label: string } | undefined; // the link being read, and its text so far
  const add = (s: string) => {
    out += s;
    if (link) link.label += s;
  };
  for (const t of tokens) {
    switch (t.type) {
      case 'text':
      case 'html_inline':
      case 'code_inline':
        add(t.content);
        break;
      case 'softbreak':
      case 'hardbreak':
        add(' '); // a joined line's break, or one inside a link's text: the space between two words
        break;
      case 'strong_open':
      case 'strong_close':
        add('*');
        break;
      case 'em_open':
      case 'em_close':
        add('_');
        break;
      case 's_open':
      case 's_close':
        // struck out is not said: a reader of the text part sees ~~this~~ as GitHub writes it
        add('~~');
        break;
      case 'link_open':
        link = { href: linkHref(t), label: '' };
        break;
      case 'link_close':
        // (an address the email cannot carry, `notes.md` or `#section`, is no help to a reader either: the text alone)
        if (link && isMailableHref(link.href) && !sameUrl(link.label, link.href)) out += ` <${link.href}>`;
        link = undefined;
        break;
      case 'image': {
        const src = attr(t, 'src');
        add(t.content ? `${t.content} <${src}>` : src);
        break;
      }
    }
  }
  return out;
}

function sameUrl(label: string, href: string): boolean {
  const norm = (s: string) =>
    s
      .trim()
      .replace(/^mailto:/i, '')
      .replace(/^https?:\/\//i, '')
      .replace(/\/$/, '');
  try {
    return norm(label) === norm(href) || norm(decodeURI(href)) === norm(label);
  } catch {
    return norm(label) === norm(href);
  }
}

/** Greedy word wrap; a word longer than the width (a URL) gets a line of its own, whole. */
function wrap(text: string, width: number, firstPrefix: string, nextPrefix: string): string[] {
  const words = text.split(/[ \t]+/).filter(Boolean);
  if (words.length === 0) return [firstPrefix.trimEnd()];
  if (!width) return [`${firstPrefix}${words.join(' ')}`];
  const lines: string[] = [];
  let line = firstPrefix;
  let empty = true;
  for (const word of words) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = nextPrefix;
      empty = true;
    }
    line += empty ? word : ` ${word}`;
    empty = false;
  }
  lines.push(line);
  return lines;
}
