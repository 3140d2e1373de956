// The report model a writer sees in the outline: topics with short titles, links, action items and
// front matter, from the example draft of the reference email and from small drafts.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { exportText, parseReport, type Topic } from '../../../../src/core';

const example = fs.readFileSync(path.join(__dirname, '..', '..', '..', '..', 'examples', 'neutron-mitaka-midcycle.md'), 'utf8');
const titles = (topics: Topic[]) => topics.map((t) => t.title);

describe('parseReport: the reference email', () => {
  const report = parseReport(example);

  it('finds the ten topics of the reference email, titled as a reader would', () => {
    assert.deepEqual(titles(report.topics), [
      'Neutron-lib',
      'Routed-networks',
      'Troubleshooting',
      'Usability and stability fixes',
      'CI jobs cleanup',
      'Nova integration aspects',
      'OpenStack client transition plan',
      'OVN and OVS integration',
      'API docs and docs in general',
      'Stadium',
    ]);
  });

  it('nests sub-topics, and keeps link-only items as links of the topic above them', () => {
    const usability = report.topics[3];
    assert.deepEqual(titles(usability.children), ['MTU cleanups', 'L3 HA', 'Reduce IP consumptions for router gateway ports…']);
    const mtu = usability.children[0];
    assert.deepEqual(mtu.children, []);
    assert.deepEqual(
      mtu.links.map((l) => l.kind),
      ['bug', 'bug', 'review', 'review', 'review', 'review', 'review'],
    );
    assert.deepEqual(
      mtu.links.map((l) => l.bug?.id ?? l.review?.change),
      [1542108, 1542475, 283798, 285532, 284818, 283790, 284814],
    );
    const routed = report.topics[1].children[0];
    // the URL in the title reads as the change it names
    assert.equal(routed.title, 'Develpment started as per specification change 225384');
    assert.deepEqual(titles(routed.children), ['Client patches', 'Segment extension', 'segments / host mapping']);
  });

  it('finds all 23 links, classified, with their source positions', () => {
    assert.equal(report.links.length, 23);
    const kinds = report.links.reduce<Record<string, number>>((acc, l) => ({ ...acc, [l.kind]: (acc[l.kind] ?? 0) + 1 }), {});
    assert.deepEqual(kinds, { etherpad: 3, review: 15, bug: 4, blueprint: 1 });
    const l3 = report.links.find((l) => l.review?.change === 282876)!;
    assert.equal(l3.review?.patchset, '14');
    const line = example.split('\n')[l3.range.start.line];
    assert.equal(line.slice(l3.range.start.character, l3.range.end.character), 'https://review.openstack.org/#/c/282876/14');
  });

  it('finds the four action items, and not "armax intends to" nor "Richard and armax sat down to"', () => {
    assert.deepEqual(
      report.actions.map((a) => [a.owner, a.text]),
      [
        ['carl_baldwin', 'put up model proposal'],
        ['haleyb', 'follow up with code'],
        ['mlavalle', 'track nova development and put notes together'],
        ['arnax', 'respin https://review.openstack.org/#/c/281628/ for updates'],
      ],
    );
    const carl = report.actions[0];
    const line = example.split('\n')[carl.range.start.line];
    assert.equal(line.slice(carl.range.start.character, carl.range.end.character), 'carl_baldwin to put up model proposal');
  });

  it('reads the front matter', () => {
    assert.deepEqual(report.frontMatter, { subject: 'Neutron Mitaka mid-cycle report', to: 'openstack-dev@lists.openstack.org' });
  });

  it('has one diagnostic: the owner arnax, a typo of armax (named three times besides)', () => {
    const at = { start: { line: 75, character: 110 }, end: { line: 75, character: 115 } };
    assert.deepEqual(report.diagnostics, [
      {
        range: at,
        severity: 'info',
        code: 'owner-unknown',
        message: 'The owner arnax is named only here: did you mean armax (named 3 times in this report)?',
        fix: { range: at, text: 'armax' },
      },
    ]);
  });
});

describe('parseReport: topics', () => {
  it('makes headings topics, with their lists and sub-headings beneath them', () => {
    const r = parseReport('# Day one\n\n- QoS: done\n- DVR\n\n## Breakout\n\n- OVN\n\n# Day two\n\nProse only.\n');
    assert.deepEqual(titles(r.topics), ['Day one', 'Day two']);
    assert.deepEqual(titles(r.topics[0].children), ['QoS', 'DVR', 'Breakout']);
    assert.deepEqual(titles(r.topics[0].children[2].children), ['OVN']);
    assert.deepEqual([r.topics[0].range.start.line, r.topics[0].range.end.line], [0, 7]);
    assert.deepEqual([r.topics[1].range.start.line, r.topics[1].range.end.line], [9, 11]);
  });

  it('keeps other extra front matter keys', () => {
    const r = parseReport('---\nsubject: S\ncc: [a@x.org, b@x.org]\nattendees: 12\n---\n- T\n');
    assert.deepEqual(r.frontMatter, { subject: 'S', cc: ['a@x.org', 'b@x.org'], attendees: 12 });
  });

  it('reports front matter that is not YAML, and keeps reading the draft', () => {
    const r = parseReport('---\nsubject: [unclosed\n---\n- Topic\n');
    assert.equal(r.diagnostics[0]?.code, 'front-matter-invalid');
    assert.deepEqual(titles(r.topics), ['Topic']);
  });

  it('says when front matter is never closed', () => {
    const r = parseReport('---\nsubject: S\n\n- Topic\n');
    assert.equal(r.diagnostics[0]?.code, 'front-matter-unclosed');
  });

  it('does not take links in code for links', () => {
    const r = parseReport('- Topic `https://bugs.launchpad.net/neutron/+bugs/1` here\n\n```\nhttps://review.openstack.org/#/c/12x/\n```\n');
    assert.deepEqual(r.links, []);
    assert.deepEqual(r.diagnostics, []);
  });

  it('leaves trailing punctuation and brackets out of a URL', () => {
    const r = parseReport('- See (https://review.openstack.org/#/c/283798/), and https://bugs.launchpad.net/neutron/+bug/1507499.\n');
    assert.deepEqual(
      r.links.map((l) => l.raw),
      ['https://review.openstack.org/#/c/283798/', 'https://bugs.launchpad.net/neutron/+bug/1507499'],
    );
    assert.deepEqual(r.diagnostics, []);
  });

  it('gives exact ranges for links on continuation lines and in block quotes', () => {
    const text = '- Topic with a long line\n  that goes on https://review.openstack.org/#c/1234/ here\n\n> quoted bugs.launchpad.net/nova/+bug/99999\n';
    const r = parseReport(text);
    const lines = text.split('\n');
    assert.deepEqual(
      r.diagnostics.map((d) => [d.code, lines[d.range.start.line].slice(d.range.start.character, d.range.end.character)]),
      [
        ['review-missing-slash', 'https://review.openstack.org/#c/1234/'],
        ['link-missing-scheme', 'bugs.launchpad.net/nova/+bug/99999'],
      ],
    );
  });

  it('reads the links in table cells as any other: listed under their topic, and checked', () => {
    const text =
      '## Reviews\n\n| change | bug |\n| --- | --- |\n| https://review.openstack.org/#/c/1234/ | [the bug](https://bugs.launchpad.net/neutron/+bug/1507499) |\n| https://review.openstack.org/#c/12/ | https://review.openstack.org/#c/12/ |\n';
    const r = parseReport(text);
    const lines = text.split('\n');
    assert.deepEqual(
      r.topics[0].links.map((l) => [l.kind, l.url]),
      [
        ['review', 'https://review.openstack.org/#/c/1234/'],
        ['bug', 'https://bugs.launchpad.net/neutron/+bug/1507499'],
        ['review', 'https://review.openstack.org/#/c/12/'],
        ['review', 'https://review.openstack.org/#/c/12/'],
      ],
    );
    // each cell's own link: the same URL twice in a row is found twice, where it stands
    assert.deepEqual(
      r.diagnostics.map((d) => [
        d.code,
        d.range.start.line,
        d.range.start.character,
        lines[d.range.start.line].slice(d.range.start.character, d.range.end.character),
      ]),
      [
        ['review-missing-slash', 5, 2, 'https://review.openstack.org/#c/12/'],
        ['review-missing-slash', 5, 40, 'https://review.openstack.org/#c/12/'],
      ],
    );
  });

  it("says when the email cannot carry a link's address (link-not-web), with the address meant when it is clear, and keeps its text", () => {
    const text =
      'See [the spec]((https://review.openstack.org/#/c/283798/)), [the notes](notes/day1.md), [below](#actions) and [the pad](//etherpad.openstack.org/p/x).\n';
    const r = parseReport(text);
    assert.deepEqual(
      r.diagnostics.map((d) => [d.code, d.severity, d.fix?.text]),
      [
        ['link-not-web', 'warning', 'https://review.openstack.org/#/c/283798/'],
        ['link-not-web', 'warning', undefined],
        ['link-not-web', 'warning', undefined],
        ['link-not-web', 'warning', 'https://etherpad.openstack.org/p/x'],
      ],
    );
    assert.equal(
      r.diagnostics[2].message,
      'A link to a place in this draft (#actions) where no heading is: the email names the heading such a link points at (it has no anchors), and with none the email shows only its text.',
    );
    // the links as written, an in-page one not made a web address; a clear one as meant
    assert.deepEqual(
      r.links.map((l) => [l.kind, l.url]),
      [
        ['review', 'https://review.openstack.org/#/c/283798/'],
        ['other', 'notes/day1.md'],
        ['other', '#actions'],
        ['etherpad', 'https://etherpad.openstack.org/p/x'],
      ],
    );
    assert.equal(exportText(r, { width: 0 }), 'See the spec, the notes, below and the pad.\n');
    // the fix makes it a link the email carries
    const fixed = parseReport(text.replace('((https://review.openstack.org/#/c/283798/))', `(${r.diagnostics[0].fix!.text})`));
    assert.equal(fixed.diagnostics.filter((d) => d.code === 'link-not-web').length, 3);
  });

  it('counts a CRLF draft the same as an LF one', () => {
    const lf = '- A: https://review.openstack.org/#/c/1x/\n- B\n';
    const a = parseReport(lf);
    const b = parseReport(lf.replace(/\n/g, '\r\n'));
    assert.deepEqual(
      b.diagnostics.map((d) => d.range),
      a.diagnostics.map((d) => d.range),
    );
    assert.deepEqual(titles(b.topics), ['A', 'B']);
  });
});

describe('parseReport: a separator line of tildes', () => {
  const draft = 'Hi all,\n\nCheers,\nArmando\n\n~~~~~~~\n\n- Topic one: https://review.openstack.org/#/c/283798/\n- Topic two\n';

  it('says that it opens a code block that hides the topics, with the fix', () => {
    const r = parseReport(draft);
    const [d] = r.diagnostics;
    assert.equal(d.code, 'separator-opens-code-block');
    assert.equal(d.severity, 'error');
    assert.equal(d.range.start.line, 5);
    assert.match(d.message, /hides the 3 lines after it \(2 topics\)/);
    assert.deepEqual(d.fix, { range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, text: '\\' });
  });

  it('still reads the topics and links after it, as the writer meant', () => {
    const r = parseReport(draft);
    assert.deepEqual(titles(r.topics), ['Topic one', 'Topic two']);
    assert.equal(r.links.length, 1);
  });

  it('is happy once the separator is escaped', () => {
    assert.deepEqual(parseReport(draft.replace('~~~~~~~', '\\~~~~~~~')).diagnostics, []);
  });

  it('warns when two separators make the topics between them a code block', () => {
    const r = parseReport('Hi\n\n~~~~~~~\n- Topic: https://bugs.launchpad.net/neutron/+bug/1\n~~~~~~~\n\nBye\n');
    assert.equal(r.diagnostics[0]?.code, 'separator-pair');
    assert.equal(r.diagnostics[0]?.fix?.text, '\\~~~~~~~\n- Topic: https://bugs.launchpad.net/neutron/+bug/1\n\\~~~~~~~');
  });

  it('leaves a closed code block with a language alone, and reports an unclosed one', () => {
    assert.deepEqual(parseReport('```python\nprint("- x")\n```\n').diagnostics, []);
    assert.equal(parseReport('Text\n\n```python\nprint(1)\n').diagnostics[0]?.code, 'code-block-unclosed');
  });

  it('says nothing of a fence just typed at the end, with or without its language', () => {
    for (const fence of ['```', '```python', '~~~', '~~~~~~~']) {
      const escaped = draft.replace('~~~~~~~', '\\~~~~~~~');
      assert.deepEqual(parseReport(`${escaped}\n${fence}\n`).diagnostics, [], fence);
      assert.deepEqual(parseReport(`${escaped}\n${fence}`).diagnostics, [], `${fence} with no line end`);
    }
    // a separator that ends the draft is still a line of its email
    assert.match(exportText(parseReport('- Topic\n\nCheers,\nArmando\n\n~~~~~~~\n')), /Armando\n\n~~~~~~~\n$/);
  });

  it('knows a code block in a quote or a list item, at the end of the draft, for one that is closed (no separator, no warning)', () => {
    for (const text of ['> ```\n> - a topic https://x.org/\n> ```\n', '- item\n  - sub\n\n    ```\n    1. step\n    ```\n', '> - ```\n>\n>   ```\n']) {
      const r = parseReport(text);
      assert.deepEqual(r.diagnostics, [], text);
      assert.equal(r.parse.recovered, false, text);
    }
  });

  it('takes an unclosed fence over lines that are no report (code, in a README) for a code block, not a separator', () => {
    const readme = '# Build\n\nRun:\n\n```\nnpm ci\nnpm run build\n';
    const [d, ...more] = parseReport(readme).diagnostics;
    assert.deepEqual(more, []);
    assert.equal(d.code, 'code-block-unclosed');
    assert.equal(d.severity, 'warning');
    assert.equal(d.message, 'This code block is never closed, so the 2 lines after it are code. Close it with "```".');
    assert.deepEqual(d.fix?.text, '\n```');
  });
});

describe('parseReport: options', () => {
  it('applies severities per rule, and turns rules off', () => {
    const text = '- https://bugs.launchpad.net/neutron/+bugs/1\n- https://review.openstack.org/c/2\n';
    const r = parseReport(text, { severities: { 'bug-plural': 'warning', 'review-missing-hash': 'off' } });
    assert.deepEqual(
      r.diagnostics.map((d) => [d.code, d.severity]),
      [['bug-plural', 'warning']],
    );
  });
});
