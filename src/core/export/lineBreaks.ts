// How the draft's line breaks become the email's: where a line of a paragraph ends in the source
// (a soft break), the email either ends its line too or runs on with a space.
// - `markdown`: every soft break is a space, as CommonMark and VS Code's preview read it;
// - `keep`: every line of the draft is a line of the email, as typed into Gmail's composer;
// - `auto` (the default): a hard-wrapped paragraph (a line of it ends near the width the draft is
//   wrapped at, where the next word would not have fitted, or mid-sentence) is joined, as in
//   `markdown`; a paragraph of deliberately short lines ("Cheers,⏎Armando", an address) keeps them.
// Hard breaks (two spaces or a backslash at a line's end) are line ends in every mode.
import type { LineIndex } from '../model/lineIndex';
import type { Token } from '../model/markdownTypes';
import type { Report } from '../model/model';

export type LineBreaks = 'auto' | 'markdown' | 'keep';

export const LINE_BREAKS: readonly LineBreaks[] = ['auto', 'markdown', 'keep'];

/** The front matter key a draft says it with: `line-breaks: markdown`. */
export const LINE_BREAKS_KEY = 'line-breaks';

export function isLineBreaks(value: unknown): value is LineBreaks {
  return typeof value === 'string' && (LINE_BREAKS as readonly string[]).includes(value);
}

/** The draft's own `line-breaks:` when it has a valid one, else `fallback` (a setting or a flag). */
export function lineBreaksOf(report: Report, fallback: LineBreaks = 'auto'): LineBreaks {
  const own = report.frontMatter[LINE_BREAKS_KEY];
  return isLineBreaks(own) ? own : fallback;
}

/** Width assumed when a draft has too few wrapped lines to tell its own. */
const DEFAULT_WRAP_WIDTH = 80;
/** The narrowest a few lines are taken to be wrapped at: a mail's 72 columns. */
const MAIL_WIDTH = 72;
/** Lines at least this long tell the width a draft is wrapped at. */
const MIN_EVIDENCE = 40;
/** Drafts are wrapped somewhere in this range (72, 79, 80, 100…); beyond it lines are typed long. */
const MIN_WRAP_WIDTH = 60;
const MAX_WRAP_WIDTH = 100;

/**
 * For `mode`, a function that says whether a paragraph's soft breaks join its lines. `auto` works
 * out the width the draft is wrapped at when it first meets a paragraph of several lines.
 * (Headings always join: a heading is one line of the email.)
 */
export function softBreakJoiner(report: Report, mode: LineBreaks): (inline: Token) => boolean {
  if (mode === 'markdown') return () => true;
  if (mode === 'keep') return () => false;
  const lines = report.parse.lines;
  let width: number | undefined;
  let evidence: boolean | undefined;
  return (inline) => {
    if (!inline.map || inline.map[1] - inline.map[0] < 2 || !hasSoftBreak(inline)) return false;
    if (width === undefined) [width, evidence] = wrapWidth(inlineLines(report.tokens), lines);
    return looksWrapped(inline.map, lines, width, evidence);
  };
}

/** The lines of the tokens' inline content that spans lines (paragraphs). */
function inlineLines(tokens: readonly Token[]): (readonly number[])[] {
  const maps: (readonly number[])[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === 'inline' && t.map && t.map[1] - t.map[0] >= 2) maps.push(t.map);
  }
  return maps;
}

/**
 * Whether `auto` would join the lines of one of a Markdown text's paragraphs, given where they are
 * (lines `start` to `end`, each paragraph with a soft break in it): the importer's question, asked
 * of the draft it writes without parsing it again.
 */
export function joinsAnyParagraph(lines: LineIndex, paragraphs: readonly (readonly [number, number])[]): boolean {
  if (!paragraphs.length) return false;
  const [width, evidence] = wrapWidth(paragraphs, lines);
  return paragraphs.some((map) => looksWrapped(map, lines, width, evidence));
}

function hasSoftBreak(inline: Token): boolean {
  const children = inline.children ?? [];
  for (let i = 0; i < children.length; i++) if (children[i].type === 'softbreak') return true;
  return false;
}

/**
 * A line's end column as its writer wrapped it: indentation and markers included, a link's
 * destination left out (`[text](url)`: writers wrap by the text and let a URL run over).
 */
function visibleLine(text: string): string {
  const trimmed = text.trimEnd();
  return trimmed.includes('](') ? trimmed.replace(/\]\([^()\s]*(?:\([^()\s]*\))?[^()\s]*\)/g, ']') : trimmed;
}

function endColumn(text: string): number {
  return visibleLine(text).length;
}

/**
 * The width the draft is wrapped at: most lines that a paragraph continues after (of 40 columns or
 * more) end at or below it (the 90th percentile of their end columns, within 60–100 columns); and
 * whether its own lines show it (three or more of them).
 */
function wrapWidth(paragraphs: readonly (readonly number[])[], lines: LineIndex): [number, boolean] {
  const ends: number[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const map = paragraphs[i];
    if (map[1] - map[0] < 2) continue;
    for (let line = map[0]; line < map[1] - 1; line++) {
      // a short line says nothing of the width: a wrap leaves lines near it
      const end = endColumn(lines.lineText(line));
      if (end >= MIN_EVIDENCE && end <= MAX_WRAP_WIDTH + 20) ends.push(end);
    }
  }
  ends.sort((a, b) => a - b);
  // too few to tell a width from: the longest of them (an editor's wrap leaves its lines near the
  // width), but not under a mail's 72; or the usual 80 when there is none
  const width =
    ends.length === 0
      ? DEFAULT_WRAP_WIDTH
      : ends.length < 3
        ? Math.max(MAIL_WIDTH, ends[ends.length - 1])
        : ends[Math.min(ends.length - 1, Math.floor(ends.length * 0.9))];
  return [Math.min(MAX_WRAP_WIDTH, Math.max(MIN_WRAP_WIDTH, width)), ends.length >= 3];
}

/**
 * Whether a paragraph's lines were wrapped by an editor or by hand: some line of it ends where the
 * next word would not have fitted, or near the draft's width, or in the middle of a sentence (the
 * next line goes on in lower case, or the line ends on "the", "and", "to"…). A paragraph of lines
 * that each end a phrase ("Cheers,⏎Armando", an address, a signature) was broken on purpose.
 */
function looksWrapped(map: readonly number[], lines: LineIndex, width: number, evidence = true): boolean {
  for (let line = map[0]; line < map[1] - 1; line++) {
    const text = lines.lineText(line);
    const next = lines.lineText(line + 1);
    // a signature's "-- " and lines of "Label: value" ("Dates: …⏎Place: …") are typed as lines
    if (/^\s*--\s*$/.test(text) || /^\s*--\s*$/.test(next)) return false;
    if (LABELLED_LINE.test(text) && LABELLED_LINE.test(next)) continue;
    if (isFullLine(text, next, width, evidence) || endsMidSentence(text, next)) return true;
  }
  return false;
}

/** A line that labels its value: "Dates: 9-10 March", "Etherpad: https://…". */
const LABELLED_LINE = /^[\s>*-]*[A-Z][\w ./()-]{0,24}:\s+\S/;

/**
 * Whether a line ends where a wrap would end it: the next word would not have fitted within the
 * width, or (when the draft shows a width of its own) it ends near it; or it is longer, and only an
 * unbreakable last word (a URL) runs over. A label before what it labels ("Links:") is no wrap.
 */
function isFullLine(text: string, next: string, width: number, evidence: boolean): boolean {
  const end = endColumn(text);
  // a short line: a label ("Links:", "Patches up for review:") or a name before its URL
  const short = visibleLine(text).trim().length < SHORT_LINE;
  if (short && /:\s*$/.test(text)) return false;
  // a URL on a line of its own (a list of them): what follows says whether the sentence goes on
  if (LONE_URL.test(text)) return false;
  if (end > width + 10) {
    const lastSpace = visibleLine(text).search(/\s\S*$/);
    return lastSpace !== -1 && lastSpace <= width;
  }
  if (evidence && end >= Math.floor(width * 0.8)) return true;
  if (short && LONE_URL.test(next)) return false;
  const nextWord = /\S+/.exec(next)?.[0] ?? '';
  return end + 1 + nextWord.length > width;
}

const LONE_URL = /^[\s>*-]*<?(?:https?:\/\/|www\.)\S*\s*$/;

/** Shorter than this, a line is a label, a name, a greeting: typed as a line of its own. */
const SHORT_LINE = 30;

/** Greetings and sign-offs that stand on a line of their own. */
const SIGN_OFF = /^(?:cheers|thanks|thank you|many thanks|regards|best|best regards|kind regards|br|hth|hi|hello|hey|dear|ciao)\b[\w ]*[,!:]?$/i;

/** Words a sentence does not end on. */
const OPEN_WORDS =
  /(?:^|\s)(?:the|a|an|and|or|but|of|to|in|on|at|by|for|from|with|into|about|as|is|are|was|were|be|that|which|this|these|our|their|its|we|not)$/i;

export function endsMidSentence(text: string, next: string): boolean {
  const line = text.trimEnd();
  if (/[.!?:]["')\]*_]*$/.test(line)) return false;
  // a greeting or a sign-off before a name, which may be a nick in lower case ("Cheers,⏎gibi")
  if (line.trim().length <= SHORT_LINE && (line.endsWith(',') || SIGN_OFF.test(line.trim()))) return false;
  // a URL on the next line is where a writer puts one, wrapped or not
  if (/^[\s>]*(?:<?https?:\/\/|www\.)/.test(next)) return OPEN_WORDS.test(line);
  // short lines going on in lower case are a list of names or a signature ("gibi⏎melwitt"),
  // unless one stops on a word no sentence ends with; a short line before a long one is a term
  // and what it says ("Goals for Pike⏎have this notification system in place.")
  if (line.trim().length < SHORT_LINE && next.trim().length < 40) return OPEN_WORDS.test(line);
  // the next line goes on in lower case, past a link's bracket or emphasis ("[the next part](…)")
  return /^[\s>]*[[*_`"'(]*\p{Ll}/u.test(next) || OPEN_WORDS.test(line);
}
