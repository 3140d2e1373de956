// Finds the URLs in a run of text: with a scheme (https, http, ftp, mailto), without one for the
// hosts we check (and www.) and the trackers' items, and with a misspelt scheme (`https:/`,
// `htps://`) for OpenStack's hosts.
// Trailing punctuation belongs to the sentence, and a closing bracket to the text around the URL
// unless the URL opened it. (linkify-it did this job; its general matching was most of the cost of
// a parse, and reports need only these forms.)
import { intendedHost, isKnownHost, type LinkHosts } from '../rules/linkHosts';
import { isMisspeltHttp, MISSPELT_SCHEME } from '../rules/linkRules/hostRules';
import { isSchemelessLink } from '../rules/trackers/registry';
import type { ShortReference } from '../rules/trackers/tracker';
import { hostName, splitUrl } from '../rules/urlParts';

export interface UrlMatch {
  index: number;
  lastIndex: number;
  raw: string;
  /** Set by textUrls (false here). */
  broken: boolean;
  /** Set by textUrls for a short reference (`#123`), what it stands for; undefined for a URL. */
  reference: ShortReference | undefined;
}

/** Characters that end a URL in prose. */
const URL_BODY = String.raw`[^\s<>"'\x60\u00a0\u3000]`;
const WITH_SCHEME = new RegExp(String.raw`(?<![\w+.-])(?:(?:https?|ftp):\/\/|mailto:)${URL_BODY}+`, 'gi');
const SCHEME_LESS = new RegExp(String.raw`(?<![\w.:/@-])((?:[a-z0-9-]+\.)+[a-z]{2,})(?=[/?#])${URL_BODY}*`, 'gi');
const MISSPELT = new RegExp(String.raw`(?<![\w+.-])[a-z]{3,6}(?::\/{0,3}|\/{1,3})(?![/\\])${URL_BODY}+`, 'gi');
/** A cheap look for a host name before a path, before the closer scans. */
const MAYBE_HOST = /[\w-]\.[a-z]{2,}[/?#]/i;

export function scanUrls(text: string, hosts: LinkHosts): UrlMatch[] {
  const found: UrlMatch[] = [];
  // plain loops over exec: this runs once per text token of a draft, where a generator, a closure
  // or matchAll (a copy of the expression per call) cost more than the scan itself
  if (text.includes(':')) {
    WITH_SCHEME.lastIndex = 0;
    for (let m = WITH_SCHEME.exec(text); m; m = WITH_SCHEME.exec(text)) {
      const raw = trimTrailing(m[0]);
      // a scheme with nothing after it ("see https://") is no link
      if (!SCHEME_ONLY.test(raw)) add(found, m.index, raw);
    }
  }
  // the host-name scans look only at what the URLs found so far leave of the text (blanked in one
  // pass, and only when a host name may be there: a 10 MB line with 200,000 URLs must not be
  // copied once per URL, and most text around a URL has no other)
  if (mayHaveHost(text, found)) {
    const rest = found.length ? blanked(text, found) : text;
    const checked = (host: string) => isKnownHost(host, hosts) || intendedHost(host, hosts) !== undefined;
    SCHEME_LESS.lastIndex = 0;
    for (let m = SCHEME_LESS.exec(rest); m; m = SCHEME_LESS.exec(rest)) {
      const host = m[1].toLowerCase();
      if (host.startsWith('www.') || checked(host)) add(found, m.index, trimTrailing(m[0]));
      else {
        // another tracker's item (`github.com/o/r/pull/1`, `issues.apache.org/jira/browse/X-1`)
        const raw = trimTrailing(m[0]);
        const parts = splitUrl(raw);
        if (parts && isSchemelessLink(parts, hosts)) add(found, m.index, raw);
      }
    }
    MISSPELT.lastIndex = 0;
    for (let m = MISSPELT.exec(rest); m; m = MISSPELT.exec(rest)) {
      const raw = trimTrailing(m[0]);
      const scheme = MISSPELT_SCHEME.exec(raw);
      if (!scheme || !isMisspeltHttp(scheme[1], scheme[2])) continue;
      const parts = splitUrl(raw.slice(scheme[0].length));
      if (parts && !parts.scheme && checked(hostName(parts))) add(found, m.index, raw);
    }
  }
  if (found.length < 2) return found;
  // in order, and never two at one place
  found.sort((a, b) => a.index - b.index || b.raw.length - a.raw.length);
  return found.filter((m, i) => i === 0 || m.index >= found[i - 1].lastIndex);
}

/** A scheme and nothing else. */
const SCHEME_ONLY = /^(?:(?:https?|ftp):\/\/|mailto:)$/i;

function add(found: UrlMatch[], index: number, raw: string): void {
  // `broken` is textUrls' to set: made here, the object keeps one shape
  if (raw) found.push({ index, lastIndex: index + raw.length, raw, broken: false, reference: undefined });
}

/** Whether the text outside the URLs found may hold a host name before a path. */
function mayHaveHost(text: string, found: readonly UrlMatch[]): boolean {
  let pos = 0;
  for (let i = 0; i < found.length; i++) {
    const m = found[i];
    if (m.index - pos > 4 && MAYBE_HOST.test(text.slice(pos, m.index))) return true;
    pos = m.lastIndex;
  }
  // (a host name before a path takes at least five characters: `a.bc/`)
  return text.length - pos > 4 && MAYBE_HOST.test(pos ? text.slice(pos) : text);
}

/** The text with the URLs found replaced by spaces: the same offsets, no URL to match again. */
function blanked(text: string, found: readonly UrlMatch[]): string {
  const parts: string[] = [];
  let pos = 0;
  for (let i = 0; i < found.length; i++) {
    const m = found[i];
    parts.push(text.slice(pos, m.index), ' '.repeat(m.raw.length));
    pos = m.lastIndex;
  }
  parts.push(text.slice(pos));
  return parts.join('');
}

const PAIRS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/** Trailing punctuation is the sentence's; a closing bracket the URL did not open is the text's. */
export function trimTrailing(raw: string): string {
  let out = raw;
  for (;;) {
    const last = out[out.length - 1];
    if (last === undefined) return out;
    if ('.,;:!?*_~'.includes(last)) {
      out = out.slice(0, -1);
      continue;
    }
    const open = PAIRS[last];
    if (open && count(out, open) < count(out, last)) {
      out = out.slice(0, -1);
      continue;
    }
    return out;
  }
}

function count(s: string, c: string): number {
  let n = 0;
  for (let i = s.indexOf(c); i !== -1; i = s.indexOf(c, i + 1)) n++;
  return n;
}
