// Google's issue tracker as projects run it on their own hosts: `issuetracker.google.com/issues/<n>`,
// Gerrit's `issues.gerritcodereview.com/issues/<n>`, Skia's, WebRTC's, ANGLE's, Fuchsia's, Pigweed's.
// (Chromium's, issues.chromium.org, is Chromium's tracker with its crbug.com links: chromium.ts.)
import type { TrackerItem } from '../../model/model';
import type { UrlParts } from '../urlParts';
import { numberMissingRule, numberNotNumericRule, type NumberSlot } from './itemNumber';
import { mostUsed, type LinkTarget, type SnippetForm, type Tracker } from './tracker';

const HOSTS = [
  'issuetracker.google.com',
  'issues.gerritcodereview.com',
  'issues.skia.org',
  'issues.webrtc.org',
  'issues.angleproject.org',
  'issues.fuchsia.dev',
  'issues.pigweed.dev',
];

const ISSUE_PATH = /^\/issues\/([^/]*)(\/.*)?$/s;

function item(host: string, number: number): TrackerItem {
  return { tracker: 'issuetracker', host, base: `https://${host}`, number };
}

function numberSlot(url: UrlParts): NumberSlot | undefined {
  const m = ISSUE_PATH.exec(url.path);
  return m ? { value: m[1], what: 'Issue tracker issue', put: (digits) => ({ ...url, path: `/issues/${digits}${m[2] ?? ''}` }) } : undefined;
}

function classify(url: UrlParts, host: string): LinkTarget {
  const m = ISSUE_PATH.exec(url.path);
  return m && /^\d+$/.test(m[1]) ? { kind: 'bug', item: item(host, Number(m[1])) } : { kind: 'other' };
}

export const GOOGLE_ISSUE_TRACKER: Tracker = {
  id: 'issuetracker',
  name: 'Issue Tracker',
  hosts: () => HOSTS,
  schemeless: (url) => ISSUE_PATH.test(url.path),
  rules: [
    numberMissingRule('issuetracker-number-missing', 'issuetracker', numberSlot),
    numberNotNumericRule('issuetracker-number-not-numeric', 'issuetracker', numberSlot),
  ],
  classify: (url, host) => classify(url, host),
  canonical: [{ pattern: /\/issues\/(\d+)\/?$/y, read: (m, host) => ({ kind: 'bug', item: item(host, Number(m[1])) }) }],
  label: (i) => `issue ${i.number}`,
  snippets(links) {
    const used = mostUsed(links.flatMap((l) => (l.item?.tracker === 'issuetracker' ? [l.item.host] : [])));
    if (!used) return [];
    const snippet: SnippetForm = { kind: 'bug', label: 'issuetracker', body: `https://${used.key}/issues/$1`, used: used.count };
    return [snippet];
  },
};
