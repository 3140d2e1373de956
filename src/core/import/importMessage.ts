// Any sent report into a Markdown draft: an RFC 5322 message (.eml: multipart/alternative,
// quoted-printable or base64, any declared charset; read with postal-mime; also the first message
// of a list archive's mbox text), a list archive's page (the message in a <pre>), the HTML of the
// email itself (Gmail, Outlook, Thunderbird, Apple Mail), or plain text (.txt, .rst). Which one is
// chosen by the file's name and content, and said in words (ImportResult.reading): a plain-text
// email is never read as HTML, which would take `<https://…>` and `Name <addr>` for tags. MeetBot's
// minutes (text or HTML) are a meeting's notes, not an email: read as such (meetingNotes.ts).
import PostalMime from 'postal-mime';
import { html as htmlSpec, parse } from 'parse5';
import { importEmailHtml, importEmailText } from './importEmail';
import { importMeetingNotes, isMeetBotMinutes } from './meetingNotes';

export type ImportSource = 'message' | 'archive' | 'html' | 'text' | 'minutes' | 'notes';

export interface ImportResult {
  markdown: string;
  source: ImportSource;
  /** How the file was read and why, for the writer: "as plain text (a .txt file)". */
  reading: string;
}

/** Files that are text whatever they hold: a draft, an RST report, a list archive's text. */
const TEXT_FILE = /\.(txt|text|rst|asc)$/i;
const HTML_FILE = /\.(html?|xhtml)$/i;

/** Headers first, then a blank line: an RFC 5322 message rather than an HTML page. */
function isMessage(raw: string): boolean {
  const end = raw.search(/\r?\n\r?\n/);
  if (end <= 0) return false;
  const head = `${raw.slice(0, end)}\n`;
  return /^(?:[\x21-\x39\x3b-\x7e]+:[^\n]*\r?\n(?:[ \t][^\n]*\r?\n)*)+$/.test(head) && /^(?:from|subject|mime-version|content-type|to|date):/im.test(head);
}

/** The messages of an mbox (a list archive's text: each message after a `From ` line), or undefined. */
function mboxMessages(raw: string): string[] | undefined {
  const text = raw.replace(/\r\n?/g, '\n');
  if (!/^From [^\n]*\n[\x21-\x39\x3b-\x7e]+:/.test(text)) return undefined;
  return text.split(/^From [^\n]*\n(?=[\x21-\x39\x3b-\x7e]+:)/m).filter((m) => m.trim());
}

/**
 * The first HTML element the text has (`div`, `br`, `!doctype`), or undefined: what makes it an HTML
 * email. `<https://…>`, `<name@example.org>` and `<Armando Migliaccio>` are not elements.
 */
export function htmlEvidence(raw: string): string | undefined {
  if (/<!doctype\s+html/i.test(raw)) return '!DOCTYPE html';
  for (const m of raw.matchAll(/<\/?([A-Za-z][A-Za-z0-9]*)(?=[\s/>])/g)) {
    const name = m[1].toLowerCase();
    if (htmlSpec.getTagID(name) !== htmlSpec.TAG_ID.UNKNOWN) return name;
  }
  return undefined;
}

export interface ImportOptions {
  /** Read the whole input as plain text, whatever it looks like (text that mentions `<br>`). */
  text?: boolean;
  /** Read it as a meeting's notes (a pad's text saved to a file, notes typed in an editor), not as an email. */
  notes?: boolean;
}

/** A sent report as a draft; `name` is the file's name (its extension says what it is), if any. */
export async function importMessage(raw: string, name = '', options: ImportOptions = {}): Promise<ImportResult> {
  if (options.text) return { markdown: importEmailText(raw), source: 'text', reading: 'as plain text (as asked)' };
  const extension = /\.[^./\\]+$/.exec(name)?.[0].toLowerCase();
  if (options.notes || (!isMessage(raw) && isMeetBotMinutes(raw))) {
    // an HTML page by its name or its start: notes may well mention `<script>` in their text
    const html = extension ? HTML_FILE.test(extension) : /^\s*<(?:!doctype\s+html|html[\s>])/i.test(raw);
    const notes = importMeetingNotes(raw, { html });
    return { markdown: notes.markdown, source: notes.kind.startsWith('minutes') ? 'minutes' : 'notes', reading: notes.reading };
  }
  const mbox = mboxMessages(raw);
  const message = mbox ? mbox[0] : raw;
  if (isMessage(message)) {
    const email = await PostalMime.parse(message);
    const header = (key: string) => email.headers.find((h) => h.key === key)?.value;
    const addresses = (list?: { address?: string; name?: string }[]) =>
      (list ?? []).map((a) => (a.name ? `${a.name} <${a.address}>` : (a.address ?? ''))).filter(Boolean);
    const one = (list: string[]) => (list.length === 1 ? list[0] : list.length ? list : undefined);
    // the sender too: exported again as a message, the draft goes out from the same address
    const headers = {
      subject: email.subject,
      from: one(addresses(email.from ? [email.from] : [])),
      to: one(addresses(email.to)),
      cc: one(addresses(email.cc)),
      date: header('date'),
    };
    const where = mbox && mbox.length > 1 ? `the first of the ${mbox.length} messages in it, ` : '';
    // the MIME type says what a part is: the HTML part when there is one, else the text
    if (email.html) return { markdown: importEmailHtml(email.html, headers), source: 'message', reading: `as a message (${where}its text/html part)` };
    return { markdown: importEmailText(email.text ?? '', headers), source: 'message', reading: `as a message (${where}its text/plain part)` };
  }
  const text = (why: string): ImportResult => ({ markdown: importEmailText(raw), source: 'text', reading: `as plain text (${why})` });
  if (extension && TEXT_FILE.test(extension)) return text(`a ${extension} file`);
  const evidence = htmlEvidence(raw);
  if (!evidence) return text(extension && HTML_FILE.test(extension) ? `there is no HTML in it, though it is named ${extension}` : 'there is no HTML in it');
  const archived = archiveBody(raw);
  if (archived)
    return {
      markdown: importEmailText(archived.text, { subject: archived.subject }),
      source: 'archive',
      reading: "as a list archive's page (the message in its <pre>)",
    };
  return {
    markdown: importEmailHtml(raw),
    source: 'html',
    reading: `as HTML (${extension && HTML_FILE.test(extension) ? `a ${extension} file` : `it has HTML such as <${evidence}>`})`,
  };
}

/**
 * What says a page is a list archive's, around the message: pipermail's marks round the article, and
 * the navigation of pipermail and hyperkitty. An email with a code block (a <pre>) has none of it,
 * and is read as the HTML it is: taken for an archive, all but its <pre> would be lost.
 */
const ARCHIVE_PAGE = /<!--\s*beginarticle\s*-->|\b(?:previous|next) message\b|\bmessages sorted by\b|\bmore information about the .{1,80} mailing list\b/i;

/** A list archive's page (pipermail, hyperkitty): the message is the one <pre>, the subject the title. */
function archiveBody(html: string): { text: string; subject?: string } | undefined {
  const document = parse(html);
  const pres: string[] = [];
  let title: string | undefined;
  let around = '';
  // (walked with a stack of its own: an email nested thousands deep is no stack overflow)
  const stack: Node[] = [document];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.tagName === 'pre') {
      pres.push(text(node));
      continue;
    }
    if (node.tagName === 'title' && title === undefined) title = text(node).trim();
    if (node.value !== undefined) around += node.value;
    if (node.nodeName === '#comment') around += `<!--${(node as { data?: string }).data ?? ''}-->`;
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  const body = pres.sort((a, b) => b.length - a.length)[0];
  if (!body || body.trim().split('\n').length < 3 || !ARCHIVE_PAGE.test(around)) return undefined;
  return { text: body, subject: title?.replace(/\s+/g, ' ') };
}

/** The text in a node, in document order. */
function text(node: Node): string {
  let out = '';
  const stack: Node[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.value !== undefined) out += n.value;
    const children = childrenOf(n);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return out;
}

type Node = { nodeName: string; tagName?: string; value?: string; childNodes?: Node[] };

function childrenOf(node: Node): Node[] {
  return node.childNodes ?? [];
}
