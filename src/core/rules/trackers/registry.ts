// The trackers Midcycle knows, and which one a host or a URL is: by the host first (one map look-up,
// built once per settings), then by the form of the host's name, then by the URL's shape. The link
// pass, the engine, the tree and the export ask here.
import type { LinkHosts } from '../linkHosts';
import { hostName, type UrlParts } from '../urlParts';
import { BUGZILLA } from './bugzilla';
import { CHROMIUM } from './chromium';
import { ETHERPAD } from './etherpad';
import { GERRIT } from './gerrit';
import { GITHUB } from './github';
import { GITLAB } from './gitlab';
import { GOOGLE_ISSUE_TRACKER } from './googleIssueTracker';
import { JIRA } from './jira';
import { LAUNCHPAD_TRACKER } from './launchpad';
import { PHABRICATOR } from './phabricator';
import { STORYBOARD } from './storyboard';
import type { CanonicalForm, ShortReference, Tracker } from './tracker';

/** Every tracker, in the order their snippets are offered. */
export const TRACKERS: readonly Tracker[] = [
  GERRIT,
  LAUNCHPAD_TRACKER,
  STORYBOARD,
  ETHERPAD,
  GITHUB,
  GITLAB,
  JIRA,
  BUGZILLA,
  CHROMIUM,
  GOOGLE_ISSUE_TRACKER,
  PHABRICATOR,
];

/** Which tracker a host listed by two is (OpenStack's order of old: Gerrit, Launchpad, etherpad, StoryBoard). */
const PRECEDENCE: readonly Tracker[] = [GERRIT, LAUNCHPAD_TRACKER, ETHERPAD, STORYBOARD, ...TRACKERS.filter((t) => ![GERRIT, LAUNCHPAD_TRACKER, ETHERPAD, STORYBOARD].includes(t))];

const BY_ID = new Map(TRACKERS.map((t) => [t.id, t]));

interface HostTable {
  /** The tracker of each listed host. */
  trackers: Map<string, Tracker>;
  /** The canonical forms read on each host. */
  canonical: Map<string, CanonicalForm[]>;
}

const tables = new WeakMap<LinkHosts, HostTable>();

function table(hosts: LinkHosts): HostTable {
  let t = tables.get(hosts);
  if (!t) {
    t = { trackers: new Map(), canonical: new Map() };
    for (const tracker of PRECEDENCE) {
      for (const host of tracker.hosts(hosts)) {
        // the rules compare a URL's host, in lower case, with these: a host given otherwise is never one
        if (host !== host.toLowerCase() || t.trackers.has(host)) continue;
        t.trackers.set(host, tracker);
        const forms = (tracker.canonical ?? []).filter((f) => f.host === undefined || f.host === host);
        if (forms.length) t.canonical.set(host, forms);
      }
    }
    tables.set(hosts, t);
  }
  return t;
}

export function trackerById(id: string): Tracker | undefined {
  return BY_ID.get(id);
}

/** The tracker whose host this is (lower case, no port): listed for these settings, or by its name's form. */
export function trackerOfHost(host: string, hosts: LinkHosts): Tracker | undefined {
  const listed = table(hosts).trackers.get(host);
  if (listed) return listed;
  for (let i = 0; i < PRECEDENCE.length; i++) if (PRECEDENCE[i].ownsHostName?.(host)) return PRECEDENCE[i];
  return undefined;
}

/** The tracker a URL is of: by its host, else by its shape. */
export function trackerOf(url: UrlParts, hosts: LinkHosts, host = hostName(url)): Tracker | undefined {
  const byHost = trackerOfHost(host, hosts);
  if (byHost) return byHost;
  for (let i = 0; i < PRECEDENCE.length; i++) if (PRECEDENCE[i].ownsShape?.(url)) return PRECEDENCE[i];
  return undefined;
}

/** The canonical forms read on a host as written (none for a host in capitals: the rules read those). */
export function canonicalForms(host: string, hosts: LinkHosts): readonly CanonicalForm[] | undefined {
  const listed = table(hosts).canonical.get(host);
  if (listed) return listed;
  for (let i = 0; i < PRECEDENCE.length; i++) {
    const t = PRECEDENCE[i];
    if (t.canonical && host === host.toLowerCase() && t.ownsHostName?.(host)) return t.canonical.filter((f) => f.host === undefined);
  }
  return undefined;
}

/** Whether a URL written without a scheme is a link of the text: a page of a tracker that takes it so. */
export function isSchemelessLink(url: UrlParts, hosts: LinkHosts): boolean {
  const host = hostName(url);
  return trackerOf(url, hosts, host)?.schemeless(url, host, hosts) ?? false;
}

/** The trackers that read short references in text. */
const REFERRING = TRACKERS.filter((t) => t.references);
const NO_REFERENCES: readonly ShortReference[] = Object.freeze([]);

/** The short references of a text (`owner/repo#123`, `#123`, `MAHOUT-123`), in order, never two at one place. */
export function shortReferences(text: string, hosts: LinkHosts): readonly ShortReference[] {
  let out: ShortReference[] | undefined;
  for (let i = 0; i < REFERRING.length; i++) {
    const found = REFERRING[i].references!(text, hosts);
    if (found.length) out = out ? [...out, ...found] : found;
  }
  if (!out) return NO_REFERENCES;
  if (out.length < 2) return out;
  out.sort((a, b) => a.index - b.index || b.raw.length - a.raw.length);
  return out.filter((r, i) => i === 0 || r.index >= out[i - 1].lastIndex);
}
