// Diagnostics held while a line is typed (src/extension/typingHold.ts): what the Problems panel shows
// at each moment of typing a link, with the clock handed in.
import * as assert from 'node:assert/strict';
import { parseReport, type Diagnostic } from '../../../src/core';
import { HOLD_MS, TypingHold } from '../../../src/extension/typingHold';

const doc = 'file:///draft.md';
const codes = (ds: readonly Diagnostic[]) => ds.map((d) => `${d.code}@${d.range.start.line}`);
const typed = (line: string) => parseReport(`- Old: https://bugs.launchpad.net/nova/+bugs/1\n${line}\n`).diagnostics;

describe('diagnostics held while a line is typed', () => {
  it("holds a new diagnostic of the line being typed until a pause of HOLD_MS; other lines' show at once", () => {
    const hold = new TypingHold();
    assert.deepEqual(codes(hold.filter(doc, typed('- New:'), 0).show), ['bug-plural@0']);
    hold.edit(doc, { start: 1, oldEnd: 1, newEnd: 1 }, 1000);
    const { show, recheckIn } = hold.filter(doc, typed('- New: https://bugs.launchpad.net/nova/+bugs/2'), 1100);
    assert.deepEqual(codes(show), ['bug-plural@0'], 'the half-typed link waits');
    assert.equal(recheckIn, HOLD_MS - 100);
    assert.deepEqual(codes(hold.filter(doc, typed('- New: https://bugs.launchpad.net/nova/+bugs/2'), 1000 + HOLD_MS).show), ['bug-plural@0', 'bug-plural@1']);
  });

  it('keeps showing a diagnostic the line had, and lets one that is fixed go at once', () => {
    const hold = new TypingHold();
    hold.filter(doc, typed('- New: https://bugs.launchpad.net/nova/+bugs/2'), 0);
    hold.edit(doc, { start: 1, oldEnd: 1, newEnd: 1 }, 5000);
    assert.deepEqual(codes(hold.filter(doc, typed('- New: https://bugs.launchpad.net/nova/+bugs/23'), 5050).show), ['bug-plural@0', 'bug-plural@1']);
    hold.edit(doc, { start: 1, oldEnd: 1, newEnd: 1 }, 5100);
    assert.deepEqual(codes(hold.filter(doc, typed('- New: https://bugs.launchpad.net/nova/+bug/23'), 5150).show), ['bug-plural@0']);
  });

  it('follows the lines an edit adds or removes above a shown diagnostic', () => {
    const hold = new TypingHold();
    const before = parseReport('- A\n- https://bugs.launchpad.net/nova/+bugs/1\n').diagnostics;
    hold.filter(doc, before, 0);
    // a line added at the top: the diagnostic is on line 2 now, and was shown: not held
    hold.edit(doc, { start: 0, oldEnd: 0, newEnd: 1 }, 100);
    const after = parseReport('- Z\n- A\n- https://bugs.launchpad.net/nova/+bugs/1\n').diagnostics;
    assert.deepEqual(codes(hold.filter(doc, after, 150).show), ['bug-plural@2']);
  });
});
