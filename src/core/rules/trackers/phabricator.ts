// Phabricator: a task, `/T<n>` (phabricator.wikimedia.org), and a revision, `/D<n>` (reviews.llvm.org,
// read-only since LLVM moved to GitHub), with `#<comment>`, `?id=`, `?vs=` after them, on the
// Phabricators writers link to and any `phabricator.*` host.
import type { TrackerItem } from '../../model/model';
import type { UrlParts } from '../urlParts';
import { numberMissingRule, numberNotNumericRule, type NumberSlot } from './itemNumber';
import { mostUsed, type LinkTarget, type SnippetForm, type Tracker } from './tracker';

const HOSTS = ['phabricator.wikimedia.org', 'reviews.llvm.org', 'secure.phabricator.com', 'phabricator.services.mozilla.com', 'phabricator.kde.org'];

/** `/T<n>` or `/D<n>`, and what follows. */
const OBJECT_PATH = /^\/([TD])([^/]*)(\/.*)?$/s;

function item(host: string, letter: string, number: number): TrackerItem {
  return { tracker: 'phabricator', host, base: `https://${host}`, number, key: `${letter}${number}` };
}

function numberSlot(url: UrlParts): NumberSlot | undefined {
  const m = OBJECT_PATH.exec(url.path);
  // `/Tasks…` or `/Dashboard` would be a page, were there one: only a number, or a number mistyped
  if (!m || (m[2] !== '' && !/^\d/.test(m[2]) && !/\d$/.test(m[2]))) return undefined;
  const what = m[1] === 'T' ? 'Phabricator task' : 'Phabricator revision';
  return { value: m[2], what, put: (digits) => ({ ...url, path: `/${m[1]}${digits}${m[3] ?? ''}` }) };
}

function classify(url: UrlParts, host: string): LinkTarget {
  const m = OBJECT_PATH.exec(url.path);
  if (!m || !/^\d+$/.test(m[2])) return { kind: 'other' };
  return { kind: m[1] === 'T' ? 'task' : 'review', item: item(host, m[1], Number(m[2])) };
}

export const PHABRICATOR: Tracker = {
  id: 'phabricator',
  name: 'Phabricator',
  hosts: () => HOSTS,
  ownsHostName: (host) => host.startsWith('phabricator.'),
  schemeless: (url) => OBJECT_PATH.test(url.path) && numberSlot(url) !== undefined,
  rules: [
    numberMissingRule('phabricator-number-missing', 'phabricator', numberSlot),
    numberNotNumericRule('phabricator-number-not-numeric', 'phabricator', numberSlot),
  ],
  classify: (url, host) => classify(url, host),
  canonical: [
    { pattern: /\/([TD])(\d+)\/?(?:#\d*)?$/y, read: (m, host) => ({ kind: m[1] === 'T' ? 'task' : 'review', item: item(host, m[1], Number(m[2])) }) },
  ],
  label: (i) => i.key ?? `${i.number}`,
  snippets(links) {
    const own = links.filter((l) => l.item?.tracker === 'phabricator');
    const used = mostUsed(own.map((l) => `${l.item!.host} ${l.item!.key!.charAt(0)}`));
    if (!used) return [];
    const [host, letter] = used.key.split(' ');
    const snippet: SnippetForm = { kind: letter === 'T' ? 'task' : 'review', label: 'phabricator', body: `https://${host}/${letter}$1`, used: used.count };
    return [snippet];
  },
};
