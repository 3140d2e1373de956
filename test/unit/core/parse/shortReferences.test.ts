// Short references in a draft's text (`owner/repo#123`, `#123`, GitLab's `!12`, `MAHOUT-123`): links of
// their tracker's kind where the repository or project is known, written as their URL in the email.
import * as assert from 'node:assert/strict';
import { DEFAULT_LINK_HOSTS, exportEmail, exportText, parseReport, updateReport, type LinkHosts, type Report } from '../../../../src/core';

const refs = (report: Report) => report.links.filter((l) => l.item?.short).map((l) => [l.raw, l.kind, l.url]);
const withReferences = (references: LinkHosts['references']): LinkHosts => ({ ...DEFAULT_LINK_HOSTS, references });

describe('short references', () => {
  it('reads `owner/repo#123` as a GitHub issue whatever the draft, `#123` only when its repository is known', () => {
    const text = '- See nodejs/node#58837 and #1735.\n';
    assert.deepEqual(refs(parseReport(text)), [['nodejs/node#58837', 'issue', 'https://github.com/nodejs/node/issues/58837']]);
    for (const repository of ['nodejs/TSC', 'https://github.com/nodejs/TSC', 'git@github.com:nodejs/TSC.git', 'https://github.com/nodejs/TSC.git']) {
      assert.deepEqual(
        refs(parseReport(text, { hosts: withReferences({ repository }) })),
        [
          ['nodejs/node#58837', 'issue', 'https://github.com/nodejs/node/issues/58837'],
          ['#1735', 'issue', 'https://github.com/nodejs/TSC/issues/1735'],
        ],
        repository,
      );
    }
  });

  it("takes the repository from the draft's front matter first, and Jira projects from it and the settings", () => {
    const draft = [
      '---',
      'subject: TSC meeting',
      'repository: nodejs/TSC',
      'jira: https://issues.apache.org/jira/browse/MAHOUT',
      '---',
      '',
      '- #1735 and MAHOUT-2207, FLINK-12',
      '',
    ].join('\n');
    const report = parseReport(draft, { hosts: withReferences({ repository: 'nodejs/node', jira: ['https://issues.apache.org/jira/browse/FLINK'] }) });
    assert.deepEqual(refs(report), [
      ['#1735', 'issue', 'https://github.com/nodejs/TSC/issues/1735'],
      ['MAHOUT-2207', 'issue', 'https://issues.apache.org/jira/browse/MAHOUT-2207'],
      ['FLINK-12', 'issue', 'https://issues.apache.org/jira/browse/FLINK-12'],
    ]);
    assert.equal(report.links[1].item?.key, 'MAHOUT-2207');
    // the options the draft was parsed with are the settings' (an edit compares them), its hosts the draft's
    assert.equal(report.parse.options.hosts.references?.repository, 'nodejs/node');
    assert.equal(report.parse.hosts.references?.repository, 'nodejs/TSC');
  });

  it("reads GitLab's `#12`, `!34` and `group/project#56` when the repository is a GitLab one", () => {
    const report = parseReport('- Fixed in !34, see #12 and gnome/gtk#56.\n', { hosts: withReferences({ repository: 'https://gitlab.gnome.org/GNOME/glib' }) });
    assert.deepEqual(refs(report), [
      ['!34', 'merge-request', 'https://gitlab.gnome.org/GNOME/glib/-/merge_requests/34'],
      ['#12', 'issue', 'https://gitlab.gnome.org/GNOME/glib/-/issues/12'],
      ['gnome/gtk#56', 'issue', 'https://gitlab.gnome.org/gnome/gtk/-/issues/56'],
    ]);
  });

  it("leaves alone what only looks like one: code, a heading, a word before `#`, a version, a fraction, keys of projects not named, a link's text, a URL's anchor", () => {
    const draft = [
      '# 1 Agenda',
      '',
      '- `#1735` in code, C#12, item#3, #1.5, #12-rc, UTF-8, ISO-8601, RFC-1234, FLINK-12',
      '- [see #1735](https://github.com/nodejs/TSC/issues/1735) and https://github.com/nodejs/node/pull/5#12',
      '',
      '```',
      '#1735',
      '```',
      '',
    ].join('\n');
    const report = parseReport(draft, { hosts: withReferences({ repository: 'nodejs/TSC', jira: ['https://issues.apache.org/jira/browse/MAHOUT'] }) });
    assert.deepEqual(refs(report), []);
    assert.deepEqual(report.diagnostics, []);
  });

  it('locates each on its line, and keeps them after an edit elsewhere', () => {
    const draft = '---\nrepository: nodejs/TSC\n---\n\n- Spotlight #1735\n- Schedule\n';
    const report = parseReport(draft);
    const [ref] = report.links;
    assert.deepEqual(ref.range, { start: { line: 4, character: 12 }, end: { line: 4, character: 17 } });
    const edited = draft.replace('Schedule', 'Schedule, see #1721');
    const next = updateReport(report, edited, [{ range: { start: { line: 5, character: 10 }, end: { line: 5, character: 10 } }, text: ', see #1721' }]);
    assert.deepEqual(refs(next), [
      ['#1735', 'issue', 'https://github.com/nodejs/TSC/issues/1735'],
      ['#1721', 'issue', 'https://github.com/nodejs/TSC/issues/1721'],
    ]);
  });

  it('are written as their URL in the email: an anchor in the HTML, the URL after them in the text part', () => {
    const report = parseReport('---\nrepository: nodejs/TSC\n---\n\n- Spotlight #1735, nodejs/admin#912 and MAHOUT-1\n');
    const html = exportEmail(report);
    assert.match(html, /<a href="https:\/\/github\.com\/nodejs\/TSC\/issues\/1735"[^>]*>#1735<\/a>/);
    assert.match(html, /<a href="https:\/\/github\.com\/nodejs\/admin\/issues\/912"[^>]*>nodejs\/admin#912<\/a>/);
    assert.doesNotMatch(html, /MAHOUT-1<\/a>/, 'no Jira project named: a word');
    assert.equal(
      exportText(report, { width: 0 }),
      '- Spotlight #1735 <https://github.com/nodejs/TSC/issues/1735>, nodejs/admin#912 <https://github.com/nodejs/admin/issues/912> and MAHOUT-1\n',
    );
  });
});
