// An email's HTML read as its reader sees it: blocks of lines (Gmail's `<div>` lines, Outlook's and
// Thunderbird's `<p>` and `<br>`, blank lines), lists and their items (Gmail's nested list beside
// its item, or inside it), quotes, code lines (monospace), rules, tables and headings; each line
// its visible text, with the emphasis, links, code and images on it. The walk keeps its own stack:
// an email nested thousands deep is read, not a stack overflow; lists and quotes deeper than a
// draft can hold are refused, said in one line.
import { html as htmlSpec, parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { isMailableHref } from '../rules/webDestination';

type Node = DefaultTreeAdapterMap['childNode'] | DefaultTreeAdapterMap['documentFragment'];
type Element = DefaultTreeAdapterMap['element'];

export type Mark = 'strong' | 'em' | 'strike';

/** What a line holds, in order: text (monospace or not; preformatted keeps its spaces), marks, links, images, breaks. */
export type Inline =
  | { t: 'text'; s: string; code: boolean; pre?: boolean }
  | { t: 'open'; mark: Mark }
  | { t: 'close'; mark: Mark }
  | { t: 'link'; href: string }
  | { t: 'unlink' }
  | { t: 'img'; src: string; alt: string }
  /** A line break inside a link, which goes on over it. */
  | { t: 'br' };

/** A line of the email; `code` when all of it is monospace (a code line, possibly empty). */
export interface Line {
  items: Inline[];
  code: boolean;
}

export type Block =
  | { type: 'lines'; lines: Line[] }
  | { type: 'blank' }
  | { type: 'heading'; level: number; items: Inline[] }
  | { type: 'rule' }
  | { type: 'table'; rows: Inline[][][] }
  | { type: 'quote'; blocks: Block[] }
  | { type: 'list'; ordered: boolean; start: number; items: Block[][] };

/** Lists and quotes nested deeper than this are more than a draft can hold (markdown-it reads about 48 lists, or 32 on one line). */
export const MAX_IMPORT_NESTING = 32;

/** Thrown when the email nests lists or quotes past MAX_IMPORT_NESTING: its message is the one line said. */
export class ImportLimitError extends Error {}

const BLOCKS = new Set([
  'div',
  'p',
  'center',
  'section',
  'article',
  'header',
  'footer',
  'address',
  'main',
  'nav',
  'aside',
  'figure',
  'figcaption',
  'dl',
  'dt',
  'dd',
  'form',
  'fieldset',
  'details',
  'summary',
  'caption',
  'tbody',
  'thead',
  'tfoot',
]);
/** A character a browser shows: not HTML's white space (a no-break space is shown). */
const NOT_WHITE = /[^ \t\n\r\f]/;
/** A character other than a space of either kind. */
const NOT_SPACE = /[^ \t\n\r\f\u00a0]/;
const SKIPPED = new Set(['script', 'style', 'head', 'title', 'meta', 'link', 'template', 'noscript']);
const MARKS: Record<string, Mark> = { b: 'strong', strong: 'strong', i: 'em', em: 'em', s: 'strike', strike: 'strike', del: 'strike' };

/** Element names of HTML (parse5 knows most; these inline ones it leaves to the generic rules). */
const MORE_HTML = new Set(['abbr', 'bdi', 'bdo', 'cite', 'data', 'del', 'dfn', 'ins', 'kbd', 'mark', 'q', 'samp', 'time', 'acronym']);

/**
 * Whether a tag name is an element's: an HTML element, an Office one (`o:p`, `v:shape`), a custom
 * one (`x-sigsep`). Anything else, `<https://…>`, `<name@example.org>`, `<Armando Migliaccio>`,
 * is text that the parser took for a tag.
 */
export function isElementName(name: string): boolean {
  return htmlSpec.getTagID(name) !== htmlSpec.TAG_ID.UNKNOWN || MORE_HTML.has(name) || /^[a-z][a-z0-9]*(?::[a-z][a-z0-9-]*|(?:-[a-z0-9]+)+)$/.test(name);
}

/** A tag name followed by a no-break space: a copy whose spaces, inside tags too, all became no-break spaces. */
const SPACES_AS_NO_BREAK = /<\/?[A-Za-z][A-Za-z0-9]*\u00a0/;

/** The email's blocks. */
export function readHtml(html: string): Block[] {
  // such a copy (the reference email is one) means spaces by its no-break spaces, everywhere: read
  // so; elsewhere a no-break space is one the writer typed (Gmail's `a&nbsp; b`), kept as it shows
  const source = SPACES_AS_NO_BREAK.test(html) ? html.replace(/\u00a0/g, ' ') : html;
  // where they are in the source is wanted only for text that looks like a tag, which is rare: a
  // parse that records it takes nearly four times the memory (2 MB of <br>: 350 MB, against 95)
  try {
    return new Reader(source, false).read(parseFragment(source));
  } catch (e) {
    if (e !== NEEDS_SOURCE) throw e;
    return new Reader(source, true).read(parseFragment(source, { sourceCodeLocationInfo: true }));
  }
}

const NEEDS_SOURCE = new Error('text that looks like a tag: read again with where things are');

interface Container {
  kind: 'root' | 'quote' | 'item';
  blocks: Block[];
}

interface ListFrame {
  kind: 'list';
  block: Extract<Block, { type: 'list' }>;
}

interface TableFrame {
  kind: 'table';
  rows: Inline[][][];
  cell: Inline[] | undefined;
}

interface HeadingFrame {
  kind: 'heading';
  level: number;
  items: Inline[];
  /** Where to put the heading when it closes. */
  into: Block[];
}

type Frame = Container | ListFrame | TableFrame | HeadingFrame;

/** An open link or mark (one of each at most: the same emphasis inside it adds nothing). */
interface OpenMark {
  mark: Mark | 'link';
  href?: string;
}

/** What an element did on entering, undone on leaving. */
type Exit = (() => void) | undefined;

class Reader {
  private readonly root: Container = { kind: 'root', blocks: [] };
  private readonly frames: Frame[] = [this.root];
  private readonly marks: OpenMark[] = []; // at most one of each
  private line: Inline[] = [];
  private code = 0; // monospace elements open
  private pre = 0; // preformatted elements open
  private nesting = 0; // lists and quotes open

  constructor(
    private readonly source: string,
    private readonly located: boolean,
  ) {}

  read(fragment: Node): Block[] {
    // the walk's own stack: each element's children, and what leaving it does
    const stack: { children: (DefaultTreeAdapterMap['childNode'] | undefined)[]; next: number; exit: Exit }[] = [
      { children: childrenOf(fragment), next: 0, exit: undefined },
    ];
    while (stack.length) {
      const top = stack[stack.length - 1];
      if (top.next < top.children.length) {
        const child = top.children[top.next]!;
        // the tree is this walk's own: a node read is let go, so that a long email's nodes are
        // freed as it is read (2 MB of <br> are half a million of them)
        top.children[top.next++] = undefined;
        const entered = this.enter(child);
        if (entered) stack.push({ children: childrenOf(child), next: 0, exit: entered.exit });
      } else {
        stack.pop();
        top.exit?.();
      }
    }
    this.endLine();
    return this.root.blocks;
  }

  /** What an element or text does as it is met: undefined when its content is not read. */
  private enter(node: DefaultTreeAdapterMap['childNode']): { exit: Exit } | undefined {
    if (node.nodeName === '#text') {
      this.text('value' in node ? String(node.value) : '');
      return undefined;
    }
    if (!('tagName' in node)) return undefined; // comments, doctypes
    const el = node;
    const name = el.tagName;
    if (SKIPPED.has(name)) return undefined;
    if (!isElementName(name)) return this.tagAsText(el);
    const table = this.innermostTable();
    if (table?.cell) return this.inCell(table, el, name);
    if (table && this.top() === table) {
      // a table's rows and cells; anything else in it (tbody, caption) only holds them
      if (name === 'tr') table.rows.push([]);
      else if (name === 'td' || name === 'th') return this.cell(table);
      return { exit: undefined };
    }
    // (null: an element with nothing in it to read)
    const inline = this.inline(el, name);
    return inline === null ? undefined : (inline ?? this.block(el, name));
  }

  /** A line break, an image, emphasis, a link or code: what it does on its line (undefined for any other element). */
  private inline(el: Element, name: string): { exit: Exit } | undefined | null {
    if (name === 'br') {
      this.lineBreak();
      return null;
    }
    if (name === 'img') {
      const src = attribute(el, 'src').trim();
      this.line.push({ t: 'img', src: /^https?:/i.test(src) ? src : '', alt: attribute(el, 'alt') });
      return null;
    }
    const mark = MARKS[name];
    if (mark) return this.openMark({ mark });
    if (name === 'a') {
      const href = attribute(el, 'href').trim();
      // (an in-page #anchor or a relative path, which no email carries: its text)
      return isMailableHref(href) ? this.openMark({ mark: 'link', href }) : { exit: undefined };
    }
    if (isMonospace(el)) {
      this.code++;
      return { exit: () => this.code-- };
    }
    return undefined;
  }

  /** A list, an item, a quote, a table, a rule, a heading, preformatted text or a block of lines. */
  private block(el: Element, name: string): { exit: Exit } | undefined {
    if (name === 'ul' || name === 'ol') return this.list(el, name === 'ol');
    if (name === 'li' && this.top().kind === 'list') return this.item();
    if (name === 'blockquote') return this.quote();
    if (name === 'table') return this.table();
    if (name === 'hr') {
      this.structure();
      this.container().blocks.push({ type: 'rule' });
      return undefined;
    }
    if (/^h[1-6]$/.test(name)) return this.heading(Number(name[1]));
    if (name === 'pre') {
      this.boundary();
      this.pre++;
      this.code++;
      return {
        exit: () => {
          this.boundary();
          this.pre--;
          this.code--;
        },
      };
    }
    if (name === 'p' || BLOCKS.has(name) || name === 'li' || name === 'tr' || name === 'td' || name === 'th') {
      this.boundary();
      // a paragraph's own margin reads as a blank line (Outlook's MsoNormal ones and those without are lines)
      const blankAfter = name === 'p' && hasMargin(el);
      return {
        exit: () => {
          this.boundary();
          if (blankAfter) this.blank();
        },
      };
    }
    return { exit: undefined };
  }

  private top(): Frame {
    return this.frames[this.frames.length - 1];
  }

  /** The blocks a line or block goes into now: a list's last item (a new one when it has none). */
  private container(): Container {
    const top = this.top();
    if (top.kind === 'list') {
      // Gmail puts text after a nested list in a <div> of the list: its item's
      if (top.block.items.length === 0) top.block.items.push([]);
      return { kind: 'item', blocks: top.block.items[top.block.items.length - 1] };
    }
    // (a block inside a heading goes after it; a table's content is read as its cells')
    if (top.kind === 'heading') return { kind: 'root', blocks: top.into };
    if (top.kind === 'table') return { kind: 'root', blocks: [] };
    return top;
  }

  private innermostTable(): TableFrame | undefined {
    for (let i = this.frames.length - 1; i >= 0; i--) {
      const f = this.frames[i];
      if (f.kind === 'table') return f;
    }
    return undefined;
  }

  /** The table cell being read, if any. */
  private tableCell(): TableFrame | undefined {
    const table = this.innermostTable();
    return table?.cell ? table : undefined;
  }

  /** Text, as it stands: spaces are made what a browser shows when the line ends. */
  private text(s: string): void {
    if (!s) return;
    const cell = this.tableCell();
    const into = cell ? cell.cell! : this.line;
    if (this.pre && !cell) {
      // preformatted: its line ends are the lines', its spaces kept
      const parts = s.split('\n');
      parts.forEach((part, i) => {
        if (i > 0) this.lineBreak();
        if (part) this.line.push({ t: 'text', s: part, code: true, pre: true });
      });
      return;
    }
    into.push({ t: 'text', s, code: this.code > 0 });
  }

  /** Text that the parser took for a tag (`Name <addr@example.org>`): kept as the text it is. */
  private tagAsText(el: Element): { exit: Exit } {
    if (!this.located) throw NEEDS_SOURCE;
    const at = el.sourceCodeLocation;
    if (at?.startTag) this.text(this.source.slice(at.startTag.startOffset, at.startTag.endOffset));
    return { exit: at?.endTag ? () => this.text(this.source.slice(at.endTag!.startOffset, at.endTag!.endOffset)) : undefined };
  }

  /** Inside a table's cell, a line's words: any break a space, any block (a table in it too) the text it holds. */
  private inCell(table: TableFrame, el: Element, name: string): { exit: Exit } | undefined {
    const cell = table.cell!;
    const space = () => cell.push({ t: 'text', s: ' ', code: false });
    if (name === 'img') {
      const src = attribute(el, 'src').trim();
      cell.push({ t: 'img', src: /^https?:/i.test(src) ? src : '', alt: attribute(el, 'alt') });
      return undefined;
    }
    if (name === 'br' || name === 'hr') {
      space();
      return undefined;
    }
    const mark = MARKS[name];
    if (mark) {
      cell.push({ t: 'open', mark });
      return { exit: () => cell.push({ t: 'close', mark }) };
    }
    if (name === 'a') {
      const href = attribute(el, 'href').trim();
      if (!isMailableHref(href)) return { exit: undefined };
      cell.push({ t: 'link', href });
      return { exit: () => cell.push({ t: 'unlink' }) };
    }
    if (isMonospace(el)) {
      this.code++;
      return { exit: () => this.code-- };
    }
    space();
    return { exit: space };
  }

  private table(): { exit: Exit } {
    this.structure();
    const frame: TableFrame = { kind: 'table', rows: [], cell: undefined };
    const into = this.container().blocks;
    this.frames.push(frame);
    return {
      exit: () => {
        this.frames.pop();
        const rows = frame.rows.filter((r) => r.length);
        if (rows.length) into.push({ type: 'table', rows });
      },
    };
  }

  private cell(table: TableFrame): { exit: Exit } {
    if (!table.rows.length) table.rows.push([]);
    const items: Inline[] = [];
    table.rows[table.rows.length - 1].push(items);
    table.cell = items;
    return { exit: () => (table.cell = undefined) };
  }

  private openMark(mark: OpenMark): { exit: Exit } {
    // emphasis inside the same emphasis shows nothing more (and a line of 2,000 nested <b> is one <b>)
    if (this.marks.some((m) => m.mark === mark.mark)) return { exit: undefined };
    this.marks.push(mark);
    this.line.push(mark.mark === 'link' ? { t: 'link', href: mark.href! } : { t: 'open', mark: mark.mark });
    return {
      exit: () => {
        const at = this.marks.indexOf(mark);
        if (at === -1) return; // a link a block cut off
        this.marks.splice(at, 1);
        this.line.push(mark.mark === 'link' ? { t: 'unlink' } : { t: 'close', mark: mark.mark });
      },
    };
  }

  private linkOpen(): boolean {
    return this.marks.some((m) => m.mark === 'link');
  }

  /** A `<br>`: the line ends (inside a link, the link goes on over a break); on an empty line, a blank line. */
  private lineBreak(): void {
    if (this.tableCell()) return;
    if (this.linkOpen()) {
      this.line.push({ t: 'br' });
      return;
    }
    // an empty line of monospace is an empty code line; elsewhere a blank line, but in a list,
    // where an item's lines are read as they come
    if (this.endLine() === 'empty') {
      if (this.code > 0) this.pushLine({ items: [], code: true });
      else if (this.container().kind !== 'item') this.blank();
    }
  }

  /** A block's start or end: the line ends there, if it has anything on it. */
  private boundary(): void {
    if (this.tableCell()) return;
    if (this.linkOpen()) {
      // (a block's end right after a <br> is that line's end: no empty line)
      if (this.hasContent(this.line.slice(this.line.map((i) => i.t).lastIndexOf('br') + 1))) this.line.push({ t: 'br' });
      return;
    }
    this.endLine();
  }

  /** Before a list, a quote, a table or a rule: the line ends, and no link goes on past it (a link cannot hold them). */
  private structure(): void {
    const link = this.marks.findIndex((m) => m.mark === 'link');
    if (link !== -1) {
      this.marks.splice(link, 1);
      this.line.push({ t: 'unlink' });
    }
    this.endLine();
  }

  /** Whether a line shows anything: a character other than HTML's white space, an image, a link. */
  private hasContent(items: readonly Inline[]): boolean {
    return items.some((i) => (i.t === 'text' && NOT_WHITE.test(i.s)) || i.t === 'img' || i.t === 'link');
  }

  /**
   * Ends the line: 'empty' when it had nothing to show, 'blank' when only no-break spaces (an empty
   * line: Outlook's <p class=MsoNormal><o:p>&nbsp;</o:p></p>, Apple Mail's <div>&nbsp;</div>).
   * Its open marks close with it and open again on the next.
   */
  private endLine(): 'line' | 'blank' | 'empty' {
    const items = this.line;
    const open = this.marks;
    for (let i = open.length - 1; i >= 0; i--) items.push(open[i].mark === 'link' ? { t: 'unlink' } : { t: 'close', mark: open[i].mark as Mark });
    this.line = open.map((m): Inline => (m.mark === 'link' ? { t: 'link', href: m.href! } : { t: 'open', mark: m.mark }));
    if (!this.hasContent(items)) return 'empty';
    const texts = items.filter((i): i is Extract<Inline, { t: 'text' }> => i.t === 'text' && NOT_WHITE.test(i.s));
    const shown = items.some((i) => i.t === 'img' || i.t === 'link');
    const code = texts.length > 0 && texts.every((i) => i.code) && !shown;
    if (!code && !shown && texts.every((i) => !NOT_SPACE.test(i.s))) {
      if (this.container().kind !== 'item') this.blank();
      return 'blank';
    }
    this.pushLine({ items, code });
    return 'line';
  }

  private pushLine(line: Line): void {
    const top = this.top();
    if (top.kind === 'heading') {
      if (top.items.length) top.items.push({ t: 'text', s: ' ', code: false });
      for (const item of line.items) top.items.push(item);
      return;
    }
    const blocks = this.container().blocks;
    const last = blocks[blocks.length - 1];
    // (a line's items at their size: an array grown by push keeps room for 16 more, and an email may have 400,000 lines)
    line.items = line.items.slice();
    if (last?.type === 'lines') last.lines.push(line);
    else blocks.push({ type: 'lines', lines: [line] });
  }

  private blank(): void {
    const blocks = this.container().blocks;
    if (blocks[blocks.length - 1]?.type !== 'blank') blocks.push({ type: 'blank' });
  }

  private deeper(): void {
    if (++this.nesting > MAX_IMPORT_NESTING)
      throw new ImportLimitError(`the email nests lists or quotes more than ${MAX_IMPORT_NESTING} deep, deeper than a draft can hold: nothing was imported`);
  }

  private list(el: Element, ordered: boolean): { exit: Exit } {
    this.structure();
    this.deeper();
    const start = ordered ? Number.parseInt(attribute(el, 'start'), 10) : 1;
    const block: Extract<Block, { type: 'list' }> = {
      type: 'list',
      ordered,
      start: Number.isFinite(start) && start >= 0 && start < 1e9 ? start : 1,
      items: [],
    };
    // Gmail nests a list in its parent list, beside the item it belongs to: that item's
    this.container().blocks.push(block);
    this.frames.push({ kind: 'list', block });
    return {
      exit: () => {
        this.endLine();
        this.frames.pop();
        this.nesting--;
      },
    };
  }

  private item(): { exit: Exit } {
    this.endLine();
    const list = this.top() as ListFrame;
    const blocks: Block[] = [];
    list.block.items.push(blocks);
    this.frames.push({ kind: 'item', blocks });
    return {
      exit: () => {
        this.endLine();
        this.frames.pop();
      },
    };
  }

  private quote(): { exit: Exit } {
    this.structure();
    this.deeper();
    const frame: Container = { kind: 'quote', blocks: [] };
    const into = this.container().blocks;
    const block: Block = { type: 'quote', blocks: frame.blocks };
    into.push(block);
    this.frames.push(frame);
    return {
      exit: () => {
        this.endLine();
        this.frames.pop();
        this.nesting--;
        // a quote with nothing in it shows nothing (and Markdown has none such)
        if (frame.blocks.every((b) => b.type === 'blank')) into.splice(into.lastIndexOf(block), 1);
      },
    };
  }

  private heading(level: number): { exit: Exit } {
    this.structure();
    const frame: HeadingFrame = { kind: 'heading', level, items: [], into: this.container().blocks };
    this.frames.push(frame);
    return {
      exit: () => {
        this.structure();
        this.frames.pop();
        if (this.hasContent(frame.items)) frame.into.push({ type: 'heading', level, items: frame.items });
      },
    };
  }
}

/** Monospace text: code, as Gmail writes it (`<font face="monospace">`) and as HTML does. */
function isMonospace(el: Element): boolean {
  const name = el.tagName;
  return name === 'code' || name === 'tt' || name === 'kbd' || name === 'samp' || (name === 'font' && /monospace|courier/i.test(attribute(el, 'face')));
}

function attribute(el: Element, name: string): string {
  return el.attrs.find((a) => a.name === name)?.value ?? '';
}

/** Outlook's MsoNormal paragraphs, and any with a zero bottom margin, are lines, not paragraphs. */
function hasMargin(p: Element): boolean {
  if (/msonormal/i.test(attribute(p, 'class'))) return false;
  return !/margin(-bottom)?\s*:\s*0(\w+)?\s*(;|$)/i.test(attribute(p, 'style'));
}

function childrenOf(node: Node): DefaultTreeAdapterMap['childNode'][] {
  if ('content' in node && node.nodeName === 'template') return [];
  return 'childNodes' in node ? node.childNodes : [];
}
