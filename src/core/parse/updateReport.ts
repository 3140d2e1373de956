// The report after an edit, without parsing the whole draft again: the top-level unit the edit
// falls in (a top-level list item, paragraph or heading) is parsed again on its own, checked to be
// the same kind of unit, and spliced into a new token stream; what follows it moves by the lines the
// edit added or removed. Anything that could change the document beyond that unit (fences,
// reference definitions and links, front matter, a recovered separator, deep nesting, several
// changes at once) is parsed whole instead, so the result is always what parseReport would give.
// The previous report stays as it was: a command may hold it across an await. The new one takes
// its tokens over (what it handed out, links, topics and action items, is copied when it moves,
// never changed), and the previous one, asked for what it has not read yet, parses its text again.
import { LineIndex } from '../model/lineIndex';
import { DEFAULT_LINK_HOSTS } from '../rules/linkHosts';
import type { LinkEnv } from './linkPlugin';
import { createMarkdown } from './markdown';
import type { Token } from '../model/markdownTypes';
import { getInlineFacts, setItemOutline } from './tokenFacts';
import { WellFormedLink } from './wellFormedLink';
import type { ActionItem, Link, Range, Report, Topic } from '../model/model';
import { assembleReport, handOverTokens, itemOutline, normaliseText, parseReport, type ItemOutline, type ReportOptions } from './parseReport';
import { LIST_MARKER } from '../model/listMarker';
import { mayLinkInPage } from './headingAnchors';

/** An edit as VS Code reports it: the range replaced, in the text before the edit, and the new text. */
export interface TextChange {
  range: Range;
  text: string;
}

/**
 * The report of `text`, the result of applying `changes` to the text of `previous`, which is left
 * as it was. With MIDCYCLE_CHECK_INCREMENTAL=1 in the environment, an incremental result is checked
 * against a full parse, and a difference throws.
 */
export function updateReport(previous: Report, text: string, changes: readonly TextChange[], options: ReportOptions = {}): Report {
  return updateReportIncrementally(previous, text, changes, options) ?? parseReport(text, options);
}

/**
 * As updateReport, but undefined where the edit needs the whole draft parsed again: the editor
 * leaves that parse off the keystroke's path, for when the views next ask.
 */
export function updateReportIncrementally(previous: Report, text: string, changes: readonly TextChange[], options: ReportOptions = {}): Report | undefined {
  const next = incremental(previous, text, changes, options);
  if (!next) return undefined;
  if (typeof process !== 'undefined' && process.env.MIDCYCLE_CHECK_INCREMENTAL === '1') {
    const [got, want] = [visible(next), visible(parseReport(text, options))];
    if (got !== want)
      throw new Error(`updateReport: the incremental result differs from a full parse after ${JSON.stringify(changes)}: ${firstDifference(got, want)}`);
  }
  return next;
}

/**
 * Everything a caller can read of a report, as text to compare: the tokens stand for the export
 * (the exporters render them; importing those here would put them in the extension's bundle).
 */
function visible(r: Report): string {
  const { text, lineCount, frontMatter, frontMatterRange, topics, links, actions, diagnostics, tokens } = r;
  // a token's meta holds what was worked out of it so far, which differs with what was read; and
  // whether a list is tight (`hidden` paragraphs) is the list's, which no exporter reads
  return JSON.stringify({ text, lineCount, frontMatter, frontMatterRange, topics, links, actions, diagnostics, tokens }, (key, value: unknown) =>
    key === 'meta' || key === 'hidden' ? undefined : value,
  );
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `…${a.slice(Math.max(0, i - 80), i + 80)}… where a full parse has …${b.slice(Math.max(0, i - 80), i + 80)}…`;
}

function incremental(previous: Report, text: string, changes: readonly TextChange[], options: ReportOptions): Report | undefined {
  if (changes.length !== 1 || previous.parse.recovered || text.charCodeAt(0) === 0xfeff || !sameOptions(previous, options)) return undefined;
  // a reference link's URL is located where it first stands in the whole draft (its definition,
  // before or after the edit), which a part cannot tell: a draft with definitions is parsed whole
  if (Object.keys(previous.parse.references).length) return undefined;
  // an in-page link (`[see](#next-steps)`) is checked against every heading of the draft: the same
  if (mayLinkInPage(text)) return undefined;
  const change = changes[0];
  const old = previous.tokens;
  const unit = findUnit(old, change.range.start.line, change.range.end.line);
  if (!unit) return undefined;
  const source = normaliseText(text);
  const lines = new LineIndex(source);
  const oldLines = previous.parse.lines;
  // counted in the texts, not in the change: a `\r` typed before a `\n` adds no line
  const delta = lines.lineCount - oldLines.lineCount;
  const start = unit.start;
  const end = unit.end + delta; // exclusive
  if (end <= start || end > lines.lineCount) return undefined;
  // the text around the unit is the same (else the change does not say where the edit is)
  const before = lines.starts[start];
  const after = offsetOf(lines, end);
  const oldAfter = offsetOf(oldLines, unit.end);
  if (before !== oldLines.starts[start] || source.length - after !== oldLines.text.length - oldAfter) return undefined;
  if (!source.startsWith(oldLines.text.slice(0, before)) || !source.endsWith(oldLines.text.slice(oldAfter))) return undefined;
  const oldSlice = oldLines.text.slice(oldLines.starts[start], oldAfter);
  const newSlice = source.slice(before, after);
  if (UNSAFE.test(oldSlice) || UNSAFE.test(newSlice)) return undefined;
  // blank lines decide which item a line belongs to and where lists end: when an edit changes
  // them inside the unit, the rest of the document may read differently
  if (blankLines(oldSlice) !== blankLines(newSlice)) return undefined;
  if (unit.kind === 'paragraph' && !(blankOrEdge(lines, start - 1) && blankOrEdge(lines, end))) return undefined;
  // the last item of a list could run on into what follows it (a lazy continuation line): only
  // when it still ends with a blank line, or the file, is it sure to end where it did
  const lastItem = unit.kind === 'item' && old[unit.tokenEnd]?.nesting === -1;
  // the first item of a list right under a line of text starts the list only while it may
  // interrupt that paragraph (not when empty, not when numbered other than 1): a question of context
  const firstItem = unit.kind === 'item' && old[unit.tokenStart - 1] === unit.list;
  if (firstItem && !blankOrEdge(lines, start - 1)) return undefined;
  // and an ordered list's first number is its start, kept on the list, outside the unit
  if (firstItem && unit.list!.type === 'ordered_list_open') return undefined;
  // an item whose marker moved in or out may belong to another item now, which it cannot tell alone
  // (its content column too: the spaces after the marker decide what nests under it)
  if (unit.kind === 'item' && markerPrefix(lines.lineText(start)) !== markerPrefix(oldLines.lineText(unit.start))) return undefined;
  // a blank line put before the unit belongs to the block above it (a list's end moves)
  if (lines.isBlank(start)) return undefined;
  // a paragraph or heading indented anew may continue the list item above it
  if (leadingSpace(lines.lineText(start)) !== leadingSpace(oldLines.lineText(unit.start))) return undefined;
  if (lastItem && end < lines.lineCount && !blankOrEdge(lines, end - 1)) return undefined;

  const env: { midcycle: LinkEnv; references: Report['parse']['references'] } = {
    midcycle: { hosts: previous.parse.hosts, problems: [] },
    references: {},
  };
  const md = createMarkdown();
  const mini = md.parse(newSlice, env);
  // nested as deep as markdown-it's limit: the full parse escapes the line and warns
  if ((env.midcycle.deepest ?? 0) >= (md.options.maxNesting ?? 100) - 2) return undefined;
  // a definition UNSAFE did not see
  if (Object.keys(env.references).length) return undefined;
  // markdown-it-front-matter reads a `---` on the slice's first line (in an item too) as front
  // matter, which it is only on the draft's first line
  if (mini.some((t) => t.type === 'front_matter')) return undefined;
  const inner = sameShape(mini, unit);
  if (!inner) return undefined;

  // the previous report's tokens are handed over (copying them all costs more than an update may),
  // the unit's replaced, and those after it moved when lines were added or removed
  handOverTokens(previous);
  const moveInner = mover(start);
  for (const t of inner) moveInner(t);
  // the list around an item ends where its last item does now
  if (unit.list?.map) unit.list.map[1] = lastItem ? inner[0].map![1] : unit.list.map[1] + delta;
  const rest = old.slice(unit.tokenEnd);
  if (delta) rest.forEach(mover(delta));
  const tokens = old.slice(0, unit.tokenStart).concat(inner, rest);
  const documentProblems = previous.parse.documentProblems.map((d) => {
    if (d.range.start.line < unit.end) return d;
    const copy = { ...d, range: movedRange(d.range, delta) };
    if (d.fix) copy.fix = { ...d.fix, range: movedRange(d.fix.range, delta) };
    return copy;
  });
  return assembleReport(text, tokens, lines, { ...previous.parse, source, lines, documentProblems });
}

/** The offset where a line starts (the text's length past its last line). */
function offsetOf(lines: LineIndex, line: number): number {
  return lines.starts[line] ?? lines.text.length;
}

/**
 * Lines that can change how the rest of the document parses: fences and reference definitions
 * (also a label that runs on to the next line), behind list markers and quotes too.
 */
const UNSAFE = new RegExp(String.raw`^[ \t>]*(?:${LIST_MARKER}[ \t]+[ \t>]*)*(?:\`\`\`|~~~|\[[^\n]*\]:|\[[^\]\n]*$)`, 'm');

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

/**
 * Moves tokens down by `lines`, in place: fresh ones, or ones the previous report handed over (it
 * parses its text again if it is read after). Their links, action items and item outlines may be
 * in what the previous report gave a caller already: those are copied, never changed. A kept item
 * outline is copied after the item's inline tokens, from their copies: a topic and its text still
 * share one link object, and it is copied once.
 */
function mover(lines: number): (token: Token) => void {
  // the copies made for the item whose outline waits, as pairs: an item holds a few
  const olds: object[] = [];
  const news: object[] = [];
  let waiting: { token: Token; outline: ItemOutline; left: number } | undefined;
  const copied = <T extends object>(o: T, copy: (o: T) => T): T => {
    const at = olds.indexOf(o);
    return at === -1 ? copy(o) : (news[at] as T);
  };
  const link = (l: Link): Link => {
    const c = { ...l, range: movedRange(l.range, lines) };
    if (l.problem?.fix) c.problem = { ...l.problem, fix: { ...l.problem.fix, range: movedRange(l.problem.fix.range, lines) } };
    if (waiting) {
      olds.push(l);
      news.push(c);
    }
    return c;
  };
  const action = (a: ActionItem): ActionItem => {
    const c = { ...a, range: movedRange(a.range, lines) };
    if (waiting) {
      olds.push(a);
      news.push(c);
    }
    return c;
  };
  const topic = (t: Topic): Topic => {
    const range = movedRange(t.range, lines);
    const selectionRange = t.selectionRange === t.range ? range : movedRange(t.selectionRange, lines);
    // a literal of the Topic's own shape: a spread makes a slower copy
    return {
      kind: t.kind,
      title: t.title,
      text: t.text,
      level: t.level,
      range,
      selectionRange,
      children: t.children.map(topic),
      links: t.links.map((l) => copied(l, link)),
      actions: t.actions.map((a) => copied(a, action)),
    };
  };
  return (token) => {
    // the item's closing token: its inline tokens are copied
    if (waiting && --waiting.left === 0) {
      const { outline } = waiting;
      setItemOutline(waiting.token, { ...outline, topic: topic(outline.topic), actions: outline.actions.map((a) => copied(a, action)) });
      waiting = undefined;
      olds.length = 0;
      news.length = 0;
    }
    if (!token.map) return;
    token.map[0] += lines;
    token.map[1] += lines;
    const facts = token.type === 'inline' ? getInlineFacts(token) : undefined;
    if (facts) {
      if (facts.links.length) facts.links = facts.links.map(link);
      // a well-formed link not yet made was never handed out: it moves itself
      if (facts.found) facts.found = facts.found.map((f) => (f instanceof WellFormedLink ? ((f.line += lines), f) : link(f)));
      if (facts.actions?.length) facts.actions = facts.actions.map(action);
    }
    const outline = token.type === 'list_item_open' ? itemOutline(token) : undefined;
    if (outline) waiting = { token, outline, left: outline.span };
  };
}

function movedRange(r: Range, lines: number): Range {
  return { start: { line: r.start.line + lines, character: r.start.character }, end: { line: r.end.line + lines, character: r.end.character } };
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

/**
 * An item line's indentation, marker and spaces up to its content, as lengths, and whether it has
 * content: `2:1:1:true`. (An item that starts empty ends at a blank line, and its content column
 * is the marker's and one space: what nests under it changes with it.)
 */
const MARKER_PREFIX = new RegExp(String.raw`^([ \t]*)(${LIST_MARKER})([ \t]*)`);

function markerPrefix(line: string): string {
  const m = MARKER_PREFIX.exec(line);
  return m ? `${m[1].length}:${m[2].length}:${m[3].length}:${m[0].length < line.length}` : 'none';
}

function blankOrEdge(lines: LineIndex, line: number): boolean {
  return line < 0 || line >= lines.lineCount || lines.lineText(line).trim() === '';
}

/** The options of the previous parse, omitted ones being the defaults (as parseReport reads them). */
function sameOptions(previous: Report, options: ReportOptions): boolean {
  const hosts = options.hosts ?? DEFAULT_LINK_HOSTS;
  return (
    JSON.stringify(hosts) === JSON.stringify(previous.parse.options.hosts) &&
    JSON.stringify(options.severities ?? {}) === JSON.stringify(previous.parse.options.severities)
  );
}
