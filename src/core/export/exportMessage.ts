// The report as a message file (.eml) a mail client opens and sends: multipart/alternative with the
// text/plain and text/html parts, UTF-8 and quoted-printable, headers from the front matter
// (messageHeaders: From, To, Cc, Subject, Date, each one line, addresses re-written, non-ASCII
// encoded), a Message-ID, and X-Unsent: 1, which makes Thunderbird, Outlook and Apple Mail open it
// as a draft to send rather than as a message received.
import { exportEmail, type EmailOptions } from './exportEmail';
import { exportText } from './exportText';
import { messageHeaders, type HeaderOptions } from './messageHeaders';
import type { Diagnostic, Report } from '../model/model';

export interface MessageOptions extends EmailOptions, HeaderOptions {
  /** The Message-ID's domain; from the sender's address when there is one. */
  domain?: string;
}

export function exportMessage(report: Report, options: MessageOptions = {}): string {
  return messageFile(report, options).eml;
}

/** The message, and what its headers lack or could not take (`header-…` diagnostics, for the writer). */
export function messageFile(report: Report, options: MessageOptions = {}): { eml: string; diagnostics: Diagnostic[] } {
  const { headers, domain, diagnostics } = messageHeaders(report, options);
  const boundary = `midcycle-${randomHex(12)}`;
  headers.push(
    ['Message-ID', `<${randomHex(12)}@${options.domain ?? (domain && /^[\w.-]+$/.test(domain) ? domain : 'midcycle.invalid')}>`],
    ['MIME-Version', '1.0'],
    ['X-Unsent', '1'],
    ['Content-Type', `multipart/alternative; boundary="${boundary}"`],
  );
  // the CRLF before the next boundary ends the body's last line: the body brings none of its own
  const part = (type: string, body: string) =>
    [`--${boundary}`, `Content-Type: ${type}; charset=UTF-8`, 'Content-Transfer-Encoding: quoted-printable', '', quotedPrintable(body.replace(/\n$/, ''))].join(
      '\r\n',
    );
  const eml = [
    // a value never breaks its line: one line each (messageHeaders), and this makes sure of it
    ...headers.map(([name, value]) => foldHeader(`${name}: ${value.replace(/[\r\n]+/g, ' ')}`)),
    '',
    part('text/plain', exportText(report, options)),
    part('text/html', exportEmail(report, options)),
    `--${boundary}--`,
    '',
  ].join('\r\n');
  return { eml, diagnostics };
}

/**
 * `bytes` random bytes in hex, for boundaries, Message-IDs and nonces: Web Crypto, which Node (20
 * and later) and the browser both have, so the core needs no Node module.
 */
export function randomHex(bytes: number): string {
  return [...crypto.getRandomValues(new Uint8Array(bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

// TextEncoder rather than Buffer: the same in Node and in a browser (VS Code for the Web)
const UTF8 = new TextEncoder();

/** Quoted-printable (RFC 2045) of UTF-8 text: lines of at most 76 characters, CRLF line ends. */
export function quotedPrintable(text: string): string {
  const out: string[] = [];
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    let encoded = '';
    for (const byte of UTF8.encode(line)) {
      const c = String.fromCharCode(byte);
      encoded += (byte >= 33 && byte <= 126 && c !== '=') || byte === 32 || byte === 9 ? c : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
    // a space or tab at the end of a line would be lost in transport
    encoded = encoded.replace(/[ \t]$/, (c) => `=${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
    let rest = encoded;
    while (rest.length > 76) {
      let cut = 75;
      // never split an =XX escape
      const escape = rest.lastIndexOf('=', cut);
      if (escape > cut - 3) cut = escape;
      out.push(`${rest.slice(0, cut)}=`);
      rest = rest.slice(cut);
    }
    out.push(rest);
  }
  return out.join('\r\n');
}

/** A header line folded at spaces, to lines of at most 78 characters where it can be (RFC 5322). */
function foldHeader(line: string): string {
  const parts: string[] = [];
  let rest = line;
  // never right after "Name:": the value starts on the header's own line
  let from = line.indexOf(': ') + 2;
  while (rest.length > 78) {
    // the last space that makes a short line, else the first there is (a long word stays whole)
    let at = rest.lastIndexOf(' ', 78);
    if (at < from) at = rest.indexOf(' ', from);
    if (at < from) break;
    parts.push(rest.slice(0, at));
    rest = rest.slice(at);
    from = 1;
  }
  parts.push(rest);
  return parts.join('\r\n');
}
