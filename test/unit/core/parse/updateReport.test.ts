// The incremental update gives exactly what a full parse of the edited text gives: topics, links,
// action items, diagnostics and the exported email, for any edit anywhere; and the report it was
// given reads as it did before, whatever a caller had read of it (a command holds one across an await).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { propertyOptions } from '../../helpers/propertyOptions';
import { DEFAULT_LINK_HOSTS, parseReport, updateReport, type Report, type TextChange } from '../../../../src/core';
import { apply, changes, checkingIncremental, snapshot, visible } from '../../helpers/edits';

const root = path.join(__dirname, '..', '..', '..', '..');
const drafts = [
  fs.readFileSync(path.join(root, 'examples', 'neutron-mitaka-midcycle.md'), 'utf8'),
  fs.readFileSync(path.join(root, 'examples', 'nova-ptg-summary.md'), 'utf8'),
  // from ../shared/bench/make-report.mjs 25 --bad-links: front matter, an escaped separator, malformed links
  fs.readFileSync(path.join(root, 'test', 'fixtures', 'reports', 'generated-25.md'), 'utf8'),
  '# Day one\n\nIntro paragraph with https://review.openstack.org/#/c/1/.\n\n- A: x\n  - a.1 https://bugs.launchpad.net/nova/+bugs/2\n- B\n\n## Later\n\n1. one\n2. two armax to fix it\n',
];

/** Reads some of what a caller can read (links, topics, the export), as the editor would have before an edit. */
function readSome(report: Report, reads: readonly boolean[]): void {
  if (reads[0]) void report.links;
  if (reads[1]) void report.topics;
  if (reads[2]) void report.diagnostics;
  if (reads[3]) visible(report);
}

const reads = fc.array(fc.boolean(), { minLength: 4, maxLength: 4 });

describe('updateReport', () => {
  for (const [i, draft] of drafts.entries()) {
    const before = snapshot(parseReport(draft));
    it(`matches a full parse after any edit, and the report it was given stays as it was (draft ${i + 1})`, () => {
      fc.assert(
        fc.property(changes(draft), reads, reads, (edit, readBefore, readAfter) => {
          const after = apply(draft, edit);
          const previous = parseReport(draft);
          readSome(previous, readBefore);
          const incremental = updateReport(previous, after, edit);
          // the new report read first, or the previous one: neither changes the other
          readSome(incremental, readAfter);
          assert.deepEqual(visible(previous), before);
          assert.deepEqual(visible(incremental), visible(parseReport(after)));
        }),
        propertyOptions(150),
      );
    });
  }

  it('matches a full parse over a run of edits, each on the last result, and every report of the run stays as it was', () => {
    // the tokens too (what the exporters render), through the debug check
    checkingIncremental(() =>
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 8 }), fc.infiniteStream(fc.nat()), fc.infiniteStream(reads), (count, seeds, readings) => {
          let text = drafts[3];
          let report = parseReport(text);
          const held: [Report, ReturnType<typeof snapshot>][] = [];
          for (let k = 0; k < count; k++) {
            const [edit] = fc.sample(changes(text), { numRuns: 1, seed: seeds.next().value });
            text = apply(text, edit);
            // as in the editor: the tree reads some results, kept in part by the next update
            readSome(report, readings.next().value);
            held.push([report, snapshot(parseReport(report.text))]);
            report = updateReport(report, text, edit);
          }
          assert.deepEqual(visible(report), visible(parseReport(text)));
          for (const [r, seen] of held) assert.deepEqual(visible(r), seen);
        }),
        { ...propertyOptions(300), numRuns: Math.ceil(propertyOptions(300).numRuns / 3) },
      ),
    );
  });

  it('warns of lines nested past what Markdown reads, and keeps their text, as a full parse does', () => {
    const draft = drafts[3];
    const line = draft.split('\n').indexOf('- B');
    const edit: TextChange[] = [{ range: { start: { line, character: 2 }, end: { line, character: 2 } }, text: `${'- '.repeat(60)}deep text ` }];
    const incremental = updateReport(parseReport(draft), apply(draft, edit), edit);
    assert.ok(incremental.diagnostics.some((d) => d.code === 'nesting-too-deep' && d.range.start.line === line));
    assert.match(visible(incremental).email, /deep text/);
    assert.deepEqual(visible(incremental), visible(parseReport(apply(draft, edit))));
  });

  it('reads options left out as the defaults, as a full parse does', () => {
    const draft = '- A https://pad.example.org/p/notes\n- B\n- C\n';
    const hosts = { ...DEFAULT_LINK_HOSTS, etherpad: ['pad.example.org'] };
    const edit: TextChange[] = [{ range: { start: { line: 1, character: 3 }, end: { line: 1, character: 3 } }, text: 'x' }];
    const incremental = updateReport(parseReport(draft, { hosts }), apply(draft, edit), edit);
    assert.deepEqual(
      incremental.links.map((l) => l.kind),
      ['other'],
    );
    assert.deepEqual(visible(incremental), visible(parseReport(apply(draft, edit))));
  });

  it("keeps the text of a last item that ends in --- (front matter only on the draft's first line)", () => {
    const draft = '# Day one\n\n- A: x\n- B';
    const previous = parseReport(draft);
    void previous.topics;
    const edit: TextChange[] = [{ range: { start: { line: 3, character: 3 }, end: { line: 3, character: 3 } }, text: '---' }];
    const incremental = updateReport(previous, apply(draft, edit), edit);
    assert.deepEqual(
      incremental.topics[0].children.map((t) => t.title),
      ['A', 'B---'],
    );
    assert.deepEqual(visible(incremental), visible(parseReport(apply(draft, edit))));
  });

  it("locates a reference link's URL in its definition, wherever the edit moves it", () => {
    const draft = '- A see [ref]\n- B\n- C\n\n[ref]: https://review.openstack.org/#/c/1/\n';
    const edit: TextChange[] = [{ range: { start: { line: 1, character: 3 }, end: { line: 1, character: 3 } }, text: '\n  more' }];
    const incremental = updateReport(parseReport(draft), apply(draft, edit), edit);
    assert.deepEqual(
      incremental.links.map((l) => l.range.start.line),
      [5],
    );
    assert.deepEqual(visible(incremental), visible(parseReport(apply(draft, edit))));
  });

  it('nests the lines under an empty item that gets a text, as a full parse does', () => {
    const draft = '- A\n\n- \n\n    - nested https://review.openstack.org/#/c/1/\n';
    const edit: TextChange[] = [{ range: { start: { line: 2, character: 2 }, end: { line: 2, character: 2 } }, text: 'B' }];
    const incremental = updateReport(parseReport(draft), apply(draft, edit), edit);
    assert.equal(incremental.topics[1].range.end.line, 4);
    assert.deepEqual(visible(incremental), visible(parseReport(apply(draft, edit))));
  });

  it('with MIDCYCLE_CHECK_INCREMENTAL=1, says where an incremental result differs from a full parse', () => {
    const draft = drafts[3];
    const previous = parseReport(draft);
    // a report whose links no longer match its text: what a bug in the update would leave
    previous.links[0].url = 'https://tampered.example.org/';
    const line = draft.split('\n').indexOf('- B');
    const edit: TextChange[] = [{ range: { start: { line, character: 3 }, end: { line, character: 3 } }, text: 'x' }];
    assert.throws(() => checkingIncremental(() => updateReport(previous, apply(draft, edit), edit)), /differs from a full parse.*tampered/s);
  });

  it('re-reads only the edited item: a one-line edit keeps the other tokens', () => {
    const draft = drafts[0];
    const previous = parseReport(draft);
    const before = previous.tokens.slice(0, 40);
    const line = draft.split('\n').findIndex((l) => l.startsWith('  - L3 HA'));
    const change: TextChange = { range: { start: { line, character: 6 }, end: { line, character: 6 } }, text: 'X' };
    const next = updateReport(previous, apply(draft, [change]), [change]);
    assert.ok(
      before.every((t, i) => next.tokens[i] === t),
      'the tokens before the edit are the same objects',
    );
    assert.equal(next.topics[3].children[1].title, 'L3X HA');
  });
});
