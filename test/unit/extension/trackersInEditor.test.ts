// The other trackers in the editor, as a writer of W3C, Node.js or Apache notes meets them: the
// tree's counts and Links by kind, hovers (every string of the draft escaped), link snippets and
// completions in the draft's own forms, the settings, and the repository of the git remote.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseReport } from '../../../src/core';
import { remoteRepository } from '../../../src/extension/gitRemotes';
import { hoverMarkdown } from '../../../src/extension/hoverText';
import { linkCompletions, referenceCompletions } from '../../../src/extension/linkCompletions';
import { linkSnippets } from '../../../src/extension/linkSnippets';
import { readSettings, withRemoteRepository } from '../../../src/extension/settings';
import { buildTopicNodes, presentNode, type TopicNode } from '../../../src/extension/topicNodes';
import { assertSnippetsFlaggedUntilFilled } from '../helpers/snippetChecks';

const fixtures = path.join(__dirname, '..', '..', 'fixtures', 'trackers');
const fixture = (name: string) => fs.readFileSync(path.join(fixtures, name), 'utf8');
const label = (n: TopicNode) => presentNode(n).label;

describe('the tree, for the other trackers', () => {
  it("counts pull requests, issues, bugs and a revision in a topic's description, and lists them by kind", () => {
    const roots = buildTopicNodes(parseReport(fixture('w3c-minutes.md')));
    const notes = roots[0].children.find((n) => label(n) === 'Notes')!;
    assert.equal(presentNode(notes).description, '1 review · 3 pull requests · 4 bugs · 1 issue · 1 commit · 2 links');
    const triage = roots[0].children.find((n) => label(n) === 'Agenda')!.children.find((n) => label(n) === 'Triage (15 minutes)')!;
    assert.equal(presentNode(triage).description, '2 issues');
    const kinds = roots.find((n) => label(n) === 'Links by kind')!;
    assert.deepEqual(
      kinds.children.map((k) => `${label(k)} ${presentNode(k).description}`),
      ['Reviews 1', 'Pull requests 4', 'Bugs 5', 'Issues 5', 'Commits 1', 'Other links 3'],
    );
    const prs = kinds.children.find((k) => label(k) === 'Pull requests')!;
    assert.deepEqual(
      prs.children.slice(0, 2).map((l) => [label(l), presentNode(l).description, presentNode(l).icon]),
      [
        ['w3c/webextensions#792', 'w3c/webextensions', 'git-pull-request'],
        ['w3c/webextensions#792', 'w3c/webextensions', 'git-pull-request'],
      ],
    );
  });

  it("names a short reference as the writer wrote it, and an item in a topic's title as its tracker says it", () => {
    const report = parseReport(fixture('nodejs-tsc.md'));
    const roots = buildTopicNodes(report);
    const kinds = roots.find((n) => label(n) === 'Links by kind')!;
    const issues = kinds.children.find((k) => label(k) === 'Issues')!;
    assert.deepEqual(issues.children.map(label), ['nodejs/TSC#1741', 'nodejs/node#58689', '#1735', '#1730', 'nodejs/admin#912']);
    assert.equal(parseReport('- https://github.com/nodejs/node/pull/58837 needs a second review\n').topics[0].title, 'nodejs/node#58837 needs a second review');
  });
});

describe('hovers, for the other trackers', () => {
  const hover = (md: string) => hoverMarkdown(parseReport(md).links[0])!;

  it('say what the item is, in which repository and on which host', () => {
    assert.match(hover('- https://github.com/nodejs/node/pull/58837\n'), /^\*\*GitHub pull request \\#58837\*\* in nodejs\/node on github\\\.com/);
    assert.match(
      hover('- https://gitlab.com/gitlab-org/gitlab/-/merge_requests/12\n'),
      /^\*\*GitLab merge request \\!12\*\* in gitlab\\-org\/gitlab on gitlab\\\.com/,
    );
    assert.match(hover('- https://issues.apache.org/jira/browse/MAHOUT-2200\n'), /^\*\*Jira issue MAHOUT\\-2200\*\* on issues\\\.apache\\\.org/);
    assert.match(hover('- https://bugzilla.mozilla.org/show_bug.cgi?id=1876214\n'), /^\*\*Bugzilla bug 1876214\*\* on bugzilla\\\.mozilla\\\.org/);
    assert.match(hover('- https://crbug.com/40196501\n'), /^\*\*Chromium bug 40196501\*\* on crbug\\\.com/);
    assert.match(hover('- https://reviews.llvm.org/D145301\n'), /^\*\*Phabricator revision D145301\*\* on reviews\\\.llvm\\\.org/);
    assert.match(hover('- https://github.com/w3c/webextensions/commit/3f1a2b9c8d7e\n'), /^\*\*GitHub commit 3f1a2b9\*\* in w3c\/webextensions/);
    // a Gerrit known by its link's shape, as OpenStack's
    assert.match(
      hover('- https://gerrit-review.googlesource.com/c/gerrit/+/412345\n'),
      /^\*\*Gerrit change 412345\*\* in gerrit on gerrit\\-review\\\.googlesource\\\.com/,
    );
  });

  it('say what a short reference stands for: GitHub alone knows whether `#1735` is an issue or a pull request', () => {
    const text = hover('---\nrepository: nodejs/TSC\n---\n\n- Spotlight #1735\n');
    assert.match(text, /^\*\*GitHub issue or pull request \\#1735\*\* in nodejs\/TSC on github\\\.com/);
    assert.match(text, /Written \\#1735: the email links it to https\\:\/\/github\\\.com\/nodejs\/TSC\/issues\/1735/);
  });

  it("shows the draft's strings as themselves", () => {
    const text = hover('- <https://github.com/a-b/_x_.y/pull/1>\n');
    assert.match(text, /in a\\-b\/\\_x\\_\\\.y on/);
    const jira = hover('- https://jira.example.org/browse/A_B-12\n');
    assert.match(jira, /^\*\*Jira issue A\\_B\\-12\*\* on jira\\\.example\\\.org/);
  });
});

describe('link snippets and completions, for the other trackers', () => {
  it("write pull requests and issues in the draft's repository; a draft of GitLab, Jira or Bugzilla links gets those", () => {
    const bySnippet = (md: string) => Object.fromEntries(linkSnippets(parseReport(md)).map((s) => [s.label, s]));
    const w3c = bySnippet(fixture('w3c-minutes.md'));
    assert.equal(w3c['pull-request'].body, 'https://github.com/${1:w3c/webextensions}/pull/$2');
    assert.equal(w3c['pull-request'].detail, 'github.com/w3c/webextensions/pull/… (as 4 links in this draft)');
    assert.equal(w3c.issue.body, 'https://github.com/${1:w3c/webextensions}/issues/$2');
    assert.equal(w3c.bugzilla.body, 'https://bugzilla.mozilla.org/show_bug.cgi?id=$1');
    assert.equal(w3c.crbug.body, 'https://issues.chromium.org/issues/$1');
    assert.equal(bySnippet(fixture('apache-jira.md')).jira.body, 'https://issues.apache.org/jira/browse/${1:MAHOUT}-$2');
    assert.equal(bySnippet(fixture('gitlab.md'))['merge-request'].body, 'https://gitlab.freedesktop.org/${1:mesa/mesa}/-/merge_requests/$2');
    // a draft of OpenStack links gets GitHub's with a placeholder, never a real repository
    const openstack = bySnippet('- https://review.opendev.org/c/openstack/nova/+/1\n');
    assert.equal(openstack['pull-request'].body, 'https://github.com/${1:OWNER/REPO}/pull/$2');
    assert.equal(openstack.jira, undefined);
  });

  it("come in the order of the draft's trackers: GitHub's first for W3C minutes, OpenStack's as ever for the reference", () => {
    assert.deepEqual(
      linkSnippets(parseReport(fixture('w3c-minutes.md')))
        .slice(0, 4)
        .map((s) => s.label),
      ['pull-request', 'issue', 'bugzilla', 'crbug'],
    );
    const reference = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'examples', 'neutron-mitaka-midcycle.md'), 'utf8');
    assert.deepEqual(
      linkSnippets(parseReport(reference)).map((s) => s.label),
      ['review', 'bug', 'blueprint', 'story', 'etherpad', 'pull-request', 'issue'],
    );
  });

  it('never leave a well-formed link when tabbed through, and a well-formed one when filled in', () => {
    assertSnippetsFlaggedUntilFilled(['w3c-minutes.md', 'apache-jira.md', 'gitlab.md', 'gerrit-anywhere.md'].map(fixture));
  });

  it('complete the repositories, projects and keys the draft links to', () => {
    const w3c = parseReport(fixture('w3c-minutes.md'));
    assert.deepEqual(
      linkCompletions(w3c, '- see https://github.com/').map((c) => [c.label, c.insertText]),
      [['w3c/webextensions', 'w3c/webextensions/']],
    );
    assert.deepEqual(
      linkCompletions(w3c, '- see https://github.com/w3c/').map((c) => [c.insertText, c.replace]),
      [['w3c/webextensions/', 4]],
    );
    assert.deepEqual(
      linkCompletions(w3c, 'https://github.com/w3c/webextensions/p').map((c) => c.insertText),
      ['pull/'],
    );
    const apache = parseReport(fixture('apache-jira.md'));
    assert.deepEqual(
      linkCompletions(apache, 'https://issues.apache.org/jira/browse/').map((c) => c.insertText),
      ['MAHOUT-'],
    );
    assert.deepEqual(
      linkCompletions(parseReport(fixture('gitlab.md')), 'https://gitlab.freedesktop.org/').map((c) => c.insertText),
      ['mesa/mesa/-/'],
    );
  });

  it("complete `#` with the draft's pull requests and issues as short references, never a heading's `#`", () => {
    const report = parseReport(fixture('nodejs-tsc.md'));
    const labels = (prefix: string) => referenceCompletions(report, prefix).map((c) => c.label);
    assert.deepEqual(labels('* This is an alternative to #'), [
      '#1741',
      'nodejs/node#58837',
      'nodejs/node#58925',
      'nodejs/node#58689',
      '#1735',
      '#1730',
      'nodejs/admin#912',
      '#1721',
    ]);
    assert.deepEqual(labels('* see #17'), ['#1741', '#1735', '#1730', '#1721']);
    assert.deepEqual(labels('* see nodejs/node#'), ['nodejs/node#58837', 'nodejs/node#58925', 'nodejs/node#58689']);
    assert.equal(referenceCompletions(report, '* see nodejs/node#58')[0].replace, 'nodejs/node#58'.length);
    assert.deepEqual(labels('#'), []);
    assert.deepEqual(labels('## '), []);
  });
});

describe('settings and the git remote, for short references', () => {
  const source = (values: Record<string, unknown>) => ({ get: <T>(key: string) => values[key] as T | undefined });

  it('reads the GitLab and Jira hosts, the repository and the Jira projects', () => {
    const s = readSettings(
      source({
        'hosts.gitlab': ['gitlab.com', 'Git.Example.org'],
        'hosts.jira': ['issues.apache.org', 'jira.example.org'],
        'references.repository': ' nodejs/TSC ',
        'references.jiraProjects': ['https://issues.apache.org/jira/browse/MAHOUT', ''],
      }),
    );
    assert.deepEqual(s.report.hosts?.gitlab, ['gitlab.com', 'git.example.org']);
    assert.deepEqual(s.report.hosts?.jira, ['issues.apache.org', 'jira.example.org']);
    assert.deepEqual(s.report.hosts?.references, { repository: 'nodejs/TSC', jira: ['https://issues.apache.org/jira/browse/MAHOUT'] });
    assert.equal(readSettings(source({})).report.hosts?.references, undefined);
  });

  it("takes the remote's repository (origin first) when the settings name none, never over them", () => {
    assert.equal(
      remoteRepository([
        { name: 'upstream', fetchUrl: 'https://github.com/nodejs/node.git' },
        { name: 'origin', fetchUrl: 'git@github.com:someone/node.git' },
      ]),
      'https://github.com/someone/node',
    );
    assert.equal(remoteRepository([{ name: 'origin', fetchUrl: 'ssh://git@gitlab.gnome.org:2222/GNOME/glib.git' }]), 'https://gitlab.gnome.org/GNOME/glib');
    assert.equal(remoteRepository([{ name: 'origin', fetchUrl: '/srv/git/notes' }]), undefined);
    assert.equal(remoteRepository([]), undefined);
    const settings = withRemoteRepository(readSettings(source({})), 'https://github.com/nodejs/TSC');
    const report = parseReport('- Spotlight #1735\n', settings.report);
    assert.equal(report.links[0]?.url, 'https://github.com/nodejs/TSC/issues/1735');
  });
});
