// Action items as writers put them in prose, and the sentences that only look like them.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { findActionItems, parseReport } from '../../../../src/core';
import { propertyOptions } from '../../helpers/propertyOptions';
import { reflow } from '../../helpers/reflow';

const items = (s: string) => findActionItems(s).map((a) => [a.owner, a.text]);

describe('findActionItems', () => {
  const cases: [string, string[][]][] = [
    [
      'carl_baldwin to put up model proposal, haleyb to follow up with code.',
      [
        ['carl_baldwin', 'put up model proposal'],
        ['haleyb', 'follow up with code'],
      ],
    ],
    ['Talked about cells v2. mlavalle to track nova development and put notes together.', [['mlavalle', 'track nova development and put notes together']]],
    [
      'governance; arnax to respin https://review.openstack.org/#/c/281628/ for updates.',
      [['arnax', 'respin https://review.openstack.org/#/c/281628/ for updates']],
    ],
    [
      'AI: armax, kevinbenton and haleyb to fix the gate, docs and tests.',
      [
        ['armax', 'fix the gate, docs and tests'],
        ['kevinbenton', 'fix the gate, docs and tests'],
        ['haleyb', 'fix the gate, docs and tests'],
      ],
    ],
    ['#action dougwig to write the spec', [['dougwig', 'write the spec']]],
    ['Richard to follow up', [['Richard', 'follow up']]],
    [
      'melwitt to write the notes\nsean-k-mooney to review them',
      [
        ['melwitt', 'write the notes'],
        ['sean-k-mooney', 'review them'],
      ],
    ],
  ];
  for (const [text, expected] of cases) it(`finds ${expected.length} in "${text.replace(/\n/g, ' / ')}"`, () => assert.deepEqual(items(text), expected));

  const none = [
    'A number of proposals have been made over time, armax intends to push back on them all',
    'Richard and armax sat down to finalize transition plan',
    'How to deal with destination MAC that OVN does not recognize',
    'More to follow/baking in',
    'thanks to Matt Riedemann for kickstarting the nova side',
    'Changes to the API were discussed',
    'Provide validation api to reduce amount of api calls',
    'We need to switch to python3',
    'Upgrade to the new release',
    '[Resize to same host](https://bugs.launchpad.net/nova/+bug/ 1958636) needs a reproducer',
  ];
  for (const text of none) it(`finds none in "${text}"`, () => assert.deepEqual(items(text), []));

  it('gives the offset and length of each item in the text', () => {
    const text = 'Reduce IP consumptions. carl_baldwin to put up model proposal, haleyb to follow up.';
    const [a, b] = findActionItems(text);
    assert.equal(text.substr(a.offset, a.length), 'carl_baldwin to put up model proposal');
    assert.equal(text.substr(b.offset, b.length), 'haleyb to follow up');
  });
});

describe('findActionItems: the forms real reports use', () => {
  const cases: [string, string[][], { underLabel?: boolean; known?: string[] }?][] = [
    // several owners: and/or, a slash, a list
    [
      'lucasagomes and/or vsaienko to look into it.',
      [
        ['lucasagomes', 'look into it'],
        ['vsaienko', 'look into it'],
      ],
    ],
    [
      'chandankumar/ysandeep to move the tempest skip list into its own repository.',
      [
        ['chandankumar', 'move the tempest skip list into its own repository'],
        ['ysandeep', 'move the tempest skip list into its own repository'],
      ],
    ],
    [
      'AR: Sean and Rodolfo to update the spec',
      [
        ['Sean', 'update the spec'],
        ['Rodolfo', 'update the spec'],
      ],
    ],
    // the whole task, across the lines of a wrapped paragraph, to the sentence's end
    [
      'We agreed on the approach. geguileo to update the spec with the S3 details, and eharney\nto look into a tempest plugin job that records the peak memory of the\nbackup service.',
      [
        ['geguileo', 'update the spec with the S3 details'],
        ['eharney', 'look into a tempest plugin job that records the peak memory of the backup service'],
      ],
    ],
    [
      'marios and rlandy to write down the promotion criteria for each\ncomponent, so that the ruck and rover know when to intervene.',
      [
        ['marios', 'write down the promotion criteria for each component, so that the ruck and rover know when to intervene'],
        ['rlandy', 'write down the promotion criteria for each component, so that the ruck and rover know when to intervene'],
      ],
    ],
    // markers
    [
      'Need more folks reviewing (action: jlvillal considers picking up the\nweekly review call)',
      [['jlvillal', 'considers picking up the weekly review call']],
    ],
    [
      'Option 2 is the simplest (action: sshnaidm to prototype it in https://review.opendev.org/c/openstack/tripleo-ci/+/779123).',
      [['sshnaidm', 'prototype it in https://review.opendev.org/c/openstack/tripleo-ci/+/779123']],
    ],
    ['TODO(weshay): update the rotation page with the three roles.', [['weshay', 'update the rotation page with the three roles']]],
    ['ACTION: mriedem write the spec', [['mriedem', 'write the spec']]],
    ['[Action Items] book the room for the midcycle [jungleboyj]', [['jungleboyj', 'book the room for the midcycle']]],
    // teams and roles
    ['The neutron team to triage the new bugs weekly.', [['The neutron team', 'triage the new bugs weekly']]],
    ['tripleo-ci-core to review the promotion criteria', [['tripleo-ci-core', 'review the promotion criteria']]],
    ['PTL to send the release schedule', [['PTL', 'send the release schedule']]],
    // under an action label: an owner and any task
    ['rosmaita: send the release schedule to the mailing list', [['rosmaita', 'send the release schedule to the mailing list']], { underLabel: true }],
    ['Document the new backup chunking options (whoami-rajat)', [['whoami-rajat', 'Document the new backup chunking options']], { underLabel: true }],
    [
      'Simon Dodsley will ask the driver vendors about their CI status',
      [['Simon Dodsley', 'ask the driver vendors about their CI status']],
      { underLabel: true },
    ],
    [
      'mgoddard and dtantsur volunteered to help with testing, while\nmjturek and crushil volunteered to do some coding.',
      [
        ['mgoddard', 'help with testing'],
        ['dtantsur', 'help with testing'],
        ['mjturek', 'do some coding'],
        ['crushil', 'do some coding'],
      ],
      { underLabel: true },
    ],
    [
      'Actions\njroll to kickstart this document, JayF and mariojv to help.',
      [
        ['jroll', 'kickstart this document'],
        ['JayF', 'help'],
        ['mariojv', 'help'],
      ],
    ],
    [
      'keep talking about OVN details - Miguel Lavalle and me will work on talks about\nthe OVN internals',
      [['Miguel Lavalle', 'work on talks about the OVN internals']],
      { underLabel: true },
    ],
    // a task list's box, an @mention
    ['[ ] mriedem: write the spec', [['mriedem', 'write the spec']], { underLabel: true }],
    ['[x] @gmann to propose the goal', [['gmann', 'propose the goal']]],
    // "both", "+", @mentions one after another, markers without a colon or with the owner in parentheses
    [
      'Both gibi and bauzas to check the gate',
      [
        ['gibi', 'check the gate'],
        ['bauzas', 'check the gate'],
      ],
    ],
    [
      'gibi + bauzas to check the gate',
      [
        ['gibi', 'check the gate'],
        ['bauzas', 'check the gate'],
      ],
    ],
    [
      '@gibi @bauzas to check the gate',
      [
        ['gibi', 'check the gate'],
        ['bauzas', 'check the gate'],
      ],
    ],
    ['AR gibi to check the gate', [['gibi', 'check the gate']]],
    [
      'ACTION(gibi): check the gate. AI(bauzas): ping infra.',
      [
        ['gibi', 'check the gate'],
        ['bauzas', 'ping infra'],
      ],
    ],
    [
      'Gate breakages (action: gibi to look at the logs (action: bauzas to ping infra))',
      [
        ['gibi', 'look at the logs'],
        ['bauzas', 'ping infra'],
      ],
    ],
    // a verb of the trade the dictionary lacks
    ['mriedem to rebase the series on master.', [['mriedem', 'rebase the series on master']]],
    // a person whose name is also a word, named as a person elsewhere in the report
    ['mark to review the spec', [['mark', 'review the spec']], { known: ['mark'] }],
  ];
  for (const [text, expected, context] of cases) {
    it(`finds ${expected.map((e) => e[0]).join(', ')} in "${text.replace(/\n/g, '⏎')}"`, () => {
      const found = findActionItems(text, { underLabel: context?.underLabel, known: new Set(context?.known ?? []) });
      assert.deepEqual(
        found.map((a) => [a.owner, a.text]),
        expected,
      );
    });
  }

  const none: [string, { underLabel?: boolean }?][] = [
    // words at the start of a wrapped line are not owners
    ['There is no volunteer to implement it yet, and we need someone to\nvolunteer to run the meeting.'],
    ['The plan was\nintroduced to the team and the\npatches to fix it are up, but we still need\nthem to land, and the\nuser to upgrade.'],
    ['We agreed on what\ninformation to collect. Actions to take are on the etherpad.'],
    // wishes, passives, things
    ['We need someone to look into the gate failures.'],
    ['Patches to fix the race were merged.'],
    ['Fallback to next preference in the list - RAID 1 on a pair of drives'],
    ['Suggesting TheJulia to move them to standalone tests.'],
    ['Pike to Queens upgrades are tested, Ussuri to Victoria too.'],
    ['the directories to be watched recursively'],
    // code is no one
    ['Use `setTimeout` to delete entries when they expire.'],
    // a subject, not an owner: "X to Y" and then the sentence's verb; thanks; a person after "to"
    ['Rebase to master is needed before the release.'],
    ['Refactor to a common base class was discussed.'],
    ['Congrats to alex_xu for the new core role, and shoutout to melwitt for chairing.'],
    ['bauzas to sean-k-mooney as well, for the record.'],
    // under a label: a day, a place, a distribution, a project tag, what someone did
    ['Discuss at the next meeting (Thursday)', { underLabel: true }],
    ['Test on the new image (Ubuntu)', { underLabel: true }],
    ['[openstacksdk] release the new version', { underLabel: true }],
    ['Sylvain Bauza presented the current state of the series', { underLabel: true }],
    // under a label, items that name no owner
    ['too many team meetings each week', { underLabel: true }],
    ['we may ratify marking linuxbridge as deprecated in the team meeting during\nUssuri cycle if nothing surprising pops in.', { underLabel: true }],
    ['Review process: list of actual review priorities would be useful for the team', { underLabel: true }],
  ];
  for (const [text, context] of none) {
    it(`finds none in "${text.replace(/\n/g, '⏎')}"`, () => {
      const code: [number, number][] = [];
      const plain = text.replace(/`([^`]+)`/g, (_m, inner: string, at: number) => {
        code.push([at - code.length * 2, at - code.length * 2 + inner.length]);
        return inner;
      });
      assert.deepEqual(
        findActionItems(plain, { ...context, noOwner: code }).map((a) => [a.owner, a.text]),
        [],
      );
    });
  }

  it('a link\'s text is no owner ("[Resize to same host](…) needs a reproducer")', () => {
    assert.deepEqual(parseReport('- [Resize to same host](https://review.opendev.org/c/openstack/nova/+/812345) needs a reproducer\n').actions, []);
  });

  it('reads hostile text whole: long sentences of "to", markers nested or repeated (each took minutes when reading them was quadratic)', () => {
    assert.deepEqual(findActionItems('word to go '.repeat(20000)), []);
    const nested = findActionItems('(action: gibi fix '.repeat(2000));
    assert.equal(nested.length, 2000);
    assert.ok(nested.every((a) => a.owner === 'gibi' && a.text === 'fix'));
    assert.equal(findActionItems('TODO(gibi): fix it. '.repeat(2000)).length, 2000);
  });

  it('a sentence gives the same items on one line as wrapped at any width', () => {
    const sentences = [
      'We agreed to split the job. geguileo to update the spec with the S3 details, and eharney to look into a tempest plugin job that records the peak memory.',
      'marios and rlandy to write down the promotion criteria for each component, so that the ruck and rover know when to intervene.',
      'Bence Romsics and Miguel Lavalle volunteered to reach out to the cloud-init maintainers to discuss that, and no volunteer to implement it was found.',
    ];
    fc.assert(
      fc.property(fc.constantFrom(...sentences), fc.integer({ min: 20, max: 90 }), (sentence, width) => {
        const items = (t: string) => findActionItems(t).map((a) => [a.owner, a.text]);
        assert.deepEqual(items(reflow(sentence.split(' '), width)), items(sentence));
      }),
      propertyOptions(200),
    );
  });
});

describe('action items in a report', () => {
  const actions = (md: string) => parseReport(md).actions.map((a) => [a.owner, a.text]);

  it('the reference still gives exactly its four', () => {
    const md = fs.readFileSync(path.join(__dirname, '..', '..', '..', '..', 'examples', 'neutron-mitaka-midcycle.md'), 'utf8');
    assert.deepEqual(
      parseReport(md).actions.map((a) => a.owner),
      ['carl_baldwin', 'haleyb', 'mlavalle', 'arnax'],
    );
  });

  it('reads the items under an "Action items" heading, to the next heading', () => {
    const md = '## Action items\n\n- rosmaita: send the schedule\n- Write the notes (melwitt)\n\n## Gate\n\n- rosmaita: this is a topic, not an item\n';
    assert.deepEqual(actions(md), [
      ['rosmaita', 'send the schedule'],
      ['melwitt', 'Write the notes'],
    ]);
  });

  it('reads the list a label introduces ("Actions to do after this discussion:"), and only that list', () => {
    const md =
      'Actions to do after this discussion:\n\n- Miguel Lavalle will contact the operators\n- we may ratify it at the meeting\n\nLater:\n\n- Miguel Lavalle will rest\n';
    assert.deepEqual(actions(md), [['Miguel Lavalle', 'contact the operators']]);
  });

  it('reads a nested list under an item that is a label', () => {
    const md = '- Gate\n  - Action items:\n    - ysandeep: move the skip list\n  - ysandeep: not an item here\n';
    assert.deepEqual(actions(md), [['ysandeep', 'move the skip list']]);
  });

  it('knows the attendees of the front matter, by name and by nick', () => {
    const md = '---\nattendees: ["Mark McClain (mark)", fungi]\n---\n\nmark to review the spec, fungi to check the mirrors.\n';
    assert.deepEqual(actions(md), [
      ['mark', 'review the spec'],
      ['fungi', 'check the mirrors'],
    ]);
    assert.deepEqual(actions('mark to review the spec, fungi to check the mirrors.\n'), []);
  });

  it('knows people named in bold, but not a word in bold', () => {
    assert.deepEqual(actions('**Mark Wood** joined. Mark Wood to review the spec.\n'), [['Mark Wood', 'review the spec']]);
    assert.deepEqual(actions('**Note**: the spec changed.\n\nNote to reviewers, the spec changed.\n'), []);
  });

  it('reads the items of drafts as real writers wrap them', () => {
    const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '..', '..', '..', 'fixtures', 'wrapped', name), 'utf8');
    assert.deepEqual(actions(fixture('cinder-ptg-summary.md')), [
      ['geguileo', 'update the spec with the S3 details'],
      ['eharney', 'look into a tempest plugin job that records the peak memory of the backup service'],
      ['rosmaita', 'send the release schedule to the mailing list'],
      ['whoami-rajat', 'Document the new backup chunking options'],
      ['jungleboyj', 'book the room for the midcycle'],
      ['Simon Dodsley', 'ask the driver vendors about their CI status'],
    ]);
    assert.deepEqual(
      actions(fixture('tripleo-midcycle.md')).map((a) => a[0]),
      ['marios', 'rlandy', 'chandankumar', 'ysandeep', 'sshnaidm', 'weshay', 'rlandy'],
    );
  });

  it('locates an item over the lines it spans', () => {
    const md = 'Intro. geguileo to update the spec with the S3\ndetails and the swift notes.\n';
    const [item] = parseReport(md).actions;
    assert.deepEqual([item.range.start.line, item.range.start.character, item.range.end.line], [0, 7, 1]);
  });
});
