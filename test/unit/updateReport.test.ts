// The incremental update gives exactly what a full parse of the edited text gives: topics, links,
// action items, diagnostics and the exported email, for any edit anywhere.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { propertyOptions } from './helpers/propertyOptions';
import { exportEmail, LineIndex, parseReport, updateReport, type Report, type TextChange } from '../../src/core';

const root = path.join(__dirname, '..', '..');
const drafts = [
  fs.readFileSync(path.join(root, 'examples', 'neutron-mitaka-midcycle.md'), 'utf8'),
  fs.readFileSync(path.join(root, 'examples', 'nova-ptg-summary.md'), 'utf8'),
  // from ../shared/bench/make-report.mjs 25 --bad-links: front matter, an escaped separator, malformed links
  fs.readFileSync(path.join(root, 'test', 'fixtures', 'reports', 'generated-25.md'), 'utf8'),
  '# Day one\n\nIntro paragraph with https://review.openstack.org/#/c/1/.\n\n- A: x\n  - a.1 https://bugs.launchpad.net/nova/+bugs/2\n- B\n\n## Later\n\n1. one\n2. two armax to fix it\n',
];

/** What a reader of the report sees: everything but the parse's internals. */
function visible(r: Report) {
  return { topics: r.topics, links: r.links, actions: r.actions, diagnostics: r.diagnostics, frontMatter: r.frontMatter, lineCount: r.lineCount, email: exportEmail(r) };
}

function apply(text: string, change: TextChange): string {
  const lines = new LineIndex(text);
  return text.slice(0, lines.offsetAt(change.range.start)) + change.text + text.slice(lines.offsetAt(change.range.end));
}

const edit = (text: string) => {
  const lines = new LineIndex(text);
  const position = fc.integer({ min: 0, max: lines.lineCount - 1 }).chain((line) =>
    fc.integer({ min: 0, max: lines.lineText(line).length }).map((character) => ({ line, character })),
  );
  const inserted = fc.oneof(
    fc.constantFrom('x', ' ', 'armax to fix it', 'https://bugs.launchpad.net/neutron/+bugs/1', ': ', '\n', '\n- new item', '\n\n', '  - ', '# ', '`', '**', '[a](https://x.org/)', '~~~', '\\'),
    fc.string({ maxLength: 6 }),
  );
  return fc.tuple(position, fc.integer({ min: 0, max: 12 }), inserted).map(([start, removed, insert]): TextChange => {
    const offset = Math.min(lines.offsetAt(start) + removed, text.length);
    return { range: { start, end: lines.positionAt(offset) }, text: insert };
  });
};

describe('updateReport', () => {
  for (const [i, draft] of drafts.entries()) {
    it(`matches a full parse after any edit (draft ${i + 1})`, () => {
      fc.assert(
        // the tree has read the topics before the edit (top-level items keep their outline) or not
        fc.property(edit(draft), fc.boolean(), (change, read) => {
          const after = apply(draft, change);
          const previous = parseReport(draft);
          if (read) void previous.topics;
          const incremental = updateReport(previous, after, [change]);
          assert.deepEqual(visible(incremental), visible(parseReport(after)));
        }),
        propertyOptions(300),
      );
    });
  }

  it('matches a full parse over a run of edits, each on the last result', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.infiniteStream(fc.nat()), fc.infiniteStream(fc.boolean()), (count, seeds, reads) => {
        let text = drafts[3];
        let report = parseReport(text);
        for (let k = 0; k < count; k++) {
          const [change] = fc.sample(edit(text), { numRuns: 1, seed: seeds.next().value });
          text = apply(text, change);
          // as in the editor: the tree reads some results' topics, kept in part by the next update
          if (reads.next().value) void report.topics;
          report = updateReport(report, text, [change]);
        }
        assert.deepEqual(visible(report), visible(parseReport(text)));
      }),
      { ...propertyOptions(300), numRuns: Math.ceil(propertyOptions(300).numRuns / 3) },
    );
  });

  it('re-reads only the edited item: a one-line edit keeps the other tokens', () => {
    const draft = drafts[0];
    const previous = parseReport(draft);
    const before = previous.tokens.slice(0, 40);
    const line = draft.split('\n').findIndex((l) => l.startsWith('  - L3 HA'));
    const change: TextChange = { range: { start: { line, character: 6 }, end: { line, character: 6 } }, text: 'X' };
    const next = updateReport(previous, apply(draft, change), [change]);
    assert.ok(before.every((t, i) => next.tokens[i] === t), 'the tokens before the edit are the same objects');
    assert.equal(next.topics[3].children[1].title, 'L3X HA');
  });
});
