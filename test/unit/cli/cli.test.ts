// The CLI's contracts: outline and check JSON, compiler-style lines, export, exit statuses and
// one-line errors. Run in-process through main(), and once as a real process from dist/.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../../src/cli';

const root = path.join(__dirname, '..', '..', '..');
const reference = path.join(root, 'examples', 'neutron-mitaka-midcycle.md');
const withMistakes = path.join(root, 'examples', 'nova-ptg-summary.md');

function run(args: string[], stdin = ''): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(args, { out: (s) => out.push(s), err: (s) => err.push(s), stdin: () => Buffer.from(stdin) });
  if (typeof code !== 'number') throw new Error('run() is for the synchronous commands: use runAsync()');
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('midcycle outline', () => {
  it('--json gives topics, links and actions with 1-based lines', () => {
    const r = run(['outline', reference, '--json']);
    assert.equal(r.code, 0);
    const o = JSON.parse(r.out);
    assert.equal(o.topics.length, 10);
    assert.deepEqual(Object.keys(o.topics[0]).sort(), ['actions', 'children', 'endLine', 'fullTitle', 'kind', 'line', 'links', 'title']);
    assert.equal(o.topics[2].title, 'Troubleshooting');
    // the whole title beside the short one
    const reduce = o.topics[3].children[2];
    assert.equal(reduce.title, 'Reduce IP consumptions for router gateway ports…');
    assert.ok(reduce.fullTitle.startsWith('Reduce IP consumptions for router gateway ports (both DVR and non)'), reduce.fullTitle);
    assert.equal(o.topics[2].line, 29);
    const url = 'https://etherpad.openstack.org/p/neutron-mitaka-midcycle';
    const line21 = fs.readFileSync(reference, 'utf8').split('\n')[20];
    assert.deepEqual(o.links[0], {
      kind: 'etherpad',
      url,
      line: 21,
      column: line21.indexOf(url) + 1,
      endLine: 21,
      endColumn: line21.indexOf(url) + url.length + 1,
      etherpad: 'neutron-mitaka-midcycle',
    });
    assert.deepEqual(o.actions[0], { owner: 'carl_baldwin', text: 'put up model proposal', line: 44, column: 73 });
    assert.equal(o.links.length, 23);
  });

  it('--json names a StoryBoard story or task by its number, and a Gerrit query or bug list as "other"', () => {
    const draft = [
      '- Stories: https://storyboard.openstack.org/#!/story/2004567 and https://storyboard.openstack.org/#!/task/28123',
      '- Queries: https://review.opendev.org/q/topic:bp/get-me-a-network and https://bugs.launchpad.net/neutron/+bugs?field.tag=rfe',
      '',
    ].join('\n');
    const o = JSON.parse(run(['outline', '-', '--json'], draft).out);
    assert.deepEqual(
      o.links.map((l: { kind: string }) => l.kind),
      ['story', 'story', 'other', 'other'],
    );
    assert.equal(o.links[0].story, 2004567);
    assert.equal(o.links[1].task, 28123);
    assert.equal(o.links[2].change, undefined);
    assert.equal(o.links[3].bug, undefined);
    assert.equal(o.links[3].project, 'neutron');
    assert.match(run(['outline', '-'], draft).out, /^Stories {2}\(line 1\) {2}2 stories$/m);
  });

  it('prints a readable tree without --json', () => {
    const r = run(['outline', reference]);
    assert.match(r.out, /^Usability and stability fixes {2}\(line 33\)$/m);
    assert.match(r.out, /^ {2}MTU cleanups {2}\(line 34\) {2}2 bugs · 5 reviews$/m);
    assert.match(r.out, /10 topics, 23 links, 4 action items/);
  });

  it('counts one topic, link and action item in the singular', () => {
    const r = run(['outline', '-'], '# Unified limits\n\n- gibi to review https://review.opendev.org/c/openstack/nova/+/912345\n');
    assert.match(r.out, /^1 topic, 1 link, 1 action item$/m);
  });
});

describe('midcycle check', () => {
  it('prints FILE:LINE:COL severity code message and exits 1 on errors', () => {
    const r = run(['check', withMistakes]);
    assert.equal(r.code, 1);
    const lines = r.out.split('\n');
    assert.equal(lines.length, 5);
    assert.equal(
      lines[1],
      `${withMistakes}:24:42 error bug-plural Launchpad bug link has "+bugs" (the bug list) where one bug is "+bug". Did you mean <https://bugs.launchpad.net/nova/+bug/1963617>?`,
    );
    assert.match(r.err, /5 errors, 0 other problems; 5 fixable with --fix/);
  });

  it('--json gives the diagnostics with their fixes', () => {
    const r = run(['check', withMistakes, '--json']);
    const [first] = JSON.parse(r.out);
    const typed = 'https://review.opendev.org/c/openstack/nova/828325';
    const column = fs.readFileSync(withMistakes, 'utf8').split('\n')[20].indexOf(typed) + 1;
    assert.equal(column, 22);
    assert.deepEqual(first, {
      line: 21,
      column,
      endLine: 21,
      endColumn: column + typed.length,
      severity: 'error',
      code: 'review-missing-plus',
      message:
        'Gerrit change link is missing "/+/" between the project and the change number. Did you mean <https://review.opendev.org/c/openstack/nova/+/828325>?',
      fix: { line: 21, column, endLine: 21, endColumn: column + typed.length, text: 'https://review.opendev.org/c/openstack/nova/+/828325' },
    });
  });

  it('exits 0 on a clean draft, printing nothing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midcycle-'));
    const clean = path.join(dir, 'draft.md');
    fs.writeFileSync(clean, fs.readFileSync(reference, 'utf8').replace('arnax to respin', 'armax to respin'));
    assert.deepEqual(run(['check', clean]), { code: 0, out: '', err: '' });
  });

  it('says which owner of the reference is a typo, and of whom (information: exit 0)', () => {
    const message = 'The owner arnax is named only here: did you mean armax (named 3 times in this report)?';
    assert.deepEqual(run(['check', reference]), {
      code: 0,
      out: `${reference}:76:111 info owner-unknown ${message}`,
      err: '0 errors, 1 other problem; 1 fixable with --fix',
    });
    const json = JSON.parse(run(['check', reference, '--json']).out);
    assert.deepEqual(json, [
      {
        line: 76,
        column: 111,
        endLine: 76,
        endColumn: 116,
        severity: 'info',
        code: 'owner-unknown',
        message,
        fix: { line: 76, column: 111, endLine: 76, endColumn: 116, text: 'armax' },
      },
    ]);
  });

  it('--fix writes the owner meant, and then has nothing to say', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midcycle-'));
    const copy = path.join(dir, 'draft.md');
    fs.copyFileSync(reference, copy);
    const r = run(['check', copy, '--fix']);
    assert.equal(r.code, 0);
    assert.equal(r.out, '');
    assert.match(r.err, /fixed 1 problem\b/);
    assert.equal(fs.readFileSync(copy, 'utf8'), fs.readFileSync(reference, 'utf8').replace('arnax to respin', 'armax to respin'));
  });

  it('--fix mends the file in place and reports what is left', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midcycle-'));
    const copy = path.join(dir, 'draft.md');
    fs.copyFileSync(withMistakes, copy);
    const r = run(['check', copy, '--fix']);
    assert.equal(r.code, 0);
    assert.match(r.err, /fixed 5 problems/);
    const fixed = fs.readFileSync(copy, 'utf8');
    assert.ok(fixed.includes('[Resize to same host](https://bugs.launchpad.net/nova/+bug/1958636)'));
    assert.equal(fixed.split('\n').length, fs.readFileSync(withMistakes, 'utf8').split('\n').length);
    fs.rmSync(dir, { recursive: true });
  });

  it('reads standard input for "-"', () => {
    const r = run(['check', '-', '--json'], '- https://bugs.launchpad.net/neutron/+bug/12x\n');
    assert.equal(JSON.parse(r.out)[0].code, 'bug-number-not-numeric');
  });

  it('checks extra Gerrit hosts given with --gerrit-host', () => {
    const r = run(['check', '-', '--json', '--gerrit-host', 'review.example.org'], '- https://review.example.org/#c/12/\n');
    assert.equal(JSON.parse(r.out)[0].code, 'review-missing-slash');
  });

  it('checks extra StoryBoard hosts given with --storyboard-host', () => {
    const draft = '- https://storyboard.example.org/#/story/12345\n';
    assert.deepEqual(JSON.parse(run(['check', '-', '--json'], draft).out), []);
    const r = run(['check', '-', '--json', '--storyboard-host', 'StoryBoard.example.org'], draft);
    assert.equal(JSON.parse(r.out)[0].code, 'story-missing-hashbang');
    assert.equal(JSON.parse(r.out)[0].fix.text, 'https://storyboard.example.org/#!/story/12345');
  });
});

describe('midcycle export', () => {
  it('writes the HTML email, or its text part, to stdout or a file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midcycle-'));
    const out = path.join(dir, 'mail.html');
    assert.equal(run(['export', reference, '-o', out]).code, 0);
    assert.ok(fs.readFileSync(out, 'utf8').startsWith('<div dir="ltr">'));
    assert.ok(run(['export', reference, '--format', 'text']).out.startsWith('Hi Neutrinos,\n\n'));
    assert.deepEqual(fs.readdirSync(dir), ['mail.html'], 'no temporary file left behind');
    fs.rmSync(dir, { recursive: true });
  });
});

describe('midcycle export --format eml', () => {
  it('writes the message, From from --from when the draft has none, and says on stderr what its headers lack', () => {
    const draft = '---\nto: "list@example.org, Doe, Jane <jane@example.org>"\ndate: next tuesday\n---\n\nHi all,\n';
    const r = run(['export', '-', '--format', 'eml', '--from', 'Jane Doe <jane@example.org>'], draft);
    assert.equal(r.code, 0);
    assert.match(r.out, /^From: Jane Doe <jane@example\.org>\r$/m);
    assert.match(r.out, /^To: list@example\.org, Jane <jane@example\.org>\r$/m);
    assert.match(r.out, /^X-Unsent: 1\r$/m);
    assert.deepEqual(
      r.err.split('\n').map((l) => l.split(' ').slice(0, 3).join(' ')),
      ['-:1:1 warning header-subject-missing', '-:2:1 error header-address-invalid', '-:3:1 warning header-date-invalid'],
    );
  });

  it("prints the draft's header errors too, and writes the value on one line", () => {
    const r = run(['export', '-', '--format', 'eml'], '---\nsubject: "Report\\nBcc: all@example.com"\nfrom: a@example.org\n---\n\nHi\n');
    assert.match(r.err, /^-:2:1 error header-line-break The "subject:" has a line break/m);
    assert.match(r.out, /^Subject: Report Bcc: all@example\.com\r$/m);
    assert.doesNotMatch(r.out, /^Bcc:/m);
  });

  it('--from is for messages only', () => {
    const r = run(['export', reference, '--from', 'a@example.org']);
    assert.deepEqual([r.code, r.err], [2, 'midcycle: --from is for --format eml (see midcycle --help)']);
  });
});

describe('midcycle export: writing files', () => {
  it('never replaces a file unless --force, and then atomically', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midcycle-'));
    const out = path.join(dir, 'mail.html');
    fs.writeFileSync(out, "the writer's own file");
    const refused = run(['export', reference, '-o', out]);
    assert.equal(refused.code, 2);
    assert.match(refused.err, /mail\.html exists already: use --force to replace it/);
    assert.equal(fs.readFileSync(out, 'utf8'), "the writer's own file");
    assert.equal(run(['export', reference, '-o', out, '--force']).code, 0);
    assert.ok(fs.readFileSync(out, 'utf8').startsWith('<div dir="ltr">'));
    assert.deepEqual(fs.readdirSync(dir), ['mail.html']);
    fs.rmSync(dir, { recursive: true });
  });

  it('says clearly when it cannot write, and leaves everything as it was', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midcycle-'));
    const notAFolder = path.join(dir, 'draft.md');
    fs.copyFileSync(withMistakes, notAFolder);
    const r = run(['export', reference, '-o', path.join(notAFolder, 'mail.html')]);
    assert.equal(r.code, 2);
    assert.match(r.err, /^midcycle: cannot write .*mail\.html: a part of the path is not a folder; nothing was changed$/);
    assert.equal(fs.readFileSync(notAFolder, 'utf8'), fs.readFileSync(withMistakes, 'utf8'));
    assert.deepEqual(fs.readdirSync(dir), ['draft.md']);
    fs.rmSync(dir, { recursive: true });
  });
});

describe('midcycle errors', () => {
  const cases: [string, string[], RegExp][] = [
    ['an unknown flag', ['check', reference, '--bogus'], /^midcycle: Unknown option '--bogus' \(see midcycle --help\)$/],
    ['an unknown command', ['lint', reference], /unknown command "lint"/],
    ['a missing file', ['check', path.join(root, 'nope.md')], /cannot read .*nope\.md: no such file/],
    ['a directory', ['check', root], /it is a directory/],
    ['an unknown format', ['export', reference, '--format', 'pdf'], /unknown format "pdf"/],
    ['no file', ['check'], /check needs a FILE/],
  ];
  for (const [what, args, message] of cases) {
    it(`${what}: one line on stderr, exit 2`, () => {
      const r = run(args);
      assert.equal(r.code, 2);
      assert.equal(r.err.split('\n').length, 1);
      assert.match(r.err, message);
      assert.equal(r.out, '');
    });
  }

  it('an email given to check, outline or export: one line that says to import it first, exit 2', () => {
    const mail = path.join(root, 'test', 'fixtures', 'mail');
    for (const command of ['check', 'outline', 'export']) {
      for (const file of ['gmail-br.html', 'thunderbird.eml']) {
        const r = run([command, path.join(mail, file)]);
        assert.deepEqual(r, {
          code: 2,
          out: '',
          err: `midcycle: ${path.join(mail, file)} is an email, not a draft: run \`midcycle import ${path.join(mail, file)}\` first`,
        });
      }
    }
    const eml = fs.readFileSync(path.join(mail, 'thunderbird.eml'), 'utf8');
    assert.deepEqual(run(['check', '-'], eml), { code: 2, out: '', err: 'midcycle: standard input is an email, not a draft: run `midcycle import -` first' });
    assert.equal(run(['check', '-'], '<!DOCTYPE html>\n<html><body>Hi</body></html>').code, 2);
    // a draft may begin with HTML of its own, and a .md or .txt is a draft whatever it holds
    assert.equal(run(['check', '-'], '<!-- notes to self -->\n\n- a topic\n').code, 0);
    assert.equal(run(['check', '-'], 'Subject: notes\n\n- a topic\n').code, 0);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midcycle-'));
    fs.writeFileSync(path.join(dir, 'draft.md'), eml);
    const asDraft = run(['check', path.join(dir, 'draft.md')]);
    // its separator hides no topics, only the signature and the MIME parts: a code block not closed
    assert.match(asDraft.out, /code-block-unclosed/, 'checked as the draft it is called');
    assert.doesNotMatch(asDraft.err, /is an email/);
    fs.rmSync(dir, { recursive: true });
  });

  it('non-UTF-8 input: one line, exit 2', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midcycle-'));
    const file = path.join(dir, 'latin1.md');
    fs.writeFileSync(file, Buffer.from([0x2d, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0a]));
    const r = run(['check', file]);
    assert.equal(r.code, 2);
    assert.match(r.err, /is not UTF-8 text/);
    fs.rmSync(dir, { recursive: true });
  });
});

describe('midcycle as a process (dist/cli.js)', () => {
  const cli = path.join(root, 'dist', 'cli.js');
  before(function () {
    // `npm test` builds first; a bare `mocha` run before any build has no dist/ to run
    if (!fs.existsSync(cli)) this.skip();
  });

  it('exits with the status of its check', () => {
    const clean = spawnSync(process.execPath, [cli, 'check', reference], { encoding: 'utf8' });
    assert.equal(clean.status, 0);
    const dirty = spawnSync(process.execPath, [cli, 'check', withMistakes], { encoding: 'utf8' });
    assert.equal(dirty.status, 1);
    assert.equal(dirty.stdout.trim().split('\n').length, 5);
    const bad = spawnSync(process.execPath, [cli, 'check', '--nope'], { encoding: 'utf8' });
    assert.equal(bad.status, 2);
  });
});
