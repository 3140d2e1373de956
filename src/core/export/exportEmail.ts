// The report as the mailing list receives it from Gmail: a `<div dir="ltr">` body, each line of a
// paragraph its own `<div>`, a blank line as `<div><br></div>`, lists as Gmail nests them (a nested
// `<ul>` beside the `<li>` it belongs to) or the standard way, links as `<a href>`, web images as
// `<img>`. Everything the writer typed is escaped; only http(s) and mailto links become anchors.
import { emailBlocks, type LinkNotes, linkHref, type Block } from './emailBlocks';
import { isMailableHref } from '../rules/webDestination';
import { lineBreaksOf, softBreakJoiner, type LineBreaks } from './lineBreaks';
import { attr, type Token } from '../model/markdownTypes';
import { actionSummaryBlocks } from './actionSummary';
import type { Report } from '../model/model';

export type ListNesting = 'gmail' | 'standard';

export interface EmailOptions {
  /** `gmail` (default) puts a nested list beside its item, as Gmail's composer does. */
  listNesting?: ListNesting;
  /** A CSS font list for `<font face>`, as in the reference email; empty for the reader's default. */
  font?: string;
  /** How the draft's line breaks become the email's when its front matter does not say (`auto`). */
  lineBreaks?: LineBreaks;
  /** Words beside links (a change's status, a bug's title), when the writer wants readers to see them. */
  linkNotes?: LinkNotes;
  /** "Action items, by person" at the end, as MeetBot writes it (actionSummary.ts). */
  actionSummary?: boolean;
}

export const DEFAULT_FONT = 'arial, helvetica, sans-serif';

const QUOTE_STYLE = 'margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex';

export function exportEmail(report: Report, options: EmailOptions = {}): string {
  const renderer = new GmailRenderer(options.listNesting ?? 'gmail', options.font ?? DEFAULT_FONT);
  const joins = softBreakJoiner(report, lineBreaksOf(report, options.lineBreaks));
  const blocks = emailBlocks(report.tokens, report.parse.hosts, joins, options.linkNotes);
  if (options.actionSummary) blocks.push(...actionSummaryBlocks(report, options.linkNotes));
  return `<div dir="ltr">${renderer.blocks(blocks)}</div>\n`;
}

class GmailRenderer {
  constructor(
    private readonly nesting: ListNesting,
    private readonly font: string,
  ) {}

  /**
   * Blocks one after another, with a blank line after a paragraph or a quote, as CommonMark reads
   * a draft; none around lists (Gmail's way), and none after a heading, code, a rule or a table:
   * what follows them starts on the next line.
   */
  blocks(blocks: readonly Block[]): string {
    let out = '';
    blocks.forEach((block, i) => {
      const before = blocks[i - 1];
      if (before && block.type !== 'list' && (before.type === 'paragraph' || before.type === 'quote')) out += '<div><br></div>';
      out += this.block(block);
    });
    return out;
  }

  private block(block: Block): string {
    switch (block.type) {
      case 'paragraph':
        return this.render(block.inline, block.joined)
          .map((line) => `<div>${this.withFont(line)}</div>`)
          .join('');
      case 'heading': {
        const size = block.level <= 2 ? ' size="4"' : '';
        return this.render(block.inline, true)
          .map((line) => `<div><b>${this.withFont(line, size)}</b></div>`)
          .join('');
      }
      case 'list':
        return this.list(block);
      case 'quote':
        return `<blockquote class="gmail_quote" style="${QUOTE_STYLE}">${this.blocks(block.blocks)}</blockquote>`;
      case 'code':
        return block.lines.map((l) => `<div><font face="monospace">${codeHtml(l) || '<br>'}</font></div>`).join('');
      case 'rule':
        return '<hr>';
      case 'table':
        return (
          '<table style="border-collapse:collapse">' +
          block.rows
            .map(
              (row) =>
                `<tr>${row.map((cell) => `<td style="border:1px solid rgb(204,204,204);padding:2px 6px">${this.withFont(this.inline(cell))}</td>`).join(' ')}</tr>`,
            )
            .join('') +
          '</table>'
        );
    }
  }

  private list(list: Extract<Block, { type: 'list' }>): string {
    const tag = list.ordered ? 'ol' : 'ul';
    const start = list.ordered && list.start !== 1 ? ` start="${list.start}"` : '';
    let out = `<${tag}${start}>`;
    for (const item of list.items) {
      if (this.nesting === 'standard') {
        out += `<li>${this.itemContent(item) || '<br>'}</li>`;
        continue;
      }
      // Gmail's way: the item's text, then its nested lists beside it; text that comes after a
      // nested list (a paragraph closing the item) follows it, in a <div> of the list: no bullet
      let start = 0;
      while (start < item.length && item[start].type !== 'list') start++;
      out += `<li>${this.itemContent(item.slice(0, start)) || '<br>'}</li>`;
      for (let i = start; i < item.length;) {
        if (item[i].type === 'list') {
          out += this.block(item[i++]);
          continue;
        }
        let end = i;
        while (end < item.length && item[end].type !== 'list') end++;
        out += `<div>${this.itemContent(item.slice(i, end))}</div>`;
        i = end;
      }
    }
    return `${out}</${tag}>`;
  }

  /** An item's paragraphs as lines joined by `<br>`; other blocks as they are. */
  private itemContent(blocks: readonly Block[]): string {
    let out = '';
    blocks.forEach((b, i) => {
      // lines of text are separated by <br>; a list or a quote is a block of its own
      if (i > 0 && b.type === 'paragraph' && blocks[i - 1].type === 'paragraph') out += '<br>';
      out +=
        b.type === 'paragraph'
          ? this.render(b.inline, b.joined)
              .map((l) => this.withFont(l))
              .join('<br>')
          : this.block(b);
    });
    return out;
  }

  private withFont(html: string, attrs = ''): string {
    if (!html) return '<br>';
    if (!this.font && !attrs) return html;
    return `<font${this.font ? ` face="${escapeAttribute(this.font)}"` : ''}${attrs}>${html}</font>`;
  }

  private inline(tokens: readonly Token[]): string {
    return this.render(tokens, true).join('<br>');
  }

  /**
   * Inline tokens to HTML, split into lines at the breaks where no tag is open (a break inside a
   * link or emphasis stays a `<br>` within it); soft breaks are spaces when `joined`.
   */
  private render(tokens: readonly Token[], joined: boolean): string[] {
    const lines: string[] = [];
    let out = '';
    let open = 0; // tags open at this point: a line can only end where this is 0
    const links: boolean[] = []; // for each open link: whether it became an anchor
    for (const t of tokens) {
      switch (t.type) {
        case 'text':
        case 'html_inline':
          out += escapeHtml(t.content);
          break;
        case 'code_inline':
          out += `<font face="monospace">${escapeHtml(t.content)}</font>`;
          break;
        case 'strong_open':
        case 'em_open':
        case 's_open':
          out += `<${INLINE_TAGS[t.type]}>`;
          open++;
          break;
        case 'strong_close':
        case 'em_close':
        case 's_close':
          out += `</${INLINE_TAGS[t.type]}>`;
          open--;
          break;
        case 'link_open': {
          const href = linkHref(t);
          const mailable = isMailableHref(href);
          links.push(mailable);
          if (mailable) {
            out += `<a href="${escapeAttribute(href)}">`;
            open++;
          }
          break;
        }
        case 'link_close':
          if (links.pop()) {
            out += '</a>';
            open--;
          }
          break;
        case 'image': {
          // an image shows as the writer put it (CommonMark's reading, and Gmail's when an image is
          // inserted by its address); one the email cannot load (a path beside a blog's draft, a
          // data: URL) is an image without a source, whose text a mail client shows in its place
          const src = attr(t, 'src').trim();
          const source = /^https?:/i.test(src) ? ` src="${escapeAttribute(src)}"` : '';
          out += `<img${source} alt="${escapeAttribute(t.content || src)}" style="max-width:100%">`;
          break;
        }
        case 'softbreak':
        case 'hardbreak':
          // a soft break that is kept ends the line as a hard break does
          if (t.type === 'softbreak' && joined) out += ' ';
          else if (open > 0) out += '<br>';
          else {
            lines.push(out);
            out = '';
          }
          break;
      }
    }
    lines.push(out);
    return lines;
  }
}

/** A code line's HTML: its spaces as codeSpaces gives them, a no-break space as `&nbsp;` (as Gmail writes it). */
export function codeHtml(line: string): string {
  return escapeHtml(codeSpaces(line)).replace(/\u00a0/g, '&nbsp;');
}

/**
 * A code line's spaces kept as it shows them: a browser drops spaces at a line's start and shows a
 * run of them as one, so a leading space and every run of two or more become no-break spaces
 * alternating with spaces, as Gmail writes typed ones (`\u00a0 \u00a0`), ending on a no-break
 * space at the line's end. Tabs are spaces to the next multiple of 4, as markdown-it counts them.
 * (The importer reads runs written so back as spaces: importEmail.ts.)
 */
export function codeSpaces(line: string): string {
  const spaced = line.includes('\t') ? expandTabs(line) : line;
  return spaced.replace(/ +/g, (run: string, at: number) => spaceRun(run.length, at === 0, at + run.length === spaced.length));
}

/** A run of `n` spaces as codeSpaces writes it, at a line's start or end or inside it. */
export function spaceRun(n: number, first: boolean, last: boolean): string {
  if (n === 1 && !first && !last) return ' ';
  let out = '';
  for (let i = 0; i < n; i++) out += i % 2 === 0 || (last && i === n - 1) ? '\u00a0' : ' ';
  return out;
}

function expandTabs(line: string): string {
  let out = '';
  for (const c of line) out += c === '\t' ? ' '.repeat(4 - (out.length % 4)) : c;
  return out;
}

const INLINE_TAGS: Record<string, string> = {
  strong_open: 'b',
  strong_close: 'b',
  em_open: 'i',
  em_close: 'i',
  s_open: 'strike',
  s_close: 'strike',
};

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an element's content: `&`, `<` and `>` (quotes are safe there, and Gmail leaves them). */
export function escapeHtml(s: string): string {
  return /[&<>]/.test(s) ? s.replace(/[&<>]/g, (c) => ENTITIES[c]) : s;
}

/** Escapes text for a quoted attribute value. */
export function escapeAttribute(s: string): string {
  return /[&<>"']/.test(s) ? s.replace(/[&<>"']/g, (c) => ENTITIES[c]) : s;
}
