// The loop between two reports: the last report's action items as a draft follows them up (done,
// mentioned), what the `previous:` line says, and Carry Over's edit, against the reference draft.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyFixes, carryOverEdit, followUpDiagnostics, followUps, parseReport, previousOf, type FactsResult, type Link } from '../../../../src/core';

const root = path.join(__dirname, '..', '..', '..', '..');
const reference = parseReport(fs.readFileSync(path.join(root, 'examples', 'neutron-mitaka-midcycle.md'), 'utf8'));
const draft = (body: string, previous = '../2016-mitaka.md') => parseReport(`---\nsubject: Newton mid-cycle report\nprevious: ${previous}\n---\n\n${body}`);

describe('follow-ups', () => {
  it("read the last report from the front matter's previous:, a path relative to the draft, its line the diagnostics' place", () => {
    const report = draft('- Gate: all green.\n');
    assert.deepEqual(previousOf(report), { path: '../2016-mitaka.md', range: { start: { line: 2, character: 0 }, end: { line: 2, character: 27 } } });
    assert.equal(previousOf(parseReport('- Gate: all green.\n')), undefined, 'no front matter, no last report');
    assert.equal(previousOf(draft('Hi\n', 'https://example.org/last.md')), undefined, 'an address is no path to read');
    assert.equal(previousOf(draft('Hi\n', 'C:\\reports\\2016.md'))?.path, 'C:\\reports\\2016.md');
  });

  it("are the reference draft's four action items, with their lines there, open and unmentioned in an unrelated draft", () => {
    const ups = followUps(reference, draft('- Gate: all green.\n'));
    assert.deepEqual(
      ups.map((u) => [u.owner, u.text, u.range.start.line + 1, u.done, u.mentioned]),
      [
        ['carl_baldwin', 'put up model proposal', 44, false, false],
        ['haleyb', 'follow up with code', 44, false, false],
        ['mlavalle', 'track nova development and put notes together', 62, false, false],
        ['arnax', 'respin https://review.openstack.org/#/c/281628/ for updates', 76, false, false],
      ],
    );
  });

  it('are mentioned where one paragraph or item names the owner with a word of the task or a link of it, not by the owner or the words alone', () => {
    const report = draft(
      [
        '- L3: carl_baldwin posted the model proposal for gateway ports.',
        '- Gate: mlavalle is out this week.',
        '- Cells: tracking of nova development goes on.',
        '- Stadium: arnax respun https://review.opendev.org/c/openstack/governance/+/281628 as asked.',
        '',
      ].join('\n'),
    );
    const mentioned = Object.fromEntries(followUps(reference, report).map((u) => [u.owner, u.mentioned]));
    // a word of the task ("proposal", "model"); the same change under another address; the owner alone, the words alone: no
    assert.deepEqual(mentioned, { carl_baldwin: true, haleyb: false, mlavalle: false, arnax: true });
  });

  it('are done when ticked off there, or, with link facts, when every change the task links has merged', () => {
    const last = parseReport('## Action items\n\n- [x] @maria cut the 2.4 branch\n- [ ] @li_wei publish the changelog\n');
    assert.deepEqual(
      followUps(last, draft('Hi\n')).map((u) => [u.owner, u.done]),
      [
        ['maria', true],
        ['li_wei', false],
      ],
    );
    const merged =
      (status: string) =>
      (l: Link): FactsResult | undefined =>
        l.review?.change === 281628 ? { state: 'found', facts: { kind: 'review', status } } : undefined;
    const arnax = (status: string) => followUps(reference, draft('Hi\n'), merged(status)).find((u) => u.owner === 'arnax')!;
    assert.equal(arnax('MERGED').done, true);
    assert.equal(arnax('NEW').done, false);
    // an item that links no change is never done by link facts
    assert.equal(followUps(reference, draft('Hi\n'), merged('MERGED')).find((u) => u.owner === 'haleyb')!.done, false);
  });

  it("list an item the last report says twice (the minutes' topic, then their list) once, where it is first", () => {
    const minutes = parseReport(
      '- DMB\n  - ACTION: rbasak will send out the private removal emails (rbasak, 20:45)\n\nAction items\n\n- rbasak will send out the private removal emails\n',
    );
    assert.equal(minutes.actions.length, 2);
    assert.deepEqual(
      followUps(minutes, draft('Hi\n')).map((u) => [u.owner, u.text, u.range.start.line]),
      [['rbasak', 'send out the private removal emails', 1]],
    );
  });

  it('say on the previous: line how many open items the draft leaves unmentioned, once; nothing when none is left', () => {
    const report = draft('- L3: carl_baldwin posted the model proposal.\n');
    const [d] = followUpDiagnostics(report, previousOf(report)!, followUps(reference, report));
    assert.equal(d.code, 'follow-ups-open');
    assert.equal(d.severity, 'info');
    assert.equal(d.range.start.line, 2);
    assert.equal(d.message, '3 open action items of the last report are not mentioned in this draft: say what became of them, or carry them over.');
    const ticked = parseReport('- [x] @maria cut the 2.4 branch\n');
    assert.deepEqual(followUpDiagnostics(report, previousOf(report)!, followUps(ticked, report)), []);
  });

  it('say so when the last report cannot be read', () => {
    const report = draft('Hi\n');
    const [d] = followUpDiagnostics(report, previousOf(report)!, undefined, 'no such file');
    assert.deepEqual([d.code, d.severity, d.message], ['previous-unreadable', 'warning', 'The last report (../2016-mitaka.md) cannot be read: no such file.']);
  });
});

describe('Carry Over Open Action Items', () => {
  it('inserts the open items as a task list under "Action items from the last report", which the draft reads as its action items, once', () => {
    const text = '---\nprevious: ../2016-mitaka.md\n---\n\nHi all,\n\n- Gate: all green.\n';
    const report = parseReport(text);
    const carry = carryOverEdit(report, followUps(reference, report))!;
    assert.equal(carry.count, 4);
    const after = applyFixes(text, [carry.edit]).text;
    assert.equal(
      after,
      [
        '---',
        'previous: ../2016-mitaka.md',
        '---',
        '',
        'Hi all,',
        '',
        '- Gate: all green.',
        '',
        '## Action items from the last report',
        '',
        '- [ ] carl_baldwin to put up model proposal',
        '- [ ] haleyb to follow up with code',
        '- [ ] mlavalle to track nova development and put notes together',
        '- [ ] arnax to respin https://review.openstack.org/#/c/281628/ for updates',
        '',
      ].join('\n'),
    );
    const carried = parseReport(after);
    assert.deepEqual(
      carried.actions.map((a) => [a.owner, a.text, a.done]),
      reference.actions.map((a) => [a.owner, a.text, undefined]),
    );
    // every item now mentioned: the diagnostic goes; a second carry-over has nothing to add
    const ups = followUps(reference, carried);
    assert.ok(ups.every((u) => u.mentioned));
    assert.deepEqual(followUpDiagnostics(carried, previousOf(carried)!, ups), []);
    assert.equal(carryOverEdit(carried, ups), undefined);
  });

  it('adds only what is missing under an existing heading, and never a done item', () => {
    const text = '## Action items from the last report\n\n- [ ] haleyb to follow up with code\n\n## Gate\n\nAll green.\n';
    const report = parseReport(text);
    const ups = followUps(reference, report).map((u) => (u.owner === 'mlavalle' ? { ...u, done: true } : u));
    const carry = carryOverEdit(report, ups)!;
    assert.equal(carry.count, 2);
    assert.equal(
      applyFixes(text, [carry.edit]).text,
      '## Action items from the last report\n\n- [ ] haleyb to follow up with code\n- [ ] carl_baldwin to put up model proposal\n- [ ] arnax to respin https://review.openstack.org/#/c/281628/ for updates\n\n## Gate\n\nAll green.\n',
    );
  });

  it('writes a task as text: Markdown in it stays the characters it was', () => {
    const last = parseReport('- AI: slaweq to fix `*foo*` and <b>bar</b> [soon]\n');
    const text = 'Hi\n';
    const carry = carryOverEdit(parseReport(text), followUps(last, parseReport(text)))!;
    const after = parseReport(applyFixes(text, [carry.edit]).text);
    assert.deepEqual(
      after.actions.map((a) => [a.owner, a.text]),
      last.actions.map((a) => [a.owner, a.text]),
    );
  });
});
