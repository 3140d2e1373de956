// Text as Markdown that shows it as itself: what a person typed, a pad or the minutes said, an
// action item's task. Escapes only where Markdown would read markup (snake_case stays), and keeps
// an address whole, so that it stays a link. A leaf: writeMarkdown.ts (the import), meetingNotes.ts
// and the follow-ups' carry-over write through it.
import { trimTrailing } from './urlScanner';

/**
 * A line of text that Markdown would read as something else: a list item, a heading, a quote, a
 * rule or separator (`~~~~~~~`, which would open a code block), a setext underline, a table. Its
 * first character is escaped, so that it stays the text it was. (A line that opens with a code
 * span of three backticks or more is no fence: its other backticks close the span.)
 */
export function escapeLineStart(text: string): string {
  if (
    /^\s*(?:[-*+](?:\s|$)|\d{1,9}[.)](?:\s|$)|#{1,6}(?:\s|$)|>|~{3,}|`{3,}[^`]*$|(?:=+|-+)\s*$|([-_*])(?:\s*\1){2,}\s*$|\||(?=[-:| \t]*\|)(?=[-:| \t]*-)[-:| \t]+$)/.test(
      text,
    )
  ) {
    return text.replace(/^(\s*)(\d{1,9})?(\S)/, (_m, space: string, digits: string | undefined, c: string) => `${space}${digits ?? ''}\\${c}`);
  }
  return text;
}

/**
 * Characters of text that Markdown would take for markup, escaped (none inside words: snake_case
 * stays); a no-break space as `&nbsp;`, which Markdown keeps at a line's ends too.
 */
export function escapeText(text: string, inTable = false): string {
  const out = text
    .replace(/\\/g, '\\\\')
    .replace(/[*`<[\]]/g, '\\$&')
    .replace(/(^|[^A-Za-z0-9])_|_(?=[^A-Za-z0-9]|$)/g, (m) => m.replace('_', '\\_'))
    .replace(/&(?=[A-Za-z#][A-Za-z0-9]*;)/g, '\\&')
    // `~~` would strike through: a tilde beside another, or at the text's edge (beside another's)
    .replace(/~(?=~)|(?<=~)~|^~|~$/g, '\\~')
    .replace(/\u00a0/g, '&nbsp;');
  return inTable ? out.replace(/\|/g, '\\|') : out;
}

/** An http(s) address in text, to its end (trailing punctuation is the sentence's). */
const WEB_ADDRESS = /https?:\/\/[^\s<>"]+/gi;

/** A run of text as Markdown: its words escaped, its addresses kept whole (see urlText). */
export function markdownText(text: string): string {
  let out = '';
  let from = 0;
  for (const m of text.matchAll(WEB_ADDRESS)) {
    const url = trimTrailing(m[0]);
    out += escapeText(text.slice(from, m.index)) + urlText(url);
    from = m.index + url.length;
  }
  return out + escapeText(text.slice(from));
}

/** An address as Markdown that reads it back whole: bare, or in `<…>` when it holds what Markdown would take for markup. */
export function urlText(url: string): string {
  return /[*_`<>[\]\\]|~~/.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url;
}
