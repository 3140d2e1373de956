// Minutes of other communities as their writers write them (issue 24): the action items and the
// topics a reader of each would list, and the sentences that only look like items.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findActionItems, parseReport, toOutline, type Topic } from '../../../../src/core';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '..', '..', '..', 'fixtures', 'minutes', name), 'utf8');
const actions = (md: string) => parseReport(md).actions.map((a) => (a.done ? [a.owner, a.text, 'done'] : [a.owner, a.text]));
const tree = (topics: readonly Topic[]): unknown[] => topics.map((t) => (t.children.length ? [t.title, tree(t.children)] : t.title));

describe('minutes: action items', () => {
  it('W3C: speakers in brackets, "Action item:" and "Resolution:" lines, a team named by its product, a done link', () => {
    assert.deepEqual(actions(fixture('w3c-speakers.md')), [
      ['devlin', 'write up the proposal'],
      ['Chrome', 'ship the unlimitedStorage change in 136'],
      ['Mark', 'file the interop issue', 'done'],
      ['Kiara', 'check the behaviour in Safari'],
      ['rob', 'Reply on the sidebar issue'],
    ]);
  });

  it('Rust: first names that are words too, everyone, a speaker who takes an item', () => {
    assert.deepEqual(actions(fixture('rust-council.md')), [
      ['Mark', 'send out the call for travel grants'],
      ['Everyone', 'read the draft and approve in Zulip'],
      ['Jack', 'update the doc with who can merge'],
      ['Jack', 'make a board we can share'],
      ['Bob', 'review the team list'],
    ]);
  });

  it('Kubernetes: items in agenda lists under date headings, and [ACTION] naming its owner', () => {
    assert.deepEqual(actions(fixture('k8s-agenda.md')), [
      ['jorge', 'send the announcement to the -dev list on Monday'],
      ['Paris', 'run the first session with Bob assisting'],
      ['Bosun', 'set up the vote for next meeting'],
    ]);
  });

  it("meetingology: ACTION lines without the bot's stamp", () => {
    assert.deepEqual(actions(fixture('meetingology.md')), [
      ['sil2100', 'circulate the draft policy'],
      ['sil2100', 'circulate the draft policy'],
    ]);
  });

  it('GitHub task lists: "- [ ] @owner task", "(@owner)" after the task, "- [x]" done; a box without an owner is none', () => {
    assert.deepEqual(actions(fixture('github-tasks.md')), [
      ['ckerr', 'Governance repo', 'done'],
      ['zcbenz', 'write the style guide draft'],
      ['ckerr', 'Update the process doc'],
      ['ckerr', 'Book the room for the summit', 'done'],
    ]);
    const outline = toOutline(parseReport(fixture('github-tasks.md')));
    assert.deepEqual(
      outline.actions.map((a) => a.done ?? false),
      [true, false, false, true],
    );
  });

  it('OpenStack prose: "will", "volunteered to", "is going to"; not patches, fallbacks or volunteers', () => {
    assert.deepEqual(actions(fixture('openstack-prose.md')), [
      ['melwitt', 'update the spec with the migration steps'],
      ['Yamamoto', 'write the upgrade check'],
      ['Sylvain Bauza', 'take a look at the cell mapping cache during this cycle'],
    ]);
  });

  const items = (text: string) => findActionItems(text).map((a) => [a.owner, a.text]);
  const cases: [string, string[][]][] = [
    ['Action: Matt to contact the venue', [['Matt', 'contact the venue']]],
    [
      'AI: AB & Ned to help with the docs',
      [
        ['AB', 'help with the docs'],
        ['Ned', 'help with the docs'],
      ],
    ],
    ['@bob to review the PR', [['bob', 'review the PR']]],
    ['Everyone to read the doc and approve', [['Everyone', 'read the doc and approve']]],
    ['Luca will announce the decision to drop the ES support.', [['Luca', 'announce the decision to drop the ES support']]],
    [
      'Bence Romsics and Miguel Lavalle volunteered to reach out to cloud-init\nmaintainers to discuss that.',
      [
        ['Bence Romsics', 'reach out to cloud-init maintainers to discuss that'],
        ['Miguel Lavalle', 'reach out to cloud-init maintainers to discuss that'],
      ],
    ],
    ['Otherwise Erik to remove LTE 1.3.', [['Erik', 'remove LTE 1.3']]],
  ];
  for (const [text, expected] of cases)
    it(`finds ${expected.map((e) => e[0]).join(', ')} in "${text.replace(/\n/g, '⏎')}"`, () => assert.deepEqual(items(text), expected));

  const none = [
    'Patches to fix the race were merged.',
    'Fallback to the old image is still possible.',
    'Volunteers to review the ceph job are welcome.',
    'Michael to summarize, we don’t believe it is breaking.',
    'Then this repository will be imported by the infra team.',
    'RustNL will try to get as much sponsorship money as possible.',
    'have a 1:1 with SIG/WG leads and steering liaison to give feedback',
    'use breakout rooms / pomodoros to break things down',
    'ACTION: Update docs for the release',
    '[ ] Create the list of members',
  ];
  for (const text of none) it(`finds none in "${text}"`, () => assert.deepEqual(items(text), []));
});

describe('minutes: topics', () => {
  it('W3C: headings are the topics, remarks their content; attendees are no topics', () => {
    const report = parseReport(fixture('w3c-speakers.md'));
    assert.deepEqual(tree(report.topics), [['WECG meeting, Mar 6, 2025', ['Attendees', ['Notes', ['Storage quotas', 'Sidebar alignment']]]]]);
    // the remarks' action items are their topic's
    const quotas = report.topics[0].children[1].children[0];
    assert.deepEqual(
      quotas.actions.map((a) => a.owner),
      ['devlin', 'Chrome', 'Mark'],
    );
  });

  it('Rust: items are the topics, "Name:" remarks and conclusions their content', () => {
    assert.deepEqual(tree(parseReport(fixture('rust-council.md')).topics), [
      ['2025-02-14', ['Attendance', ['Minutes', ['Check-in', 'Conference travel budget (Mara)', 'Team repo access', 'Check-out']]]],
    ]);
  });

  it('Kubernetes: agenda items under a date heading are topics without their proposer', () => {
    assert.deepEqual(tree(parseReport(fixture('k8s-agenda.md')).topics), [
      [
        '2020 meeting notes',
        [
          ['March 12, 2020', ['Should we move the contributor summit online', 'Mentoring cohort']],
          ['March 26, 2020', ['Bosun', ['Topics', ['Password manager ownership', 'Annual reports']]]],
        ],
      ],
    ]);
  });

  it("meetingology: no bot's stamp, empty topic, action line or attendee", () => {
    assert.deepEqual(tree(parseReport(fixture('meetingology.md')).topics), ['Action review', 'Third party repository policy', 'AOB']);
  });

  it('a task box is no part of a title; a task with its owner is no topic', () => {
    assert.deepEqual(tree(parseReport(fixture('github-tasks.md')).topics), [
      ['API Working Group', ['Date', 'Attendees', ['Agenda', [['Housekeeping', ['Slack channel']]]], ['Action Items', ['Find more volunteers']]]],
    ]);
  });

  it('siblings that share a label are told apart by what follows it', () => {
    const md = '- PTG: Forum sessions\n- PTG: Project onboarding\n- PTG: Team photo\n- Gate: green again\n';
    assert.deepEqual(tree(parseReport(md).topics), ['PTG: Forum sessions', 'PTG: Project onboarding', 'PTG: Team photo', 'Gate']);
    const outline = toOutline(parseReport(md));
    assert.equal(outline.topics[0].fullTitle, 'PTG: Forum sessions');
    assert.equal(outline.topics[3].fullTitle, 'Gate');
  });
});
