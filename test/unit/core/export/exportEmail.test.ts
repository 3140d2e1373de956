// The export as the list's readers see it: the example draft gives the reference email's shape
// (lines, blank lines, list nesting, links), and nothing the writer typed becomes markup.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { exportEmail, parseReport } from '../../../../src/core';
import MarkdownIt from 'markdown-it';
import { emailShape, shapeText } from '../../helpers/emailShape';

const root = path.join(__dirname, '..', '..', '..', '..');
const reference = fs.readFileSync(path.join(root, 'test', 'fixtures', 'reference', 'neutron-mitaka-midcycle-report.html'), 'utf8');
const draft = fs.readFileSync(path.join(root, 'examples', 'neutron-mitaka-midcycle.md'), 'utf8');
const html = (md: string, options = {}) => exportEmail(parseReport(md), options);

describe('exportEmail: the reference email', () => {
  const expected = emailShape(reference);

  for (const listNesting of ['gmail', 'standard'] as const) {
    it(`exports the example draft to the reference's shape (${listNesting} nesting)`, () => {
      const got = emailShape(html(draft, { listNesting }));
      assert.deepEqual(shapeText(got), shapeText(expected));
      assert.deepEqual(got.links, expected.links);
    });
  }

  it('has what makes it a Gmail email: dir="ltr", <div> lines, <div><br></div> blanks, the font, lists beside items', () => {
    const out = html(draft);
    assert.ok(out.startsWith('<div dir="ltr">'));
    assert.ok(
      out.includes(
        '<div><font face="arial, helvetica, sans-serif">Cheers,</font></div><div><font face="arial, helvetica, sans-serif">Armando</font></div><div><br></div>',
      ),
    );
    assert.ok(out.includes('<li><font face="arial, helvetica, sans-serif">Routed-networks</font></li><ul><li>'));
  });

  it('nests lists inside their items with standard nesting', () => {
    assert.ok(html('- a\n  - b\n', { listNesting: 'standard' }).includes('<ul><li><font face="arial, helvetica, sans-serif">a</font><ul><li>'));
  });

  it('uses the font asked for, or none', () => {
    assert.equal(html('Hi', { font: '' }), '<div dir="ltr"><div>Hi</div></div>\n');
    assert.equal(html('Hi', { font: 'georgia, serif' }), '<div dir="ltr"><div><font face="georgia, serif">Hi</font></div></div>\n');
  });
});

describe('exportEmail: formatting', () => {
  const body = (md: string, options = {}) => html(md, { font: '', ...options }).replace(/^<div dir="ltr">|<\/div>\n$/g, '');

  it('maps bold, italic, strikethrough and code the way Gmail writes them', () => {
    assert.equal(body('**b** _i_ ~~s~~ `c`'), '<div><b>b</b> <i>i</i> <strike>s</strike> <font face="monospace">c</font></div>');
  });

  it('gives each line of the email its own <div>, and a blank line between paragraphs', () => {
    assert.equal(body('one\ntwo\n\nthree', { lineBreaks: 'keep' }), '<div>one</div><div>two</div><div><br></div><div>three</div>');
    assert.equal(body('one\ntwo\n\nthree', { lineBreaks: 'markdown' }), '<div>one two</div><div><br></div><div>three</div>');
  });

  it('keeps a link whose text spans two lines in one piece', () => {
    assert.equal(body('[a\nb](https://x.org/)', { lineBreaks: 'keep' }), '<div><a href="https://x.org/">a<br>b</a></div>');
    assert.equal(body('[a\nb](https://x.org/)', { lineBreaks: 'markdown' }), '<div><a href="https://x.org/">a b</a></div>');
  });

  it('starts the text after a heading, code, a rule or a table on the next line, as CommonMark does', () => {
    assert.equal(body('## Day one\ntext'), '<div><b><font size="4">Day one</font></b></div><div>text</div>');
    assert.equal(body('para\n\n---\n\nnext'), '<div>para</div><div><br></div><hr><div>next</div>');
  });

  it('shows an image as the writer put it; one it cannot load has no source, only its text', () => {
    assert.equal(
      body('![team photo](https://example.org/team.png "Team")'),
      '<div><img src="https://example.org/team.png" alt="team photo" style="max-width:100%"></div>',
    );
    assert.equal(
      body('![logo](/images/a.png) ![a"b](data:image/png;base64,AAAA)'),
      '<div><img alt="logo" style="max-width:100%"> <img alt="a&quot;b" style="max-width:100%"></div>',
    );
  });

  it('puts text that closes an item after its nested list, in order, without a bullet of its own', () => {
    assert.equal(body('- item\n\n  - sub\n\n  closing words'), '<ul><li>item</li><ul><li>sub</li></ul><div>closing words</div></ul>');
  });

  it('renders headings bold, quotes as Gmail quotes, code line by line, ordered lists with their start', () => {
    assert.equal(body('# Day one'), '<div><b><font size="4">Day one</font></b></div>');
    assert.ok(body('> quoted').startsWith('<blockquote class="gmail_quote"'));
    assert.equal(
      body('    a < b\n\n    c'),
      '<div><font face="monospace">a &lt; b</font></div><div><font face="monospace"><br></font></div><div><font face="monospace">c</font></div>',
    );
    assert.equal(body('3. three\n4. four'), '<ol start="3"><li>three</li><li>four</li></ol>');
  });
});

describe('exportEmail: code keeps its indentation', () => {
  const body = (md: string) => html(md, { font: '' }).replace(/^<div dir="ltr">|<\/div>\n$/g, '');
  /** A line as a browser shows it: runs of spaces, tabs and line ends as one space, none at its ends. */
  const shown = (lineHtml: string) =>
    lineHtml
      .replace(/<[^>]+>/g, '')
      .replace(/[ \t\n]+/g, ' ')
      .replace(/^ | $/g, '')
      .replace(/&nbsp;/g, '\u00a0')
      .replace(/&lt;/g, '<');

  it('writes leading spaces and runs of spaces as no-break spaces, as Gmail writes them, so a browser shows them', () => {
    const lines = body('```\ndef f(a):\n    if a <  2:\n        return  1\n\treturn 0\n```').split('</div>');
    assert.deepEqual(
      lines.slice(0, 4).map((l) => shown(l).replace(/\u00a0/g, ' ')),
      ['def f(a):', '    if a <  2:', '        return  1', '    return 0'],
    );
    assert.equal(lines[1], '<div><font face="monospace">&nbsp; &nbsp; if a &lt;&nbsp; 2:</font>');
    // in a list item too
    assert.equal(body('- item\n\n  ```\n    two\n  ```\n'), '<ul><li>item<div><font face="monospace">&nbsp; two</font></div></li></ul>');
  });
});

describe('exportEmail: nothing the writer typed becomes markup', () => {
  it('escapes HTML in the draft', () => {
    const out = html('<script>alert(1)</script>\n\n<img src=x onerror="alert(1)"> & "quotes"', { font: '' });
    assert.ok(!/<script|<img/i.test(out));
    assert.ok(out.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(out.includes('&lt;img src=x onerror="alert(1)"&gt; &amp; "quotes"'));
  });

  it('makes anchors only of http(s) and mailto links', () => {
    const out = html('[a](javascript:alert(1)) [b](data:text/html,x) [c](ftp://x.org/f) [d](mailto:a@x.org) [e](https://x.org/?a=1&b="2")');
    const hrefs = [...out.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    assert.deepEqual(hrefs, ['mailto:a@x.org', 'https://x.org/?a=1&amp;b=%222%22']);
    assert.ok(out.includes('>a<') || out.includes('[a](javascript:alert(1))'));
  });

  it('escapes the font setting too', () => {
    assert.ok(html('x', { font: '"><script>' }).includes('face="&quot;&gt;&lt;script&gt;"'));
  });
});

describe('exportEmail: link hrefs', () => {
  it("are what markdown-it's normalizeLink makes of them, for every fixture link and odd ones", () => {
    const md = new MarkdownIt();
    const fixtures = path.join(root, 'test', 'fixtures', 'links');
    const urls = ['valid.txt', 'malformed.txt']
      .flatMap((f) => fs.readFileSync(path.join(fixtures, f), 'utf8').split('\n'))
      .filter((l) => l.trim() && !l.startsWith('#'))
      .map((l) => l.split(/\s+/)[1])
      .filter((u) => /^https?:\/\//.test(u));
    urls.push('https://x.org/a%20b', 'https://x.org/100%', 'https://bücher.example/ä?q=é', 'https://x.org/a{b}|c^d', 'https://x.org/[x]');
    for (const url of urls) {
      const out = exportEmail(parseReport(`${url}\n`), { font: '' });
      const href = /href="([^"]*)"/.exec(out)?.[1];
      assert.equal(href, md.normalizeLink(url).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;'), url);
    }
  });
});

describe('exportEmail: malformed links', () => {
  it('keep the link the writer typed (the quick fix corrects it, not the export); a broken scheme is no link', () => {
    const out = exportEmail(
      parseReport('- https://bugs.launchpad.net/neutron/+bugs/1507499\n- review.openstack.org/#/c/283798/\n- https:/review.openstack.org/#/c/1/\n'),
      { font: '' },
    );
    assert.deepEqual(
      [...out.matchAll(/href="([^"]*)"/g)].map((m) => m[1]),
      ['https://bugs.launchpad.net/neutron/+bugs/1507499', 'https://review.openstack.org/#/c/283798/'],
    );
    assert.ok(out.includes('<li>https:/review.openstack.org/#/c/1/</li>'));
  });
});
