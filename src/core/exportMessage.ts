// The report as a message file (.eml) a mail client opens and sends: multipart/alternative with the
// text/plain and text/html parts, UTF-8 and quoted-printable, headers from the front matter
// (Subject, To, Cc, Date, Message-ID, MIME-Version), non-ASCII header text encoded (RFC 2047).
import { randomBytes } from 'node:crypto';
import { exportEmail, type EmailOptions } from './exportEmail';
import { exportText } from './exportText';
import type { Report } from './model';

export interface MessageOptions extends EmailOptions {
  /** The Date header; now when not given (and not in the front matter). */
  date?: Date;
  /** The Message-ID's domain; from the sender's address when there is one. */
  domain?: string;
}

export function exportMessage(report: Report, options: MessageOptions = {}): string {
  const fm = report.frontMatter;
  const list = (v: unknown) => (Array.isArray(v) ? v.map(String).join(', ') : typeof v === 'string' ? v : undefined);
  const from = list(fm.from);
  const domain = options.domain ?? /@([\w.-]+)/.exec(from ?? '')?.[1] ?? 'midcycle.invalid';
  const date = typeof fm.date === 'string' && !Number.isNaN(Date.parse(fm.date)) ? fm.date : rfc5322Date(options.date ?? new Date());
  const boundary = `midcycle-${randomBytes(12).toString('hex')}`;
  const headers: [string, string | undefined][] = [
    ['From', from],
    ['To', list(fm.to)],
    ['Cc', list(fm.cc)],
    ['Subject', typeof fm.subject === 'string' ? fm.subject : undefined],
    ['Date', date],
    ['Message-ID', `<${randomBytes(12).toString('hex')}@${domain}>`],
    ['MIME-Version', '1.0'],
    ['Content-Type', `multipart/alternative; boundary="${boundary}"`],
  ];
  // the CRLF before the next boundary ends the body's last line: the body brings none of its own
  const part = (type: string, body: string) =>
    [`--${boundary}`, `Content-Type: ${type}; charset=UTF-8`, 'Content-Transfer-Encoding: quoted-printable', '', quotedPrintable(body.replace(/\n$/, ''))].join('\r\n');
  return [
    ...headers.filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => foldHeader(`${k}: ${k === 'Subject' || k === 'To' || k === 'Cc' || k === 'From' ? encodeHeader(v!) : v}`)),
    '',
    part('text/plain', exportText(report, options)),
    part('text/html', exportEmail(report, options)),
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

/** Quoted-printable (RFC 2045) of UTF-8 text: lines of at most 76 characters, CRLF line ends. */
export function quotedPrintable(text: string): string {
  const out: string[] = [];
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    let encoded = '';
    for (const byte of Buffer.from(line, 'utf8')) {
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

/** A header value, encoded (RFC 2047, UTF-8, Q) when it has non-ASCII text; addresses stay readable. */
export function encodeHeader(value: string): string {
  if (/^[\x00-\x7f]*$/.test(value)) return value;
  // encode word by word, so that <address> parts stay plain
  return value.replace(/[^\s<>,]*[^\x00-\x7f][^\s<>,]*(?:\s+[^\s<>,]*[^\x00-\x7f][^\s<>,]*)*/g, (words) => {
    const bytes = Buffer.from(words, 'utf8');
    let q = '';
    for (const byte of bytes) {
      const c = String.fromCharCode(byte);
      q += /[A-Za-z0-9!*+\-/]/.test(c) ? c : byte === 32 ? '_' : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
    // encoded words of at most 75 characters, split between whole characters
    const words75: string[] = [];
    let current = '';
    for (const piece of q.match(/=[0-9A-F]{2}|[^=]/g) ?? []) {
      if (current.length + piece.length > 60) {
        words75.push(current);
        current = '';
      }
      current += piece;
    }
    if (current) words75.push(current);
    return words75.map((w) => `=?UTF-8?Q?${w}?=`).join(' ');
  });
}

function foldHeader(line: string): string {
  if (line.length <= 78) return line;
  const parts: string[] = [];
  let rest = line;
  while (rest.length > 78) {
    const at = rest.lastIndexOf(' ', 78);
    if (at <= 0) break;
    parts.push(rest.slice(0, at));
    rest = rest.slice(at);
  }
  parts.push(rest);
  return parts.join('\r\n');
}

function rfc5322Date(d: Date): string {
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}
