// A sent report back into a Markdown draft: the email's HTML read as a reader sees it (lines, blank
// lines, list items and their nesting, links), whichever client wrote it (Gmail's `<div>` lines and
// sibling lists, Outlook's and Thunderbird's `<p>` and `<br>`), and written out as the Markdown a
// person would type, which Midcycle's export turns back into the same email. A plain-text email is
// read as its lines, every character kept.
import { html as htmlSpec, parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { LINE_BREAKS_KEY, softBreakJoiner } from '../export/lineBreaks';
import { parseReport } from '../parse/parseReport';
import { yaml } from '../parse/yamlBundle';
import { createMarkdown } from '../parse/markdown';
import { LIST_MARKER } from '../model/listMarker';

const LIST_ITEM = new RegExp(String.raw`^(\s*${LIST_MARKER}\s+)(.*)$`);

type Node = DefaultTreeAdapterMap['childNode'] | DefaultTreeAdapterMap['documentFragment'];
type Element = DefaultTreeAdapterMap['element'];

/** One line of the email as a reader sees it. */
type Line =
  | { kind: 'text'; text: string; quote: number }
  | { kind: 'blank'; quote: number }
  | { kind: 'item'; depth: number; ordered: boolean; text: string; quote: number };

const BLOCKS = new Set([
  'div',
  'p',
  'blockquote',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'pre',
  'table',
  'tr',
  'hr',
  'center',
  'section',
  'article',
  'header',
  'footer',
  'address',
]);
const SKIPPED = new Set(['script', 'style', 'head', 'title', 'meta', 'link', 'template', 'noscript']);

/** The Markdown draft of an email's HTML body; `headers` (subject, to, cc, date) go into the front matter. */
export function importEmailHtml(html: string, headers: Record<string, string | string[] | undefined> = {}): string {
  // a no-break space stands for a space everywhere, also inside tags, as copies of Gmail HTML carry it
  // (one character for one: the parser's source offsets stay those of this text)
  const source = html.replace(/\u00a0/g, ' ');
  const fragment = parseFragment(source, { sourceCodeLocationInfo: true });
  const lines = readLines(fragment, source);
  const markdown = writeMarkdown(lines);
  // the email's lines are the lines the writer typed: when some would read as a wrapped paragraph
  // (and be joined: lineBreaks.ts), the draft says to keep them
  return frontMatter(joinsLines(markdown) ? { ...headers, [LINE_BREAKS_KEY]: 'keep' } : headers) + markdown;
}

/**
 * The Markdown draft of a plain-text email (a text/plain part, a .txt or .rst file, a list
 * archive's `<pre>`): each line as it was, its characters escaped where Markdown would read markup
 * (`<https://…>`, `Name <addr>`, `*`, `_`, a heading underline), its list items kept as list items;
 * indented lines that Markdown reads as code stay as they are, code showing them verbatim.
 */
export function importEmailText(text: string, headers: Record<string, string | string[] | undefined> = {}): string {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''));
  const listItem = LIST_ITEM;
  const escaped: string[] = [];
  const original: string[] = []; // the line each escaped one came from
  let inList = false;
  for (const l of lines) {
    // `- - -` and `* * *` are rules drawn in text, not items
    const item = RULE.test(l) ? null : listItem.exec(l);
    // a line at the margin after a list is not part of its last item (Markdown would run it on)
    if (l && !item && inList && !/^\s/.test(l)) {
      escaped.push('');
      original.push('');
    }
    escaped.push(!l ? '' : item ? item[1] + escapeLineStart(escapeText(item[2]), false) : escapeLineStart(escapeText(l), false));
    original.push(l);
    if (l) inList = !!item || (inList && /^\s/.test(l));
  }
  // a code block shows its lines verbatim: there, the line as it was (escapes would show)
  for (const t of createMarkdown().parse(escaped.join('\n'), { midcycle: { hosts: { gerrit: [], etherpad: [], storyboard: [] }, problems: [] } })) {
    if (t.type === 'code_block' && t.map) for (let l = t.map[0]; l < t.map[1]; l++) escaped[l] = original[l];
  }
  return (
    frontMatter(headers) +
    `${escaped
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .replace(/^\n+|\n+$/g, '')}\n`
  );
}

/** A thematic break: three or more `-`, `*` or `_`, spaces between allowed. */
const RULE = /^\s*([-_*])(?:\s*\1){2,}\s*$/;

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

function readLines(root: Node, source: string): Line[] {
  const out: Line[] = [];
  let buf = '';
  let ordered = false;
  let quote = 0;

  const end = (depth: number): boolean => {
    const text = buf.replace(/[ \t\n\r\f]+/g, ' ').trim();
    buf = '';
    if (!text) return false;
    out.push(depth >= 0 ? { kind: 'item', depth, ordered, text, quote } : { kind: 'text', text, quote });
    return true;
  };
  const margin = (p: Element) => {
    const attr = (name: string) => p.attrs.find((a) => a.name === name)?.value ?? '';
    if (/msonormal/i.test(attr('class'))) return false;
    return !/margin(-bottom)?\s*:\s*0(\w+)?\s*(;|$)/i.test(attr('style'));
  };

  const walk = (node: Node, depth: number): void => {
    for (const child of childrenOf(node)) {
      if (child.nodeName === '#text') {
        buf += escapeText(textOf(child));
        continue;
      }
      const name = tag(child);
      if (!name || SKIPPED.has(name)) continue;
      const el = child as Element;
      const at = el.sourceCodeLocation;
      if (!isElementName(name) && at?.startTag) {
        // text that looks like a tag (`Name <addr@example.org>`): kept as the text it is
        buf += escapeText(source.slice(at.startTag.startOffset, at.startTag.endOffset));
        walk(el, depth);
        if (at.endTag) buf += escapeText(source.slice(at.endTag.startOffset, at.endTag.endOffset));
      } else if (name === 'br') {
        // a <br> that ends an empty line shows an empty line: <div><br></div>, text<br><br>text,
        // Thunderbird's <br>\n<br>
        if (!end(depth) && depth < 0) out.push({ kind: 'blank', quote });
      } else if (name === 'a') {
        const href = el.attrs.find((a) => a.name === 'href')?.value?.trim() ?? '';
        const before = buf;
        buf = '';
        walk(el, depth);
        const text = buf.replace(/[ \t\n\r\f]+/g, ' ').trim();
        buf = before + link(text, href);
      } else if (name === 'ul' || name === 'ol') {
        end(depth);
        const inList = tag(node) === 'ul' || tag(node) === 'ol';
        walkList(el, Math.max(0, inList ? depth : depth + 1));
      } else if (name === 'blockquote' && depth < 0) {
        // (a quote inside a list item is read as its lines: Markdown has no quote prefix mid-list)
        end(depth);
        quote++;
        walk(el, depth);
        end(depth);
        quote--;
      } else if (name === 'p' && depth < 0 && margin(el)) {
        end(depth);
        walk(el, depth);
        end(depth);
        out.push({ kind: 'blank', quote });
      } else if (depth < 0 && (name === 'p' || name === 'div') && !rawText(el).trim() && rawText(el).includes('\u00a0')) {
        // a line of nothing but a no-break space is an empty line: Outlook's
        // <p class=MsoNormal><o:p>&nbsp;</o:p></p>, Apple Mail's and others' <div>&nbsp;</div>
        end(depth);
        out.push({ kind: 'blank', quote });
      } else if (/^h[1-6]$/.test(name) && depth < 0) {
        end(depth);
        buf += `${'#'.repeat(Number(name[1]))} `;
        walk(el, depth);
        end(depth);
      } else if (
        name === 'code' ||
        name === 'tt' ||
        name === 'kbd' ||
        (name === 'font' && /monospace|courier/i.test(el.attrs.find((a) => a.name === 'face')?.value ?? ''))
      ) {
        // monospace text is code: a code span keeps it as it was (its URLs are no links either)
        const code = rawText(el).replace(/[ \t\n\r\f]+/g, ' ');
        if (code.trim()) {
          const fence = '`'.repeat(Math.max(0, ...Array.from(code.matchAll(/`+/g), (m) => m[0].length)) + 1);
          const pad = code.startsWith('`') || code.endsWith('`') ? ' ' : '';
          buf += `${fence}${pad}${code}${pad}${fence}`;
        }
      } else if (name === 'b' || name === 'strong') {
        inline(el, depth, '**');
      } else if (name === 'i' || name === 'em') {
        inline(el, depth, '*');
      } else if (BLOCKS.has(name)) {
        end(depth);
        walk(el, depth);
        end(depth);
      } else walk(el, depth);
    }
  };
  /** Emphasis around words; none around nothing or around a whole line's spaces. */
  const inline = (el: Element, depth: number, mark: string) => {
    const before = buf;
    buf = '';
    walk(el, depth);
    const inner = buf;
    const trimmed = inner.trim();
    buf = before + (trimmed && !inner.includes('\n') ? inner.replace(trimmed, `${mark}${trimmed}${mark}`) : inner);
  };
  const walkList = (list: Element, depth: number) => {
    const outer = ordered;
    ordered = list.tagName === 'ol';
    for (const child of childrenOf(list)) {
      const name = tag(child);
      if (name === 'li') {
        end(depth);
        walk(child, depth);
        end(depth);
      } else if (name === 'ul' || name === 'ol') {
        end(depth);
        walkList(child as Element, depth + 1);
      } else if (child.nodeName === '#text') {
        if (textOf(child).trim()) buf += escapeText(textOf(child));
      } else walk(child, depth);
    }
    end(depth);
    ordered = outer;
  };

  walk(root, -1);
  end(-1);
  return out;
}

function writeMarkdown(lines: readonly Line[]): string {
  const out: string[] = [];
  let previous: Line | undefined;
  const itemNumbers: number[] = [];
  // the indentation that puts an item inside the one above it: that item's marker width
  const indents: string[] = [''];
  for (const line of lines) {
    const prefix = '> '.repeat(line.quote);
    if (line.kind === 'blank') {
      if (out.length && out[out.length - 1].trim() !== prefix.trim()) out.push(prefix.trimEnd());
      previous = line;
      continue;
    }
    if (line.kind === 'item') {
      // a list is a block of its own: a blank line before it, unless it goes on
      if (previous && previous.kind !== 'item' && out.length && out[out.length - 1] !== prefix.trimEnd()) out.push(prefix.trimEnd());
      itemNumbers.length = line.depth + 1;
      itemNumbers[line.depth] = (itemNumbers[line.depth] ?? 0) + 1;
      const marker = line.ordered ? `${itemNumbers[line.depth]}.` : '-';
      // an item nested in items that had no text of their own: empty items hold it at its depth
      // (after a blank line: an empty item cannot interrupt a paragraph; the list only becomes loose)
      while (indents.length <= line.depth) {
        const depth = indents.length - 1;
        if (out.length && out[out.length - 1] !== prefix.trimEnd()) out.push(prefix.trimEnd());
        out.push(`${prefix}${indents[depth]}-`);
        indents.push(`${indents[depth]}  `);
      }
      const indent = indents[line.depth];
      indents.length = line.depth + 1;
      indents[line.depth] = indent;
      indents[line.depth + 1] = indent + ' '.repeat(marker.length + 1);
      out.push(`${prefix}${indent}${marker} ${escapeLineStart(line.text, false)}`);
    } else {
      if (previous?.kind === 'item' && out.length && out[out.length - 1] !== prefix.trimEnd()) out.push(prefix.trimEnd());
      itemNumbers.length = 0;
      indents.length = 1;
      out.push(`${prefix}${escapeLineStart(line.text, false)}`);
    }
    previous = line;
  }
  while (out.length && !out[out.length - 1].trim()) out.pop();
  while (out.length && !out[0].trim()) out.shift();
  return `${out.join('\n')}\n`;
}

/**
 * A line of text that Markdown would read as something else: a list item, a heading, a quote, a
 * rule or separator (`~~~~~~~`, which would open a code block), a setext underline. Escaped, so
 * that it stays the text it was.
 */
function escapeLineStart(text: string, keepListMarker: boolean): string {
  if (keepListMarker) return text;
  // (a line of `=` or `-` under text is a heading's underline; `- - -`, `* * *` a rule; `--|--` a table's)
  if (
    /^\s*(?:[-*+](?:\s|$)|\d{1,9}[.)](?:\s|$)|#{1,6}(?:\s|$)|>|[~`]{3,}|(?:=+|-+)\s*$|([-_*])(?:\s*\1){2,}\s*$|\||(?=[-:| \t]*\|)(?=[-:| \t]*-)[-:| \t]+$)/.test(
      text,
    )
  ) {
    return text.replace(/^(\s*)(\d{1,9})?(\S)/, (_m, space: string, digits: string | undefined, c: string) => `${space}${digits ?? ''}\\${c}`);
  }
  return text;
}

/** Characters of text that Markdown would take for markup, escaped (none inside words: snake_case stays). */
function escapeText(text: string): string {
  return (
    text
      .replace(/\\/g, '\\\\')
      .replace(/[*`<[\]]/g, '\\$&')
      .replace(/(^|[^A-Za-z0-9])_|_(?=[^A-Za-z0-9]|$)/g, (m) => m.replace('_', '\\_'))
      .replace(/&(?=[A-Za-z#][A-Za-z0-9]*;)/g, '\\&')
      // `~~` beside a word would strike it through (a line of tildes alone is left to escapeLineStart)
      .replace(/~~(?=[^\s~])|(?<=[^\s~\\])~~/g, '\\~\\~')
  );
}

/** A link as a person types it: the bare URL when its text is the URL, `[text](url)` otherwise. */
function link(text: string, href: string): string {
  if (!href || !/^(https?:|mailto:|ftp:)/i.test(href)) return text;
  const plain = text.replace(/\\(.)/g, '$1');
  const bare = (u: string) => u.replace(/^mailto:/i, '').replace(/\/$/, '');
  // Thunderbird links `<https://…>` with its brackets: the brackets stay text around the bare URL
  const bracketed = /^<(.+)>$/.exec(plain);
  if (bracketed && (bare(bracketed[1]) === bare(href) || bare(bracketed[1]) === bare(safeDecode(href)))) return `\\<${link(bracketed[1], href)}>`;
  if (!plain || bare(plain) === bare(href) || bare(plain) === bare(safeDecode(href))) {
    // a bare URL: as the writer wrote it (mailto: links as the address)
    return /^mailto:/i.test(href) ? href.slice(7) : plain && /^https?:|^ftp:/i.test(plain) ? plain : href;
  }
  const destination = /[\s()<>]/.test(href) ? `<${href.replace(/[<>]/g, encodeURIComponent)}>` : href;
  return `[${text}](${destination})`;
}

function safeDecode(s: string): string {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
}

/** Whether exporting the draft as `auto` would join the lines of one of its paragraphs. */
function joinsLines(markdown: string): boolean {
  if (!/\S\n[ \t>]*\S/.test(markdown)) return false;
  const report = parseReport(markdown);
  const joins = softBreakJoiner(report, 'auto');
  // (a paragraph without a soft break joins nothing: the joiner says so)
  return report.tokens.some((t) => t.type === 'inline' && joins(t));
}

function frontMatter(headers: Record<string, string | string[] | undefined>): string {
  const entries = Object.entries(headers).filter(
    (e): e is [string, string | string[]] => e[1] !== undefined && e[1] !== '' && !(Array.isArray(e[1]) && e[1].length === 0),
  );
  if (!entries.length) return '';
  return `---\n${yaml().writeYaml(Object.fromEntries(entries))}---\n\n`;
}

function childrenOf(node: Node): DefaultTreeAdapterMap['childNode'][] {
  if ('content' in node && node.nodeName === 'template') return [];
  return 'childNodes' in node ? node.childNodes : [];
}

function tag(node: Node): string | undefined {
  return 'tagName' in node ? node.tagName : undefined;
}

/** The text of a subtree as it stands (no Markdown escapes: for code). */
function rawText(node: Node): string {
  if (node.nodeName === '#text') return textOf(node);
  if (tag(node) === 'br') return ' ';
  return childrenOf(node).map(rawText).join('');
}

function textOf(node: Node): string {
  return 'value' in node ? String(node.value) : '';
}
