// Import loses no text (issue 25): what a reader of the email sees, character for character
// (no-break spaces included) and link for link, is what the draft's export shows again.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { exportEmail, exportText, parseReport } from '../../../../src/core';
import { importEmailHtml, importEmailText } from '../../../../src/core/import/importEmail';
import { importMessage } from '../../../../src/core/import/importMessage';
import { main } from '../../../../src/cli';
import { visibleText } from '../../helpers/visibleText';

/** The email a draft imported from `html` exports to, as its reader sees it. */
const reimported = (html: string) => visibleText(exportEmail(parseReport(importEmailHtml(html))));

function assertKeeps(html: string, lines: string[], links: string[] = []) {
  assert.deepEqual(visibleText(html), { lines, links }, 'the email as given');
  assert.deepEqual(reimported(html), { lines, links }, importEmailHtml(html));
}

describe('import keeps the text of the email', () => {
  it('a line break inside emphasis or a link: the words after it stay on the next line, in order', () => {
    assertKeeps('<div>one <b>bold<br>two</b> three</div><div>after</div>', ['one bold', 'two three', 'after']);
    assertKeeps('<div>see <a href="https://x.org/a">the<br>link</a> after</div>', ['see the', 'link after'], ['https://x.org/a']);
    // a Gmail code block: monospace around lines
    assertKeeps('<div><font face="monospace"><div>a = 1</div><div>b = 2</div></font></div>', ['a = 1', 'b = 2']);
  });

  it("spaces at a link's edges stay between the words", () => {
    assertKeeps('<div>see<a href="https://x.org/a"> the link </a>after, or<b> this </b>one</div>', ['see the link after, or this one'], ['https://x.org/a']);
    assert.equal(importEmailHtml('<div>see<a href="https://x.org/a"> the link </a>after</div>'), 'see [the link](https://x.org/a) after\n');
  });

  it('mailto links, images (as the export writes them), rules, table cells and an ordered list that starts at 4', () => {
    assertKeeps(
      '<div>mail <a href="mailto:a@b.org">a@b.org</a> or <a href="mailto:a@b.org">Armando</a>: <img src="https://x.org/team.png" alt="the team" style="max-width:100%"> <img alt="logo"></div>' +
        '<div><br></div><hr><table><tr><td>a</td><td><a href="https://x.org/b">b</a></td></tr><tr><td>c</td><td>d</td></tr></table><ol start="4"><li>four</li><li>five</li></ol>',
      ['mail a@b.org or Armando: [image the team https://x.org/team.png] [image logo ]', '', '---', 'a | b', 'c | d', '4. four', '5. five'],
      ['mailto:a@b.org', 'mailto:a@b.org', 'https://x.org/b'],
    );
    assert.match(importEmailHtml('<div>mail <a href="mailto:a@b.org">a@b.org</a></div>'), /^mail <a@b\.org>\n$/);
  });

  it('runs of no-break spaces, as they show (Gmail writes typed spaces so)', () => {
    assertKeeps('<div>a&nbsp;&nbsp;&nbsp;b&nbsp; c\u00a0d</div>', ['a\u00a0\u00a0\u00a0b\u00a0 c\u00a0d']);
    assert.equal(importEmailHtml('<div>a&nbsp;&nbsp;&nbsp;b&nbsp; c</div>'), 'a&nbsp;&nbsp;&nbsp;b&nbsp; c\n');
    // a copy whose every space is one, inside tags too (the reference email): spaces
    assert.equal(importEmailHtml('<div\u00a0dir="ltr"><div>a\u00a0b</div></div>'), 'a b\n');
  });

  it('quoted text: the lines after a quote are not in it, and a plain-text email\'s "> " lines are a quote, no marker mid-line', () => {
    assertKeeps('<blockquote>one<br>two</blockquote><div><br></div><div>after</div>', ['> one', '> two', '', 'after']);
    const text =
      'On Tue, Bob wrote:\n> We agreed that the spec needs one more revision before we can approve\n> it, and that the quota details go in the next one.\n>> Older: and so\n>> on\n\nThanks\n';
    const report = parseReport(importEmailText(text));
    assert.deepEqual(visibleText(exportEmail(report)).lines, [
      'On Tue, Bob wrote:',
      '',
      '> We agreed that the spec needs one more revision before we can approve it, and that the quota details go in the next one.',
      '',
      '> > Older: and so',
      '> > on',
      '',
      'Thanks',
    ]);
    assert.equal(
      exportText(report, { width: 0 }),
      'On Tue, Bob wrote:\n\n> We agreed that the spec needs one more revision before we can approve it, and that the quota details go in the next one.\n>\n> > Older: and so\n> > on\n\nThanks\n',
    );
  });

  it('a code line that starts with ~~ or backticks is the same text when read again, not struck through or code', () => {
    assertKeeps('<div><font face="monospace">~~x~~</font></div><div><font face="monospace">```js</font></div><div>and ~~not~~ ```this```</div>', [
      '~~x~~',
      '```js',
      'and ~~not~~ ```this```',
    ]);
  });

  it('bare URLs with * in them stay links, not emphasis', () => {
    assertKeeps(
      '<div><a href="https://x.org/a*b">https://x.org/a*b</a> and <a href="https://x.org/c*d">https://x.org/c*d</a></div>',
      ['https://x.org/a*b and https://x.org/c*d'],
      ['https://x.org/a*b', 'https://x.org/c*d'],
    );
  });
});

describe('import: emails too large or too deep', () => {
  const limit = 'the email nests lists or quotes more than 32 deep, deeper than a draft can hold: nothing was imported';

  it('2,000 nested lists, 5,000 nested quotes: a one-line limit, never a crash', async () => {
    const lists = `${'<ul><li>a'.repeat(2000)}${'</li></ul>'.repeat(2000)}`;
    const quotes = `${'<blockquote>q'.repeat(5000)}${'</blockquote>'.repeat(5000)}`;
    for (const html of [lists, quotes, `${'<ul>'.repeat(2000)}<li>a</li>${'</ul>'.repeat(2000)}`]) {
      await assert.rejects(importMessage(html, 'deep.html'), { message: limit });
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midcycle-'));
    const file = path.join(dir, 'deep.html');
    fs.writeFileSync(file, quotes);
    const err: string[] = [];
    assert.equal(await main(['import', file], { out: () => undefined, err: (s) => err.push(s), stdin: () => Buffer.from('') }), 2);
    assert.deepEqual(err, [`midcycle: ${limit}`]);
    fs.rmSync(dir, { recursive: true });
    // nested as deep as a draft holds: imported
    assert.match(importEmailHtml(`${'<ul><li>a'.repeat(32)}${'</li></ul>'.repeat(32)}`), /^ {62}- a\n$/m);
    // 5,000 nested <div>s are lines, not nesting
    assert.equal(importEmailHtml(`${'<div>'.repeat(5000)}deep${'</div>'.repeat(5000)}`), 'deep\n');
  });

  it('2 MB of <br> lines is imported within a 200 MB heap (it took 676 MB)', function () {
    this.timeout(60_000);
    const module = path.join(__dirname, '..', '..', '..', '..', 'src', 'core', 'import', 'importEmail.ts');
    const script = `const { importEmailHtml } = require(${JSON.stringify(module)});
      const lines = importEmailHtml('<div>' + 'x<br>'.repeat(419430) + '</div>').split('\\n').length - 1;
      const blank = importEmailHtml('<br>'.repeat(524288));
      process.stdout.write(lines + ' ' + JSON.stringify(blank));`;
    const run = spawnSync(process.execPath, ['--max-old-space-size=200', '-r', require.resolve('tsx/cjs'), '-e', script], { encoding: 'utf8' });
    assert.equal(
      run.status,
      0,
      run.stderr.split('\n').find((l) => /heap|Error/.test(l)),
    );
    assert.equal(run.stdout, '419430 "\\n"');
  });
});
