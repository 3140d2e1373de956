// The front matter's header values, checked as the draft is read: each is one line, since a line
// break would end the header and start another, such as `Bcc:`. Small on purpose: it runs on every
// parse, in the extension's own bundle; the message's other checks (a date that cannot be read,
// addresses, no subject) are the mail code's, made when a message is written (messageHeaders.ts).
import type { DocumentProblem } from '../rules/documentRules';
import type { LineIndex } from '../model/lineIndex';
import type { FrontMatter } from '../model/model';

/** What cannot be in a header: CR, LF, and the other controls (NUL…), NEL, U+2028, U+2029. */
export const NOT_IN_HEADER = /[\0-\x08\n-\x1f\x7f\x85\u2028\u2029]/;

/** The front matter's keys that become headers (`title:` when there is no `subject:`). */
export const HEADER_KEYS = ['subject', 'title', 'to', 'cc', 'from', 'date'];

/** The line of a key in the front matter (lines `first` to `end`, its `---` lines included), else its first. */
export function keyLine(key: string, lines: LineIndex, first: number, end: number): number {
  for (let l = first + 1; l < end; l++) if (new RegExp(`^["']?${key}["']?\\s*:`).test(lines.lineText(l))) return l;
  return first;
}

/** A header value with a line break in it (surrounding white space aside: YAML's `>` ends with one). */
export function headerLineBreaks(fm: FrontMatter, lines: LineIndex, first: number, end: number): DocumentProblem[] {
  const broken = (v: unknown) => typeof v === 'string' && NOT_IN_HEADER.test(v.trim());
  // (`title:` is a header only when `subject:` is absent or empty, as messageHeaders has it)
  return HEADER_KEYS.filter((key) => !(key === 'title' && fm.subject != null && fm.subject !== '') && [fm[key]].flat().some(broken)).map((key) => ({
    code: 'header-line-break',
    range: lines.linesRange(keyLine(key, lines, first, end), keyLine(key, lines, first, end)),
    message: `The "${key}:" has a line break or control character in it: a header is one line (a break would start another, such as "Bcc:"). Write it on one line.`,
  }));
}
