// `--online` for GitHub, GitLab, Jira and Bugzilla links: what the CLI prints against their fake APIs
// (--github-api, --gitlab-api, --jira-api, --bugzilla-api), GITHUB_TOKEN sent to GitHub's API alone,
// and GitHub's rate limit said in one line.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../../src/cli';
import { startFakeServices, type Fault, type FakeData, type FakeServices } from '../helpers/fakeServices';

const root = path.join(__dirname, '..', '..', '..');

const HASH = '0123456789abcdef0123456789abcdef01234567';

const DRAFT = `---
subject: Team meeting
---
- Flags: https://github.com/octo-org/octo-repo/pull/12 and https://github.com/octo-org/octo-repo/issues/7
- Old way: https://github.com/octo-org/octo-repo/pull/13
- Mislinked: https://github.com/octo-org/octo-repo/issues/12
- Commit: https://github.com/octo-org/octo-repo/commit/${HASH}
- Missing: https://github.com/octo-org/octo-repo/issues/999
- GitLab: https://gitlab.com/gitlab-org/gitlab/-/merge_requests/5 and https://gitlab.com/gitlab-org/gitlab/-/issues/6
- Dropped: https://gitlab.com/gitlab-org/gitlab/-/merge_requests/8
- Jira: https://issues.apache.org/jira/browse/MAHOUT-1
- Bugzilla: https://bugzilla.mozilla.org/show_bug.cgi?id=1234
`;

const DATA: FakeData = {
  github: {
    'octo-org/octo-repo#12': { title: 'Add a --flag', state: 'open', pull: true, merged: true, user: 'mona' },
    'octo-org/octo-repo#13': { title: 'Try another way', state: 'closed', pull: true },
    'octo-org/octo-repo#7': { title: 'Flags are missing', state: 'open' },
  },
  commits: { [`octo-org/octo-repo@${HASH}`]: { message: 'Read the flags\n\nAnd more.', author: 'mona' } },
  gitlab: {
    'gitlab-org/gitlab!5': { title: 'Draft: faster pipelines', state: 'opened', draft: true },
    'gitlab-org/gitlab#6': { title: 'Pipelines are slow', state: 'closed' },
    'gitlab-org/gitlab!8': { title: 'A dead end', state: 'closed' },
  },
  jira: { 'MAHOUT-1': { summary: 'Create the project', status: 'Resolved', resolution: 'Fixed' } },
  bugzilla: { 1234: { summary: 'Crash on <script>alert(1)</script>\u001b[31m', status: 'RESOLVED', resolution: 'FIXED' } },
};

async function runAsync(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s), stdin: () => Buffer.from('') });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

// the fake services, a draft in a folder of its own, the API flags that point at them: fresh for
// each test of the suites that call withFakes()
let s: FakeServices;
let draft: string;
let apis: string[];

function withFakes(): void {
  let dir: string;
  const saved = { cache: process.env.XDG_CACHE_HOME, token: process.env.GITHUB_TOKEN };
  const restore = (k: 'XDG_CACHE_HOME' | 'GITHUB_TOKEN', v: string | undefined) => (v === undefined ? delete process.env[k] : (process.env[k] = v));
  beforeEach(async () => {
    s = await startFakeServices(DATA);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midcycle-trackers-'));
    draft = path.join(dir, 'draft.md');
    fs.writeFileSync(draft, DRAFT);
    process.env.XDG_CACHE_HOME = path.join(dir, 'cache');
    delete process.env.GITHUB_TOKEN;
    apis = [
      '--github-api',
      s.github,
      '--gitlab-api',
      s.gitlab,
      '--jira-api',
      `issues.apache.org=${s.jira}`,
      '--bugzilla-api',
      `bugzilla.mozilla.org=${s.bugzilla}`,
    ];
  });
  afterEach(async () => {
    restore('XDG_CACHE_HOME', saved.cache);
    restore('GITHUB_TOKEN', saved.token);
    await s.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
}

describe('midcycle --online, GitHub, GitLab, Jira and Bugzilla', () => {
  withFakes();
  it('outline --json: each link has the title (and state) its server gave', async () => {
    const r = await runAsync(['outline', draft, '--json', '--online', ...apis]);
    assert.equal(r.err, '');
    const o = JSON.parse(r.out);
    assert.deepEqual(
      o.links.map((l: { url: string; facts?: unknown }) => [l.url, l.facts]),
      [
        ['https://github.com/octo-org/octo-repo/pull/12', { found: true, title: 'Add a --flag', status: 'merged', owner: 'mona' }],
        ['https://github.com/octo-org/octo-repo/issues/7', { found: true, title: 'Flags are missing', status: 'open', owner: 'octocat' }],
        ['https://github.com/octo-org/octo-repo/pull/13', { found: true, title: 'Try another way', status: 'closed', owner: 'octocat' }],
        ['https://github.com/octo-org/octo-repo/issues/12', { found: true, title: 'Add a --flag', status: 'merged', owner: 'mona' }],
        [`https://github.com/octo-org/octo-repo/commit/${HASH}`, { found: true, title: 'Read the flags', owner: 'mona' }],
        ['https://github.com/octo-org/octo-repo/issues/999', { found: false }],
        ['https://gitlab.com/gitlab-org/gitlab/-/merge_requests/5', { found: true, title: 'Draft: faster pipelines', status: 'draft', owner: 'gitlab-user' }],
        ['https://gitlab.com/gitlab-org/gitlab/-/issues/6', { found: true, title: 'Pipelines are slow', status: 'closed', owner: 'gitlab-user' }],
        ['https://gitlab.com/gitlab-org/gitlab/-/merge_requests/8', { found: true, title: 'A dead end', status: 'closed', owner: 'gitlab-user' }],
        ['https://issues.apache.org/jira/browse/MAHOUT-1', { found: true, title: 'Create the project', status: 'Resolved, Fixed' }],
        ['https://bugzilla.mozilla.org/show_bug.cgi?id=1234', { found: true, title: 'Crash on <script>alert(1)</script>[31m', status: 'RESOLVED FIXED' }],
      ],
    );
    assert.deepEqual(s.requests.filter((p) => !p.startsWith('/github/')).sort(), [
      '/bugzilla/bug/1234',
      '/gitlab/projects/gitlab-org/gitlab/issues/6',
      '/gitlab/projects/gitlab-org/gitlab/merge_requests/5',
      '/gitlab/projects/gitlab-org/gitlab/merge_requests/8',
      '/jira/issue/MAHOUT-1',
    ]);
  });

  it('check: pull and merge requests closed without being merged, an issue link that is a pull request (fixable), an issue not there', async () => {
    const r = await runAsync(['check', draft, '--online', ...apis]);
    assert.equal(r.code, 0);
    assert.deepEqual(r.out.split('\n'), [
      `${draft}:5:12 info pull-request-closed Pull request octo-org/octo-repo#13 was closed without being merged (“Try another way”).`,
      `${draft}:6:14 warning issue-link-is-pull-request Pull request octo-org/octo-repo#12 (“Add a --flag”) is linked as an issue. Did you mean <https://github.com/octo-org/octo-repo/pull/12>?`,
      `${draft}:8:12 warning issue-not-found Issue octo-org/octo-repo#999 was not found on github.com: a mistyped number, or a private repository.`,
      `${draft}:10:12 info merge-request-closed Merge request gitlab-org/gitlab!8 was closed without being merged (“A dead end”).`,
    ]);
    const fixed = await runAsync(['check', draft, '--online', '--fix', ...apis]);
    assert.match(fixed.err, /fixed 1 problem/);
    assert.match(fs.readFileSync(draft, 'utf8'), /^- Mislinked: https:\/\/github\.com\/octo-org\/octo-repo\/pull\/12$/m);
    assert.doesNotMatch(fixed.out, /issue-link-is-pull-request/);
  });

  it('check: a commit, a Jira issue and a Bugzilla bug that are not there', async () => {
    fs.writeFileSync(
      draft,
      `- https://github.com/octo-org/octo-repo/commit/${'f'.repeat(40)}\n- https://issues.apache.org/jira/browse/MAHOUT-404\n- https://bugzilla.mozilla.org/show_bug.cgi?id=404\n`,
    );
    const r = await runAsync(['check', draft, '--online', ...apis]);
    assert.deepEqual(
      r.out.split('\n').map((l) => l.split(' ').slice(1).join(' ')),
      [
        `warning commit-not-found Commit octo-org/octo-repo@${'f'.repeat(7)} was not found on github.com: a mistyped hash, or a private repository.`,
        'warning issue-not-found Issue MAHOUT-404 was not found on issues.apache.org: a mistyped key, or a private issue.',
        'warning bug-not-found Bug 404 was not found on bugzilla.mozilla.org: a mistyped number, or a private bug.',
      ],
    );
  });

  it('export --annotate-links: the state after each link, the title before each bare URL, escaped', async () => {
    const status = await runAsync(['export', draft, '--format', 'text', '--online', '--annotate-links', 'status', ...apis]);
    const text = status.out.replace(/\s+/g, ' ');
    for (const annotated of [
      'octo-repo/pull/12 (merged)',
      'octo-repo/issues/7 (open)',
      'octo-repo/pull/13 (closed)',
      'merge_requests/5 (draft)',
      'issues/6 (closed)',
      'MAHOUT-1 (Resolved, Fixed)',
      'id=1234 (RESOLVED FIXED)',
    ])
      assert.ok(text.includes(annotated), `${annotated} in ${text}`);
    assert.ok(text.includes('octo-repo/issues/999 -'), 'a link not found has no note');
    const title = await runAsync(['export', draft, '--online', '--annotate-links', 'title', ...apis]);
    assert.match(title.out, /Flags: “Add a --flag” <a href="https:\/\/github\.com\/octo-org\/octo-repo\/pull\/12">/);
    assert.match(title.out, /Commit: “Read the flags” <a /);
    assert.match(title.out, /GitLab: “Draft: faster pipelines” <a /);
    assert.match(title.out, /Jira: “Create the project” <a /);
    assert.match(title.out, /Bugzilla: “Crash on &lt;script&gt;alert\(1\)&lt;\/script&gt;\[31m” <a /);
    assert.doesNotMatch(title.out, /<script>|\u001b/);
  });

  it('refuses an API flag without --online, and a Jira or Bugzilla API without its host', async () => {
    const r = await runAsync(['check', draft, '--github-api', s.github]);
    assert.equal(r.code, 2);
    assert.match(r.err, /--github-api is for --online/);
    const jira = await runAsync(['check', draft, '--online', '--jira-api', s.jira]);
    assert.equal(jira.code, 2);
    assert.match(jira.err, /--jira-api needs HOST=BASE, not "http:\/\/127\.0\.0\.1:\d+\/jira"/);
    const github = await runAsync(['check', draft, '--online', '--github-api', 'ftp://x']);
    assert.match(github.err, /--github-api needs an http\(s\) URL, not "ftp:\/\/x"/);
    process.env.GITHUB_TOKEN = 'ghp_x\r\nX-Injected: 1';
    const token = await runAsync(['check', draft, '--online', ...apis]);
    assert.deepEqual([token.code, token.err], [2, 'midcycle: GITHUB_TOKEN holds a space or a control character: it is no token (see midcycle --help)']);
    assert.equal(s.requests.length, 0);
  });

  it('works as a process from dist/: each link with its title, GITHUB_TOKEN from the environment', async function () {
    const cli = path.join(root, 'dist', 'cli.js');
    if (!fs.existsSync(path.join(root, 'dist', 'linkFactsModule.js'))) this.skip(); // `npm test` builds first; a bare mocha run may not have
    // GitHub's API on a server of its own, as api.github.com is: the token goes to its origin alone
    const github = await startFakeServices(DATA);
    try {
      const child = spawn(
        process.execPath,
        [cli, 'outline', draft, '--json', '--online', '--no-cache', ...apis.map((a) => (a === s.github ? github.github : a))],
        {
          env: { ...process.env, GITHUB_TOKEN: 'ghp_from_env' },
        },
      );
      let out = '';
      let err = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (err += d));
      const code = await new Promise<number>((resolve) => child.on('close', resolve));
      assert.equal(code, 0, err);
      const titles = JSON.parse(out).links.map((l: { facts?: { title?: string } }) => l.facts?.title);
      assert.deepEqual(titles, [
        'Add a --flag',
        'Flags are missing',
        'Try another way',
        'Add a --flag',
        'Read the flags',
        undefined,
        'Draft: faster pipelines',
        'Pipelines are slow',
        'A dead end',
        'Create the project',
        'Crash on <script>alert(1)</script>[31m',
      ]);
      assert.ok(github.requests.length >= 6 && github.requests.every((p) => p.startsWith('/github/')));
      assert.deepEqual([...new Set(github.authorizations)], ['Bearer ghp_from_env']);
      assert.deepEqual([...new Set(s.authorizations)], [undefined]);
      assert.doesNotMatch(out + err, /ghp_from_env/);
    } finally {
      await github.close();
    }
  });
});

describe('midcycle --online, a fault of GitHub, GitLab, Jira or Bugzilla', () => {
  withFakes();
  // every fault, from each of the four APIs: that service's links unchecked, said once, the others
  // checked, the exit status as offline
  const services: [string, string, string[]][] = [
    ['github', 'GitHub', ['merge-request-closed']],
    ['gitlab', 'GitLab', ['pull-request-closed', 'issue-link-is-pull-request', 'issue-not-found']],
    ['jira', 'Jira', ['pull-request-closed', 'issue-link-is-pull-request', 'issue-not-found', 'merge-request-closed']],
    ['bugzilla', 'Bugzilla', ['pull-request-closed', 'issue-link-is-pull-request', 'issue-not-found', 'merge-request-closed']],
  ];
  const faults: [string, Fault, RegExp][] = [
    ['a 500 on every try', { type: 'status', status: 500 }, /\(HTTP 500\)/],
    ['a 429 with a long Retry-After', { type: 'status', status: 429, retryAfter: '120' }, /\(too many requests \(HTTP 429\)\)/],
    ['an answer that is not JSON', { type: 'malformed' }, /\(unreadable answer \(not JSON\)\)/],
    ['an answer over the size cap', { type: 'huge', bytes: 2_000_000 }, /over the 1048576-byte limit/],
    [
      'a redirect to another host',
      { type: 'redirect', location: 'http://example.invalid/x' },
      /redirected to example\.invalid, which Midcycle does not follow/,
    ],
    ['no answer in time', { type: 'slow', ms: 10_000 }, /\(no answer within 0\.5 s\)/],
  ];
  for (const [id, name, rest] of services)
    for (const [what, fault, reason] of faults)
      it(`on ${what} from ${name}: its links unchecked, said once, the rest checked`, async () => {
        s.faults.set(`/${id}/*`, fault);
        const r = await runAsync(['check', draft, '--online', '--no-cache', '--timeout', '0.5', ...apis]);
        assert.equal(r.code, 0);
        assert.deepEqual(
          r.out.split('\n').flatMap((l) => (l ? [l.split(' ')[2]] : [])),
          rest,
        );
        const lines = r.err.split('\n').filter((l) => l.includes('could not read link facts'));
        assert.equal(lines.length, 1, r.err);
        assert.match(lines[0], new RegExp(`from ${name} at 127\\.0\\.0\\.1:\\d+/${id} `));
        assert.match(lines[0], reason);
        assert.ok(s.requests.every((p) => !p.includes('example.invalid')));
      });

  for (const [id, name] of services) {
    it(`on a 5xx, then an answer, from ${name}: retries and reads it`, async () => {
      s.faults.set(`/${id}/*`, { type: 'status', status: 503, times: 1 });
      const r = await runAsync(['outline', draft, '--json', '--online', '--no-cache', ...apis]);
      assert.doesNotMatch(r.err, /could not read/);
      assert.ok(
        JSON.parse(r.out).links.every((l: { facts?: unknown }) => l.facts),
        r.out,
      );
    });

    it(`on a 429 with a short Retry-After from ${name}: waits, then reads it`, async () => {
      s.faults.set(`/${id}/*`, { type: 'status', status: 429, times: 1, retryAfter: '1' });
      const r = await runAsync(['outline', draft, '--json', '--online', '--no-cache', ...apis]);
      assert.doesNotMatch(r.err, /could not read/);
      assert.ok(
        JSON.parse(r.out).links.every((l: { facts?: unknown }) => l.facts),
        r.out,
      );
    });

    it(`on a 410 from ${name}: the item is not there`, async () => {
      s.faults.set(`/${id}/*`, { type: 'status', status: 410 });
      const r = await runAsync(['outline', draft, '--json', '--online', '--no-cache', ...apis]);
      assert.doesNotMatch(r.err, /could not read/);
      const theirs = JSON.parse(r.out).links.filter((l: { url: string }) =>
        l.url.includes(id === 'jira' ? 'apache' : id === 'bugzilla' ? 'mozilla' : `${id}.com`),
      );
      assert.ok(theirs.length);
      for (const l of theirs) assert.deepEqual(l.facts, { found: false });
    });
  }
});

describe("midcycle --online, GITHUB_TOKEN and GitHub's rate limit", () => {
  withFakes();
  it('sends GITHUB_TOKEN to the GitHub API alone, and prints it nowhere', async () => {
    // GitHub's API on a server of its own: the token goes to its origin, never to the other services'
    const github = await startFakeServices(DATA);
    try {
      process.env.GITHUB_TOKEN = 'ghp_secret123';
      const r = await runAsync(['outline', draft, '--json', '--online', '--no-cache', ...apis.map((a) => (a === s.github ? github.github : a))]);
      assert.equal(r.code, 0);
      assert.ok(github.requests.length && github.requests.every((p) => p.startsWith('/github/')));
      assert.deepEqual([...new Set(github.authorizations)], ['Bearer ghp_secret123']);
      assert.deepEqual([...new Set(s.requests.map((p) => p.split('/')[1]))].sort(), ['bugzilla', 'gitlab', 'jira']);
      assert.deepEqual([...new Set(s.authorizations)], [undefined]);
      assert.doesNotMatch(r.out + r.err, /ghp_secret123/);
      assert.equal(JSON.parse(r.out).links[0].facts.title, 'Add a --flag');
    } finally {
      await github.close();
    }
  });

  it("with GITHUB_TOKEN, asks again for GitHub's items kept as not found: a private repository's are not found without it", async () => {
    fs.writeFileSync(draft, '- https://github.com/octo-org/private-repo/issues/3\n- https://gitlab.com/gitlab-org/gitlab/-/issues/404\n');
    const facts = async () => JSON.parse((await runAsync(['outline', draft, '--json', '--online', ...apis])).out).links.map((l: { facts: unknown }) => l.facts);
    assert.deepEqual(await facts(), [{ found: false }, { found: false }]);
    (DATA.github as Record<string, unknown>)['octo-org/private-repo#3'] = { title: 'Secret plans', state: 'open' };
    try {
      assert.deepEqual(await facts(), [{ found: false }, { found: false }], 'kept an hour without a token');
      process.env.GITHUB_TOKEN = 'ghp_secret123';
      assert.deepEqual(await facts(), [{ found: true, title: 'Secret plans', status: 'open', owner: 'octocat' }, { found: false }]);
      assert.deepEqual(
        s.requests.filter((p) => p.startsWith('/gitlab/')),
        ['/gitlab/projects/gitlab-org/gitlab/issues/404'],
        "GitLab's answer kept",
      );
    } finally {
      delete (DATA.github as Record<string, unknown>)['octo-org/private-repo#3'];
    }
  });

  it('sends no Authorization header without GITHUB_TOKEN', async () => {
    await runAsync(['outline', draft, '--json', '--online', '--no-cache', ...apis]);
    assert.ok(s.requests.length);
    assert.deepEqual([...new Set(s.authorizations)], [undefined]);
  });

  it("on GitHub's rate limit: one line saying so (sign in, or GITHUB_TOKEN), GitHub asked no more, the other links checked", async () => {
    s.faults.set('/github/*', { type: 'rate-limit' });
    const r = await runAsync(['check', draft, '--online', ...apis]);
    assert.equal(r.code, 0);
    assert.deepEqual(
      r.out.split('\n').map((l) => l.split(' ')[2]),
      ['merge-request-closed'],
    );
    const lines = r.err.split('\n').filter((l) => l.includes('could not read link facts'));
    assert.deepEqual(lines, [
      `midcycle: could not read link facts from GitHub at ${new URL(s.github).host}/github (GitHub's rate limit for anonymous requests: sign in to GitHub in VS Code, or set GITHUB_TOKEN for the CLI): its links were not checked online`,
    ]);
    // the links in flight when the first answer came (4 at most), and none after
    assert.ok(s.requests.filter((p) => p.startsWith('/github/')).length <= 4, s.requests.join(' '));
    process.env.GITHUB_TOKEN = 'ghp_secret123';
    const signedIn = await runAsync(['check', draft, '--online', ...apis]);
    assert.match(signedIn.err, /GitHub's rate limit for your account \(5,000 requests an hour\)/);
    assert.doesNotMatch(signedIn.err, /ghp_secret123/);
  });

  it('on a GITHUB_TOKEN that GitHub refuses: one line, GitHub asked no more, the other links checked', async () => {
    process.env.GITHUB_TOKEN = 'ghp_revoked';
    s.faults.set('/github/*', { type: 'status', status: 401 });
    const r = await runAsync(['check', draft, '--online', '--no-cache', ...apis]);
    assert.equal(r.code, 0);
    assert.deepEqual(
      r.out.split('\n').map((l) => l.split(' ')[2]),
      ['merge-request-closed'],
    );
    assert.deepEqual(
      r.err.split('\n').filter((l) => l.includes('could not read link facts')),
      [
        `midcycle: could not read link facts from GitHub at ${new URL(s.github).host}/github (the token was refused (HTTP 401)): its links were not checked online`,
      ],
    );
    assert.ok(s.requests.filter((p) => p.startsWith('/github/')).length <= 4, s.requests.join(' '));
    assert.doesNotMatch(r.out + r.err, /ghp_revoked/);
  });

  it("on GitHub's rate limit that resets within seconds: waits, then reads the answers", async () => {
    s.faults.set('/github/repos/octo-org/octo-repo/pulls/13', { type: 'rate-limit', reset: Math.floor(Date.now() / 1000) + 1 });
    // (the fake keeps answering 403 for that path: its one link fails after the retries, the others are read)
    const r = await runAsync(['outline', draft, '--json', '--online', '--no-cache', ...apis]);
    const facts = JSON.parse(r.out).links.map((l: { facts?: { title?: string } }) => l.facts?.title);
    assert.equal(facts[0], 'Add a --flag');
    assert.equal(s.requests.filter((p) => p === '/github/repos/octo-org/octo-repo/pulls/13').length, 3, 'asked again twice after the reset, no more');
  });
});
