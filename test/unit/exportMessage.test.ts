// The .eml a mail client opens: a MIME parser reads it back to the same HTML and text, with the
// headers from the front matter, non-ASCII subjects encoded.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import PostalMime from 'postal-mime';
import { exportEmail, exportText, parseReport } from '../../src/core';
import { exportMessage, quotedPrintable } from '../../src/core/exportMessage';

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
