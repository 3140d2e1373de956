// Any sent report into a Markdown draft: an RFC 5322 message (.eml: multipart/alternative,
// quoted-printable or base64, any declared charset; read with postal-mime), a list archive's page
// (the message in a <pre>), or the HTML of the email itself (Gmail, Outlook, Thunderbird).
import PostalMime from 'postal-mime';
import { parse } from 'parse5';
import { importEmailHtml, importEmailText } from './importEmail';

export type ImportSource = 'message' | 'archive' | 'html' | 'text';

export interface ImportResult {
  markdown: string;
  source: ImportSource;
}

/** Headers first, then a blank line: an RFC 5322 message rather than an HTML page. */
function isMessage(raw: string): boolean {
  const end = raw.search(/\r?\n\r?\n/);
  if (end <= 0) return false;
  const head = `${raw.slice(0, end)}\n`;
  return /^(?:[\x21-\x39\x3b-\x7e]+:[^\n]*\r?\n(?:[ \t][^\n]*\r?\n)*)+$/.test(head) && /^(?:from|subject|mime-version|content-type|to|date):/im.test(head);
}

export async function importMessage(raw: string): Promise<ImportResult> {
  if (isMessage(raw)) {
    const email = await PostalMime.parse(raw);
    const header = (name: string) => email.headers.find((h) => h.key === name)?.value;
    const addresses = (list?: { address?: string; name?: string }[]) => (list ?? []).map((a) => (a.name ? `${a.name} <${a.address}>` : a.address ?? '')).filter(Boolean);
    const one = (list: string[]) => (list.length === 1 ? list[0] : list.length ? list : undefined);
    const headers = { subject: email.subject, to: one(addresses(email.to)), cc: one(addresses(email.cc)), date: header('date') };
    if (email.html) return { markdown: importEmailHtml(email.html, headers), source: 'message' };
    return { markdown: importEmailText(email.text ?? '', headers), source: 'message' };
  }
  if (/<[a-z!]/i.test(raw)) {
    const archived = archiveBody(raw);
    if (archived) return { markdown: importEmailText(archived.text, { subject: archived.subject }), source: 'archive' };
    return { markdown: importEmailHtml(raw), source: 'html' };
  }
  return { markdown: importEmailText(raw), source: 'text' };
}

/** A list archive's page (pipermail, hyperkitty): the message is the one <pre>, the subject the title. */
function archiveBody(html: string): { text: string; subject?: string } | undefined {
  const document = parse(html);
  const pres: string[] = [];
  let title: string | undefined;
  const text = (node: Node): string => ('value' in node ? String(node.value) : childrenOf(node).map(text).join(''));
  const visit = (node: Node) => {
    if ('tagName' in node) {
      if (node.tagName === 'pre') pres.push(text(node));
      if (node.tagName === 'title' && !title) title = text(node).trim();
    }
    childrenOf(node).forEach(visit);
  };
  visit(document);
  const body = pres.sort((a, b) => b.length - a.length)[0];
  if (!body || body.trim().split('\n').length < 3) return undefined;
  return { text: body, subject: title?.replace(/\s+/g, ' ') };
}

type Node = { nodeName: string; tagName?: string; value?: string; childNodes?: Node[] };

function childrenOf(node: Node): Node[] {
  return node.childNodes ?? [];
}
