// The trackers Midcycle knows, and which one a host or a URL is: by the host first (one map look-up,
// built once per settings), then by the form of the host's name, then by the URL's shape.
// OpenStack's trackers are here at once; the others (otherTrackers.ts) are a bundle of their own,
// loaded the first time a question is not OpenStack's: a host none of OpenStack's trackers has, a
// text that may hold a short reference. The link pass, the engine, the tree and the export ask here.
import type { LinkHosts } from '../linkHosts';
import { hostName, type UrlParts } from '../urlParts';
import { ETHERPAD } from './etherpad';
import { GERRIT } from './gerrit';
import { LAUNCHPAD_TRACKER } from './launchpad';
import { otherTrackers } from './otherTrackersBundle';
import { STORYBOARD } from './storyboard';
import type { CanonicalForm, ShortReference, Tracker } from './tracker';

/** OpenStack's trackers, in the order their snippets are offered. */
export const OPENSTACK_TRACKERS: readonly Tracker[] = [GERRIT, LAUNCHPAD_TRACKER, STORYBOARD, ETHERPAD];

/** Which tracker a host listed by two is (OpenStack's order of old: Gerrit, Launchpad, etherpad, StoryBoard). */
const OPENSTACK_PRECEDENCE: readonly Tracker[] = [GERRIT, LAUNCHPAD_TRACKER, ETHERPAD, STORYBOARD];

const NONE: readonly Tracker[] = Object.freeze([]);

/** The other trackers: loaded when first asked for (none on the web until their bundle is here). */
function others(): readonly Tracker[] {
  return otherTrackers()?.OTHER_TRACKERS ?? NONE;
}

/** Every tracker: OpenStack's, then the others (their bundle loaded). */
export function allTrackers(): readonly Tracker[] {
  const more = others();
  return more.length ? [...OPENSTACK_TRACKERS, ...more] : OPENSTACK_TRACKERS;
}

interface HostTable {
  /** The tracker of each listed host. */
  trackers: Map<string, Tracker>;
  /** The canonical forms read on each host. */
  canonical: Map<string, CanonicalForm[]>;
  /** The same, as a list: a URL's host is matched against these where it stands, not cut out of it first. */
  canonicalHosts: { host: string; forms: CanonicalForm[] }[];
}

const openstackTables = new WeakMap<LinkHosts, HostTable>();
const otherTables = new WeakMap<LinkHosts, HostTable>();

/** OpenStack's table for the hosts asked last: every link of a draft asks with the same (a WeakMap look-up each, else). */
let lastHosts: LinkHosts | undefined;
let lastTable: HostTable | undefined;

function openstackTable(hosts: LinkHosts): HostTable {
  if (hosts !== lastHosts || !lastTable) {
    lastTable = table(openstackTables, OPENSTACK_PRECEDENCE, hosts);
    lastHosts = hosts;
  }
  return lastTable;
}

function table(cache: WeakMap<LinkHosts, HostTable>, trackers: readonly Tracker[], hosts: LinkHosts): HostTable {
  let t = cache.get(hosts);
  if (!t) {
    t = { trackers: new Map(), canonical: new Map(), canonicalHosts: [] };
    for (const tracker of trackers) {
      for (const host of tracker.hosts(hosts)) {
        // the rules compare a URL's host, in lower case, with these: a host given otherwise is never one
        if (host !== host.toLowerCase() || t.trackers.has(host)) continue;
        t.trackers.set(host, tracker);
        const forms = (tracker.canonical ?? []).filter((f) => f.host === undefined || f.host === host);
        if (forms.length) {
          t.canonical.set(host, forms);
          t.canonicalHosts.push({ host, forms });
        }
      }
    }
    cache.set(hosts, t);
  }
  return t;
}

/** The other trackers' table, when their bundle is here (undefined on the web until it comes). */
function otherTable(hosts: LinkHosts): HostTable | undefined {
  const more = others();
  if (!more.length) return undefined;
  const t = table(otherTables, more, hosts);
  // a host OpenStack's settings name is OpenStack's tracker's (a Gerrit host given as GitLab's too)
  return t;
}

export function trackerById(id: string): Tracker | undefined {
  return OPENSTACK_TRACKERS.find((t) => t.id === id) ?? others().find((t) => t.id === id);
}

/** The tracker whose host this is (lower case, no port): listed for these settings, or by its name's form. */
export function trackerOfHost(host: string, hosts: LinkHosts): Tracker | undefined {
  const listed = openstackTable(hosts).trackers.get(host);
  if (listed) return listed;
  if (GERRIT.ownsHostName?.(host)) return GERRIT;
  const other = otherTable(hosts);
  if (!other) return undefined;
  const found = other.trackers.get(host);
  if (found) return found;
  const more = others();
  for (let i = 0; i < more.length; i++) if (more[i].ownsHostName?.(host)) return more[i];
  return undefined;
}

/** The tracker a URL is of: by its host, else by its shape. */
export function trackerOf(url: UrlParts, hosts: LinkHosts, host = hostName(url)): Tracker | undefined {
  const byHost = trackerOfHost(host, hosts);
  if (byHost) return byHost;
  if (GERRIT.ownsShape?.(url)) return GERRIT;
  const more = others();
  for (let i = 0; i < more.length; i++) if (more[i].ownsShape?.(url)) return more[i];
  return undefined;
}

/**
 * The canonical forms of OpenStack's trackers for the host of a URL that starts at `start` and ends
 * at `end` (the `/` after it): found where it stands, without cutting the host out (this runs for
 * every link of a draft, most of them OpenStack's).
 */
export function openstackCanonicalForms(raw: string, start: number, end: number, hosts: LinkHosts): readonly CanonicalForm[] | undefined {
  const list = openstackTable(hosts).canonicalHosts;
  for (let i = 0; i < list.length; i++) {
    const e = list[i];
    if (e.host.length === end - start && raw.startsWith(e.host, start)) return e.forms;
  }
  return undefined;
}

/** The canonical forms read on a host as written (none for a host in capitals: the rules read those). */
export function canonicalForms(host: string, hosts: LinkHosts): readonly CanonicalForm[] | undefined {
  const listed = openstackTable(hosts).canonical.get(host);
  if (listed) return listed;
  if (host !== host.toLowerCase()) return undefined;
  if (GERRIT.ownsHostName?.(host)) return GERRIT.canonical;
  const other = otherTable(hosts);
  if (!other) return undefined;
  const forms = other.canonical.get(host);
  if (forms || other.trackers.has(host)) return forms;
  const more = others();
  for (let i = 0; i < more.length; i++) if (more[i].canonical && more[i].ownsHostName?.(host)) return more[i].canonical!.filter((f) => f.host === undefined);
  return undefined;
}

/** Whether a URL written without a scheme is a link of the text: a page of a tracker that takes it so. */
export function isSchemelessLink(url: UrlParts, hosts: LinkHosts): boolean {
  const host = hostName(url);
  return trackerOf(url, hosts, host)?.schemeless(url, host, hosts) ?? false;
}

const NO_REFERENCES: readonly ShortReference[] = Object.freeze([]);

/** Whether a text may hold a short reference: a `#` or `!` before a digit, or a Jira project named (a look before the trackers' bundle is asked for). */
function mayReference(text: string, hosts: LinkHosts): boolean {
  if (hosts.references?.jira?.length) return true;
  for (let at = text.indexOf('#'); at !== -1; at = text.indexOf('#', at + 1)) {
    const c = text.charCodeAt(at + 1);
    if (c >= 48 && c <= 57) return true;
  }
  if (!hosts.references?.repository) return false;
  for (let at = text.indexOf('!'); at !== -1; at = text.indexOf('!', at + 1)) {
    const c = text.charCodeAt(at + 1);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** The short references of a text (`owner/repo#123`, `#123`, `MAHOUT-123`), in order, never two at one place. */
export function shortReferences(text: string, hosts: LinkHosts): readonly ShortReference[] {
  if (!mayReference(text, hosts)) return NO_REFERENCES;
  return otherTrackers()?.shortReferences(text, hosts) ?? NO_REFERENCES;
}
