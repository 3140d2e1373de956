// GitHub's, GitLab's, Jira's and Bugzilla's link facts (their records' `TrackerFacts`): the one GET a
// link needs, with nothing of the draft but the item's number, key or hash, and what is read from
// an answer: text without control characters, an answer not of the documented shape refused.
import * as assert from 'node:assert/strict';
import { parseReport, type Link } from '../../../../src/core';
import { DEFAULT_FACTS_APIS, factsRequest, readFacts, type FactsApis } from '../../../../src/core/facts/linkFacts';

const linkOf = (url: string): Link => {
  const [link] = parseReport(`- ${url}\n`).links;
  assert.ok(link, url);
  return link;
};
const requestOf = (url: string, apis: FactsApis = DEFAULT_FACTS_APIS) => factsRequest(linkOf(url), apis);

describe("other trackers' link facts: the request", () => {
  it('asks each tracker at its API, by the item alone', () => {
    const asked = [
      'https://github.com/octo-org/octo-repo/pull/12/files',
      'https://github.com/octo-org/octo-repo/issues/7#issuecomment-1',
      'https://github.com/octo-org/octo-repo/commit/0123456789abcdef0123456789abcdef01234567',
      'https://gitlab.com/gitlab-org/sub-group/project/-/merge_requests/5/diffs',
      'https://gitlab.com/gitlab-org/gitlab/-/issues/6',
      'https://issues.apache.org/jira/browse/MAHOUT-1',
      'https://bugzilla.mozilla.org/show_bug.cgi?id=1234',
      'https://bugzil.la/1234',
    ].map((u) => {
      const r = requestOf(u)!;
      return `${r.tracker} ${r.kind} ${r.url} (${r.service})`;
    });
    assert.deepEqual(asked, [
      'github pull-request https://api.github.com/repos/octo-org/octo-repo/pulls/12 (GitHub at api.github.com)',
      'github issue https://api.github.com/repos/octo-org/octo-repo/issues/7 (GitHub at api.github.com)',
      'github commit https://api.github.com/repos/octo-org/octo-repo/commits/0123456789abcdef0123456789abcdef01234567 (GitHub at api.github.com)',
      'gitlab merge-request https://gitlab.com/api/v4/projects/gitlab-org%2Fsub-group%2Fproject/merge_requests/5 (GitLab at gitlab.com/api/v4)',
      'gitlab issue https://gitlab.com/api/v4/projects/gitlab-org%2Fgitlab/issues/6 (GitLab at gitlab.com/api/v4)',
      'jira issue https://issues.apache.org/jira/rest/api/2/issue/MAHOUT-1?fields=summary,status,resolution (Jira at issues.apache.org/jira/rest/api/2)',
      'bugzilla bug https://bugzilla.mozilla.org/rest/bug/1234?include_fields=summary,status,resolution (Bugzilla at bugzilla.mozilla.org/rest)',
      'bugzilla bug https://bugzilla.mozilla.org/rest/bug/1234?include_fields=summary,status,resolution (Bugzilla at bugzilla.mozilla.org/rest)',
    ]);
  });

  it('asks the APIs as set, by host', () => {
    const apis: FactsApis = {
      ...DEFAULT_FACTS_APIS,
      github: 'http://127.0.0.1:1/github/',
      gitlab: { 'gitlab.com': 'http://127.0.0.1:1/gitlab' },
      jira: { 'issues.apache.org': 'http://127.0.0.1:1/jira' },
      bugzilla: { 'bugzilla.mozilla.org': 'http://127.0.0.1:1/bugzilla' },
    };
    assert.equal(requestOf('https://github.com/o/r/pull/1', apis)!.url, 'http://127.0.0.1:1/github/repos/o/r/pulls/1');
    assert.equal(requestOf('https://gitlab.com/g/p/-/issues/2', apis)!.url, 'http://127.0.0.1:1/gitlab/projects/g%2Fp/issues/2');
    assert.equal(
      requestOf('https://issues.apache.org/jira/browse/MAHOUT-3', apis)!.url,
      'http://127.0.0.1:1/jira/issue/MAHOUT-3?fields=summary,status,resolution',
    );
    assert.equal(requestOf('https://bugzil.la/4', apis)!.url, 'http://127.0.0.1:1/bugzilla/bug/4?include_fields=summary,status,resolution');
    assert.equal(requestOf('https://github.com/o/r/pull/1', { ...DEFAULT_FACTS_APIS, github: 'file:///etc' }), undefined, 'no http(s) API: nothing asked');
  });

  it('asks nothing for what has no facts: a discussion, a malformed link, a GitHub page that is no item', () => {
    for (const url of ['https://github.com/o/r/discussions/3', 'https://github.com/o/r/pulls/1', 'https://github.com/o/r', 'https://github.com/o/r/pull/'])
      assert.equal(requestOf(url), undefined, url);
  });
});

describe("other trackers' link facts: the answer", () => {
  const read = (url: string, json: unknown) => readFacts(requestOf(url)!, json);

  it("reads a pull request's state in a reader's words: merged, draft, open, closed", () => {
    const pull = 'https://github.com/o/r/pull/1';
    assert.deepEqual(read(pull, { title: 'A', state: 'closed', merged: true, user: { login: 'mona' } }), {
      kind: 'pull-request',
      title: 'A',
      status: 'merged',
      owner: 'mona',
    });
    assert.equal(read(pull, { title: 'A', state: 'open', draft: true }).status, 'draft');
    assert.equal(read(pull, { title: 'A', state: 'closed', merged: false, merged_at: null }).status, 'closed');
    // an issue's number that is a pull request's
    assert.deepEqual(read('https://github.com/o/r/issues/1', { title: 'A', state: 'closed', pull_request: { merged_at: '2016-01-01T00:00:00Z' } }), {
      kind: 'pull-request',
      title: 'A',
      status: 'merged',
    });
    assert.equal(read('https://gitlab.com/g/p/-/merge_requests/1', { title: 'A', state: 'opened', work_in_progress: true }).status, 'draft');
  });

  it('strips control characters from what a service says, and keeps the rest as text', () => {
    const facts = read('https://github.com/o/r/commit/0123456789abcdef0123456789abcdef01234567', {
      commit: { message: '\u001b]8;;https://evil.example\u0007Fix <b>it</b>\n\nbody' },
      author: { login: 'mo\u0000na' },
    });
    assert.deepEqual(facts, { kind: 'commit', title: ']8;;https://evil.exampleFix <b>it</b>', owner: 'mona' });
    assert.equal(read('https://bugzil.la/1', { bugs: [{ summary: '\u0007Crash\u001b[2J\u009bnow', status: 'NEW', resolution: '' }] }).title, 'Crash[2Jnow');
  });

  it('refuses an answer not of the shape its API documents', () => {
    assert.throws(() => read('https://github.com/o/r/pull/1', { message: 'Not Found' }), /no title/);
    assert.throws(() => read('https://gitlab.com/g/p/-/issues/1', { state: 'opened' }), /no title/);
    assert.throws(() => read('https://issues.apache.org/jira/browse/MAHOUT-1', { fields: { summary: 42 } }), /no summary/);
    assert.throws(() => read('https://bugzil.la/1', { bugs: [] }), /no bug/);
    assert.throws(() => read('https://bugzil.la/1', ['not', 'an', 'object']), /not a JSON object/);
  });
});
