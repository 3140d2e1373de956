// The .eml a mail client opens: a MIME parser reads it back to the same HTML and text, with the
// headers from the front matter, non-ASCII subjects encoded.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import PostalMime from 'postal-mime';
import { main } from '../../src/cli';
import { load as loadYaml, YAML11_SCHEMA } from 'js-yaml';
import { exportEmail, exportText, parseReport, type Report } from '../../src/core';
import { exportMessage, messageFile, quotedPrintable } from '../../src/core/exportMessage';
import { readDate, rfc5322Date } from '../../src/core/messageHeaders';

const draft = fs.readFileSync(path.join(__dirname, '..', '..', 'examples', 'neutron-mitaka-midcycle.md'), 'utf8');

describe('exportMessage (.eml)', () => {
  it('is read back by a MIME parser to the same HTML and text, with the headers', async () => {
    const report = parseReport(draft.replace('subject: Neutron Mitaka mid-cycle report', 'subject: Neutron Mitaka mid-cycle report — résumé 🎉\ncc: [a@example.org, Bé Né <b@example.org>]\nfrom: Armando <armamig@example.org>'));
    const eml = exportMessage(report, { date: new Date('2016-02-26T12:00:00Z') });
    const mail = await PostalMime.parse(eml);
    assert.equal(mail.subject, 'Neutron Mitaka mid-cycle report — résumé 🎉');
    assert.deepEqual(mail.to?.map((a) => a.address), ['openstack-dev@lists.openstack.org']);
    assert.deepEqual(mail.cc?.map((a) => [a.name, a.address]), [['', 'a@example.org'], ['Bé Né', 'b@example.org']]);
    assert.equal(mail.date, '2016-02-26T12:00:00.000Z');
    assert.match(mail.messageId ?? '', /^<[0-9a-f]+@example\.org>$/);
    // a message's lines end in CRLF: the same text, line for line
    assert.equal(mail.html?.replace(/\r\n/g, '\n'), exportEmail(report));
    assert.equal(mail.text?.replace(/\r\n/g, '\n'), exportText(report));
    assert.match(eml, /\r\nMIME-Version: 1\.0\r\n/);
    assert.match(eml, /\r\nX-Unsent: 1\r\n/, 'mail clients open it as a draft to send');
    assert.match(eml, /^Subject: [^\r]*\r\n =\?UTF-8\?Q\?/m, "the non-ASCII words encoded (RFC 2047), the header folded");
    for (const line of eml.split('\r\n')) assert.ok(line.length <= 78, `line too long: ${line.slice(0, 40)}…`);
  });

  it('quoted-printable keeps every byte, and lines short', () => {
    const text = `${'x'.repeat(200)} é = trailing \nnext`;
    const qp = quotedPrintable(text);
    assert.ok(qp.split('\r\n').every((l) => l.length <= 76));
    const decoded = Buffer.from(qp.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
    assert.equal(decoded.replace(/\r\n/g, '\n'), text);
  });
});

/** The message's headers as a MIME parser reads them, and the draft's and the message's diagnostics. */
async function send(frontMatter: string, options: Parameters<typeof messageFile>[1] = { date: new Date('2024-03-01T10:00:00Z') }) {
  const report = parseReport(`---\n${frontMatter}\n---\n\nHi all,\n`);
  const { eml, diagnostics } = messageFile(report, options);
  const mail = await PostalMime.parse(eml);
  const head = eml.slice(0, eml.indexOf('\r\n\r\n'));
  return { report, eml, head, mail, diagnostics, codes: [...report.diagnostics, ...diagnostics].map((d) => `${d.range.start.line + 1} ${d.severity} ${d.code}`) };
}

describe('the message\'s headers: data, never structure', () => {
  it('a line break in a header value is an error of the draft, and never a header break: no Bcc smuggled in', async () => {
    const { report, head, mail, codes } = await send('subject: "Report\\r\\nBcc: all@example.com"\nto: "list@example.org\\r\\nBcc: all@example.com"\nfrom: Jane <jane@example.org>');
    assert.deepEqual(report.diagnostics.map((d) => [d.range.start.line, d.severity, d.code]), [[1, 'error', 'header-line-break'], [2, 'error', 'header-line-break']]);
    assert.match(report.diagnostics[1].message, /^"to:" has a line break or control character in it: a header is one line \(a break would start another, such as "Bcc:"\)\. Write it on one line\.$/);
    assert.doesNotMatch(head, /^Bcc:/im);
    assert.equal(mail.bcc, undefined);
    assert.ok(!mail.headers.some((h) => h.key === 'bcc'));
    assert.equal(mail.subject, 'Report Bcc: all@example.com', 'the subject\'s text, on one line');
    // the to: is no address once it is one line: left out, and said
    assert.equal(mail.to, undefined);
    assert.deepEqual(codes, ['2 error header-line-break', '3 error header-line-break', '3 error header-address-invalid']);
  });

  it('`midcycle check` reports the line break, with the line of the front matter, exit 1', () => {
    const out: string[] = [];
    const code = main(['check', '-'], { out: (s) => out.push(s), err: () => undefined, stdin: () => Buffer.from('---\nsubject: Report\nto: "list@example.org\\r\\nBcc: all@example.com"\n---\n\nHi\n') });
    assert.equal(code, 1);
    assert.match(out.join('\n'), /^-:3:1 error header-line-break "to:" has a line break/);
  });

  it('a value that YAML ends with a line break (`subject: >`) is one line: no error', async () => {
    const { report, mail } = await send('subject: >\n  A long subject\n  folded by YAML\nto: list@example.org\nfrom: a@example.org');
    assert.deepEqual(report.diagnostics, []);
    assert.equal(mail.subject, 'A long subject folded by YAML');
  });

  it('addresses are parsed and written again: quoted and encoded names, groups, lists as arrays or comma strings', async () => {
    const { head, mail, codes } = await send(
      [
        'subject: Notes',
        'from: Jane Doe <jane@example.org>',
        'to: openstack-discuss@lists.openstack.org, "Doe, John" <john@example.org>',
        `cc: [Armando M. <armamig@example.org>, Bé Né <b@example.org>, '"Say \\"hi\\"" <hi@example.org>', "Team: a@example.org, b@example.org;", <bare@example.org>]`,
      ].join('\n'),
    );
    assert.deepEqual(codes, []);
    assert.match(head, /^To: openstack-discuss@lists\.openstack\.org, "Doe, John" <john@example\.org>\r$/m);
    const unfolded = head.replace(/\r\n /g, ' ');
    assert.match(unfolded, /^Cc: "Armando M\." <armamig@example\.org>, =\?UTF-8\?Q\?B=C3=A9_N=C3=A9\?= <b@example\.org>, "Say \\"hi\\"" <hi@example\.org>, Team: a@example\.org, b@example\.org;, bare@example\.org\r$/m);
    assert.deepEqual(mail.from, { address: 'jane@example.org', name: 'Jane Doe' });
    assert.deepEqual(mail.to, [{ address: 'openstack-discuss@lists.openstack.org', name: '' }, { address: 'john@example.org', name: 'Doe, John' }]);
    assert.deepEqual(mail.cc, [
      { address: 'armamig@example.org', name: 'Armando M.' },
      { address: 'b@example.org', name: 'Bé Né' },
      { address: 'hi@example.org', name: 'Say "hi"' },
      { name: 'Team', group: [{ address: 'a@example.org', name: '' }, { address: 'b@example.org', name: '' }] },
      { address: 'bare@example.org', name: '' },
    ]);
  });

  it('what is not an address is left out, said with its line; the other addresses stay', async () => {
    const { mail, diagnostics } = await send('from: a@example.org\nsubject: x\nto: Doe, Jane <jane@example.org>, list at example.org\ncc: [ok@example.org, 42]');
    assert.deepEqual(mail.to, [{ address: 'jane@example.org', name: 'Jane' }]);
    assert.deepEqual(mail.cc, [{ address: 'ok@example.org', name: '' }]);
    assert.deepEqual(diagnostics.map((d) => [d.range.start.line + 1, d.code, d.message.slice(0, d.message.indexOf(','))]), [
      [4, 'header-address-invalid', '"to:" has "Doe"'],
      [4, 'header-address-invalid', '"to:" has "list at example.org"'],
      [5, 'header-address-invalid', '"cc:" has "42"'],
    ]);
  });

  it('Subject from `subject:`, else `title:` (Hugo\'s front matter), else a warning when the message is written', async () => {
    const hugo = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'shared', 'realworld', 'neutron-shanghai-ptg-2019.md'), 'utf8').split('\n---\n')[0].replace(/^---\n/, '');
    const fromHugo = await send(fs.existsSync(path.join(__dirname, '..', '..', '..', 'shared')) ? hugo : 'title: "My Summary of OpenStack PTG in Shanghai"\ndate: 2019-11-15T13:56:24+01:00\ntags: ["openstack"]\ndraft: false');
    assert.equal(fromHugo.mail.subject, 'My Summary of OpenStack PTG in Shanghai');
    assert.match(fromHugo.head, /^Date: Fri, 15 Nov 2019 13:56:24 \+0100\r$/m, 'the writer\'s offset kept');
    assert.deepEqual(fromHugo.codes, ['1 info header-from-missing']);
    const both = await send('subject: The subject\ntitle: The title\nfrom: a@example.org');
    assert.equal(both.mail.subject, 'The subject');
    const none = await send('to: list@example.org\nfrom: a@example.org');
    assert.equal(none.mail.subject, undefined);
    assert.deepEqual(none.codes, ['1 warning header-subject-missing']);
    // not a problem of the draft: `midcycle check` and the editor do not report it
    assert.deepEqual(none.report.diagnostics, []);
  });

  it('From from the front matter, else the setting (or --from); none is said, as information', async () => {
    assert.deepEqual((await send('subject: x\nfrom: Jane <jane@example.org>', { from: 'Other <other@example.org>' })).mail.from, { address: 'jane@example.org', name: 'Jane' });
    const setting = await send('subject: x', { from: 'Other <other@example.org>' });
    assert.deepEqual(setting.mail.from, { address: 'other@example.org', name: 'Other' });
    assert.match(setting.mail.messageId ?? '', /@example\.org>$/);
    const two = await send('subject: x\nfrom: a@example.org, b@example.org');
    assert.equal(two.mail.from, undefined);
    assert.deepEqual(two.codes, ['3 error header-address-invalid']);
  });

  it('severities of the message\'s rules are set like any other (off, or another severity)', async () => {
    const report = parseReport('---\nto: list@example.org\n---\n\nHi\n', { severities: { 'header-subject-missing': 'error', 'header-from-missing': 'off' } });
    assert.deepEqual(messageFile(report).diagnostics.map((d) => [d.severity, d.code]), [['error', 'header-subject-missing']]);
  });
});

describe('the message\'s Date', () => {
  const cases: [string, string][] = [
    ['2019-11-15', 'Fri, 15 Nov 2019 00:00:00 +0000'],
    ['2019-11-15T13:56:24+01:00', 'Fri, 15 Nov 2019 13:56:24 +0100'],
    ['2019-11-15 13:56:24 -05:30', 'Fri, 15 Nov 2019 13:56:24 -0530'],
    ['2019-11-15t13:56:24.123Z', 'Fri, 15 Nov 2019 13:56:24 +0000'],
    ['2019-11-15T13:56', 'Fri, 15 Nov 2019 13:56:00 +0000'],
    ['2017-09-21 15:22:52 UTC+02:00', 'Thu, 21 Sep 2017 15:22:52 +0200'],
    ['Tue, 20 Sep 2022 17:04:10 +0200', 'Tue, 20 Sep 2022 17:04:10 +0200'],
    ['20 Sep 2022 17:04 -0000', 'Tue, 20 Sep 2022 17:04:00 +0000'],
    ['Thu, 25 Feb 2016 16:02:41 -0800 (PST)', 'Thu, 25 Feb 2016 16:02:41 -0800'],
    ['2016-02-29', 'Mon, 29 Feb 2016 00:00:00 +0000'],
  ];
  for (const [written, header] of cases) {
    it(`date: ${written} → ${header}`, async () => {
      const { head, codes } = await send(`subject: x\nfrom: a@example.org\ndate: ${written.includes(':') && !written.includes('T') ? JSON.stringify(written) : written}`);
      assert.match(head, new RegExp(`^Date: ${header.replace(/[+()]/g, '\\$&')}\r$`, 'm'));
      assert.deepEqual(codes, []);
    });
  }

  it('a Date that js-yaml made is read too, in UTC (parseReport\'s core schema keeps dates as text; YAML 1.1\'s makes Dates)', () => {
    assert.equal(parseReport('---\ndate: 2019-11-15T13:56:24+01:00\n---\n').frontMatter.date, '2019-11-15T13:56:24+01:00');
    const date = (loadYaml('date: 2019-11-15T13:56:24+01:00', { schema: YAML11_SCHEMA }) as { date: Date }).date;
    assert.ok(date instanceof Date);
    const read = readDate(date)!;
    assert.equal(rfc5322Date(read.time, read.offset), 'Fri, 15 Nov 2019 12:56:24 +0000');
    const report = parseReport('---\nsubject: x\nfrom: a@example.org\n---\n\nHi\n');
    (report as Report).frontMatter.date = date;
    assert.match(exportMessage(report), /\r\nDate: Fri, 15 Nov 2019 12:56:24 \+0000\r\n/);
  });

  for (const written of ['next tuesday', '2019-02-30', '2019-13-01', '2019-11-15T25:00', 'Mon, 31 Apr 2019 10:00:00 +0000', '1700000000', '[2019-11-15]', '15/11/2019']) {
    it(`date: ${written} cannot be read: a warning, and the message is dated when written (never silently)`, async () => {
      const { head, diagnostics } = await send(`subject: x\nfrom: a@example.org\ndate: ${written}`, { date: new Date('2024-03-01T10:00:00Z') });
      assert.deepEqual(diagnostics.map((d) => [d.range.start.line + 1, d.severity, d.code]), [[4, 'warning', 'header-date-invalid']]);
      assert.match(diagnostics[0].message, /cannot be read, so the message is dated when it is written/);
      assert.match(head, /^Date: Fri, 01 Mar 2024 10:00:00 \+0000\r$/m);
    });
  }
});
