// `--online`: the CLI's link facts contract against the fake Gerrit, Launchpad and StoryBoard.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../../src/cli';
import { startFakeServices, type Fault, type FakeServices } from '../helpers/fakeServices';

const root = path.join(__dirname, '..', '..', '..');

const DRAFT = `---
subject: Team meeting
---
- Routed networks: https://review.openstack.org/#/c/283798/ and [IPAM](https://review.openstack.org/#/c/282876/)
- DVR: https://bugs.launchpad.net/nova/+bug/1507499
- Spec: https://blueprints.launchpad.net/neutron/+spec/routed-networks
- Story: https://storyboard.openstack.org/#!/story/2004567 and https://storyboard.openstack.org/#!/story/1
`;

const DATA = {
  changes: {
    283798: { subject: 'Add routed networks', status: 'MERGED' as const, project: 'openstack/neutron', owner: 'Carl Baldwin' },
    282876: { subject: 'IPAM <b>segments</b>', status: 'ABANDONED' as const, project: 'openstack/neutron' },
  },
  bugs: { 1507499: { title: 'DVR flows missing', tasks: [{ target: 'neutron', status: 'Fix Released' }] } },
  specs: { 'neutron/routed-networks': { title: 'Routed networks', implementation_status: 'Implemented' } },
  stories: { 2004567: { title: 'Port the client', status: 'active' } },
};

async function runAsync(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s), stdin: () => Buffer.from('') });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('midcycle --online', () => {
  let s: FakeServices;
  let dir: string;
  let draft: string;
  let apis: string[];
  const cacheHome = process.env.XDG_CACHE_HOME;
  beforeEach(async () => {
    s = await startFakeServices(DATA);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midcycle-online-'));
    draft = path.join(dir, 'draft.md');
    fs.writeFileSync(draft, DRAFT);
    process.env.XDG_CACHE_HOME = path.join(dir, 'cache');
    apis = ['--gerrit-api', `review.openstack.org=${s.gerrit}`, '--launchpad-api', s.launchpad, '--storyboard-api', s.storyboard];
  });
  afterEach(async () => {
    if (cacheHome === undefined) delete process.env.XDG_CACHE_HOME;
    else process.env.XDG_CACHE_HOME = cacheHome;
    await s.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('check: abandoned changes, bugs of another project (fixable), stories that are not there; exit status as offline', async () => {
    const r = await runAsync(['check', draft, '--online', ...apis]);
    assert.equal(r.code, 0);
    const lines = DRAFT.split('\n');
    const col = (line: number, url: string) => lines[line - 1].indexOf(url) + 1;
    assert.deepEqual(r.out.split('\n'), [
      `${draft}:4:${col(4, 'https://review.openstack.org/#/c/282876/')} info review-abandoned Change 282876 was abandoned (“IPAM <b>segments</b>”).`,
      `${draft}:5:8 warning bug-other-project Bug 1507499 (“DVR flows missing”) is filed against neutron, not nova. Did you mean <https://bugs.launchpad.net/neutron/+bug/1507499>?`,
      `${draft}:7:${col(7, 'https://storyboard.openstack.org/#!/story/1')} warning story-not-found Story 1 was not found on storyboard.openstack.org.`,
    ]);
    const fixed = await runAsync(['check', draft, '--online', '--fix', ...apis]);
    assert.match(fixed.err, /fixed 1 problem/);
    assert.match(fs.readFileSync(draft, 'utf8'), /bugs\.launchpad\.net\/neutron\/\+bug\/1507499/);
    assert.doesNotMatch(fixed.out, /bug-other-project/);
  });

  it('outline --json: each looked-up link gains its facts', async () => {
    const r = await runAsync(['outline', draft, '--json', '--online', ...apis]);
    const o = JSON.parse(r.out);
    assert.deepEqual(
      o.links.map((l: { facts?: unknown }) => l.facts),
      [
        { found: true, title: 'Add routed networks', status: 'MERGED', project: 'openstack/neutron', owner: 'Carl Baldwin' },
        { found: true, title: 'IPAM <b>segments</b>', status: 'ABANDONED', project: 'openstack/neutron' },
        { found: true, title: 'DVR flows missing', status: 'Fix Released', project: 'neutron' },
        { found: true, title: 'Routed networks', status: 'Implemented', project: 'neutron' },
        { found: true, title: 'Port the client', status: 'active' },
        { found: false },
      ],
    );
    assert.equal(o.topics[0].statuses, '1 merged · 1 abandoned');
  });

  it('export --annotate-links: the status after a link, or the title before a bare URL, escaped', async () => {
    const status = await runAsync(['export', draft, '--format', 'text', '--online', '--annotate-links', 'status', ...apis]);
    assert.match(status.out, /#\/c\/283798\/ \(merged\) and\s+IPAM <https:\/\/review\.openstack\.org\/#\/c\/282876\/> \(abandoned\)/);
    const title = await runAsync(['export', draft, '--online', '--annotate-links', 'title', ...apis]);
    assert.match(title.out, /Routed networks: “Add routed networks” <a href="https:\/\/review\.openstack\.org\/#\/c\/283798\/">/);
    assert.match(title.out, /<a href="https:\/\/review\.openstack\.org\/#\/c\/282876\/">IPAM<\/a>/, 'a link with its own words gets no title');
  });

  it('says once on stderr which service could not be reached, checks the rest, keeps the exit status', async () => {
    s.faults.set('/gerrit/*', { type: 'slow', ms: 10_000 });
    const r = await runAsync(['check', draft, '--online', '--timeout', '0.5', ...apis]);
    assert.equal(r.code, 0);
    assert.deepEqual(
      r.out.split('\n').map((l) => l.split(' ')[2]),
      ['bug-other-project', 'story-not-found'],
    );
    assert.equal(r.err.split('\n').filter((l) => l.includes('could not read link facts')).length, 1);
    assert.match(
      r.err,
      new RegExp(`could not read link facts from Gerrit at ${new URL(s.gerrit).host}/gerrit \\(no answer within 0.5 s\\): its links were not checked online`),
    );
  });

  // every fault of the fake Gerrit, through the CLI: the change's facts are missing, the reason is
  // said once, the other services' links are still checked, and the exit status is as offline
  const faults: [string, Fault, RegExp][] = [
    ['a 500 on every try', { type: 'status', status: 500 }, /\(HTTP 500\)/],
    ['a 429 with a long Retry-After', { type: 'status', status: 429, retryAfter: '120' }, /\(too many requests \(HTTP 429\)\)/],
    ['malformed JSON', { type: 'malformed' }, /\(unreadable answer \(not JSON\)\)/],
    ['an answer over the size cap', { type: 'huge', bytes: 2_000_000 }, /over the 1048576-byte limit/],
    [
      'a redirect to another host',
      { type: 'redirect', location: 'http://example.invalid/changes/1' },
      /redirected to example\.invalid, which Midcycle does not follow/,
    ],
  ];
  for (const [what, fault, reason] of faults) {
    it(`on ${what} from Gerrit: its links unchecked, said once, the rest checked, exit status unchanged`, async () => {
      s.faults.set('/gerrit/*', fault);
      const r = await runAsync(['check', draft, '--online', '--no-cache', ...apis]);
      assert.equal(r.code, 0);
      assert.deepEqual(
        r.out.split('\n').map((l) => l.split(' ')[2]),
        ['bug-other-project', 'story-not-found'],
      );
      const lines = r.err.split('\n').filter((l) => l.includes('could not read link facts'));
      assert.equal(lines.length, 1);
      assert.match(lines[0], reason);
      assert.ok(s.requests.every((p) => !p.includes('example.invalid')));
    });
  }

  it('on a 429 with a short Retry-After: waits, then reads the answer', async () => {
    s.faults.set('/gerrit/changes/282876', { type: 'status', status: 429, times: 1, retryAfter: '1' });
    const r = await runAsync(['check', draft, '--online', '--no-cache', ...apis]);
    assert.match(r.out, /review-abandoned/);
    assert.doesNotMatch(r.err, /could not read/);
  });

  it('keeps answers in $XDG_CACHE_HOME/midcycle, and --no-cache asks again', async () => {
    await runAsync(['check', draft, '--online', ...apis]);
    const asked = s.requests.length;
    assert.ok(fs.existsSync(path.join(dir, 'cache', 'midcycle', 'link-facts.json')));
    await runAsync(['check', draft, '--online', ...apis]);
    assert.equal(s.requests.length, asked, 'answers, "not found" among them, are kept: nothing asked again');
    await runAsync(['check', draft, '--online', '--no-cache', ...apis]);
    assert.equal(s.requests.length, asked * 2);
  });

  it('fetches nothing without --online, and refuses the online flags without it', async () => {
    const r = await runAsync(['check', draft, ...apis]);
    assert.equal(r.code, 2);
    assert.match(r.err, /--gerrit-api is for --online/);
    const offline = await runAsync(['check', draft]);
    assert.equal(offline.out, '');
    assert.equal(s.requests.length, 0);
  });

  it('works as a process from dist/', async function () {
    const cli = path.join(root, 'dist', 'cli.js');
    if (!fs.existsSync(path.join(root, 'dist', 'linkFactsModule.js'))) this.skip(); // `npm test` builds first; a bare mocha run may not have
    const child = spawn(process.execPath, [cli, 'outline', draft, '--json', '--online', '--no-cache', ...apis], { env: { ...process.env } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const code = await new Promise<number>((resolve) => child.on('close', resolve));
    assert.equal(code, 0);
    assert.equal(JSON.parse(out).links[0].facts.status, 'MERGED');
  });
});
