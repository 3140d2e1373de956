// The report's people: who is known (attendees, nicks the draft uses), and which owner is a typo
// of one (owner-unknown), as `midcycle check` and the Problems panel say it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyFixes, ownerCompletions, parseReport } from '../../../../src/core';
import { attendeesOf } from '../../../../src/core/people/attendees';
import { reportRoster } from '../../../../src/core/people/ownerRule';
import fc from 'fast-check';
import { allowedEdits, eachWord, editDistance, wordCounts } from '../../../../src/core/people/roster';
import { propertyOptions } from '../../helpers/propertyOptions';

const root = path.join(__dirname, '..', '..', '..', '..');
const flags = (md: string) =>
  parseReport(md)
    .diagnostics.filter((d) => d.code === 'owner-unknown')
    .map((d) => d.message.replace(/^The owner (\S+) .*$/, '$1') + (d.fix ? ` → ${d.fix.text}` : ''));

describe('the roster', () => {
  it('reads attendees as "Name (nick)", [nick], <nick>, @nick or a nick, from a list or a string', () => {
    assert.deepEqual(attendeesOf({ attendees: ['Mark McClain (mark)', 'Sean Mooney [sean-k-mooney]', '@fungi', 'Jay Bryant <jungleboyj>', 7] }), [
      { nick: 'mark', name: 'Mark McClain' },
      { nick: 'sean-k-mooney', name: 'Sean Mooney' },
      { nick: 'fungi' },
      { nick: 'jungleboyj', name: 'Jay Bryant' },
    ]);
    assert.deepEqual(attendeesOf({ participants: 'armax, Carl Baldwin (carl_baldwin); haleyb, "Lajos Katona (lajoskatona)"' }), [
      { nick: 'armax' },
      { nick: 'carl_baldwin', name: 'Carl Baldwin' },
      { nick: 'haleyb' },
      { nick: 'lajoskatona', name: 'Lajos Katona' },
    ]);
    assert.deepEqual(attendeesOf({ attendees: 12 }), []);
  });

  it('counts words as nicks are spelt, not in URLs, addresses, hosts, code or contractions', () => {
    const counts = wordCounts(
      "armax and Armax; @armax. https://review.openstack.org/#/q/owner:zzzz armax@example.org oslo.config `setTimeout` couldn't armax's",
    );
    assert.deepEqual(Object.fromEntries(counts), { armax: 4 });
  });

  it('offers the attendees first, then the owners and the nicks the draft uses twice or more, the most used first', () => {
    const md =
      '---\nattendees: ["Mark McClain (mark)", fungi]\n---\n\n- armax and haleyb met; armax to write the spec, sdague to review it.\n- Patches were merged.\n';
    assert.deepEqual(
      reportRoster(parseReport(md)).map((e) => [e.nick, e.mentions, e.attendee]),
      [
        ['mark', 2, true],
        ['fungi', 1, true],
        ['armax', 2, false],
        ['sdague', 1, false],
      ],
    );
  });
});

/** The words as the definition reads (eachWord's comment), one regular expression test a character: what the table scan must give. */
function wordsByDefinition(text: string, long: boolean): string[] {
  const out: string[] = [];
  const at = (i: number) => text[i] ?? '';
  const wordChar = (ch: string) => /^\w$/.test(ch);
  let i = 0;
  while (i < text.length) {
    if (at(i) === '`') {
      let j = i + 1;
      while (j < text.length && at(j) !== '\n') if (at(j++) === '`') break;
      i = j;
      continue;
    }
    if (!/^[A-Za-z_]$/.test(at(i))) {
      i++;
      continue;
    }
    const start = i;
    let end = i + 1;
    while (/^[\w\-|^]$/.test(at(end))) end++;
    i = end;
    if (end - start < (long ? 4 : 1)) continue;
    if ((at(end) === ':' && text.startsWith('//', end + 1)) || at(end) === '@' || (at(end) === '.' && wordChar(at(end + 1)))) {
      while (i < text.length && !/^\s$/.test(at(i))) i++;
      continue;
    }
    if (/^['’]$/.test(at(end)) && at(end + 1) === 't' && !wordChar(at(end + 2))) continue;
    if (/^['’]$/.test(at(start - 1)) && wordChar(at(start - 2))) continue;
    out.push(text.slice(start, end).replace(/-+$/, ''));
  }
  return out;
}

describe('the word scan', () => {
  it('gives the words the definition gives, on any text of the characters that matter', () => {
    const text = fc.string({
      unit: fc.constantFrom('a', 'B', 'z', '_', '1', '-', '|', '^', ' ', '\n', '\u00a0', '\u2003', ':', '/', '@', '.', "'", '’', 't', '`', 'é', '日'),
      maxLength: 60,
    });
    fc.assert(
      fc.property(text, fc.boolean(), (t, long) => {
        const got: string[] = [];
        eachWord(t, (w) => got.push(w), long);
        assert.deepEqual(got, wordsByDefinition(t, long));
      }),
      propertyOptions(2000),
    );
  });
});

describe('edits between nicks', () => {
  it('counts a letter added, dropped or changed, and two neighbours swapped, as one edit', () => {
    assert.equal(editDistance('arnax', 'armax', 2), 1);
    assert.equal(editDistance('amrax', 'armax', 2), 1);
    assert.equal(editDistance('armx', 'armax', 2), 1);
    assert.equal(editDistance('armaxx', 'armax', 2), 1);
    assert.equal(editDistance('sdague', 'sdake', 2), 2);
    assert.equal(editDistance('mriedem', 'armax', 2), 3, 'more than the most asked: max + 1');
  });

  it('allows none below four letters, one up to eight, two from nine', () => {
    assert.equal(allowedEdits('ttx', 'tts'), 0);
    assert.equal(allowedEdits('arnax', 'armax'), 1);
    assert.equal(allowedEdits('kevinbenton', 'kevinbentn'), 2);
    assert.equal(allowedEdits('kevinbenton', 'dims'), 0 + 1);
  });
});

describe('owner-unknown', () => {
  it('flags the reference draft once: arnax, fixed to armax; carl_baldwin, haleyb and mlavalle are named once and near no one', () => {
    const text = fs.readFileSync(path.join(root, 'examples', 'neutron-mitaka-midcycle.md'), 'utf8');
    const report = parseReport(text);
    assert.deepEqual(
      report.actions.map((a) => a.owner),
      ['carl_baldwin', 'haleyb', 'mlavalle', 'arnax'],
    );
    const [d, ...rest] = report.diagnostics;
    assert.deepEqual(rest, []);
    assert.equal(d.code, 'owner-unknown');
    assert.equal(d.severity, 'info');
    assert.equal(d.message, 'The owner arnax is named only here: did you mean armax (named 3 times in this report)?');
    const fixed = applyFixes(text, [d.fix!]).text;
    assert.equal(fixed, text.replace('arnax to respin', 'armax to respin'));
    assert.deepEqual(parseReport(fixed).diagnostics, []);
  });

  it('flags nothing in the wrapped fixtures and the examples but the reference', () => {
    const files = [
      ...fs.readdirSync(path.join(root, 'test', 'fixtures', 'wrapped')).map((f) => path.join(root, 'test', 'fixtures', 'wrapped', f)),
      path.join(root, 'examples', 'nova-ptg-summary.md'),
    ];
    for (const file of files) assert.deepEqual(flags(fs.readFileSync(file, 'utf8')), [], file);
  });

  it('finds a swap, a dropped letter and an extra one', () => {
    const known = 'armax and mriedem met; armax, mriedem and kevinbenton agreed; kevinbenton wrote it.\n\n';
    assert.deepEqual(flags(`${known}amrax to respin the patch.\n`), ['amrax → armax']);
    assert.deepEqual(flags(`${known}mriedm to rebase the series.\n`), ['mriedm → mriedem']);
    assert.deepEqual(flags(`${known}kevnbentn to write the spec.\n`), ['kevnbentn → kevinbenton']);
  });

  it('leaves two nicks alone when the draft uses both often: sdague and sdake are two people', () => {
    const md = '- sdague and sdake met.\n- sdague to review the spec.\n- sdake to write the kolla docs; sdague to approve.\n- sdake to tag the release.\n';
    assert.deepEqual(flags(md), []);
  });

  it('leaves an owner named once alone when no known nick is near (two edits at six letters are too many)', () => {
    assert.deepEqual(flags('- sdague and sdague met.\n- sdake to write the docs.\n'), []);
    assert.deepEqual(flags('- dansmith to review.\n- dims to write the docs.\n'), []);
  });

  it('never takes a short nick for a typo: most three-letter nicks are two edits from each other', () => {
    assert.deepEqual(flags('- ttx and ttx met.\n- tts to cut the release.\n'), []);
  });

  it('knows the attendees: an attendee named once is no typo, and an owner near an attendee is one', () => {
    const fm = '---\nattendees: ["Sean Dague (sdague)", "Steven Dake (sdake)"]\n---\n\n';
    assert.deepEqual(flags(`${fm}- sdake to write the docs.\n- sdague to review.\n`), []);
    assert.deepEqual(flags(`${fm}- sdagu to review.\n`), ['sdagu → sdague']);
    assert.equal(parseReport(`${fm}- sdagu to review.\n`).diagnostics[0].message, 'The owner sdagu is named only here: did you mean sdague (an attendee)?');
  });

  it('takes owners that differ only in case for one person', () => {
    assert.deepEqual(flags('- Armax met the team.\n- armax to respin the patch.\n- ARMAX to review.\n'), []);
  });

  it('weighs only people: a word used often near an owner is no nick it was meant for', () => {
    assert.deepEqual(flags('- The stake is high; the stake holders met.\n- sdake to write the docs.\n'), []);
  });

  it('names both when two known nicks are as near, with no fix', () => {
    const md = '- armax and armax met; arnay and arnay too.\n- arnax to respin the patch.\n';
    assert.deepEqual(flags(md), ['arnax']);
    assert.match(parseReport(md).diagnostics[0].message, /^The owner arnax is named only here: did you mean armax \(.*\) or arnay \(.*\)\?$/);
  });

  it('is information by default, and follows the severity setting', () => {
    const md = '- armax and armax met.\n- arnax to respin the patch.\n';
    assert.equal(parseReport(md, { severities: { 'owner-unknown': 'warning' } }).diagnostics[0].severity, 'warning');
    assert.deepEqual(parseReport(md, { severities: { 'owner-unknown': 'off' } }).diagnostics, []);
  });
});

describe('completing an owner', () => {
  const md = [
    '---',
    'attendees: ["Mark McClain (mark)", fungi]',
    '---',
    '',
    '- Gate: armax and haleyb met; armax to write the spec, haleyb to review it.',
    '- AI: ',
    '',
    '## Action items',
    '',
    '- ',
    '',
    '## Other business',
    '',
    '- ',
    '',
  ].join('\n');
  const report = parseReport(md);
  const offered = (line: number, prefix: string) => {
    const c = ownerCompletions(report, line, prefix);
    return c && [c.typed, c.roster.map((e) => e.nick)];
  };
  const roster = ['mark', 'fungi', 'armax', 'haleyb'];

  it('offers the roster after @, after an action marker, and in a list under "Action items"', () => {
    assert.deepEqual(offered(4, '- Gate: thanks to @ar'), ['ar', roster]);
    assert.deepEqual(offered(5, '- AI: '), ['', roster]);
    assert.deepEqual(offered(5, '- AI: armax, ha'), ['ha', roster]);
    assert.deepEqual(offered(5, '- TODO(fu'), ['fu', roster]);
    assert.deepEqual(offered(5, '- Rework the docs (action: '), ['', roster]);
    assert.deepEqual(offered(9, '- ha'), ['ha', roster]);
  });

  it('offers nothing where no owner is typed', () => {
    assert.equal(offered(13, '- ha'), undefined);
    assert.equal(offered(4, '- Gate: armax and haleyb met'), undefined);
    assert.equal(offered(4, 'see https://bugs.launchpad.net/'), undefined);
  });
});
