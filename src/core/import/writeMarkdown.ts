// The email's blocks (readHtml.ts) written as the Markdown a person would type, which Midcycle's
// export turns back into the same email: the same visible text, no-break spaces included, and the
// same links in the same order. Each line is read back as markdown-it reads it before it is kept:
// where a natural form would not give the line back (a bare URL running into the next word,
// emphasis Markdown cannot open there), a plainer one is written (`[text](url)`, no emphasis).
import { anchoredChildren, linkHref } from '../export/emailBlocks';
import { spaceRun } from '../export/exportEmail';
import { createMarkdown } from '../parse/markdown';
import { DEFAULT_LINK_HOSTS } from '../rules/linkHosts';
import { attr } from '../model/markdownTypes';
import type { Block, Inline, Line, Mark } from './readHtml';
import { escapeLineStart, escapeText } from '../parse/markdownText';

export { escapeLineStart, escapeText } from '../parse/markdownText';

/** The draft, and where its paragraphs of several lines joined by soft breaks are (lines start to end). */
export interface Written {
  markdown: string;
  paragraphs: [number, number][];
}

export function writeMarkdown(blocks: readonly Block[]): Written {
  const out = new Out();
  writeBlocks(out, blocks, '', '', false);
  const lines = out.lines;
  let end = lines.length;
  while (end > 0 && !lines[end - 1].trim()) end--;
  let start = 0;
  while (start < end && !lines[start].trim()) start++;
  const kept = start || end < lines.length ? lines.slice(start, end) : lines;
  // a rule first of all would open front matter
  if (kept[0] === '---') kept[0] = '***';
  return { markdown: `${kept.join('\n')}\n`, paragraphs: out.paragraphs.map(([a, b]) => [a - start, b - start]) };
}

/** The draft's lines as they are written, and its paragraphs of several lines. */
class Out {
  readonly lines: string[] = [];
  readonly paragraphs: [number, number][] = [];

  push(line: string): void {
    this.lines.push(line);
  }
}

/** A container's blocks: its first line starts with `first` (a list item's marker), the others with `rest`. */
function writeBlocks(out: Out, blocks: readonly Block[], first: string, rest: string, inItem: boolean): void {
  const from = out.lines.length;
  let previous: Block | undefined;
  let lastList: ListMarkers | undefined;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    // (a quote with nothing in it shows nothing)
    if (block.type === 'blank' || (block.type === 'quote' && !shows(block))) continue;
    if (previous && separated(previous, block, inItem)) out.push(rest.trimEnd());
    const prefix = out.lines.length > from ? rest : first;
    switch (block.type) {
      case 'lines': {
        // a blank line after a rule, a table or a heading, which the export follows by none, or
        // first in a quote: the paragraph's first line is an empty one (a hard break alone)
        const blankFirst =
          !inItem &&
          blocks[i - 1]?.type === 'blank' &&
          (previous?.type === 'rule' || previous?.type === 'table' || previous?.type === 'heading' || (previous === undefined && first !== ''));
        lineBlocks(out, blankFirst ? [{ items: [], code: false }, ...block.lines] : block.lines, prefix, rest, inItem, blocks[i + 1], blocks[i + 2]);
        break;
      }
      case 'heading':
        out.push(heading(block.level, block.items, prefix));
        break;
      case 'rule':
        out.push(`${prefix}---`);
        break;
      case 'table':
        for (const line of table(block.rows, prefix, rest)) out.push(line);
        break;
      case 'quote':
        writeBlocks(out, block.blocks, `${prefix}> `, `${rest}> `, false);
        break;
      case 'list':
        lastList = list(out, block, prefix, rest, lastList && previous?.type === 'list' ? lastList : undefined);
        break;
    }
    previous = block;
  }
}

/** A list's items; one right after another list is told apart by its marker (Markdown would join them). */
function list(out: Out, block: Extract<Block, { type: 'list' }>, first: string, rest: string, before: ListMarkers | undefined): ListMarkers {
  const kind = before ? { bullet: before.bullet === '-' ? '*' : '-', delimiter: before.delimiter === '.' ? ')' : '.' } : { bullet: '-', delimiter: '.' };
  block.items.forEach((item, n) => {
    const marker = block.ordered ? `${block.start + n}${kind.delimiter}` : kind.bullet;
    const indent = ' '.repeat(marker.length + 1);
    const itemPrefix = n === 0 ? first : rest;
    if (item.every((b) => b.type === 'blank')) out.push(`${itemPrefix}${marker}`);
    else if (item.find((b) => b.type !== 'blank')!.type !== 'lines') {
      // an item that starts with a block other than text: the marker on a line of its own ("- ---" would be a rule)
      out.push(`${itemPrefix}${marker}`);
      writeBlocks(out, item, `${rest}${indent}`, `${rest}${indent}`, true);
    } else writeBlocks(out, item, `${itemPrefix}${marker} `, `${rest}${indent}`, true);
  });
  return kind;
}

interface ListMarkers {
  bullet: string;
  delimiter: string;
}

/**
 * Lines with no blank line between them, as the blocks the export shows so: code blocks and
 * headings (no blank line after either), then at most one paragraph (the export follows a
 * paragraph by a blank line when a block comes after it). Code lines before a blank line are a
 * paragraph of code spans; a bold line before code lines, or alone before a block, a heading.
 */
function lineBlocks(out: Out, lines: readonly Line[], first: string, rest: string, inItem: boolean, next: Block | undefined, after: Block | undefined): void {
  const blankThen = !inItem && next?.type === 'blank' && after !== undefined && after.type !== 'list';
  let k = 0;
  while (k < lines.length) {
    const start = k > 0 ? rest : first;
    if (k > 0) out.push(rest.trimEnd());
    let end = k;
    while (end < lines.length && lines[end].code) end++;
    if (end > k && !(end === lines.length && blankThen)) {
      for (const line of codeBlock(lines.slice(k, end), start, rest)) out.push(line);
      k = end;
      continue;
    }
    // (with a block right after the lines, every line is a heading's or code's: the export's lines
    // are so when nothing shows between them and the block)
    const bold = inItem ? undefined : boldText(lines[k].items);
    const blockAfter = next !== undefined && next.type !== 'blank' && next.type !== 'list';
    if (bold && (blockAfter || lines[k + 1]?.code)) {
      out.push(heading(2, bold, start));
      k++;
      continue;
    }
    paragraph(out, lines.slice(k), start, rest);
    break;
  }
}

function heading(level: number, items: readonly Inline[], prefix: string): string {
  const text = inlineMarkdown(items.map((item) => (item.t === 'br' ? { t: 'text', s: ' ', code: false } : item)));
  // (a heading's closing #s would be taken for markup)
  return `${prefix}${'#'.repeat(level)} ${text.replace(/(^|[ \t])(#+)$/, '$1\\$2')}`;
}

/** The content of a line that is bold from end to end (spaces outside it kept), or undefined. */
function boldText(items: readonly Inline[]): Inline[] | undefined {
  const line = normalized(items);
  const space = (i: Inline | undefined) => i?.t === 'text' && !i.code && !NOT_SPACE.test(i.s);
  let first = 0;
  while (space(line[first])) first++;
  let last = line.length - 1;
  while (last > first && space(line[last])) last--;
  const open = line[first];
  const close = line[last];
  if (!open || open.t !== 'open' || open.mark !== 'strong' || close.t !== 'close' || close.mark !== 'strong') return undefined;
  const inner = line.slice(first + 1, last);
  // one bold stretch, not two ("**a** and **b**"); no break in it
  if (inner.some((i) => ((i.t === 'open' || i.t === 'close') && i.mark === 'strong') || i.t === 'br')) return undefined;
  return [...line.slice(0, first), ...inner, ...line.slice(last + 1)];
}

const NOT_SPACE = /[^ \u00a0]/;

/** Whether a quote shows anything. */
function shows(quote: Extract<Block, { type: 'quote' }>): boolean {
  return quote.blocks.some((b) => b.type !== 'blank' && (b.type !== 'quote' || shows(b)));
}

/**
 * Whether Markdown needs a blank line between two blocks. Outside lists, always: the export shows
 * none but the one after a paragraph or a quote, which the email has too. In a list item, none
 * before a list that may interrupt the text above it ("- a⏎  - b"), as a person writes it.
 */
function separated(previous: Block, next: Block, inItem: boolean): boolean {
  if (!inItem || previous.type !== 'lines' || next.type !== 'list') return true;
  const first = next.items[0];
  return !first || first.every((b) => b.type === 'blank') || first.find((b) => b.type !== 'blank')!.type !== 'lines' || (next.ordered && next.start !== 1);
}

/** Lines of a paragraph, each as the email has it (the export keeps them: line-breaks, importEmail.ts). */
function paragraph(out: Out, lines: readonly Line[], first: string, rest: string): void {
  let last = lines.length;
  // (a paragraph cannot end on an empty line: its backslash would show)
  while (last > 0 && !lines[last - 1].items.some((i) => i.t !== 'open' && i.t !== 'close')) last--;
  const parts = (from: number, to: number) => lines.slice(from, to).flatMap((line) => (line.items.length ? splitAtBreaks(normalized(line.items)) : [[]]));
  // each line in its most natural form, one by one (its Markdown all that is kept of it); then,
  // when some have markup, all in the plainest form any needs once they are read together: a
  // bare URL's `*` that its own line leaves alone may pair with one on the next
  let texts: string[] = [];
  for (let i = 0; i < last; i++) for (const part of parts(i, i + 1)) texts.push(part.length ? inlineMarkdown(part, false, true) : '\\');
  if (texts.length > 1 && texts.some(needsCheck)) {
    const flat = parts(0, last);
    const expected = flat.map(shown);
    const together = { text: expected.map((e) => e.text).join('\n'), links: expected.flatMap((e) => e.links) };
    for (let plainest = 1; plainest < FORMS.length && !sameAs(texts.join('\n'), together, false); plainest++)
      texts = flat.map((part) => (part.length ? inlineMarkdown(part, false, true, plainest) : '\\'));
  }
  const start = out.lines.length;
  let soft = false;
  texts.forEach((text, i) => {
    // (between two of its lines, a soft break unless a hard one ends the first)
    if (i < texts.length - 1 && !HARD_BREAK_END.test(text)) soft = true;
    text.split('\n').forEach((line, j) => out.push(`${i === 0 && j === 0 ? first : rest}${line}`));
  });
  if (soft) out.paragraphs.push([start, out.lines.length]);
}

/** A line that ends with a hard break: an odd number of backslashes. */
const HARD_BREAK_END = /(?:^|[^\\])(?:\\\\)*\\$/;

/** Code lines as a fenced code block, their spaces as the export writes them (codeSpaces) read back as spaces. */
function codeBlock(lines: readonly Line[], first: string, rest: string): string[] {
  const texts = lines.map((l) =>
    normalized(l.items)
      .filter((i): i is Extract<Inline, { t: 'text' }> => i.t === 'text')
      .map((i) => i.s)
      .join(''),
  );
  const content = texts.map(spacesOf);
  const longest = content.reduce((most, t) => Math.max(most, longestRun(t)), 2);
  const fence = '`'.repeat(longest + 1);
  return [`${first}${fence}`, ...content.map((t) => (t ? `${rest}${t}` : rest.trimEnd())), `${rest}${fence}`];
}

/** A code line's text with the runs of spaces the export writes for spaces (spaceRun) as those spaces; other no-break spaces kept. */
export function spacesOf(text: string): string {
  return text.replace(/[ \u00a0]+/g, (run: string, at: number) => {
    const spaces = ' '.repeat(run.length);
    return spaceRun(run.length, at === 0, at + run.length === text.length) === run ? spaces : run;
  });
}

function table(rows: readonly Inline[][][], first: string, rest: string): string[] {
  const columns = rows.reduce((most, r) => Math.max(most, r.length), 0);
  const cell = (items: Inline[] | undefined) => (items ? inlineMarkdown(items, true) : '');
  const row = (r: readonly Inline[][]) => `| ${Array.from({ length: columns }, (_, i) => cell(r[i])).join(' | ')} |`;
  return [`${first}${row(rows[0])}`, `${rest}|${' --- |'.repeat(columns)}`, ...rows.slice(1).map((r) => `${rest}${row(r)}`)];
}

/** Inline content as Markdown: the most natural form that markdown-it reads back as the same text and links. */
function inlineMarkdown(raw: readonly Inline[], inTable = false, normalizedAlready = false, plainest = 0): string {
  const items = normalizedAlready ? raw : normalized(raw).filter((i) => i.t !== 'br');
  // a separator of tildes alone: escaped once, as parseReport escapes one (`\~~~~~~~`)
  if (items.length === 1 && items[0].t === 'text' && !items[0].code && /^~{3,}$/.test(items[0].s)) return `\\${items[0].s}`;
  const expected = shown(items);
  let last = '';
  for (const form of FORMS.slice(plainest)) {
    last = serialize(items, form, inTable);
    if (!needsCheck(last) || sameAs(last, expected, inTable)) return last;
  }
  return last;
}

interface Form {
  /** A link whose text is its URL written as the bare URL (`raw`: its characters as they are; `escaped`). */
  bare: 'raw' | 'escaped' | 'none';
  marks: boolean;
}

/** From the most natural to the plainest. */
const FORMS: readonly Form[] = [
  { bare: 'raw', marks: true },
  { bare: 'escaped', marks: true },
  { bare: 'none', marks: true },
  { bare: 'none', marks: false },
];

const MARK_TEXT: Record<Mark, string> = { strong: '**', em: '*', strike: '~~' };

/**
 * What a browser shows of a line: runs of spaces one space, none at its ends nor beside a break;
 * spaces and breaks at a link's or emphasis's edges moved outside it (Markdown would not read
 * `** bold**` as emphasis, nor keep `[ text ](…)`'s spaces); empty emphasis, and emphasis inside
 * the same emphasis, left out. Each step is one pass over the line.
 */
function normalized(items: readonly Inline[]): Inline[] {
  return withoutEmptyMarks(spacesAfterCloses(spacesBeforeOpens(collapsedSpaces(items))));
}

type Text = Extract<Inline, { t: 'text' }>;

const isOpen = (i: Inline) => i.t === 'open' || i.t === 'link';
const isClose = (i: Inline) => i.t === 'close' || i.t === 'unlink';
const movable = (i: Inline | undefined): i is Text => i?.t === 'text' && !i.pre;

/** Runs of HTML's white space as one space, none at the line's start, its end or beside a break. */
function collapsedSpaces(items: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  let space = true; // at a line's start, spaces are not shown
  let lastText = -1; // the text a space at the end of the line (or before a break) would end
  const trim = () => {
    const last = out[lastText] as Text | undefined;
    if (last && !last.pre && last.s.endsWith(' ')) out[lastText] = { ...last, s: last.s.slice(0, -1) };
  };
  for (const item of items) {
    if (item.t === 'text' && !item.pre) {
      let s = '';
      for (const c of item.s) {
        if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f') {
          if (!space) s += ' ';
          space = true;
        } else {
          s += c;
          space = false;
        }
      }
      if (!s) continue;
      lastText = out.length;
      out.push({ ...item, s });
      continue;
    }
    if (item.t === 'br') trim();
    out.push(item);
    if (item.t === 'text' || item.t === 'img') {
      space = false;
      lastText = item.t === 'text' ? out.length - 1 : -1;
    } else if (item.t === 'br') {
      space = true;
      lastText = -1;
    }
  }
  trim();
  return out.filter((i) => i.t !== 'text' || i.s);
}

/** A space or a break right after a link or emphasis opens goes before it; a code span's leading space before it. */
function spacesBeforeOpens(items: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  let opens = -1; // where the run of opening marks just written starts
  for (const item of items) {
    if (isOpen(item)) {
      if (opens === -1) opens = out.length;
      out.push(item);
      continue;
    }
    let rest: Inline | undefined = item;
    const codeStart = movable(item) && item.code && item.s.length > 1 && !(out[out.length - 1]?.t === 'text' && (out[out.length - 1] as Text).code);
    if (movable(item) && EDGE_SPACE.test(item.s[0]) && (opens !== -1 || codeStart)) {
      const space: Inline = { t: 'text', s: item.s[0], code: false };
      if (opens !== -1) out.splice(opens, 0, space);
      else out.push(space);
      rest = item.s.length > 1 ? { ...item, s: item.s.slice(1) } : undefined;
    } else if (item.t === 'br' && opens !== -1) {
      out.splice(opens, 0, item);
      rest = undefined;
    }
    if (rest) {
      out.push(rest);
      opens = -1;
    }
  }
  return out;
}

/** A space or a break right before a link or emphasis closes goes after it; a code span's trailing space after it. */
function spacesAfterCloses(items: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  let held: Inline[] = []; // spaces and breaks taken from before closing marks, written after them
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const next = items[i + 1];
    if (isClose(item)) {
      out.push(item);
      continue;
    }
    if (held.length) {
      out.push(...held);
      held = [];
    }
    if (item.t === 'br' && next && isClose(next)) {
      held.push(item);
      continue;
    }
    const codeEnd = movable(item) && item.code && item.s.length > 1 && !(next?.t === 'text' && next.code);
    if (movable(item) && EDGE_SPACE.test(item.s[item.s.length - 1]) && ((next && isClose(next)) || codeEnd)) {
      out.push({ ...item, s: item.s.slice(0, -1) });
      held.push({ t: 'text', s: item.s[item.s.length - 1], code: false });
      if (codeEnd && !(next && isClose(next))) {
        out.push(...held);
        held = [];
      }
      continue;
    }
    out.push(item);
  }
  out.push(...held);
  return out.filter((i) => i.t !== 'text' || i.s);
}

/** Emphasis with nothing in it, and emphasis inside the same emphasis, left out. */
function withoutEmptyMarks(items: readonly Inline[]): Inline[] {
  const kept: Inline[] = [];
  const depth: Record<Mark, number> = { strong: 0, em: 0, strike: 0 };
  for (const item of items) {
    if (item.t === 'open') {
      if (depth[item.mark]++ > 0) continue;
    } else if (item.t === 'close') {
      if (--depth[item.mark] > 0) continue;
      const last = kept[kept.length - 1];
      if (last?.t === 'open' && last.mark === item.mark) {
        kept.pop();
        continue;
      }
    }
    kept.push(item);
  }
  return kept;
}

const EDGE_SPACE = /[ \u00a0]/;

/** The line split where a break stands outside any link: there the line ends. */
function splitAtBreaks(items: readonly Inline[]): Inline[][] {
  const parts: Inline[][] = [[]];
  let links = 0;
  for (const item of items) {
    if (item.t === 'link') links++;
    else if (item.t === 'unlink') links--;
    if (item.t === 'br' && links === 0) parts.push([]);
    else parts[parts.length - 1].push(item);
  }
  return parts.filter((p) => p.some((i) => i.t !== 'open' && i.t !== 'close'));
}

/** The visible text and links of inline content, as compared after reading it back. */
interface Shown {
  text: string;
  links: string[];
}

function shown(items: readonly Inline[]): Shown {
  const md = createMarkdown();
  let text = '';
  const links: string[] = [];
  for (const item of items) {
    if (item.t === 'text') text += item.s;
    else if (item.t === 'br') text += '\n';
    else if (item.t === 'img') text += `\u0000${item.alt || item.src}\u0000${item.src ? md.normalizeLink(item.src) : ''}\u0000`;
    else if (item.t === 'link') links.push(md.normalizeLink(item.href));
  }
  return { text, links };
}

/**
 * Whether a line has anything Markdown might read otherwise than meant: most lines of most emails
 * are words and punctuation that hold no markup and no URL (no `:`, `/`, `#`, `?` for one to run to).
 */
function needsCheck(markdown: string): boolean {
  return /[^A-Za-z0-9 ,;'"()!.\u00a1-\uffff-]/.test(markdown);
}

/** Whether markdown-it reads the Markdown as the text and links expected (bare URLs made links as the export makes them). */
function sameAs(markdown: string, expected: Shown, inTable: boolean): boolean {
  const md = createMarkdown();
  // a table cell's escaped pipes are the table's: markdown-it takes the backslash off before the cell's inline parse
  const source = inTable ? markdown.replace(/\\\|/g, '|') : markdown;
  const [inline] = md.parseInline(source, {});
  if (!inline) return expected.text === '' && expected.links.length === 0;
  let text = '';
  const links: string[] = [];
  for (const t of anchoredChildren(inline, DEFAULT_LINK_HOSTS)) {
    if (t.type === 'text' || t.type === 'code_inline') text += t.content;
    else if (t.type === 'hardbreak') text += '\n';
    else if (t.type === 'softbreak') text += '\n';
    else if (t.type === 'image') {
      const src = attr(t, 'src');
      const web = /^https?:/i.test(src) ? src : '';
      text += `\u0000${t.content || src}\u0000${web}\u0000`;
    } else if (t.type === 'link_open') links.push(linkHref(t));
  }
  return text === expected.text && links.length === expected.links.length && links.every((l, i) => l === expected.links[i]);
}

/** Inline content written in one form: text escaped, links, emphasis, code spans and images. */
function serialize(items: readonly Inline[], form: Form, inTable: boolean): string {
  // in pieces, joined at the end (a line may hold thousands of links)
  const out: string[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    switch (item.t) {
      case 'text': {
        if (item.code) {
          let code = item.s;
          while (items[i + 1]?.t === 'text' && (items[i + 1] as Extract<Inline, { t: 'text' }>).code) code += (items[++i] as Extract<Inline, { t: 'text' }>).s;
          out.push(codeSpan(inTable ? code.replace(/\|/g, '\\|') : code));
        } else out.push(escapeText(item.s, inTable));
        break;
      }
      case 'open':
      case 'close':
        if (form.marks) out.push(MARK_TEXT[item.mark]);
        break;
      case 'link': {
        let end = i + 1;
        while (end < items.length && items[end].t !== 'unlink') end++;
        const inner = items.slice(i + 1, end);
        const bare = form.bare !== 'none' ? bareForm(inner, item.href, form.bare === 'escaped', inTable) : undefined;
        if (bare !== undefined) out.push(bare);
        else {
          escapeBang(out);
          out.push(`[${serialize(inner, form, inTable)}](${destination(item.href)})`);
        }
        i = end;
        break;
      }
      case 'unlink':
        break;
      case 'img':
        escapeBang(out);
        out.push(`![${escapeText(item.alt, inTable)}](${destination(item.src)})`);
        break;
      case 'br':
        out.push('\\\n');
        break;
    }
  }
  // each line's start escaped where Markdown would read a block there (a break's next line too)
  return out
    .join('')
    .split('\n')
    .map((l) => escapeLineStart(l))
    .join('\n');
}

/** A `!` that ends the Markdown so far, escaped: a bracket after it would make an image. */
function escapeBang(out: string[]): void {
  let k = out.length - 1;
  while (k >= 0 && out[k] === '') k--;
  // (a piece never ends in half an escape: its odd backslash before the `!` is its own)
  if (k >= 0 && /(?:^|[^\\])(?:\\\\)*!$/.test(out[k])) out[k] = `${out[k].slice(0, -1)}\\!`;
}

/** A link whose text is its URL as the URL alone (a mail link as `<address>`), when it is that. */
function bareForm(inner: readonly Inline[], href: string, escaped: boolean, inTable: boolean): string | undefined {
  if (inner.length !== 1 || inner[0].t !== 'text' || inner[0].code) return undefined;
  const text = inner[0].s;
  const mail = /^mailto:(.*)$/i.exec(href);
  if (mail) return text === mail[1] && /^[^\s<>\\]+@[^\s<>\\]+$/.test(text) ? `<${text}>` : undefined;
  // Thunderbird links `<https://…>` with its brackets: the brackets stay text around the bare URL
  const bracketed = /^<(.+)>$/.exec(text);
  if (bracketed) {
    const url = bareForm([{ ...inner[0], s: bracketed[1] }], href, escaped, inTable);
    return url === undefined ? undefined : `\\<${url}>`;
  }
  // (as it reads, or as written in the address: the check of the line says whether it links the same)
  const same = (a: string, b: string) => a === b || a.replace(/\/$/, '') === b.replace(/\/$/, '');
  if (!same(text, href) && !same(text, safeDecode(href))) return undefined;
  return escaped ? escapeText(text, inTable) : inTable ? text.replace(/\|/g, '\\|') : text;
}

function safeDecode(s: string): string {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
}

/** A link's address as Markdown reads it back: in `<…>` when it has spaces or unpaired parentheses. */
function destination(href: string): string {
  const escaped = href.replace(/\\/g, '\\\\').replace(/&(?=[A-Za-z#][A-Za-z0-9]*;)/g, '\\&');
  let depth = 0;
  let balanced = true;
  for (const c of href) {
    if (c === '(') depth++;
    else if (c === ')' && --depth < 0) balanced = false;
  }
  if (!/[\s<>]/.test(href) && balanced && depth === 0) return escaped;
  return `<${escaped.replace(/[<>]/g, (c) => `\\${c}`)}>`;
}

/** The longest run of backticks in a text. */
function longestRun(text: string): number {
  let most = 0;
  for (const m of text.matchAll(/`+/g)) most = Math.max(most, m[0].length);
  return most;
}

/** A code span holding `code` as it is (a longer fence when it has backticks in it). */
function codeSpan(code: string): string {
  const fence = '`'.repeat(longestRun(code) + 1);
  // a space each side when it starts or ends with a backtick, or with a space at both ends (not
  // spaces alone): CommonMark takes one off each side
  const pad = code.startsWith('`') || code.endsWith('`') || (code.startsWith(' ') && code.endsWith(' ') && code.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${code}${pad}${fence}`;
}
