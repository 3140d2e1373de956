// The headers of the message (.eml) made from a draft's front matter. Values are data, never
// structure: each is written as one line; addresses are parsed (RFC 5322, by email-addresses) and
// written again as addresses, display names quoted or encoded (RFC 2047) as they need, groups kept;
// the subject comes from `subject:`, else `title:`; the date is read from any form YAML gives and
// written in RFC 5322 with the writer's offset; From from the front matter, else the setting. What
// only matters for sending (an address that is none, a date that cannot be read, no subject, no
// sender) is found here, when a message is written: diagnostics like the draft's own.
import addresses from 'email-addresses';
import { keyLine } from './frontMatterHeaders';
import type { Diagnostic, Report } from '../model/model';
import type { RuleCode } from '../rules/ruleDefaults';
import { diagnosticOf } from '../rules/ruleSeverity';

type Mailbox = addresses.ParsedMailbox;
type Group = addresses.ParsedGroup;

export interface HeaderOptions {
  /** The sender when the front matter has no `from:` (the `midcycle.export.from` setting, `--from`). */
  from?: string;
  /** The Date when the front matter has none (or one that cannot be read): now when not given. */
  date?: Date;
}

export interface MessageHeaders {
  /** Name and value of each header, in order: each value one line, encoded, not yet folded. */
  headers: [string, string][];
  /** The sender's domain, for the Message-ID. */
  domain?: string;
  diagnostics: Diagnostic[];
}

export function messageHeaders(report: Report, options: HeaderOptions = {}): MessageHeaders {
  const fm = report.frontMatter;
  const diagnostics: Diagnostic[] = [];
  const lines = report.parse.lines;
  const first = report.frontMatterRange?.start.line ?? 0;
  const end = (report.frontMatterRange?.end.line ?? 0) + 1;
  const problem = (code: RuleCode, key: string, message: string) => {
    const line = report.frontMatterRange ? keyLine(key, lines, first, end) : 0;
    const d = diagnosticOf({ code, range: lines.linesRange(line, line), message }, report.parse.options.severities);
    if (d) diagnostics.push(d);
  };
  const headers: [string, string][] = [];

  // From: one mailbox, from the front matter or the setting
  let domain: string | undefined;
  const fromValue = present(fm.from) ? fm.from : options.from;
  if (present(fromValue)) {
    const { list, bad } = readAddresses(fromValue);
    for (const b of bad) problem('header-address-invalid', 'from', notAnAddress('from', b));
    const sender = list.length === 1 && list[0].type === 'mailbox' ? list[0] : undefined;
    if (sender) {
      headers.push(['From', writeMailbox(sender)]);
      domain = sender.domain;
    } else if (list.length)
      problem('header-address-invalid', 'from', 'The "from:" is one address, the sender\'s: "Name <name@example.org>". The message has no From.');
  } else {
    problem(
      'header-from-missing',
      'from',
      'No sender: the mail client sends the message from your default account. Set "from:" in the front matter, or the midcycle.export.from setting.',
    );
  }

  for (const [key, name] of [
    ['to', 'To'],
    ['cc', 'Cc'],
  ] as const) {
    if (!present(fm[key])) continue;
    const { list, bad } = readAddresses(fm[key]);
    for (const b of bad) problem('header-address-invalid', key, notAnAddress(key, b));
    if (list.length) headers.push([name, list.map((a) => (a.type === 'group' ? writeGroup(a) : writeMailbox(a))).join(', ')]);
  }

  const subjectKey = present(fm.subject) ? 'subject' : present(fm.title) ? 'title' : undefined;
  const subject = subjectKey && ['string', 'number', 'boolean'].includes(typeof fm[subjectKey]) ? collapse(String(fm[subjectKey])) : '';
  if (subject) headers.push(['Subject', encodeText(subject)]);
  else problem('header-subject-missing', subjectKey ?? 'subject', 'No subject: add "subject:" (or "title:") to the front matter; the message has none.');

  let date = present(fm.date) ? readDate(fm.date) : undefined;
  if (present(fm.date) && !date) {
    problem(
      'header-date-invalid',
      'date',
      'This date cannot be read, so the message is dated when it is written: write it as 2016-02-26, 2016-02-26T14:30:00+01:00 or "Fri, 26 Feb 2016 14:30:00 +0100".',
    );
  }
  date ??= { time: +(options.date ?? new Date()), offset: 0 };
  headers.push(['Date', rfc5322Date(date.time, date.offset)]);
  return { headers, domain, diagnostics };
}

/** A value given: not absent, null or empty. */
function present(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);
}

function notAnAddress(key: string, text: string): string {
  return `The "${key}:" has "${text.length > 60 ? `${text.slice(0, 57)}…` : text}", which Midcycle cannot read as an email address, so it is left out of the message. Write name@example.org or "Name" <name@example.org>, and quote a name with a comma: "Doe, Jane" <jane@example.org>.`;
}

/** Line breaks, controls and runs of white space as one space, trimmed: what a header value says. */
export function collapse(value: string): string {
  return value.replace(/[\s\0-\x1f\x7f\x85\u2028\u2029]+/g, ' ').trim();
}

/**
 * The addresses of a front matter value: a list (`[a@x.org, "B" <b@x.org>]`) or a comma-separated
 * string, groups allowed (`Team: a@x.org, b@x.org;`). What is not an address is returned as `bad`.
 */
export function readAddresses(value: unknown): { list: (Mailbox | Group)[]; bad: string[] } {
  const list: (Mailbox | Group)[] = [];
  const bad: string[] = [];
  for (const item of Array.isArray(value) ? value : [value]) {
    if (!present(item)) continue;
    if (typeof item !== 'string') {
      bad.push(JSON.stringify(item) ?? String(item));
      continue;
    }
    const text = collapse(item);
    const whole = parse(text);
    if (whole) list.push(...whole);
    // one bad address does not lose the others: each part between commas on its own
    else {
      const parts = splitList(text);
      for (const part of parts) {
        const found = parse(part);
        if (found) list.push(...found);
        else bad.push(part);
      }
      if (!parts.length && text) bad.push(text); // (commas, and nothing between them)
    }
  }
  return { list, bad };
}

function parse(text: string): (Mailbox | Group)[] | undefined {
  if (!text) return undefined;
  const found = addresses.parseAddressList({ input: text, rfc6532: true });
  // RFC 5321 caps an address at 254 characters (a header line is at most 998); a quoted local part
  // ("john doe"@x.org) or one that looks like an encoded word is legal, but mail readers misread it
  const unwritable = (m: Mailbox) => m.address.length > 254 || !DOT_ATOM.test(m.local) || m.local.includes('=?');
  return found && !found.some((a) => (a.type === 'group' ? a.addresses.some(unwritable) : unwritable(a))) ? found : undefined;
}

/** The parts of an address list between its commas, a comma in quotes, <…> or (…) aside. */
function splitList(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '\\') {
      current += c + (text[++i] ?? '');
      continue;
    }
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '<' || c === '(')) depth++;
    else if (!quoted && (c === '>' || c === ')')) depth = Math.max(0, depth - 1);
    else if (!quoted && depth === 0 && c === ',') {
      parts.push(current.trim());
      current = '';
      continue;
    }
    current += c;
  }
  parts.push(current.trim());
  return parts.filter(Boolean);
}

const ATEXT = "[\\w!#$%&'*+\\-/=?^`{|}~]";
const ATOMS = new RegExp(`^${ATEXT}+(?: ${ATEXT}+)*$`);
const DOT_ATOM = new RegExp(`^(?:${ATEXT}|[^\\x00-\\x7f])+(?:\\.(?:${ATEXT}|[^\\x00-\\x7f])+)*$`);

export function writeMailbox(m: Mailbox): string {
  const address = `${m.local}@${m.domain}`;
  const name = collapse(m.name ?? '');
  return name ? `${phrase(name)} <${address}>` : address;
}

function writeGroup(g: Group): string {
  return `${phrase(collapse(g.name)) || '""'}:${g.addresses.length ? ` ${g.addresses.map(writeMailbox).join(', ')}` : ''};`;
}

/** A display name: as it is when it is plain words, else quoted, else (non-ASCII, long) encoded words. */
function phrase(name: string): string {
  if (/=\?/.test(name) || /[^\x20-\x7e]|\S{60}/.test(name)) return encodeWords(name);
  return ATOMS.test(name) ? name : `"${name.replace(/[\\"]/g, '\\$&')}"`;
}

/**
 * An unstructured value (the subject): its words as they are, those that need it (non-ASCII, a
 * `=?` that a reader would decode, one too long to fold) as encoded words (RFC 2047), neighbours
 * together with the space between them.
 */
export function encodeText(text: string): string {
  const needs = (word: string) => /[^\x20-\x7e]|=\?/.test(word) || word.length > 60;
  const words = text.split(' ');
  const out: string[] = [];
  for (let i = 0; i < words.length;) {
    if (!needs(words[i])) {
      out.push(words[i++]);
      continue;
    }
    let j = i + 1;
    while (j < words.length && needs(words[j])) j++;
    out.push(encodeWords(words.slice(i, j).join(' ')));
    i = j;
  }
  return out.join(' ');
}

// TextEncoder rather than Buffer: the same in Node and in a browser (VS Code for the Web)
const UTF8 = new TextEncoder();

/** Text as encoded words (RFC 2047, UTF-8, Q, the characters allowed in a phrase), each at most 75 characters. */
export function encodeWords(text: string): string {
  const words: string[] = [];
  let current = '';
  for (const char of text) {
    let q = '';
    for (const byte of UTF8.encode(char)) {
      const c = String.fromCharCode(byte);
      q += /[A-Za-z0-9!*+\-/]/.test(c) ? c : byte === 32 ? '_' : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
    if (current.length + q.length > 63) {
      words.push(current);
      current = '';
    }
    current += q;
  }
  if (current) words.push(current);
  return words.map((w) => `=?UTF-8?Q?${w}?=`).join(' ');
}

/**
 * A front matter date: the time, and the writer's offset from UTC in minutes (0 when not given, as
 * YAML reads a time without one). A YAML date or timestamp (`2019-11-15`,
 * `2019-11-15T13:56:24+01:00`, as text or as js-yaml's Date), or an RFC 5322 date (`Fri, 15 Nov
 * 2019 13:56:24 +0100`, as an import writes it); undefined for anything else (`next tuesday`,
 * `2019-02-30`).
 */
export function readDate(value: unknown): { time: number; offset: number } | undefined {
  if (value instanceof Date) return Number.isNaN(+value) ? undefined : { time: +value, offset: 0 };
  const text = typeof value === 'string' ? value.trim() : '';
  let m = /^(\d{4})-(\d\d?)-(\d\d?)(?:(?:t|\s+)(\d\d?):(\d\d)(?::(\d\d)(?:\.\d+)?)?\s*(?:z|(?:utc|gmt)?(?:([+-]\d\d):?(\d\d)?)?))?$/i.exec(text);
  let month: number;
  if (m) month = Number(m[2]);
  else {
    m = /^(?:[a-z]{3},?\s*)?(\d\d?)\s+([a-z]{3})\s+(\d{4})\s+(\d\d):(\d\d)(?::(\d\d))?\s*(?:ut|utc|gmt|z|([+-]\d\d)(\d\d))?(?:\s*\([^()]*\))?$/i.exec(text);
    if (!m) return undefined;
    month = 'janfebmaraprmayjunjulaugsepoctnovdec'.indexOf(m[2].toLowerCase()) / 3 + 1;
    [m[1], m[3]] = [m[3], m[1]];
  }
  const [year, day, hour, minute, second, zoneHours, zoneMinutes] = [m[1], m[3], m[4], m[5], m[6], m[7], m[8]].map((n) => Number(n ?? 0));
  const offset = (m[7]?.startsWith('-') ? -1 : 1) * (Math.abs(zoneHours) * 60 + zoneMinutes);
  const at = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const fits =
    Number.isInteger(month) &&
    at.getUTCFullYear() === year &&
    at.getUTCMonth() === month - 1 &&
    at.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 61 &&
    Math.abs(zoneHours) < 24 &&
    zoneMinutes < 60;
  return fits ? { time: +at - offset * 60000, offset } : undefined;
}

/** An RFC 5322 date: the time as the clock showed it where the offset is (`Fri, 15 Nov 2019 13:56:24 +0100`). */
export function rfc5322Date(time: number, offset: number): string {
  const d = new Date(time + offset * 60000);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const day = 'SunMonTueWedThuFriSat'.substr(d.getUTCDay() * 3, 3);
  const month = 'JanFebMarAprMayJunJulAugSepOctNovDec'.substr(d.getUTCMonth() * 3, 3);
  const zone = `${offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offset) / 60))}${pad(Math.abs(offset) % 60)}`;
  return `${day}, ${pad(d.getUTCDate())} ${month} ${pad(d.getUTCFullYear(), 4)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${zone}`;
}
