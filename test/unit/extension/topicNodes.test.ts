// The Report Topics tree for the reference draft, as a writer sees it in the Explorer.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseReport, type FactsResult, type Link } from '../../../src/core';
import { hoverMarkdown } from '../../../src/extension/hoverText';
import { buildTopicNodes, nodeAt, nodeSelection, presentNode, renewNode, sameNode, type TopicNode } from '../../../src/extension/topicNodes';

const draft = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'examples', 'neutron-mitaka-midcycle.md'), 'utf8');
const roots = buildTopicNodes(parseReport(draft));
const label = (n: TopicNode) => presentNode(n).label;
const byLabel = (nodes: readonly TopicNode[], l: string) => nodes.find((n) => label(n) === l)!;

describe('the topics tree', () => {
  it('lists the ten topics, then "Action items by owner" and "Links by kind"', () => {
    assert.deepEqual(roots.map(label), [
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
      'Action items by owner',
      'Links by kind',
    ]);
  });

  it('describes a topic by what its subtree holds', () => {
    const usability = byLabel(roots, 'Usability and stability fixes');
    assert.equal(presentNode(usability).description, '6 reviews · 2 bugs · 2 actions');
    assert.equal(presentNode(byLabel(roots, 'Stadium')).description, '1 review · 1 action');
    assert.equal(presentNode(byLabel(roots, 'Neutron-lib')).description, undefined);
  });

  it("puts a topic's links and action items beneath it, in document order", () => {
    const mtu = byLabel(byLabel(roots, 'Usability and stability fixes').children, 'MTU cleanups');
    assert.deepEqual(
      mtu.children.map((n) => [n.type, label(n), presentNode(n).description]),
      [
        ['link', 'bug 1542108', 'neutron'],
        ['link', 'bug 1542475', 'neutron'],
        ['link', 'change 283798', 'review.openstack.org'],
        ['link', 'change 285532', 'review.openstack.org'],
        ['link', 'change 284818', 'review.openstack.org'],
        ['link', 'change 283790', 'review.openstack.org'],
        ['link', 'change 284814', 'review.openstack.org'],
      ],
    );
    assert.deepEqual(
      mtu.children.map((n) => presentNode(n).icon),
      ['bug', 'bug', 'git-pull-request', 'git-pull-request', 'git-pull-request', 'git-pull-request', 'git-pull-request'],
    );
    const reduce = byLabel(roots, 'Usability and stability fixes').children[2];
    assert.deepEqual(
      reduce.children.map((n) => [label(n), presentNode(n).description]),
      [
        ['carl_baldwin', 'put up model proposal'],
        ['haleyb', 'follow up with code'],
      ],
    );
  });

  it('takes owners that differ only in case for one person, under the first spelling', () => {
    const md = '- Armax to respin the patch.\n- armax to review the spec; haleyb to follow up.\n- HaleyB to cut the release.\n';
    const owners = byLabel(buildTopicNodes(parseReport(md)), 'Action items by owner');
    assert.deepEqual(
      owners.children.map((n) => [label(n), presentNode(n).description]),
      [
        ['Armax', '2 items'],
        ['haleyb', '2 items'],
      ],
    );
    assert.deepEqual(
      owners.children.map((o) => o.children.map(label)),
      [
        ['respin the patch', 'review the spec'],
        ['follow up', 'cut the release'],
      ],
    );
  });

  it('groups action items by owner and links by kind', () => {
    const owners = byLabel(roots, 'Action items by owner');
    assert.deepEqual(owners.children.map(label), ['arnax', 'carl_baldwin', 'haleyb', 'mlavalle']);
    assert.equal(presentNode(owners).description, '4 items');
    const kinds = byLabel(roots, 'Links by kind');
    assert.deepEqual(
      kinds.children.map((n) => [label(n), presentNode(n).description]),
      [
        ['Reviews', '15'],
        ['Bugs', '4'],
        ['Blueprints', '1'],
        ['Etherpads', '3'],
      ],
    );
    assert.equal(presentNode(kinds.children[0].children[0]).contextValue, 'link');
  });

  it("puts the cursor (no selection) at the start of a topic's title, a link's URL, an action's words", () => {
    const lines = draft.split('\n');
    const at = (n: TopicNode) => {
      const r = nodeSelection(n, (l) => lines[l])!;
      assert.deepEqual(r.start, r.end, 'an empty selection: typing never replaces a topic');
      return lines[r.start.line].slice(r.start.character);
    };
    const trouble = byLabel(roots, 'Troubleshooting');
    assert.equal(nodeSelection(trouble)?.start.line, 28);
    assert.equal(at(trouble), 'Troubleshooting');
    const bug = trouble.children[0].children.find((n) => n.type === 'link')!;
    assert.ok(at(bug).startsWith('https://bugs.launchpad.net/neutron/+bug/1507499'));
    const [task, heading, numbered] = buildTopicNodes(parseReport('- [ ] Task: sub\n\n## Heading two\n\n  12) Numbered\n')).filter((n) => n.type === 'topic');
    const text = ['- [ ] Task: sub', '', '## Heading two', '', '  12) Numbered'];
    for (const [n, want] of [
      [task, 'Task: sub'],
      [heading, 'Heading two'],
      [heading.children[0], 'Numbered'],
    ] as const)
      assert.equal(text[nodeSelection(n, (l) => text[l])!.start.line].slice(nodeSelection(n, (l) => text[l])!.start.character), want);
    assert.equal(numbered, undefined);
  });

  it("names topics by their titles in their document, not by their places: expanded state follows a topic, never another draft's", () => {
    const ids = (md: string, scope: string) => buildTopicNodes(parseReport(md), scope).map((n) => n.id);
    // two topics titled alike (siblings that share only a label before a colon are told apart by what follows it)
    const before = ids('- Alpha\n  - Sub\n- Beta: b\n- Alpha\n', 'file:///a.md');
    const after = ids('- Beta: b\n- Alpha\n  - Sub\n- Alpha\n', 'file:///a.md');
    assert.deepEqual(before.slice(0, 3), ['file:///a.md|Alpha', 'file:///a.md|Beta', 'file:///a.md|Alpha#2']);
    assert.deepEqual(new Set(after), new Set(before), 'moving Beta up keeps every id');
    assert.notDeepEqual(ids('- Alpha: a\n', 'file:///b.md'), ids('- Alpha: a\n', 'file:///a.md'));
    const [alpha] = buildTopicNodes(parseReport('- A/B #1: x\n  - Sub\n'), 's');
    assert.equal(alpha.children[0].id, 's|A\\/B \\#1/Sub', 'a title with the separators in it cannot pass for a sub-topic');
    const all = buildTopicNodes(parseReport('- owners: x https://bugs.launchpad.net/nova/+bug/1\n- kinds: armax to do it\n'), 's').map((n) => n.id);
    assert.equal(new Set(all).size, all.length, `topics titled as the groups are other nodes: ${all.join(', ')}`);
  });

  it('knows the node under the cursor, for getParent and reveal', () => {
    assert.equal(label(nodeAt(roots, 28)!), 'Troubleshooting');
    const onLink = nodeAt(roots, 42, 10)!;
    assert.equal(label(onLink), 'change 282876');
    assert.equal(label(onLink.parent!), 'L3 HA');
    assert.equal(label(onLink.parent!.parent!), 'Usability and stability fixes');
    assert.equal(nodeAt(roots, 3), undefined, 'the greeting is no topic');
  });

  it('counts StoryBoard stories and tasks as stories, and Gerrit queries and bug lists as links, not reviews or bugs', () => {
    const r = buildTopicNodes(
      parseReport(
        [
          '- Upgrades: https://storyboard.openstack.org/#!/story/2004567',
          '  - https://storyboard.openstack.org/#!/task/28123',
          '  - https://review.opendev.org/c/openstack/ironic/+/283798',
          '  - https://review.opendev.org/q/topic:upgrades',
          '  - https://bugs.launchpad.net/ironic/+bugs?field.tag=upgrades',
          '- Docs: https://storyboard.openstack.org/#!/story/2000243',
          '',
        ].join('\n'),
      ),
    );
    assert.equal(presentNode(byLabel(r, 'Upgrades')).description, '1 review · 2 stories · 2 links');
    assert.equal(presentNode(byLabel(r, 'Docs')).description, '1 story');
    const upgrades = byLabel(r, 'Upgrades');
    assert.deepEqual(
      upgrades.children.map((n) => [label(n), presentNode(n).icon]),
      [
        ['story 2004567', 'book'],
        ['task 28123', 'book'],
        ['change 283798', 'git-pull-request'],
        ['Gerrit query topic:upgrades', 'link'],
        ['ironic bugs', 'link'],
      ],
    );
    const kinds = byLabel(r, 'Links by kind');
    assert.deepEqual(
      kinds.children.map((n) => [label(n), presentNode(n).description]),
      [
        ['Reviews', '1'],
        ['Stories', '3'],
        ['Other links', '2'],
      ],
    );
  });

  it('marks a malformed link', () => {
    const r = buildTopicNodes(parseReport('- Topic: https://bugs.launchpad.net/nova/+bugs/1\n'));
    const link = r[0].children[0];
    assert.deepEqual([presentNode(link).icon, presentNode(link).contextValue], ['error', 'link.malformed']);
    assert.match(presentNode(link).tooltip!, /\+bugs/);
  });

  it('gives every node a unique id', () => {
    const ids: string[] = [];
    const visit = (ns: readonly TopicNode[]) =>
      ns.forEach((n) => {
        ids.push(n.id);
        visit(n.children);
      });
    visit(roots);
    assert.equal(new Set(ids).size, ids.length);
  });
});

describe('done action items in the tree', () => {
  it('shows a done item with a check and "(done)", an open one as a task', () => {
    const roots = buildTopicNodes(parseReport('## Action Items\n\n- [x] Book the room (@ckerr)\n- [ ] @zcbenz write the guide\n'));
    const heading = roots[0];
    const shown = heading.children.map((n) => [presentNode(n).label, presentNode(n).description, presentNode(n).icon]);
    assert.deepEqual(shown, [
      ['ckerr', 'Book the room (done)', 'pass'],
      ['zcbenz', 'write the guide', 'tasklist'],
    ]);
    const owners = roots.find((n) => n.type === 'group')!;
    const ckerr = owners.children.find((n) => presentNode(n).label === 'ckerr')!;
    assert.equal(presentNode(ckerr.children[0]).description, 'line 3 (done)');
  });
});

describe('link facts in the tree and hovers', () => {
  const text =
    '- Routed networks: https://review.openstack.org/#/c/283798/ and https://review.openstack.org/#/c/1/ and https://bugs.launchpad.net/neutron/+bug/1507499\n';
  const report = parseReport(text);
  const hostile = 'Fix <img src=x onerror=alert(1)> [x](command:workbench.action.quit) **bold** $(zap)';
  const facts = (link: Link): FactsResult | undefined =>
    link.review?.change === 283798
      ? { state: 'found', facts: { kind: 'review', title: hostile, status: 'MERGED', project: 'openstack/neutron', owner: 'Carl Baldwin' } }
      : link.review
        ? { state: 'not-found' }
        : { state: 'found', facts: { kind: 'bug', title: 'DVR flows', status: 'Fix Released', project: 'neutron' } };
  const [topic] = buildTopicNodes(report);

  it("shows each link's status and title, a merged or missing icon, and the topic's reviews by status", () => {
    const [merged, missing, bug] = topic.children.map((n) => presentNode(n, facts));
    assert.equal(merged.description, `merged · ${hostile}`);
    assert.equal(merged.icon, 'git-merge');
    assert.equal(missing.description, 'not found · review.openstack.org');
    assert.equal(missing.icon, 'question');
    assert.equal(bug.description, 'Fix Released · DVR flows');
    assert.equal(presentNode(topic, facts).description, '2 reviews · 1 bug · 1 merged');
    assert.equal(presentNode(topic).description, '2 reviews · 1 bug', 'without facts, as before');
  });

  it('escapes every character of a title that Markdown, HTML or a theme icon could read', () => {
    const hover = hoverMarkdown(report.links[0], facts(report.links[0]))!;
    const tooltip = presentNode(topic.children[0], facts).tooltip!;
    for (const md of [hover, tooltip]) {
      assert.doesNotMatch(md, /(^|[^\\])<img/);
      assert.ok(!md.includes('](command:'), md);
      assert.ok(!md.includes('$(zap)'), md);
      assert.ok(md.includes('\\<img src=x onerror=alert\\(1\\)\\>'), md);
    }
    assert.match(hover, /merged in openstack\/neutron by Carl Baldwin/);
    assert.match(hoverMarkdown(report.links[1], { state: 'not-found' })!, /Not found/);
    // said by its diagnostic, in the same hover: not twice
    assert.doesNotMatch(hoverMarkdown(report.links[1], { state: 'not-found' }, true)!, /Not found/);
  });
});

describe('the tree after an edit', () => {
  it('knows which roots show something new: only the edited topic, and the groups when their items changed', () => {
    const before = parseReport(draft);
    const lines = draft.split('\n');
    const at = lines.findIndex((l) => l.includes('https://bugs.launchpad.net/neutron/+bug/1507499'));
    lines[at] = lines[at].replace('+bug/1507499', '+bug/1507499x');
    const after = parseReport(lines.join('\n'));
    const [a, b] = [buildTopicNodes(before, 's'), buildTopicNodes(after, 's')];
    assert.deepEqual(
      a.map((n) => n.id),
      b.map((n) => n.id),
    );
    const changed = a.filter((n, i) => !sameNode(n, before, b[i], after)).map((n) => label(n));
    assert.deepEqual(changed, ['Troubleshooting', 'Links by kind']);
    // a node the view holds takes the new topic; its children are made again from it
    const held = byLabel(a, 'Troubleshooting');
    const oldChildren = held.children;
    renewNode(held, byLabel(b, 'Troubleshooting'));
    assert.notEqual(held.children, oldChildren);
    assert.equal(held.children, held.children, 'made once, then kept');
    const bug = held.children[0].children.find((n) => n.type === 'link')!;
    assert.equal(presentNode(bug).contextValue, 'link.malformed');
  });
});
