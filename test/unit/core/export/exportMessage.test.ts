// The .eml a mail client opens: a MIME parser reads it back to the same HTML and text, with the
// headers from the front matter, non-ASCII subjects encoded.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import PostalMime from 'postal-mime';
import { main } from '../../../../src/cli';
import { load as loadYaml, YAML11_SCHEMA } from 'js-yaml';
import { exportEmail, exportText, parseReport, type Report } from '../../../../src/core';
import { exportMessage, messageFile, quotedPrintable } from '../../../../src/core/export/exportMessage';
import { collapse, readAddresses, readDate, rfc5322Date } from '../../../../src/core/export/messageHeaders';
import fc from 'fast-check';
import { propertyOptions } from '../../helpers/propertyOptions';

const draft = fs.readFileSync(path.join(__dirname, '..', '..', '..', '..', 'examples', 'neutron-mitaka-midcycle.md'), 'utf8');

describe('exportMessage (.eml)', () => {
  it('is read back by a MIME parser to the same HTML and text, with the headers', async () => {
    const report = parseReport(
      draft.replace(
        'subject: Neutron Mitaka mid-cycle report',
        'subject: Neutron Mitaka mid-cycle report — résumé 🎉\ncc: [a@example.org, Bé Né <b@example.org>]\nfrom: Armando <armamig@example.org>',
      ),
    );
    const eml = exportMessage(report, { date: new Date('2016-02-26T12:00:00Z') });
    const mail = await PostalMime.parse(eml);
    assert.equal(mail.subject, 'Neutron Mitaka mid-cycle report — résumé 🎉');
    assert.deepEqual(
      mail.to?.map((a) => a.address),
      ['openstack-dev@lists.openstack.org'],
    );
    assert.deepEqual(
      mail.cc?.map((a) => [a.name, a.address]),
      [
        ['', 'a@example.org'],
        ['Bé Né', 'b@example.org'],
      ],
    );
    assert.equal(mail.date, '2016-02-26T12:00:00.000Z');
    assert.match(mail.messageId ?? '', /^<[0-9a-f]+@example\.org>$/);
    // a message's lines end in CRLF: the same text, line for line
    assert.equal(mail.html?.replace(/\r\n/g, '\n'), exportEmail(report));
    assert.equal(mail.text?.replace(/\r\n/g, '\n'), exportText(report));
    assert.match(eml, /\r\nMIME-Version: 1\.0\r\n/);
    assert.match(eml, /\r\nX-Unsent: 1\r\n/, 'mail clients open it as a draft to send');
    assert.match(eml, /^Subject: [^\r]*\r\n =\?UTF-8\?Q\?/m, 'the non-ASCII words encoded (RFC 2047), the header folded');
    for (const line of eml.split('\r\n')) assert.ok(line.length <= 78, `line too long: ${line.slice(0, 40)}…`);
  });

  it('quoted-printable keeps every byte, and lines short', () => {
    const text = `${'x'.repeat(200)} é = trailing \nnext`;
    const qp = quotedPrintable(text);
    assert.ok(qp.split('\r\n').every((l) => l.length <= 76));
    const decoded = Buffer.from(
      qp.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    ).toString('utf8');
    assert.equal(decoded.replace(/\r\n/g, '\n'), text);
  });
});

/** The message's headers as a MIME parser reads them, and the draft's and the message's diagnostics. */
async function send(frontMatter: string, options: Parameters<typeof messageFile>[1] = { date: new Date('2024-03-01T10:00:00Z') }) {
  const report = parseReport(`---\n${frontMatter}\n---\n\nHi all,\n`);
  const { eml, diagnostics } = messageFile(report, options);
  const mail = await PostalMime.parse(eml);
  const head = eml.slice(0, eml.indexOf('\r\n\r\n'));
  return {
    report,
    eml,
    head,
    mail,
    diagnostics,
    codes: [...report.diagnostics, ...diagnostics].map((d) => `${d.range.start.line + 1} ${d.severity} ${d.code}`),
  };
}

describe("the message's headers: data, never structure", () => {
  it('a line break in a header value is an error of the draft, and never a header break: no Bcc smuggled in', async () => {
    const { report, head, mail, codes } = await send(
      'subject: "Report\\r\\nBcc: all@example.com"\nto: "list@example.org\\r\\nBcc: all@example.com"\nfrom: Jane <jane@example.org>',
    );
    assert.deepEqual(
      report.diagnostics.map((d) => [d.range.start.line, d.severity, d.code]),
      [
        [1, 'error', 'header-line-break'],
        [2, 'error', 'header-line-break'],
      ],
    );
    assert.match(
      report.diagnostics[1].message,
      /^The "to:" has a line break or control character in it: a header is one line \(a break would start another, such as "Bcc:"\)\. Write it on one line\.$/,
    );
    assert.doesNotMatch(head, /^Bcc:/im);
    assert.equal(mail.bcc, undefined);
    assert.ok(!mail.headers.some((h) => h.key === 'bcc'));
    assert.equal(mail.subject, 'Report Bcc: all@example.com', "the subject's text, on one line");
    // the to: is no address once it is one line: left out, and said
    assert.equal(mail.to, undefined);
    assert.deepEqual(codes, ['2 error header-line-break', '3 error header-line-break', '3 error header-address-invalid']);
  });

  it('`midcycle check` reports the line break, with the line of the front matter, exit 1', () => {
    const out: string[] = [];
    const code = main(['check', '-'], {
      out: (s) => out.push(s),
      err: () => undefined,
      stdin: () => Buffer.from('---\nsubject: Report\nto: "list@example.org\\r\\nBcc: all@example.com"\n---\n\nHi\n'),
    });
    assert.equal(code, 1);
    assert.match(out.join('\n'), /^-:3:1 error header-line-break The "to:" has a line break/);
  });

  it('title: is checked when it is the subject, and only then', () => {
    const codes = (fm: string) => parseReport(`---\n${fm}\n---\n`).diagnostics.map((d) => `${d.range.start.line + 1} ${d.code}`);
    assert.deepEqual(codes('title: "a\\nb"'), ['2 header-line-break']);
    assert.deepEqual(codes('subject: ""\ntitle: "a\\nb"'), ['3 header-line-break']);
    assert.deepEqual(codes('subject: s\ntitle: "a\\nb"\ntags: "x\\ny"'), []);
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
    assert.match(
      unfolded,
      /^Cc: "Armando M\." <armamig@example\.org>, =\?UTF-8\?Q\?B=C3=A9_N=C3=A9\?= <b@example\.org>, "Say \\"hi\\"" <hi@example\.org>, Team: a@example\.org, b@example\.org;, bare@example\.org\r$/m,
    );
    assert.deepEqual(mail.from, { address: 'jane@example.org', name: 'Jane Doe' });
    assert.deepEqual(mail.to, [
      { address: 'openstack-discuss@lists.openstack.org', name: '' },
      { address: 'john@example.org', name: 'Doe, John' },
    ]);
    assert.deepEqual(mail.cc, [
      { address: 'armamig@example.org', name: 'Armando M.' },
      { address: 'b@example.org', name: 'Bé Né' },
      { address: 'hi@example.org', name: 'Say "hi"' },
      {
        name: 'Team',
        group: [
          { address: 'a@example.org', name: '' },
          { address: 'b@example.org', name: '' },
        ],
      },
      { address: 'bare@example.org', name: '' },
    ]);
  });

  it('what is not an address is left out, said with its line; the other addresses stay', async () => {
    const { mail, diagnostics } = await send(
      'from: a@example.org\nsubject: x\nto: Doe, Jane <jane@example.org>, list at example.org\ncc: [ok@example.org, 42]',
    );
    assert.deepEqual(mail.to, [{ address: 'jane@example.org', name: 'Jane' }]);
    assert.deepEqual(mail.cc, [{ address: 'ok@example.org', name: '' }]);
    assert.deepEqual(
      diagnostics.map((d) => [d.range.start.line + 1, d.code, d.message.slice(0, d.message.indexOf(','))]),
      [
        [4, 'header-address-invalid', 'The "to:" has "Doe"'],
        [4, 'header-address-invalid', 'The "to:" has "list at example.org"'],
        [5, 'header-address-invalid', 'The "cc:" has "42"'],
      ],
    );
  });

  it("Subject from `subject:`, else `title:` (Hugo's front matter), else a warning when the message is written", async () => {
    // a Hugo blog post's front matter, as real drafts kept in a blog have it
    const fromHugo = await send('title: "My Summary of OpenStack PTG in Shanghai"\ndate: 2019-11-15T13:56:24+01:00\ntags: ["openstack"]\ndraft: false');
    assert.equal(fromHugo.mail.subject, 'My Summary of OpenStack PTG in Shanghai');
    assert.match(fromHugo.head, /^Date: Fri, 15 Nov 2019 13:56:24 \+0100\r$/m, "the writer's offset kept");
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
    assert.deepEqual((await send('subject: x\nfrom: Jane <jane@example.org>', { from: 'Other <other@example.org>' })).mail.from, {
      address: 'jane@example.org',
      name: 'Jane',
    });
    const setting = await send('subject: x', { from: 'Other <other@example.org>' });
    assert.deepEqual(setting.mail.from, { address: 'other@example.org', name: 'Other' });
    assert.match(setting.mail.messageId ?? '', /@example\.org>$/);
    const two = await send('subject: x\nfrom: a@example.org, b@example.org');
    assert.equal(two.mail.from, undefined);
    assert.deepEqual(two.codes, ['3 error header-address-invalid']);
  });

  it("severities of the message's rules are set like any other (off, or another severity)", async () => {
    const report = parseReport('---\nto: list@example.org\n---\n\nHi\n', { severities: { 'header-subject-missing': 'error', 'header-from-missing': 'off' } });
    assert.deepEqual(
      messageFile(report).diagnostics.map((d) => [d.severity, d.code]),
      [['error', 'header-subject-missing']],
    );
  });
});

describe("the message's Date", () => {
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
      const { head, codes } = await send(
        `subject: x\nfrom: a@example.org\ndate: ${written.includes(':') && !written.includes('T') ? JSON.stringify(written) : written}`,
      );
      assert.match(head, new RegExp(`^Date: ${header.replace(/[+()]/g, '\\$&')}\r$`, 'm'));
      assert.deepEqual(codes, []);
    });
  }

  it("a Date that js-yaml made is read too, in UTC (parseReport's core schema keeps dates as text; YAML 1.1's makes Dates)", () => {
    assert.equal(parseReport('---\ndate: 2019-11-15T13:56:24+01:00\n---\n').frontMatter.date, '2019-11-15T13:56:24+01:00');
    const date = (loadYaml('date: 2019-11-15T13:56:24+01:00', { schema: YAML11_SCHEMA }) as { date: Date }).date;
    assert.ok(date instanceof Date);
    const read = readDate(date)!;
    assert.equal(rfc5322Date(read.time, read.offset), 'Fri, 15 Nov 2019 12:56:24 +0000');
    const report = parseReport('---\nsubject: x\nfrom: a@example.org\n---\n\nHi\n');
    (report as Report).frontMatter.date = date;
    assert.match(exportMessage(report), /\r\nDate: Fri, 15 Nov 2019 12:56:24 \+0000\r\n/);
  });

  for (const written of [
    'next tuesday',
    '2019-02-30',
    '2019-13-01',
    '2019-11-15T25:00',
    'Mon, 31 Apr 2019 10:00:00 +0000',
    '1700000000',
    '[2019-11-15]',
    '15/11/2019',
  ]) {
    it(`date: ${written} cannot be read: a warning, and the message is dated when written (never silently)`, async () => {
      const { head, diagnostics } = await send(`subject: x\nfrom: a@example.org\ndate: ${written}`, { date: new Date('2024-03-01T10:00:00Z') });
      assert.deepEqual(
        diagnostics.map((d) => [d.range.start.line + 1, d.severity, d.code]),
        [[4, 'warning', 'header-date-invalid']],
      );
      assert.match(diagnostics[0].message, /cannot be read, so the message is dated when it is written/);
      assert.match(head, /^Date: Fri, 01 Mar 2024 10:00:00 \+0000\r$/m);
    });
  }
});

/** A YAML double-quoted scalar of any text: everything outside printable ASCII escaped. */
function yamlString(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === '"' || char === '\\') out += `\\${char}`;
    else if (code >= 0x20 && code < 0x7f) out += char;
    else out += code > 0xffff ? `\\U${code.toString(16).padStart(8, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  }
  return `${out}"`;
}

describe("the message's headers, for any values (properties)", () => {
  // header values as they come: line breaks, NUL, quotes, commas, angle brackets, encoded-word
  // look-alikes, non-ASCII, and very long runs
  const piece = fc.constantFrom(
    '\r',
    '\n',
    '\r\n',
    '\0',
    '\t',
    '\u2028',
    '\u0085',
    '"',
    "'",
    ',',
    ';',
    ':',
    '<',
    '>',
    '@',
    '(',
    ')',
    '\\',
    '=?',
    '?=',
    '=?UTF-8?Q?x?=',
    ' ',
    '  ',
    'Bcc: all@example.com',
    'é',
    '—',
    '🎉',
    'Ω',
    'a',
    'Z',
    '0',
    '.',
    '-',
  );
  const text = fc
    .oneof(
      fc.array(piece, { maxLength: 24 }).map((p) => p.join('')),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.string({ unit: 'grapheme-ascii', minLength: 90, maxLength: 400 }),
      fc.string({ unit: fc.constantFrom('a', 'é', ' ', '🎉'), minLength: 70, maxLength: 300 }),
    )
    .filter((s) => !/[\ud800-\udfff]/u.test(s)); // no lone surrogates: they are not text
  const atom = fc.stringMatching(/^[a-z0-9][a-z0-9+_-]{0,12}$/);
  const address = fc
    .tuple(fc.array(atom, { minLength: 1, maxLength: 3 }), fc.array(fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/), { minLength: 1, maxLength: 3 }))
    .map(([local, domain]) => `${local.join('.')}@${domain.join('.')}`);
  const quoted = (name: string) => `"${name.replace(/[\\"]/g, '\\$&')}"`;
  const allowed = new Set(['from', 'to', 'cc', 'subject', 'date', 'message-id', 'mime-version', 'x-unsent', 'content-type']);

  /** What the header block must be: lines of at most 998 characters, each ended by CRLF, no bare CR or LF. */
  function assertWellFormed(eml: string) {
    const head = eml.slice(0, eml.indexOf('\r\n\r\n'));
    for (const line of head.split('\r\n')) {
      assert.doesNotMatch(line, /[\r\n\0]/);
      assert.ok(line.length <= 998, `a header line of ${line.length} characters`);
      assert.match(line, /^(?:[A-Za-z-]+: |[ \t])/, `a line that is neither a header nor a folded one: ${JSON.stringify(line.slice(0, 40))}`);
    }
  }

  it('a MIME parser reads back the subject meant (its text on one line), and no header but ours', async () => {
    await fc.assert(
      fc.asyncProperty(text, async (subject) => {
        const report = parseReport(`---\nsubject: ${yamlString(subject)}\nfrom: a@example.org\n---\n\nHi\n`);
        const meant = collapse(subject);
        assert.equal(
          report.diagnostics.some((d) => d.code === 'header-line-break'),
          /[\0-\x08\n-\x1f\x7f\x85\u2028\u2029]/.test(subject.trim()),
        );
        const { eml } = messageFile(report, { date: new Date(0) });
        assertWellFormed(eml);
        const mail = await PostalMime.parse(eml);
        assert.equal(mail.subject ?? '', meant);
        assert.deepEqual(
          mail.headers.filter((h) => !allowed.has(h.key)),
          [],
        );
        assert.equal(mail.headers.filter((h) => h.key === 'subject').length, meant ? 1 : 0);
      }),
      propertyOptions(300),
    );
  });

  it('a MIME parser reads back the addresses meant: the same names and addresses, in order, and no Bcc', async () => {
    const entry = fc.oneof(
      {
        weight: 3,
        arbitrary: fc
          .record({ name: text, address })
          .map(({ name, address: a }) => ({ written: `${quoted(name)} <${a}>`, meant: { name: collapse(name), address: a } })),
      },
      { weight: 1, arbitrary: address.map((a) => ({ written: a, meant: { name: '', address: a } })) },
      { weight: 1, arbitrary: text.map((t) => ({ written: t, meant: undefined })) },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { minLength: 1, maxLength: 5 }), async (entries) => {
        const report = parseReport(`---\nsubject: x\nfrom: a@example.org\nto: [${entries.map((e) => yamlString(e.written)).join(', ')}]\n---\n\nHi\n`);
        const { eml, diagnostics } = messageFile(report, { date: new Date(0) });
        assertWellFormed(eml);
        const mail = await PostalMime.parse(eml);
        // what each entry means: the generated mailbox, or, for free text, what the RFC 5322 parser made of it
        const meant = entries.flatMap((e) => (e.meant ? [e.meant] : readAddresses(e.written).list.map(simple)));
        assert.deepEqual((mail.to ?? []).map(simple), meant);
        assert.equal(mail.bcc, undefined);
        assert.deepEqual(
          mail.headers.filter((h) => !allowed.has(h.key)),
          [],
        );
        // and whatever was left out was said
        const left = entries.filter((e) => !e.meant && collapse(e.written) && !readAddresses(e.written).list.length).length;
        assert.ok(diagnostics.filter((d) => d.code === 'header-address-invalid').length >= left);
      }),
      propertyOptions(300),
    );
  });
});

/** An address as a comparison sees it: a mailbox's name and address, or a group's name and members. */
type Simple = { name: string; address?: string; group?: Simple[] };
function simple(a: { name?: string | null; address?: string; group?: unknown[]; addresses?: unknown[]; type?: string }): Simple {
  const members = (a.group ?? a.addresses) as Parameters<typeof simple>[0][] | undefined;
  if (members) return { name: collapse(a.name ?? ''), group: members.map(simple) };
  return { name: collapse(a.name ?? ''), address: a.address };
}
