// The CLI with the other trackers: outline --json's kinds and identifiers (OpenStack's links keep
// theirs), the text outline's counts, the flags for GitLab and Jira hosts, the repository of `#123`
// and the Jira projects, and the email of a draft of such links, with --annotate-links.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../../src/cli';
import type { OutlineLink } from '../../../src/core/parse/outline';
import { startFakeServices, type FakeServices } from '../helpers/fakeServices';

const root = path.join(__dirname, '..', '..', '..');
const fixture = (name: string) => path.join(root, 'test', 'fixtures', 'trackers', name);

function run(args: string[], stdin = ''): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(args, { out: (s) => out.push(s), err: (s) => err.push(s), stdin: () => Buffer.from(stdin) });
  if (typeof code !== 'number') throw new Error('run() is for the synchronous commands');
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function runAsync(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s), stdin: () => Buffer.from('') });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A link of `outline --json`, as the CLI prints it. */
type JsonLink = OutlineLink;

describe('midcycle outline with the other trackers', () => {
  it('--json gives each item its kind, tracker, host and identifiers', () => {
    const links = (JSON.parse(run(['outline', fixture('w3c-minutes.md'), '--json']).out) as { links: JsonLink[] }).links;
    const pick = ({ kind, tracker, host, repository, number, key, commit }: JsonLink) => ({ kind, tracker, host, repository, number, key, commit });
    assert.deepEqual(pick(links.find((l) => l.url === 'https://github.com/w3c/webextensions/pull/792/files')!), {
      kind: 'pull-request',
      tracker: 'github',
      host: 'github.com',
      repository: 'w3c/webextensions',
      number: 792,
      key: undefined,
      commit: undefined,
    });
    assert.deepEqual(pick(links.find((l) => l.tracker === 'bugzilla')!), {
      kind: 'bug',
      tracker: 'bugzilla',
      host: 'bugzilla.mozilla.org',
      repository: undefined,
      number: 1876214,
      key: undefined,
      commit: undefined,
    });
    assert.deepEqual(pick(links.find((l) => l.tracker === 'phabricator')!).key, 'D201234');
    assert.equal(links.find((l) => l.kind === 'commit')!.commit, '3f1a2b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a');
    // an issue list is another link, with no identifiers
    const list = 'https://github.com/w3c/webextensions/issues';
    const line10 = fs.readFileSync(fixture('w3c-minutes.md'), 'utf8').split('\n')[9];
    const column = line10.indexOf(`${list})`) + 1;
    assert.deepEqual(links[1], { kind: 'other', url: list, line: 10, column, endLine: 10, endColumn: column + list.length });
  });

  it('--json: a short reference is `raw` in the text, `url` in the email; a Gerrit known by its shape says its host', () => {
    const tsc = (JSON.parse(run(['outline', fixture('nodejs-tsc.md'), '--json']).out) as { links: JsonLink[] }).links;
    const short = tsc.find((l) => l.raw === '#1735')!;
    assert.deepEqual(
      { ...short, line: undefined, column: undefined, endLine: undefined, endColumn: undefined },
      {
        kind: 'issue',
        url: 'https://github.com/nodejs/TSC/issues/1735',
        raw: '#1735',
        tracker: 'github',
        host: 'github.com',
        repository: 'nodejs/TSC',
        number: 1735,
        short: true,
        line: undefined,
        column: undefined,
        endLine: undefined,
        endColumn: undefined,
      },
    );
    const gerrit = (JSON.parse(run(['outline', fixture('gerrit-anywhere.md'), '--json']).out) as { links: JsonLink[] }).links.find((l) => l.kind === 'review')!;
    assert.deepEqual([gerrit.tracker, gerrit.host, gerrit.change, gerrit.project], ['gerrit', 'gerrit-review.googlesource.com', 412345, 'gerrit']);
  });

  it("counts each topic's pull requests, issues and bugs in the text outline", () => {
    const r = run(['outline', fixture('rust-triage.md')]);
    assert.match(r.out, /^ {6}"Doc comments on macro arms" compiler-team#935 \(Zulip\) {2}\(line 6\) {2}1 issue · 1 link$/m);
    assert.match(r.out, /^ {6}merge {2}\(line 9\) {2}1 pull request$/m);
    assert.match(r.out, /^ {6}Fixes rust-lang\/rust#148347, a P-high regression {2}\(line 15\) {2}1 issue$/m);
  });
});

describe('midcycle flags for the other trackers', () => {
  it('--repository: `#123` of that repository; --jira-project: keys of that project', () => {
    const draft = '- Spotlight #1735, MAHOUT-2207\n';
    const urls = (args: string[]) => (JSON.parse(run(['outline', '-', '--json', ...args], draft).out) as { links: JsonLink[] }).links.map((l) => l.url);
    assert.deepEqual(urls([]), []);
    assert.deepEqual(urls(['--repository', 'nodejs/TSC', '--jira-project', 'https://issues.apache.org/jira/browse/MAHOUT']), [
      'https://github.com/nodejs/TSC/issues/1735',
      'https://issues.apache.org/jira/browse/MAHOUT-2207',
    ]);
    assert.deepEqual(urls(['--repository', 'https://gitlab.gnome.org/GNOME/glib']), ['https://gitlab.gnome.org/GNOME/glib/-/issues/1735']);
  });

  it("--gitlab-host and --jira-host: their links checked as GitLab's and Jira's", () => {
    const draft = '- https://git.example.org/infra/ansible/merge_requests/12x and https://tickets.example.org/browse/OPS-\n';
    assert.equal(run(['check', '-'], draft).code, 0);
    const r = run(['check', '-', '--gitlab-host', 'git.example.org', '--jira-host', 'tickets.example.org'], draft);
    assert.equal(r.code, 1);
    assert.deepEqual(
      r.out.split('\n').map((l) => l.split(' ')[2]),
      ['gitlab-number-not-numeric', 'jira-key-missing'],
    );
  });

  it('refuses a repository or a Jira project it cannot read, in one line', () => {
    assert.deepEqual(run(['outline', '-', '--repository', 'not a repository'], '- x\n'), {
      code: 2,
      out: '',
      err: 'midcycle: --repository needs owner/repo or a repository\'s URL, not "not a repository" (see midcycle --help)',
    });
    assert.equal(run(['outline', '-', '--jira-project', 'MAHOUT'], '- x\n').code, 2);
  });
});

describe('midcycle export with the other trackers', () => {
  it('writes each short reference as its URL in the text part, and every link as it is', () => {
    const r = run(['export', fixture('nodejs-tsc.md'), '--format', 'text']);
    assert.equal(r.code, 0);
    assert.match(r.out, /contributor spotlight #1735\s+<https:\/\/github\.com\/nodejs\/TSC\/issues\/1735>/);
    assert.match(r.out, /nodejs\/admin#912\s+<https:\/\/github\.com\/nodejs\/admin\/issues\/912>/);
    assert.match(r.out, /#58837\s+<https:\/\/github\.com\/nodejs\/node\/pull\/58837>/);
  });

  describe('--online --annotate-links', () => {
    let s: FakeServices;
    let dir: string;
    const cacheHome = process.env.XDG_CACHE_HOME;
    before(async () => {
      s = await startFakeServices({ changes: { 283798: { subject: 'Add routed networks', status: 'MERGED', project: 'openstack/neutron' } } });
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midcycle-trackers-'));
      process.env.XDG_CACHE_HOME = path.join(dir, 'cache');
    });
    after(async () => {
      if (cacheHome === undefined) delete process.env.XDG_CACHE_HOME;
      else process.env.XDG_CACHE_HOME = cacheHome;
      await s.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it("annotates OpenStack's links as before and leaves the other trackers' as they are (they have no facts yet), asking them nothing", async () => {
      const draft = path.join(dir, 'draft.md');
      fs.writeFileSync(
        draft,
        '---\nrepository: nodejs/TSC\n---\n\n- Routed networks: https://review.openstack.org/#/c/283798/ with https://github.com/nodejs/node/pull/58837, #1735 and https://gerrit-review.googlesource.com/c/gerrit/+/412345\n',
      );
      const apis = ['--gerrit-api', `review.openstack.org=${s.gerrit}`, '--launchpad-api', s.launchpad, '--storyboard-api', s.storyboard];
      const r = await runAsync(['export', draft, '--format', 'text', '--online', '--annotate-links', 'status', ...apis]);
      assert.equal(r.code, 0, r.err);
      assert.match(
        r.out,
        /#\/c\/283798\/ \(merged\)\s+with\s+https:\/\/github\.com\/nodejs\/node\/pull\/58837, #1735\s+<https:\/\/github\.com\/nodejs\/TSC\/issues\/1735> and\s+https:\/\/gerrit-review\.googlesource\.com\/c\/gerrit\/\+\/412345\s*$/,
      );
      assert.deepEqual(s.requests, ['/gerrit/changes/283798']);
    });
  });
});
