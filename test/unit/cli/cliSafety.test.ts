// What the CLI writes and prints when text from outside is hostile, or the file system is not as
// expected: planted symlinks, files changed meanwhile, control characters, a service's words.
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../../src/cli';
import { writeAtomically } from '../../../src/writeAtomically';
import { startFakeServices, type FakeServices } from '../helpers/fakeServices';

const root = path.join(__dirname, '..', '..', '..');
const reference = path.join(root, 'examples', 'neutron-mitaka-midcycle.md');

async function runAsync(args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s), stdin: () => Buffer.from(stdin) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Control characters a terminal acts on: ESC, BEL, a lone CR, DEL and the C1 range (CSI, OSC). */
const TERMINAL_CONTROLS = /[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\r(?!\n)/;

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midcycle-safety-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('midcycle writes', () => {
  it('never follows a symlink planted at a temporary name: its target is left alone', async () => {
    const victim = path.join(dir, 'victim.txt');
    fs.writeFileSync(victim, 'precious');
    // the names the old writer used (.<name>.<pid>.tmp), and a few guesses of any scheme
    for (const name of [`.mail.html.${process.pid}.tmp`, '.mail.html.tmp', 'mail.html.tmp', '.mail.html.swp']) fs.symlinkSync(victim, path.join(dir, name));
    const r = await runAsync(['export', reference, '-o', path.join(dir, 'mail.html')]);
    assert.equal(r.code, 0, r.err);
    assert.equal(fs.readFileSync(victim, 'utf8'), 'precious');
    assert.ok(fs.readFileSync(path.join(dir, 'mail.html'), 'utf8').startsWith('<div dir="ltr">'));
  });

  it('makes its temporary file exclusively, under a name that differs each time', () => {
    const made: { name: string; flags: unknown }[] = [];
    // the module object itself (the import above is a read-only view of it)
    const nodeFs = require('node:fs') as typeof fs; // eslint-disable-line @typescript-eslint/no-require-imports
    const open = nodeFs.openSync;
    nodeFs.openSync = ((p: fs.PathLike, flags: fs.OpenMode, mode?: fs.Mode) => {
      made.push({ name: path.basename(String(p)), flags });
      return open(p, flags, mode);
    }) as typeof fs.openSync;
    try {
      writeAtomically(path.join(dir, 'a.md'), 'one');
      writeAtomically(path.join(dir, 'a.md'), 'two');
    } finally {
      nodeFs.openSync = open;
    }
    const temporary = made.filter((m) => m.name.endsWith('.tmp'));
    assert.equal(temporary.length, 2);
    assert.ok(temporary.every((m) => m.flags === 'wx'));
    assert.notEqual(temporary[0].name, temporary[1].name);
    assert.ok(temporary.every((m) => !m.name.includes(String(process.pid))));
    assert.deepEqual(fs.readdirSync(dir), ['a.md']);
  });

  it('a dangling symlink at -o is something there: refused without --force, replaced (never followed) with it', async () => {
    const out = path.join(dir, 'mail.html');
    const pointsTo = path.join(dir, 'elsewhere.html');
    fs.symlinkSync(pointsTo, out);
    const refused = await runAsync(['export', reference, '-o', out]);
    assert.equal(refused.code, 2);
    assert.match(refused.err, /exists already: use --force/);
    assert.equal(fs.existsSync(pointsTo), false);
    const forced = await runAsync(['export', reference, '-o', out, '--force']);
    assert.equal(forced.code, 0, forced.err);
    assert.equal(fs.lstatSync(out).isFile(), true);
    assert.equal(fs.existsSync(pointsTo), false, "the link's target was not written");
  });

  it('-o - writes to standard output, and no file named "-"', async () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const r = await runAsync(['export', reference, '--format', 'text', '-o', '-']);
      assert.equal(r.code, 0);
      assert.match(r.out, /^Hi Neutrinos,/);
      const imported = await runAsync(['import', '-', '-o', '-'], 'Hi all,\n\nNotes.\n');
      assert.equal(imported.code, 0, imported.err);
      assert.match(imported.out, /Notes\./);
      assert.deepEqual(fs.readdirSync(dir), []);
    } finally {
      process.chdir(cwd);
    }
  });

  it('writes a file whose name is as long as the file system allows', async () => {
    const name = `${'r'.repeat(250)}.html`; // 255 bytes: the usual limit of a name
    const r = await runAsync(['export', reference, '-o', path.join(dir, name)]);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(fs.readdirSync(dir), [name]);
  });
});

describe('midcycle check --fix', () => {
  const broken = 'Hi,\n\n- Fix: https://bugs.launchpad.net/neutron/+bugs/1507499\n';
  const fixed = 'Hi,\n\n- Fix: https://bugs.launchpad.net/neutron/+bug/1507499\n';

  it("keeps the draft's permissions", async () => {
    const draft = path.join(dir, 'draft.md');
    fs.writeFileSync(draft, broken, { mode: 0o600 });
    fs.chmodSync(draft, 0o600);
    const r = await runAsync(['check', draft, '--fix']);
    assert.match(r.err, /fixed 1 problem/);
    assert.equal(fs.readFileSync(draft, 'utf8'), fixed);
    assert.equal(fs.statSync(draft).mode & 0o777, 0o600);
  });

  it('writes through a symlink to its target: the link stays a link', async () => {
    fs.mkdirSync(path.join(dir, 'notes'));
    const target = path.join(dir, 'notes', 'real.md');
    fs.writeFileSync(target, broken);
    const link = path.join(dir, 'draft.md');
    fs.symlinkSync(path.join('notes', 'real.md'), link);
    const r = await runAsync(['check', link, '--fix']);
    assert.match(r.err, /fixed 1 problem/);
    assert.equal(fs.lstatSync(link).isSymbolicLink(), true);
    assert.equal(fs.readFileSync(target, 'utf8'), fixed);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'notes')), ['real.md']);
  });

  describe('--online', () => {
    let s: FakeServices;
    const cacheHome = process.env.XDG_CACHE_HOME;
    beforeEach(async () => {
      process.env.XDG_CACHE_HOME = path.join(dir, 'cache');
    });
    afterEach(async () => {
      if (cacheHome === undefined) delete process.env.XDG_CACHE_HOME;
      else process.env.XDG_CACHE_HOME = cacheHome;
      await s?.close();
    });

    it('never overwrites an edit saved while the links were looked up', async () => {
      s = await startFakeServices({ bugs: { 1507499: { title: 'DVR flows', tasks: [{ target: 'neutron', status: 'New' }] } } });
      s.faults.set('/launchpad/bugs/1507499', { type: 'slow', ms: 600 });
      const draft = path.join(dir, 'draft.md');
      fs.writeFileSync(draft, `${broken}- Other: https://bugs.launchpad.net/nova/+bug/1507499\n`);
      const edited = `${broken}- Other: https://bugs.launchpad.net/nova/+bug/1507499\n- A line the writer added meanwhile\n`;
      setTimeout(() => fs.writeFileSync(draft, edited), 200);
      const r = await runAsync(['check', draft, '--online', '--fix', '--launchpad-api', s.launchpad]);
      assert.equal(r.code, 2);
      assert.match(r.err, /draft\.md changed while Midcycle was working on it .*nothing was written: run again/);
      assert.equal(fs.readFileSync(draft, 'utf8'), edited);
    });

    it("applies a fix from a service's answer only when the name is one Launchpad could have", async () => {
      const hostile = ['neutron)\n\n# Pwned', 'neu$&tron', 'Neutron Project', 'neutron](https://evil.example)'];
      for (const target of hostile) {
        await s?.close();
        s = await startFakeServices({ bugs: { 1507499: { title: 'DVR', tasks: [{ target, status: 'New' }] } } });
        const draft = path.join(dir, 'draft.md');
        const text = 'Hi,\n\n- Bug: https://bugs.launchpad.net/nova/+bug/1507499\n';
        fs.writeFileSync(draft, text);
        const r = await runAsync(['check', draft, '--online', '--fix', '--no-cache', '--launchpad-api', s.launchpad]);
        assert.equal(fs.readFileSync(draft, 'utf8'), text, `not applied: ${JSON.stringify(target)}`);
        assert.doesNotMatch(r.err, /fixed/);
        assert.doesNotMatch(r.out, /Did you mean/);
      }
      await s.close();
      s = await startFakeServices({ bugs: { 1507499: { title: 'DVR', tasks: [{ target: 'ubuntu/+source/neutron', status: 'New' }] } } });
      const draft = path.join(dir, 'draft.md');
      fs.writeFileSync(draft, 'Hi,\n\n- Bug: https://bugs.launchpad.net/nova/+bug/1507499\n');
      const r = await runAsync(['check', draft, '--online', '--fix', '--no-cache', '--launchpad-api', s.launchpad]);
      assert.match(r.err, /fixed 1 problem/);
      assert.equal(fs.readFileSync(draft, 'utf8'), 'Hi,\n\n- Bug: https://bugs.launchpad.net/ubuntu/+source/neutron/+bug/1507499\n');
    });
  });
});

describe('midcycle prints no control characters', () => {
  const ESC = '\x1b';
  const hostile = `${ESC}[2J${ESC}]0;pwned\x07${ESC}]8;;https://evil.example\x07click${ESC}]8;;\x07\x9b31m\r`;
  let s: FakeServices | undefined;
  const cacheHome = process.env.XDG_CACHE_HOME;
  beforeEach(() => {
    process.env.XDG_CACHE_HOME = path.join(dir, 'cache');
  });
  afterEach(async () => {
    if (cacheHome === undefined) delete process.env.XDG_CACHE_HOME;
    else process.env.XDG_CACHE_HOME = cacheHome;
    await s?.close();
    s = undefined;
  });

  it("of a draft's own text: shown as symbols in outline and check, escaped in JSON", async () => {
    const draft = `---\nsubject: Report ${hostile}\n---\nHi,\n\n- Topic ${hostile}: owner${ESC} to do it https://bugs.launchpad.net/neutron/+bugs/1\n`;
    for (const args of [
      ['outline', '-'],
      ['check', '-'],
      ['export', '-', '--format', 'text'],
      ['export', '-'],
      ['import', '-'],
    ]) {
      const r = await runAsync(args, draft);
      assert.doesNotMatch(r.out, TERMINAL_CONTROLS, args.join(' '));
      assert.doesNotMatch(r.err, TERMINAL_CONTROLS, args.join(' '));
    }
    const shown = await runAsync(['outline', '-'], draft);
    assert.match(shown.out, /Topic ␛\[2J␛\]0;pwned␇/);
    for (const args of [
      ['outline', '-', '--json'],
      ['check', '-', '--json'],
    ]) {
      const r = await runAsync(args, draft);
      assert.doesNotMatch(r.out, TERMINAL_CONTROLS);
      JSON.parse(r.out);
    }
    const json = JSON.parse((await runAsync(['outline', '-', '--json'], draft)).out);
    assert.ok(json.topics[0].title.startsWith(`Topic ${ESC}[2J${ESC}]0;pwned\x07`), 'the JSON still says what the draft holds');
    assert.ok(json.topics[0].title.includes('\x9b31m'), 'C1 escaped in JSON, read back as it was');
  });

  it("of a service's answer: removed from titles and statuses, in check, outline and the email's annotations", async () => {
    s = await startFakeServices({
      changes: { 283798: { subject: `Add ${hostile} networks`, status: 'MERGED', project: 'openstack/neutron' } },
      bugs: { 1507499: { title: `DVR ${hostile}`, tasks: [{ target: 'nova', status: `New${ESC}[5m` }] } },
    });
    const draft = path.join(dir, 'draft.md');
    fs.writeFileSync(draft, 'Hi,\n\n- https://review.openstack.org/#/c/283798/ and https://bugs.launchpad.net/neutron/+bug/1507499\n');
    const apis = ['--gerrit-api', `review.openstack.org=${s.gerrit}`, '--launchpad-api', s.launchpad];
    const outline = await runAsync(['outline', draft, '--json', '--online', ...apis]);
    const facts = JSON.parse(outline.out).links.map((l: { facts?: { title?: string } }) => l.facts?.title);
    assert.deepEqual(facts, ['Add [2J]0;pwned]8;;https://evil.exampleclick]8;;31m networks', 'DVR [2J]0;pwned]8;;https://evil.exampleclick]8;;31m']);
    for (const args of [
      ['check', draft],
      ['outline', draft],
      ['export', draft, '--annotate-links', 'title'],
      ['export', draft, '--annotate-links', 'status', '--format', 'text'],
    ]) {
      const r = await runAsync([...args, '--online', ...apis]);
      assert.doesNotMatch(r.out, TERMINAL_CONTROLS, args.join(' '));
      assert.doesNotMatch(r.out, /␛|␇/, `${args.join(' ')}: nothing left to show`);
    }
    const out = path.join(dir, 'mail.html');
    await runAsync(['export', draft, '--annotate-links', 'title', '-o', out, '--online', ...apis]);
    assert.doesNotMatch(fs.readFileSync(out, 'utf8'), TERMINAL_CONTROLS);
  });
});

describe('the link facts cache', () => {
  let s: FakeServices;
  const cacheHome = process.env.XDG_CACHE_HOME;
  const cacheDir = () => path.join(dir, 'cache', 'midcycle');
  const cacheFile = () => path.join(cacheDir(), 'link-facts.json');
  beforeEach(async () => {
    process.env.XDG_CACHE_HOME = path.join(dir, 'cache');
    const changes: Record<number, { subject: string; status: 'NEW'; project: string }> = {};
    for (let n = 1; n <= 50; n++) changes[1000 + n] = { subject: `Change ${n}`, status: 'NEW', project: 'openstack/neutron' };
    s = await startFakeServices({ changes });
  });
  afterEach(async () => {
    if (cacheHome === undefined) delete process.env.XDG_CACHE_HOME;
    else process.env.XDG_CACHE_HOME = cacheHome;
    await s.close();
  });
  const draftOf = (numbers: number[]) => {
    const file = path.join(dir, `draft-${numbers[0]}.md`);
    fs.writeFileSync(file, `Hi,\n\n${numbers.map((n) => `- https://review.openstack.org/#/c/${n}/\n`).join('')}`);
    return file;
  };
  const gerrit = () => ['--gerrit-api', `review.openstack.org=${s.gerrit}`];

  it("is the user's alone: folder 0700, file 0600, a folder made wider narrowed again", async () => {
    fs.mkdirSync(cacheDir(), { recursive: true, mode: 0o755 });
    fs.chmodSync(cacheDir(), 0o755);
    await runAsync(['check', draftOf([1001]), '--online', ...gerrit()]);
    assert.equal(fs.statSync(cacheDir()).mode & 0o777, 0o700);
    assert.equal(fs.statSync(cacheFile()).mode & 0o777, 0o600);
  });

  it('a FIFO at its path neither hangs the run nor is replaced', async function () {
    this.timeout(10_000);
    fs.mkdirSync(cacheDir(), { recursive: true });
    const made = spawnSyncOk('mkfifo', [cacheFile()]);
    if (!made) this.skip(); // mkfifo is in coreutils; a system without it cannot plant one either
    const r = await runAsync(['check', draftOf([1001]), '--online', ...gerrit()]);
    assert.equal(r.code, 0);
    assert.equal(fs.lstatSync(cacheFile()).isFIFO(), true);
  });

  it("a newer Midcycle's cache is neither read nor overwritten", async () => {
    fs.mkdirSync(cacheDir(), { recursive: true });
    const newer = JSON.stringify({ version: 2, entries: { anything: { shape: 'new' } } });
    fs.writeFileSync(cacheFile(), newer);
    const r = await runAsync(['check', draftOf([1001]), '--online', ...gerrit()]);
    assert.equal(r.code, 0);
    assert.equal(fs.readFileSync(cacheFile(), 'utf8'), newer);
  });

  it('ten runs at once keep all fifty answers', async function () {
    this.timeout(60_000);
    const cli = path.join(root, 'dist', 'cli.js');
    if (!fs.existsSync(path.join(root, 'dist', 'linkFactsModule.js'))) this.skip(); // `npm test` builds first; a bare mocha run may not have
    const runs = Array.from({ length: 10 }, (_, i) => {
      const draft = draftOf([1, 2, 3, 4, 5].map((k) => 1000 + i * 5 + k));
      const child = spawn(process.execPath, [cli, 'check', draft, '--online', ...gerrit()], { env: { ...process.env } });
      let said = '';
      child.stderr.on('data', (d: Buffer) => (said += d.toString()));
      child.stdout.on('data', (d: Buffer) => (said += d.toString()));
      return new Promise<{ code: number | null; said: string }>((resolve) => child.on('close', (code) => resolve({ code, said })));
    });
    const ended = await Promise.all(runs);
    // what the runs printed, should one of them have lost its answers
    const said = ended
      .map((r) => r.said.trim())
      .filter(Boolean)
      .join('\n');
    assert.deepEqual(
      ended.map((r) => r.code),
      Array(10).fill(0),
      said,
    );
    const kept = Object.keys(JSON.parse(fs.readFileSync(cacheFile(), 'utf8')).entries);
    assert.equal(kept.length, 50, said);
    assert.deepEqual(fs.readdirSync(cacheDir()), ['link-facts.json'], 'no lock or temporary file left');
  });

  it('a run stops looking up at --max-time, says so in one line, and the next run asks only the rest', async () => {
    for (let n = 1001; n <= 1012; n++) s.faults.set(`/gerrit/changes/${n}`, { type: 'slow', ms: n <= 1004 ? 50 : 3000 });
    const draft = draftOf(Array.from({ length: 12 }, (_, i) => 1001 + i));
    const started = Date.now();
    const r = await runAsync(['check', draft, '--online', '--max-time', '1', ...gerrit()]);
    assert.ok(Date.now() - started < 2500, 'stopped at the limit, not after the slow answers');
    assert.equal(r.code, 0);
    const lines = r.err.split('\n').filter((l) => /a run's limit/.test(l));
    assert.equal(lines.length, 1);
    assert.match(lines[0], /^midcycle: stopped looking links up after 1 second \(a run's limit\): 8 links were not checked online; run again/);
    const asked = s.requests.length;
    for (let n = 1005; n <= 1012; n++) s.faults.delete(`/gerrit/changes/${n}`);
    await runAsync(['check', draft, '--online', ...gerrit()]);
    assert.deepEqual(
      s.requests.slice(asked).sort(),
      Array.from({ length: 8 }, (_, i) => `/gerrit/changes/${1005 + i}`),
    );
  });
});

function spawnSyncOk(command: string, args: string[]): boolean {
  return spawnSync(command, args).status === 0;
}
