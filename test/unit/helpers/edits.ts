// Edits as an editor makes them, for the incremental update's properties: typing, pasting and
// deleting anywhere, across lines and items, in LF and CRLF drafts; what reaches the parts of the
// document an edit can change beyond its own lines (fences, reference definitions, front matter,
// nesting deeper than Markdown reads); now and then several changes at once (multiple cursors).
import fc from 'fast-check';
import { exportEmail, exportText, LineIndex, type Position, type Report, type TextChange } from '../../../src/core';

/** Everything a caller can read of a report, as plain data: what must not change, or must match. */
export function visible(r: Report) {
  return {
    text: r.text,
    lineCount: r.lineCount,
    frontMatter: r.frontMatter,
    frontMatterRange: r.frontMatterRange,
    topics: r.topics,
    links: r.links,
    actions: r.actions,
    diagnostics: r.diagnostics,
    email: exportEmail(r),
    plain: exportText(r),
  };
}

/** A deep copy of what a caller reads, to compare with later. */
export function snapshot(r: Report): ReturnType<typeof visible> {
  return structuredClone(visible(r));
}

/** The text after the changes, each range in the text before them, applied last first (as VS Code sends them). */
export function apply(text: string, changes: readonly TextChange[]): string {
  const lines = new LineIndex(text);
  let out = text;
  for (const change of [...changes].sort((a, b) => lines.offsetAt(b.range.start) - lines.offsetAt(a.range.start))) {
    out = out.slice(0, lines.offsetAt(change.range.start)) + change.text + out.slice(lines.offsetAt(change.range.end));
  }
  return out;
}

const deep = (marker: string) => fc.integer({ min: 30, max: 70 }).map((n) => `${marker.repeat(n)}deep`);

/** Text an edit puts in. */
export const inserted = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      'x',
      ' ',
      'armax to fix it',
      'https://bugs.launchpad.net/neutron/+bugs/1',
      ': ',
      '\n',
      '\n- new item',
      '\n\n',
      '  - ',
      '# ',
      '`',
      '**',
      '[a](https://x.org/)',
      '~~~',
      '\\',
      '1. ',
      '**rloo** to review it',
    ),
  },
  { weight: 2, arbitrary: fc.string({ maxLength: 6 }) },
  // deep nesting: markdown-it drops the rest of the line past its limit, Midcycle warns
  deep('- '),
  deep('> '),
  deep('1. ').map((s) => `\n${s}`),
  // fences, reference definitions and front matter change how the rest of the draft reads
  fc.constantFrom('```', '```\ncode\n```', '~~~~~~~', '\n~~~~~~~\n', '    indented code'),
  fc.constantFrom(
    '[ref]: https://bugs.launchpad.net/nova/+bug/1\n',
    '\n[ref]: https://review.openstack.org/#/c/1/',
    'see [ref]',
    '[multi\nline]: https://x.org/',
    '[multi\nline]',
  ),
  fc.constantFrom('---\nsubject: Report\n---\n', '---\n', '---', 'attendees: [rloo]\n'),
  // several lines at once, and line ends of either kind
  fc.constantFrom(
    '\n- A: x\n  - a.1 https://bugs.launchpad.net/nova/+bugs/2\n- B\n',
    'one\ntwo\nthree',
    '\r\n',
    'x\r\ny',
    '\r\n- crlf item\r\n',
    '\r',
    '\n\n## Later\n\n',
  ),
  fc
    .array(fc.constantFrom('- ', '  - ', 'text ', 'https://review.opendev.org/c/openstack/nova/+/2', '\n', '\r\n', '> ', '# '), { maxLength: 8 })
    .map((parts) => parts.join('')),
);

/** A position VS Code could report: a line, and a column within its text (never inside a line end). */
function position(lines: LineIndex, line: number, column: number): Position {
  const l = Math.max(0, Math.min(line, lines.lineCount - 1));
  return { line: l, character: Math.min(column, lines.lineText(l).length) };
}

/** One change: a range from anywhere to up to a few lines on (across items, blocks, the front matter), and the text put there. */
export function change(text: string): fc.Arbitrary<TextChange> {
  const lines = new LineIndex(text);
  return fc
    .tuple(fc.nat(lines.lineCount - 1), fc.nat(200), fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, fc.nat(5)), fc.nat(200), fc.nat(16), inserted)
    .map(([line, column, lineSpan, endColumn, removed, insert]) => {
      const start = position(lines, line, column);
      // within the line: up to `removed` characters; across lines: to a column of a later line
      let end = lineSpan === 0 ? position(lines, line, start.character + removed) : position(lines, line + lineSpan, endColumn);
      if (end.line === start.line && end.character < start.character) end = start; // the last line reached
      return { range: { start, end }, text: insert };
    });
}

/** The changes of one edit: mostly one, sometimes two that do not overlap (in document order, last first). */
export function changes(text: string): fc.Arbitrary<TextChange[]> {
  const lines = new LineIndex(text);
  const offset = (p: Position) => lines.offsetAt(p);
  return fc.oneof(
    { weight: 9, arbitrary: change(text).map((c) => [c]) },
    fc.tuple(change(text), change(text)).map(([a, b]) => {
      const [first, second] = offset(a.range.start) <= offset(b.range.start) ? [a, b] : [b, a];
      if (offset(first.range.end) > offset(second.range.start)) return [first];
      return [second, first];
    }),
  );
}

/** Runs `fn` with MIDCYCLE_CHECK_INCREMENTAL=1: each incremental update is also checked token by token against a full parse. */
export function checkingIncremental<T>(fn: () => T): T {
  const saved = process.env.MIDCYCLE_CHECK_INCREMENTAL;
  process.env.MIDCYCLE_CHECK_INCREMENTAL = '1';
  try {
    return fn();
  } finally {
    if (saved === undefined) delete process.env.MIDCYCLE_CHECK_INCREMENTAL;
    else process.env.MIDCYCLE_CHECK_INCREMENTAL = saved;
  }
}
