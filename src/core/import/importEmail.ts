// A sent report back into a Markdown draft: the email's HTML read as a reader sees it (readHtml.ts:
// lines, blank lines, list items and their nesting, quotes, code, links, whichever client wrote
// it) and written out as the Markdown a person would type (writeMarkdown.ts), which Midcycle's
// export turns back into the same email. A plain-text email is read as its lines, every character
// kept.
import { joinsAnyParagraph, LINE_BREAKS_KEY } from '../export/lineBreaks';
import { LineIndex } from '../model/lineIndex';
import { writeYaml } from './frontMatterYaml';
import { createMarkdown } from '../parse/markdown';
import { LIST_MARKER } from '../model/listMarker';
import { readHtml } from './readHtml';
import { escapeLineStart, escapeText, writeMarkdown } from './writeMarkdown';

const LIST_ITEM = new RegExp(String.raw`^(\s*${LIST_MARKER}\s+)(.*)$`);

/** The Markdown draft of an email's HTML body; `headers` (subject, to, cc, date) go into the front matter. */
export function importEmailHtml(html: string, headers: Record<string, string | string[] | undefined> = {}): string {
  const { markdown, paragraphs } = writeMarkdown(readHtml(html));
  // the email's lines are the lines the writer typed: when some would read as a wrapped paragraph
  // (and be joined: lineBreaks.ts), the draft says to keep them
  const joins = joinsAnyParagraph(new LineIndex(markdown), paragraphs);
  return frontMatter(joins ? { ...headers, [LINE_BREAKS_KEY]: 'keep' } : headers) + markdown;
}

/**
 * The Markdown draft of a plain-text email (a text/plain part, a .txt or .rst file, a list
 * archive's `<pre>`): each line as it was, its characters escaped where Markdown would read markup
 * (`<https://…>`, `Name <addr>`, `*`, `_`, a heading underline), its list items kept as list items,
 * its quoted lines (`> `, `>> `) quotes; indented lines that Markdown reads as code stay as they
 * are, code showing them verbatim.
 */
export function importEmailText(text: string, headers: Record<string, string | string[] | undefined> = {}): string {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''));
  const escaped: string[] = [];
  const original: string[] = []; // the line each escaped one came from
  let inList = false;
  let quoted = 0; // how deep the line before was quoted
  for (const whole of lines) {
    // a quoted line (`> `, `>> `, `> > `) is a quote: its markers would otherwise end up mid-line
    // when the export joins a wrapped paragraph ("…approve > it, and…")
    const quote = /^((?:>[ \t]?)+)/.exec(whole);
    const depth = quote ? (quote[1].match(/>/g) ?? []).length : 0;
    const l = quote ? whole.slice(quote[1].length) : whole;
    const prefix = '> '.repeat(depth);
    // a line after quoted ones, less deep: a blank line (at its depth) first, or Markdown runs it on in the quote
    if (depth < quoted && l) {
      escaped.push(prefix.trimEnd());
      original.push('');
    }
    quoted = depth;
    // `- - -` and `* * *` are rules drawn in text, not items
    const item = RULE.test(l) ? null : LIST_ITEM.exec(l);
    // a line at the margin after a list is not part of its last item (Markdown would run it on)
    if (l && !item && inList && !/^\s/.test(l)) {
      escaped.push(prefix.trimEnd());
      original.push('');
    }
    escaped.push(!l ? prefix.trimEnd() : prefix + (item ? item[1] + escapeLineStart(escapeText(item[2])) : escapeTextLine(l)));
    original.push(prefix + l);
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

/** A line of text as Markdown text: a separator of tildes escaped once (`\~~~~~~~`), other lines character by character. */
function escapeTextLine(line: string): string {
  return /^\s*~{3,}\s*$/.test(line) ? escapeLineStart(line) : escapeLineStart(escapeText(line));
}

/** A thematic break: three or more `-`, `*` or `_`, spaces between allowed. */
const RULE = /^\s*([-_*])(?:\s*\1){2,}\s*$/;

function frontMatter(headers: Record<string, string | string[] | undefined>): string {
  const entries = Object.entries(headers).filter(
    (e): e is [string, string | string[]] => e[1] !== undefined && e[1] !== '' && !(Array.isArray(e[1]) && e[1].length === 0),
  );
  if (!entries.length) return '';
  return `---\n${writeYaml(Object.fromEntries(entries))}---\n\n`;
}
