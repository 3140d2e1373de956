// Chromium's bugs: `crbug.com/<n>` (and `crbug.com/<project>/<n>`), `issues.chromium.org/issues/<n>`
// (the Google issue tracker Chromium moved to in 2024), and the older
// `bugs.chromium.org/p/<project>/issues/detail?id=<n>`. Its changes are on
// chromium-review.googlesource.com, a Gerrit (gerrit.ts).
import type { TrackerItem } from '../../model/model';
import type { UrlParts } from '../urlParts';
import { numberMissingRule, numberNotNumericRule, type NumberSlot } from './itemNumber';
import type { LinkTarget, SnippetForm, Tracker } from './tracker';

const CRBUG = 'crbug.com';
const ISSUES = 'issues.chromium.org';
const MONORAIL = 'bugs.chromium.org';
const BASE = 'https://issues.chromium.org';

/** `/issues/<n>` of the issue tracker. */
const ISSUE_PATH = /^\/issues\/([^/]*)(\/.*)?$/s;
/** The old tracker's `/p/<project>/issues/detail?id=<n>`. */
const DETAIL_PATH = /^\/p\/([^/]+)\/issues\/detail\/?$/;
const ID = /(^\?|&)id=([^&#]*)/;

function item(host: string, number: number, project?: string): TrackerItem {
  const i: TrackerItem = { tracker: 'chromium', host, base: BASE, number };
  if (project) i.repository = project;
  return i;
}

function numberSlot(url: UrlParts): NumberSlot | undefined {
  const host = url.host.toLowerCase();
  const what = 'Chromium bug';
  if (host === CRBUG) {
    // `crbug.com/<n>`, `crbug.com/<project>/<n>`; crbug.com itself is the tracker's front page
    const m = /^(\/[a-z0-9-]+)?\/([^/]*\d[^/]*)\/?$/.exec(url.path);
    return m ? { value: m[2], what, put: (digits) => ({ ...url, path: `${m[1] ?? ''}/${digits}` }) } : undefined;
  }
  if (host === ISSUES) {
    const m = ISSUE_PATH.exec(url.path);
    return m ? { value: m[1], what, put: (digits) => ({ ...url, path: `/issues/${digits}${m[2] ?? ''}` }) } : undefined;
  }
  if (host === MONORAIL && DETAIL_PATH.test(url.path)) {
    const m = ID.exec(url.query);
    return m
      ? { value: m[2], what, put: (digits) => ({ ...url, query: url.query.replace(ID, `$1id=${digits}`) }) }
      : { value: '', what, put: (digits) => ({ ...url, query: url.query ? `${url.query}&id=${digits}` : `?id=${digits}` }) };
  }
  return undefined;
}

function classify(url: UrlParts, host: string): LinkTarget {
  if (host === CRBUG) {
    const m = /^(?:\/([a-z0-9-]+))?\/(\d+)\/?$/.exec(url.path);
    return m ? { kind: 'bug', item: item(host, Number(m[2]), m[1]) } : { kind: 'other' };
  }
  if (host === ISSUES) {
    // `/issues/<n>`, and `/<n>` as writers shorten it (what they meant is clear: it is not flagged)
    const m = ISSUE_PATH.exec(url.path) ?? /^\/(\d+)\/?$/.exec(url.path);
    return m && /^\d+$/.test(m[1]) ? { kind: 'bug', item: item(host, Number(m[1])) } : { kind: 'other' };
  }
  const page = DETAIL_PATH.exec(url.path);
  const id = page && ID.exec(url.query);
  return page && id && /^\d+$/.test(id[2]) ? { kind: 'bug', item: item(host, Number(id[2]), page[1]) } : { kind: 'other' };
}

export const CHROMIUM: Tracker = {
  id: 'chromium',
  name: 'Chromium',
  hosts: () => [CRBUG, ISSUES, MONORAIL],
  schemeless: (url, host) => host === CRBUG || ISSUE_PATH.test(url.path) || DETAIL_PATH.test(url.path),
  rules: [numberMissingRule('crbug-number-missing', 'chromium', numberSlot), numberNotNumericRule('crbug-number-not-numeric', 'chromium', numberSlot)],
  classify: (url, host) => classify(url, host),
  canonical: [
    { host: CRBUG, pattern: /(?:\/([a-z0-9-]+))?\/(\d+)\/?$/y, read: (m, host) => ({ kind: 'bug', item: item(host, Number(m[2]), m[1]) }) },
    { host: ISSUES, pattern: /\/issues\/(\d+)\/?$/y, read: (m, host) => ({ kind: 'bug', item: item(host, Number(m[1])) }) },
  ],
  label: (i) => `crbug.com/${i.number}`,
  snippets(links) {
    const n = links.filter((l) => l.item?.tracker === 'chromium').length;
    if (!n) return [];
    const snippet: SnippetForm = { kind: 'bug', label: 'crbug', body: `${BASE}/issues/$1`, used: n };
    return [snippet];
  },
};
