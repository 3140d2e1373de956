// The loop on the command line: `midcycle import PAD-URL` against a stand-in etherpad (and MeetBot's
// minutes from files), a draft's last report (`previous:`) in outline and check, and
// `export --action-summary`. What a writer sees: the draft, stderr's one line, the JSON contract.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../../src/cli';
import { startFakeEtherpad, type FakeEtherpad } from '../helpers/fakeEtherpad';
import { startFakeServices } from '../helpers/fakeServices';

const root = path.join(__dirname, '..', '..', '..');
const reference = path.join(root, 'examples', 'neutron-mitaka-midcycle.md');
const notes = (name: string) => path.join(root, 'test', 'fixtures', 'notes', name);

async function run(args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s), stdin: () => Buffer.from(stdin) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('midcycle import PAD-URL', () => {
  let pad: FakeEtherpad;
  let dir: string;
  before(async () => {
    pad = await startFakeEtherpad({ 'neutron-yoga-ptg': fs.readFileSync(notes('neutron-yoga-ptg.txt'), 'utf8') });
    pad.faults.set('slow', { type: 'slow', ms: 3000 });
    pad.faults.set('huge', { type: 'huge', bytes: 2 * 1024 * 1024 });
    pad.faults.set('away', { type: 'redirect', location: 'https://evil.example/p/away/export/txt' });
  });
  after(() => pad.close());
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midcycle-loop-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads the pad from the etherpad host it is told of, and writes a draft of its topics, links, action items and attendees, which exports', async () => {
    const draft = path.join(dir, 'yoga.md');
    const address = `${pad.origin}/p/neutron-yoga-ptg`;
    const r = await run(['import', address, '--etherpad-host', pad.host, '-o', draft]);
    assert.equal(r.code, 0, r.err);
    assert.equal(
      r.err,
      `midcycle: imported ${address} as meeting notes (an etherpad's text): 6 attendees in the front matter; dropped 2 time stamps, 3 votes, 2 o/s into ${draft}`,
    );
    assert.equal(pad.requests.at(-1)?.path, '/p/neutron-yoga-ptg/export/txt');
    const outline = JSON.parse((await run(['outline', draft, '--json'])).out);
    assert.deepEqual(
      outline.topics[0].children.flatMap((day: { children: { title: string }[] }) => day.children.map((t) => t.title)),
      ['Topic: Xena retrospective (slaweq)', 'Topic: OVN migration status (ralonsoh)', 'Secure RBAC', 'Bug deputy rotation', 'Stadium projects'],
    );
    assert.equal(outline.links.length, 11);
    assert.deepEqual(
      outline.actions.map((a: { owner: string }) => a.owner),
      ['slaweq', 'ralonsoh', 'haleyb', 'lajoskatona', 'obondarev'],
    );
    assert.match(fs.readFileSync(draft, 'utf8'), /^---\nsubject: Neutron Yoga PTG\nattendees: \[Slawek Kaplonski \(slaweq\), /);
    const exported = await run(['export', draft, '--format', 'text']);
    assert.equal(exported.code, 0);
    assert.match(exported.out, /Secure RBAC/);
  });

  it('says in one line, exit 2, why a pad cannot be read: not there, too slow, too large, redirected away, not an etherpad host', async () => {
    const fail = async (name: string, extra: string[] = []) => {
      const r = await run(['import', `${pad.origin}/p/${name}`, '--etherpad-host', pad.host, ...extra]);
      assert.equal(r.code, 2);
      assert.equal(r.out, '');
      assert.ok(!r.err.includes('\n'), r.err);
      return r.err;
    };
    assert.equal(await fail('nope'), `midcycle: cannot read the pad ${pad.origin}/p/nope: there is no such pad (HTTP 404)`);
    assert.equal(await fail('slow', ['--timeout', '1']), `midcycle: cannot read the pad ${pad.origin}/p/slow: no answer within 1 s`);
    assert.equal(await fail('huge'), `midcycle: cannot read the pad ${pad.origin}/p/huge: answer over the 1048576-byte limit`);
    assert.equal(await fail('away'), `midcycle: cannot read the pad ${pad.origin}/p/away: redirected to evil.example, which Midcycle does not follow`);
    const unknown = await run(['import', `${pad.origin}/p/neutron-yoga-ptg`]);
    assert.equal(unknown.code, 2);
    assert.match(
      unknown.err,
      new RegExp(
        `^midcycle: ${pad.host.replace(/\./g, '\\.')} is not an etherpad host Midcycle knows .*: add it with --etherpad-host ${pad.host.replace(/\./g, '\\.')}`,
      ),
    );
  });

  it('never writes over a file, and asks the pad nothing then', async () => {
    const draft = path.join(dir, 'there.md');
    fs.writeFileSync(draft, 'mine');
    const before = pad.requests.length;
    const r = await run(['import', `${pad.origin}/p/neutron-yoga-ptg`, '--etherpad-host', pad.host, '-o', draft]);
    assert.equal(r.code, 2);
    assert.equal(fs.readFileSync(draft, 'utf8'), 'mine');
    assert.equal(pad.requests.length, before);
  });

  it("reads MeetBot's minutes from a file by their content, and notes when asked (--notes)", async () => {
    const minutes = await run(['import', notes('fedora-releng-2015-02-09.txt')]);
    assert.equal(minutes.code, 0);
    assert.match(minutes.err, /as MeetBot minutes \(text\): 8 attendees in the front matter/);
    assert.match(minutes.out, /^---\nsubject: "#fedora-meeting-1: RELENG \(2015-02-09\)"\nattendees: \[dgilmore, /);
    const html = await run(['import', notes('ubuntu-technical-board-2022-02-22.html')]);
    assert.match(html.err, /as MeetBot minutes \(HTML\)/);
    const asked = await run(['import', '-', '--notes'], 'Sync\n\nTopic: gate\n\t* +1\n\t* gibi to look at the failures\n');
    assert.equal(asked.code, 0);
    assert.equal(asked.out, '- Topic: gate\n  - gibi to look at the failures'.replace(/^/, 'Sync\n\n'));
    assert.equal((await run(['import', '-', '--notes', '--text'])).code, 2);
    assert.match((await run(['outline', reference, '--notes'])).err, /--notes is for import/);
  });
});

describe('midcycle outline and check with previous:', () => {
  let dir: string;
  const write = (name: string, text: string) => {
    fs.writeFileSync(path.join(dir, name), text);
    return path.join(dir, name);
  };
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midcycle-previous-'));
    fs.mkdirSync(path.join(dir, 'reports'));
    fs.copyFileSync(reference, path.join(dir, '2016-mitaka.md'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("lists the reference draft's four action items as followUps, lines in it, relative to the draft's folder", async () => {
    const draft = write('reports/newton.md', '---\nprevious: ../2016-mitaka.md\n---\n\n- L3: haleyb followed up with the code for gateway ports.\n');
    const r = await run(['outline', draft, '--json']);
    assert.equal(r.code, 0);
    assert.deepEqual(JSON.parse(r.out).followUps, [
      { owner: 'carl_baldwin', text: 'put up model proposal', line: 44, done: false, mentioned: false },
      { owner: 'haleyb', text: 'follow up with code', line: 44, done: false, mentioned: true },
      { owner: 'mlavalle', text: 'track nova development and put notes together', line: 62, done: false, mentioned: false },
      { owner: 'arnax', text: 'respin https://review.openstack.org/#/c/281628/ for updates', line: 76, done: false, mentioned: false },
    ]);
    const text = (await run(['outline', draft])).out.split('\n');
    assert.deepEqual(text.slice(text.indexOf('From the last report (../2016-mitaka.md):')), [
      'From the last report (../2016-mitaka.md):',
      '  carl_baldwin: put up model proposal  (line 44 there)  open, not mentioned here',
      '  haleyb: follow up with code  (line 44 there)  open, mentioned here',
      '  mlavalle: track nova development and put notes together  (line 62 there)  open, not mentioned here',
      '  arnax: respin https://review.openstack.org/#/c/281628/ for updates  (line 76 there)  open, not mentioned here',
    ]);
    // a draft without previous: has no followUps at all
    assert.equal(JSON.parse((await run(['outline', reference, '--json'])).out).followUps, undefined);
  });

  it('says on the previous: line how many open items go unmentioned, or that the last report cannot be read', async () => {
    const draft = write('newton.md', '---\nprevious: 2016-mitaka.md\n---\n\n- L3: haleyb followed up with the code.\n');
    const r = await run(['check', draft]);
    assert.equal(r.code, 0);
    assert.equal(
      r.out,
      `${draft}:2:1 info follow-ups-open 3 open action items of the last report are not mentioned in this draft: say what became of them, or carry them over.`,
    );
    const missing = write('missing.md', '---\nprevious: nope.md\n---\n\nHi\n');
    assert.equal((await run(['check', missing])).out, `${missing}:2:1 warning previous-unreadable The last report (nope.md) cannot be read: no such file.`);
    assert.equal((await run(['outline', missing])).err, 'midcycle: cannot read the last report, nope.md: no such file');
  });

  it('imports a last report that is an .eml on the fly, and reads it, never writes it', async () => {
    const eml = path.join(dir, '2016-mitaka.eml');
    assert.equal((await run(['export', path.join(dir, '2016-mitaka.md'), '--format', 'eml', '-o', eml])).code, 0);
    const before = fs.statSync(eml).mtimeMs;
    const draft = write('newton.md', '---\nprevious: 2016-mitaka.eml\n---\n\nHi\n');
    const ups = JSON.parse((await run(['outline', draft, '--json'])).out).followUps;
    assert.deepEqual(
      ups.map((u: { owner: string }) => u.owner),
      ['carl_baldwin', 'haleyb', 'mlavalle', 'arnax'],
    );
    assert.equal(fs.statSync(eml).mtimeMs, before);
  });

  it('with --online, an item is done once every change it links has merged', async () => {
    const s = await startFakeServices({ changes: { 281628: { subject: 'Stadium', status: 'MERGED', project: 'openstack/governance' } } });
    try {
      const draft = write('newton.md', '---\nprevious: 2016-mitaka.md\n---\n\nHi\n');
      const r = await run(['outline', draft, '--json', '--online', '--no-cache', '--gerrit-api', s.gerrit, '--launchpad-api', s.launchpad]);
      const ups = JSON.parse(r.out).followUps as { owner: string; done: boolean }[];
      assert.deepEqual(
        ups.map((u) => [u.owner, u.done]),
        [
          ['carl_baldwin', false],
          ['haleyb', false],
          ['mlavalle', false],
          ['arnax', true],
        ],
      );
      assert.ok(s.requests.includes('/gerrit/changes/281628'));
    } finally {
      await s.close();
    }
  });
});

describe('midcycle export --action-summary', () => {
  it('ends the email with "Action items, by person", as MeetBot does, in the HTML and the text part', async () => {
    const text = await run(['export', reference, '--format', 'text', '--action-summary']);
    assert.equal(text.code, 0);
    assert.ok(
      text.out.endsWith(
        [
          'Action items, by person',
          '',
          '- arnax',
          '  - respin https://review.openstack.org/#/c/281628/ for updates',
          '- carl_baldwin',
          '  - put up model proposal',
          '- haleyb',
          '  - follow up with code',
          '- mlavalle',
          '  - track nova development and put notes together',
        ].join('\n'),
      ),
      text.out.slice(-400),
    );
    const html = (await run(['export', reference, '--action-summary'])).out;
    assert.match(html, /Action items, by person<\/font><\/div><ul><li><font face="arial, helvetica, sans-serif">arnax<\/font><\/li>/);
    assert.ok(!(await run(['export', reference])).out.includes('Action items, by person'));
    assert.match((await run(['check', reference, '--action-summary'])).err, /--action-summary is for export/);
  });
});
