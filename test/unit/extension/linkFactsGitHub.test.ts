// GitHub, GitLab, Jira and Bugzilla links in the editor: the link facts service (src/extension/
// linkFactsService.ts) against the fake services, with the stand-in vscode's GitHub session. The
// session is asked silently and only for GitHub's links; its token goes to GitHub's API alone; a rate
// limit is one line, the other links still read; signing in asks again.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { changeSession, resetStandIn, standInVscode, Uri, type StandInState } from '../helpers/standInVscode';
import { startFakeServices, type FakeData, type FakeServices } from '../helpers/fakeServices';
import { DEFAULT_FACTS_APIS, parseReport, type Link, type Report } from '../../../src/core';
import { LinkFactsService } from '../../../src/extension/linkFactsService';
import { hoverMarkdown } from '../../../src/extension/hoverText';

async function until(done: () => boolean, ms = 5000): Promise<void> {
  for (const end = Date.now() + ms; !done() && Date.now() < end;) await new Promise((r) => setTimeout(r, 20));
}

const DATA: FakeData = {
  github: {
    'octo-org/octo-repo#12': { title: 'Add <img src=x onerror=alert(1)> [x](command:workbench.action.quit)', state: 'closed', pull: true, user: 'mona' },
  },
  gitlab: { 'gitlab-org/gitlab!5': { title: 'Faster pipelines', state: 'merged' } },
  jira: { 'MAHOUT-1': { summary: 'Create the project', status: 'Open' } },
  bugzilla: { 1234: { summary: 'Crash on start', status: 'NEW' } },
};

const DRAFT = [
  '- https://github.com/octo-org/octo-repo/pull/12',
  '- https://gitlab.com/gitlab-org/gitlab/-/merge_requests/5',
  '- https://issues.apache.org/jira/browse/MAHOUT-1',
  '- https://bugzilla.mozilla.org/show_bug.cgi?id=1234',
  '',
].join('\n');

describe('link facts in the editor: GitHub, GitLab, Jira, Bugzilla and the GitHub session', () => {
  let github: FakeServices;
  let others: FakeServices;
  let dir: string;
  let state: StandInState;
  let service: LinkFactsService;
  let changes: number;
  const logLines: string[] = [];

  const make = (githubApi?: string) => {
    const at = (level: string) => (message: string) => void logLines.push(`[${level}] ${message}`);
    service = new LinkFactsService(standInVscode as unknown as typeof vscode, {
      // GitHub's API on a server of its own: its origin stands in for api.github.com's, the one the session's token may go to
      githubSessionOrigin: new URL(github.github).origin,
      apis: {
        ...DEFAULT_FACTS_APIS,
        github: githubApi ?? github.github,
        gitlab: { 'gitlab.com': others.gitlab },
        jira: { 'issues.apache.org': others.jira },
        bugzilla: { 'bugzilla.mozilla.org': others.bugzilla },
      },
      timeoutMs: 2000,
      cacheFile: Uri.file(path.join(dir, 'link-facts.json')) as unknown as vscode.Uri,
      changed: () => void changes++,
      log: { trace: at('trace'), debug: at('debug'), info: at('info'), warn: at('warning'), error: at('error') },
    });
  };
  const found = (report: Report) => report.links.map((l: Link) => service.resultOf(l)?.state);

  beforeEach(async () => {
    state = resetStandIn();
    github = await startFakeServices(DATA);
    others = await startFakeServices(DATA);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midcycle-facts-github-'));
    changes = 0;
    logLines.length = 0;
    make();
  });
  afterEach(async () => {
    service.dispose();
    await Promise.all([github.close(), others.close()]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("signed in: the session is asked silently, its token goes to GitHub's API alone, every link gets its facts", async () => {
    changeSession('github', 'gho_session_token');
    const report = parseReport(DRAFT);
    await service.refresh(report);
    assert.deepEqual(state.sessionAsks, [{ providerId: 'github', scopes: [], options: { createIfNone: false, silent: true } }]);
    assert.deepEqual(found(report), ['found', 'found', 'found', 'found']);
    assert.deepEqual([...new Set(github.authorizations)], ['Bearer gho_session_token']);
    assert.deepEqual(others.requests.sort(), ['/bugzilla/bug/1234', '/gitlab/projects/gitlab-org/gitlab/merge_requests/5', '/jira/issue/MAHOUT-1']);
    assert.deepEqual([...new Set(others.authorizations)], [undefined]);
    assert.ok(
      logLines.every((l) => !l.includes('gho_session_token')),
      logLines.join('\n'),
    );
    // what the writer sees: the hover's facts, the service's text escaped; the diagnostics
    const hover = hoverMarkdown(report.links[0], service.resultOf(report.links[0]))!;
    assert.ok(hover.startsWith('**GitHub pull request \\#12** in octo\\-org/octo\\-repo on github\\.com\n\n“Add \\<img'), hover);
    assert.match(hover, /closed by mona/);
    assert.ok(hover.includes('\\<img src=x onerror=alert\\(1\\)\\>'), hover);
    assert.ok(!hover.includes('](command:'), hover);
    assert.ok(hover.includes('\\[x\\]\\(command\\:workbench'), hover);
    assert.match(hoverMarkdown(report.links[2], service.resultOf(report.links[2]))!, /“Create the project”\n\nOpen/);
    assert.deepEqual(
      service.diagnostics(report, {}).map((d) => `${d.code} ${d.message}`),
      [
        'pull-request-closed Pull request octo-org/octo-repo#12 was closed without being merged (“Add <img src=x onerror=alert(1)> [x](command:workbench.action.quit)”).',
      ],
    );
  });

  it('a GitHub Enterprise API set in its place never gets the github.com session', async () => {
    changeSession('github', 'gho_session_token');
    service.dispose();
    make(others.github);
    const report = parseReport('- https://github.com/octo-org/octo-repo/pull/12\n');
    await service.refresh(report);
    assert.deepEqual(found(report), ['found']);
    assert.deepEqual(others.requests, ['/github/repos/octo-org/octo-repo/pulls/12']);
    assert.deepEqual([...new Set([...github.authorizations, ...others.authorizations])], [undefined]);
    assert.deepEqual(state.sessionAsks, [], 'not even asked');
  });

  it('signed out: no Authorization header anywhere', async () => {
    const report = parseReport(DRAFT);
    await service.refresh(report);
    assert.equal(state.sessionAsks.length, 1);
    assert.deepEqual(found(report), ['found', 'found', 'found', 'found']);
    assert.deepEqual([...new Set([...github.authorizations, ...others.authorizations])], [undefined]);
  });

  it('asks for no session while the draft has no GitHub link', async () => {
    const report = parseReport('- https://gitlab.com/gitlab-org/gitlab/-/merge_requests/5\n');
    await service.refresh(report);
    assert.deepEqual(found(report), ['found']);
    assert.equal(state.sessionAsks.length, 0);
  });

  it("on GitHub's rate limit: one line that says to sign in, the other links read; signing in asks again, with the session", async () => {
    github.faults.set('/github/*', { type: 'rate-limit' });
    const report = parseReport(DRAFT);
    service.schedule('draft', report, true);
    await until(() => service.troubleText() !== undefined && found(report).every(Boolean));
    assert.equal(
      service.troubleText(),
      `GitHub at ${new URL(github.github).host}/github (GitHub's rate limit for anonymous requests: sign in to GitHub in VS Code, or set GITHUB_TOKEN for the CLI)`,
    );
    assert.deepEqual(found(report), ['failed', 'found', 'found', 'found']);
    assert.deepEqual(service.diagnostics(report, {}), [], 'a link whose facts failed has no diagnostic');
    assert.equal(github.requests.length, 1, 'GitHub asked once, then left alone');
    // the writer signs in: what failed is asked again, with the token, and the line goes
    github.faults.clear();
    changeSession('github', 'gho_session_token');
    await until(() => found(report)[0] === 'found');
    assert.deepEqual(found(report), ['found', 'found', 'found', 'found']);
    assert.equal(service.troubleText(), undefined);
    assert.equal(github.authorizations.at(-1), 'Bearer gho_session_token');
    assert.equal(others.requests.length, 3, 'what was read is not asked again');
  });

  it("signing in asks again for GitHub's items that were not found: a private repository's are not found without the session", async () => {
    const report = parseReport('- https://github.com/octo-org/private-repo/issues/3\n- https://gitlab.com/gitlab-org/gitlab/-/merge_requests/404\n');
    service.schedule('draft', report, true);
    await until(() => found(report).every(Boolean));
    assert.deepEqual(found(report), ['not-found', 'not-found']);
    // the repository, private: GitHub shows it to the signed-in user alone
    (DATA.github as Record<string, unknown>)['octo-org/private-repo#3'] = { title: 'Secret plans', state: 'open' };
    try {
      changeSession('github', 'gho_session_token');
      await until(() => found(report)[0] === 'found');
      assert.deepEqual(found(report), ['found', 'not-found']);
      assert.equal(others.requests.length, 1, "GitLab's answer stands");
      assert.deepEqual(github.authorizations, [undefined, 'Bearer gho_session_token']);
    } finally {
      delete (DATA.github as Record<string, unknown>)['octo-org/private-repo#3'];
    }
  });

  it("signed in and still limited: says so in the account's words", async () => {
    changeSession('github', 'gho_session_token');
    github.faults.set('/github/*', { type: 'rate-limit' });
    await service.refresh(parseReport(DRAFT));
    assert.match(service.troubleText()!, /GitHub's rate limit for your account \(5,000 requests an hour\): the rest are looked up once it resets/);
  });

  it('a session that cannot be read is no session: the links are read without one', async () => {
    const getSession = standInVscode.authentication.getSession;
    standInVscode.authentication.getSession = async () => {
      throw new Error('no GitHub authentication provider');
    };
    try {
      const report = parseReport(DRAFT);
      await service.refresh(report);
      assert.deepEqual(found(report), ['found', 'found', 'found', 'found']);
      assert.ok(logLines.includes('[debug] no GitHub session: no GitHub authentication provider'), logLines.join('\n'));
    } finally {
      standInVscode.authentication.getSession = getSession;
    }
  });
});
