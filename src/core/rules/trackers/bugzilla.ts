// Bugzilla: a bug, `<base>/show_bug.cgi?id=<n>` (with `#c<n>` for a comment) on any host
// (bugzilla.mozilla.org, bugzilla.redhat.com, bugs.webkit.org, gcc.gnu.org/bugzilla…), and
// Mozilla's short `bugzil.la/<n>`. A bug's alias (`id=CVE-2014-0160`) is a bug too, read as such by
// Bugzilla; only its number is read here.
import { obj, prune, str, trimSlash } from '../../facts/answerFields';
import type { TrackerFacts } from '../../facts/linkFactsTypes';
import type { TrackerItem } from '../../model/model';
import type { UrlParts } from '../urlParts';
import { numberMissingRule, numberNotNumericRule, type NumberSlot } from './itemNumber';
import { mostUsed, type LinkTarget, type SnippetForm, type Tracker } from './tracker';

/** Bugzillas writers link to most: found without a scheme on any of their pages' bug links. Others are known by `show_bug.cgi`. */
const HOSTS = [
  'bugzilla.mozilla.org',
  'bugzilla.redhat.com',
  'bugs.webkit.org',
  'bugzilla.kernel.org',
  'bugs.kde.org',
  'bugzilla.gnome.org',
  'bugzilla.suse.com',
];
const SHORT_HOST = 'bugzil.la';
/** Mozilla's Bugzilla, which bugzil.la links go to. */
const MOZILLA = 'https://bugzilla.mozilla.org';

const SHOW_BUG = /^((?:\/[^/]+)*?)\/show_bug\.cgi$/;
const ID = /(^\?|&)id=([^&#]*)/;

function item(base: string, host: string, number: number): TrackerItem {
  return { tracker: 'bugzilla', host, base, number };
}

function numberSlot(url: UrlParts, host: string): NumberSlot | undefined {
  if (host === SHORT_HOST) {
    const m = /^\/([^/]*)$/.exec(url.path);
    // bugzil.la itself is Mozilla's Bugzilla's front page
    if (!m || (m[1] === '' && !url.query)) return undefined;
    return { value: m[1], what: 'Bugzilla bug', put: (digits) => ({ ...url, path: `/${digits}` }) };
  }
  if (!SHOW_BUG.test(url.path)) return undefined;
  const m = ID.exec(url.query);
  if (!m) return { value: '', what: 'Bugzilla bug', put: (digits) => ({ ...url, query: url.query ? `${url.query}&id=${digits}` : `?id=${digits}` }) };
  return { value: decodeSafe(m[2]), what: 'Bugzilla bug', put: (digits) => ({ ...url, query: url.query.replace(ID, `$1id=${digits}`) }) };
}

function classify(url: UrlParts, host: string): LinkTarget {
  if (host === SHORT_HOST) {
    const m = /^\/(\d+)\/?$/.exec(url.path);
    return m ? { kind: 'bug', item: item(MOZILLA, host, Number(m[1])) } : { kind: 'other' };
  }
  const page = SHOW_BUG.exec(url.path);
  const id = page && ID.exec(url.query);
  if (!page || !id || !/^\d+$/.test(id[2])) return { kind: 'other' };
  return { kind: 'bug', item: item(`https://${host}${page[1]}`, host, Number(id[2])) };
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

const slot = (url: UrlParts) => numberSlot(url, url.host.replace(/:\d+$/, '').replace(/\.$/, '').toLowerCase());

/**
 * Bugzilla's REST API at `<base>/rest` (or as set for the host of the base, bugzil.la's being
 * bugzilla.mozilla.org): `/bug/<n>` with only the fields read, the bug the first of `bugs`.
 */
const BUGZILLA_FACTS: TrackerFacts = {
  service: 'Bugzilla',
  request(link, apis) {
    const i = link.item;
    if (i?.number === undefined || link.kind !== 'bug') return undefined;
    const host = /^https?:\/\/([^/]+)/.exec(i.base)?.[1] ?? i.host;
    const base = trimSlash(apis.bugzilla?.[host] ?? `${i.base}/rest`);
    return { kind: 'bug', url: `${base}/bug/${i.number}?include_fields=summary,status,resolution`, base };
  },
  read(_request, o) {
    const bug = Array.isArray(o.bugs) ? obj(o.bugs[0]) : undefined;
    const title = str(bug?.summary);
    if (!title) throw new Error('the answer has no bug with a summary');
    const status = str(bug?.status);
    const resolution = str(bug?.resolution);
    // as Bugzilla shows it: `RESOLVED FIXED`
    return prune({ kind: 'bug', title, status: status && resolution ? `${status} ${resolution}` : status });
  },
};

export const BUGZILLA: Tracker = {
  id: 'bugzilla',
  name: 'Bugzilla',
  hosts: () => [...HOSTS, SHORT_HOST],
  ownsShape: (url) => SHOW_BUG.test(url.path),
  schemeless: (url, host) => host === SHORT_HOST || SHOW_BUG.test(url.path),
  rules: [numberMissingRule('bugzilla-id-missing', 'bugzilla', slot), numberNotNumericRule('bugzilla-id-not-numeric', 'bugzilla', slot, true)],
  classify: (url, host) => classify(url, host),
  canonical: [
    {
      pattern: /((?:\/[a-z]+)?)\/show_bug\.cgi\?id=(\d+)(?:#c\d+)?$/y,
      read: (m, host) => (host === SHORT_HOST ? { kind: 'other' } : { kind: 'bug', item: item(`https://${host}${m[1]}`, host, Number(m[2])) }),
    },
    { host: SHORT_HOST, pattern: /\/(\d+)\/?$/y, read: (m, host) => ({ kind: 'bug', item: item(MOZILLA, host, Number(m[1])) }) },
  ],
  label: (i) => `bug ${i.number}`,
  snippets(links) {
    const own = links.filter((l) => l.item?.tracker === 'bugzilla');
    const used = mostUsed(own.map((l) => (l.item!.host === SHORT_HOST ? MOZILLA : l.item!.base)));
    if (!used) return [];
    const snippet: SnippetForm = { kind: 'bug', label: 'bugzilla', body: `${used.key}/show_bug.cgi?id=$1`, used: used.count };
    return [snippet];
  },
  facts: BUGZILLA_FACTS,
};
