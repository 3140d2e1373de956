// The URLs a run of text holds as links, in order, and its short references (`#123`, `owner/repo#123`,
// `MAHOUT-123`, which stand for their trackers' URLs): what the link pass records, and where the
// exporters put anchors. A pure function of the text, so that parsing (for checks and the tree)
// never pays for the anchors: the exporters find them again when they render.
import type { LinkHosts } from '../rules/linkHosts';
import { scanUrls, type UrlMatch } from './urlScanner';
import { shortReferences } from '../rules/trackers/registry';

/** A URL of the text; `broken` for `[text](https://host/path with space)`, which Markdown left as text (the URL runs to the `)`). */
export type TextUrl = UrlMatch;

/** The URLs and short references in a text token (outside any link), in order, never two at one place. */
export function textUrls(text: string, hosts: LinkHosts): TextUrl[] {
  const urls = urlsOf(text, hosts);
  const references = shortReferences(text, hosts);
  if (!references.length) return urls;
  // a reference inside a URL (`…/issues/5#123`) is the URL's
  const out = urls.slice();
  for (const r of references) {
    if (urls.some((u) => r.index < u.lastIndex && r.lastIndex > u.index)) continue;
    out.push({ index: r.index, lastIndex: r.lastIndex, raw: r.raw, broken: false, reference: r });
  }
  return out.length === urls.length ? urls : out.sort((a, b) => a.index - b.index);
}

/** The URLs in a text token (outside any link), never two at one place. */
function urlsOf(text: string, hosts: LinkHosts): TextUrl[] {
  const matches = scanUrls(text, hosts);
  const out: TextUrl[] = [];
  let pos = 0;
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i];
    if (m.index < pos) continue;
    const opener = destinationOpener(text, m.index);
    const broken = opener ? brokenDestination(text, m.index, m.lastIndex, opener === '<' ? '>' : ')') : undefined;
    // the scanner's match, made the text's URL (one object per URL)
    const url: TextUrl = m;
    url.broken = broken !== undefined;
    if (broken) {
      url.raw = broken;
      url.lastIndex = m.index + broken.length;
    }
    out.push(url);
    pos = url.lastIndex;
  }
  return out;
}

/** A URL in a text token that the exporters make an anchor of (see anchoredChildren). */
export interface Anchor {
  start: number;
  end: number;
  href: string;
}

/** Where a text token's anchors go: its URLs but those Markdown left as text or no client links. */
export function textAnchors(text: string, hosts: LinkHosts): Anchor[] {
  const anchors: Anchor[] = [];
  for (const url of textUrls(text, hosts)) {
    const href = url.reference ? url.reference.url : url.broken ? undefined : hrefAsWritten(url.raw);
    if (href) anchors.push({ start: url.index, end: url.lastIndex, href });
  }
  return anchors;
}

/** `(` or `<` when the URL at `at` starts an inline link's destination (`](` or `](<` before it). */
function destinationOpener(text: string, at: number): '(' | '<' | undefined {
  if (text.charCodeAt(at - 1) === 0x28 /* ( */ && text.charCodeAt(at - 2) === 0x5d /* ] */) return '(';
  if (text.charCodeAt(at - 1) === 0x3c /* < */ && text.charCodeAt(at - 2) === 0x28 && text.charCodeAt(at - 3) === 0x5d) return '<';
  return undefined;
}

/** The whole destination when it has a space before its closing bracket, else undefined. */
function brokenDestination(text: string, start: number, urlEnd: number, close: string): string | undefined {
  // a destination broken by a space ends within a few words; never search a whole huge line
  const end = text.slice(urlEnd, urlEnd + 200).indexOf(close) + urlEnd;
  if (end < urlEnd) return undefined;
  const dest = text.slice(start, end).trimEnd();
  return /\s/.test(dest) && !/\s["'(]/.test(dest) ? dest : undefined;
}

const WITH_LINK_SCHEME = /^(?:(?:https?|ftp):\/\/|mailto:)/i;
const OTHER_SCHEME = /^[a-z][a-z0-9+.-]*:|^[a-z]{3,6}\/\//i;

/**
 * The href of a URL found in text: what the writer typed (a correction is the quick fix's job, not
 * the export's), with https:// when they left the scheme out, as mail clients link such text; a
 * misspelt scheme (`https:/…`) is no link in any client, so none here. The exporters normalise it.
 */
function hrefAsWritten(raw: string): string | undefined {
  if (WITH_LINK_SCHEME.test(raw)) return raw;
  if (OTHER_SCHEME.test(raw)) return undefined;
  return `https://${raw}`;
}
