// The report after an edit, without parsing the whole draft again: the top-level unit the edit
// falls in (a top-level list item, paragraph or heading) is parsed again on its own, checked to be
// the same kind of unit, and spliced into the token stream; what follows it moves by the lines the
// edit added or removed. Anything that could change the document beyond that unit (fences,
// reference definitions, front matter, a recovered separator, several changes at once) is parsed
// whole instead, so the result is always what parseReport would give.
import { LineIndex } from './lineIndex';
import type { LinkEnv } from './linkPlugin';
import { createMarkdown } from './markdown';
import type { Token } from './markdownTypes';
import { foundLinks, type InlineFacts } from './inlineFacts';
import { WellFormedLink } from './wellFormedLink';
import type { Range, Report, Topic } from './model';
import { assembleReport, itemOutline, normaliseText, parseReport, type ReportOptions } from './parseReport';

/** An edit as VS Code reports it: the range replaced, in the text before the edit, and the new text. */
export interface TextChange {
  range: Range;
  text: string;
}

/**
 * The report of `text`, the result of applying `changes` to the text of `previous`. `previous` is
 * consumed: its tokens move into the new report.
 */
export function updateReport(previous: Report, text: string, changes: readonly TextChange[], options: ReportOptions = {}): Report {
  const whole = () => parseReport(text, options);
  if (changes.length !== 1 || previous.parse.recovered || text.charCodeAt(0) === 0xfeff || !sameOptions(previous, options)) return whole();
  const change = changes[0];
  const first = change.range.start.line;
  const last = change.range.end.line;
  const delta = countNewlines(change.text) - (last - first);

  const unit = findUnit(previous.tokens, first, last);
  if (!unit) return whole();
  const source = normaliseText(text);
  const lines = new LineIndex(source);
  const oldLines = previous.parse.lines;
  const start = unit.start;
  const end = unit.end + delta; // exclusive
  if (end <= start || end > lines.lineCount) return whole();
  const oldSlice = sliceLines(oldLines, unit.start, unit.end);
  const newSlice = sliceLines(lines, start, end);
  if (UNSAFE.test(oldSlice) || UNSAFE.test(newSlice)) return whole();
  // blank lines decide which item a line belongs to and where lists end: when an edit changes
  // them inside the unit, the rest of the document may read differently
  if (blankLines(oldSlice) !== blankLines(newSlice)) return whole();
  if (unit.kind === 'paragraph' && !(blankOrEdge(lines, start - 1) && blankOrEdge(lines, end))) return whole();
  // the last item of a list could run on into what follows it (a lazy continuation line): only
  // when it still ends with a blank line, or the file, is it sure to end where it did
  const lastItem = unit.kind === 'item' && previous.tokens[unit.tokenEnd]?.nesting === -1;
  // the first item of a list right under a line of text starts the list only while it may
  // interrupt that paragraph (not when empty, not when numbered other than 1): a question of context
  const firstItem = unit.kind === 'item' && previous.tokens[unit.tokenStart - 1] === unit.list;
  if (firstItem && !blankOrEdge(lines, start - 1)) return whole();
  // and an ordered list's first number is its start, kept on the list, outside the unit
  if (firstItem && unit.list!.type === 'ordered_list_open') return whole();
  // an item whose marker moved in or out may belong to another item now, which it cannot tell alone
  // (its content column too: the spaces after the marker decide what nests under it)
  if (unit.kind === 'item' && markerPrefix(lines.lineText(start)) !== markerPrefix(oldLines.lineText(unit.start))) return whole();
  // a paragraph or heading indented anew may continue the list item above it
  if (leadingSpace(lines.lineText(start)) !== leadingSpace(oldLines.lineText(unit.start))) return whole();
  if (lastItem && end < lines.lineCount && !blankOrEdge(lines, end - 1)) return whole();

  const env: { midcycle: LinkEnv; references: Report['parse']['references'] } = {
    midcycle: { hosts: previous.parse.options.hosts, problems: [] },
    references: previous.parse.references,
  };
  const mini = createMarkdown().parse(newSlice, env);
  const inner = sameShape(mini, unit);
  if (!inner) return whole();

  // `previous` is consumed: its tokens, ranges and facts move in place (no copy of a large draft)
  for (const t of inner) shift(t, start);
  const tokens = previous.tokens;
  if (delta) for (let i = unit.tokenEnd; i < tokens.length; i++) shift(tokens[i], delta);
  tokens.splice(unit.tokenStart, unit.tokenEnd - unit.tokenStart, ...inner);
  const documentProblems = previous.parse.documentProblems.map((d) => (d.range.start.line >= unit.end ? { ...d, range: moved(d.range, delta), fix: d.fix && { ...d.fix, range: moved(d.fix.range, delta) } } : d));
  return assembleReport(text, tokens, lines, { ...previous.parse, source, lines, documentProblems });
}

/** Lines that can change how the rest of the document parses: fences and reference definitions, also behind list markers and quotes. */
const UNSAFE = /^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+[ \t>]*)*(?:```|~~~|\[[^\]\n]+\]:)/m;

interface Unit {
  kind: 'item' | 'paragraph' | 'heading';
  /** First line and the line after the unit. */
  start: number;
  end: number;
  tokenStart: number;
  /** Index after the unit's last token. */
  tokenEnd: number;
  /** For an item: the list's opening token, whose type and marker the new item must keep. */
  list?: Token;
}

/** The top-level unit whose lines hold lines first..last, if one does. */
function findUnit(tokens: readonly Token[], first: number, last: number): Unit | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.level !== 0 || t.nesting === -1 || !t.map) continue;
    const [s, e] = t.map;
    if (e <= first) {
      i = closing(tokens, i);
      continue;
    }
    if (s > first || last >= e) return undefined;
    if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open') {
      for (let j = i + 1; j < tokens.length && tokens[j].level >= 1; j++) {
        const item = tokens[j];
        if (item.type !== 'list_item_open' || item.level !== 1 || !item.map) continue;
        const [is, ie] = item.map;
        if (is <= first && last < ie) return { kind: 'item', start: is, end: ie, tokenStart: j, tokenEnd: closing(tokens, j) + 1, list: t };
      }
      return undefined;
    }
    if (t.type === 'paragraph_open' || t.type === 'heading_open') {
      return { kind: t.type === 'paragraph_open' ? 'paragraph' : 'heading', start: s, end: e, tokenStart: i, tokenEnd: closing(tokens, i) + 1 };
    }
    return undefined;
  }
  return undefined;
}

/** The index of the token that closes the one at `i` (itself for a token that opens nothing). */
function closing(tokens: readonly Token[], i: number): number {
  if (tokens[i].nesting !== 1) return i;
  let depth = 0;
  for (let j = i; j < tokens.length; j++) {
    depth += tokens[j].nesting;
    if (depth === 0) return j;
  }
  return tokens.length - 1;
}

/** The tokens of the unit parsed again, when it is still one unit of the same kind. */
function sameShape(mini: Token[], unit: Unit): Token[] | undefined {
  if (unit.kind === 'item') {
    const list = unit.list!;
    const open = mini[0];
    if (mini.length < 4 || open.type !== list.type || open.markup !== list.markup || mini[mini.length - 1].nesting !== -1) return undefined;
    if (closing(mini, 0) !== mini.length - 1) return undefined;
    const items = mini.filter((t) => t.type === 'list_item_open' && t.level === 1);
    return items.length === 1 ? mini.slice(1, -1) : undefined;
  }
  const opener = unit.kind === 'paragraph' ? 'paragraph_open' : 'heading_open';
  return mini.length === 3 && mini[0].type === opener ? mini : undefined;
}

/** Moves a token, its inline facts, a kept item outline and their ranges down by `lines`, in place. */
function shift(token: Token, lines: number): void {
  if (token.map) {
    token.map[0] += lines;
    token.map[1] += lines;
  }
  const outline = token.type === 'list_item_open' ? itemOutline(token) : undefined;
  // its links and action items are those of its inline tokens, which move with them
  if (outline) shiftTopic(outline.topic, lines);
  const facts = token.meta as InlineFacts | null;
  if (token.type !== 'inline' || !facts) return;
  for (const link of foundLinks(token)) {
    if (link instanceof WellFormedLink) {
      link.line += lines;
      continue;
    }
    shiftRange(link.range, lines);
    // a fix's range is the link's own object only when it covers the link alone
    if (link.problem?.fix && link.problem.fix.range !== link.range) shiftRange(link.problem.fix.range, lines);
  }
  // action items not yet worked out are found later from the shifted token, where they now are
  for (const action of facts.actions ?? []) shiftRange(action.range, lines);
}

function shiftTopic(topic: Topic, lines: number): void {
  shiftRange(topic.range, lines);
  if (topic.selectionRange !== topic.range) shiftRange(topic.selectionRange, lines);
  for (const child of topic.children) shiftTopic(child, lines);
}

function shiftRange(r: Range, lines: number): void {
  r.start.line += lines;
  if (r.end !== r.start) r.end.line += lines;
}

function moved(r: Range, lines: number): Range {
  return { start: { line: r.start.line + lines, character: r.start.character }, end: { line: r.end.line + lines, character: r.end.character } };
}

function sliceLines(lines: LineIndex, start: number, end: number): string {
  const from = lines.starts[start] ?? lines.text.length;
  const to = lines.starts[end] ?? lines.text.length;
  return lines.text.slice(from, to);
}

/** Where a text's blank lines are: inside it (as a flag) and how many end it. */
function blankLines(text: string): string {
  const trailing = /(?:\n[ \t]*)*$/.exec(text.replace(/\n$/, ''))![0];
  const body = text.slice(0, text.length - trailing.length);
  return `${/\n[ \t]*\n/.test(body)}:${trailing.split('\n').length}`;
}

function leadingSpace(line: string): string {
  return /^[ \t]*/.exec(line)![0];
}

/** An item line's indentation, marker and spaces up to its content, as lengths: `2:-:1`. */
function markerPrefix(line: string): string {
  const m = /^([ \t]*)([-*+]|\d{1,9}[.)])([ \t]*)/.exec(line);
  return m ? `${m[1].length}:${m[2].length}:${m[3].length}` : 'none';
}

function blankOrEdge(lines: LineIndex, line: number): boolean {
  return line < 0 || line >= lines.lineCount || lines.lineText(line).trim() === '';
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10 || (c === 13 && s.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

function sameOptions(previous: Report, options: ReportOptions): boolean {
  const hosts = options.hosts ?? previous.parse.options.hosts;
  return JSON.stringify(hosts) === JSON.stringify(previous.parse.options.hosts) && JSON.stringify(options.severities ?? {}) === JSON.stringify(previous.parse.options.severities);
}
