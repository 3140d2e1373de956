// Jira: an issue, `<base>/browse/<KEY>-<n>` (Apache's base is `https://issues.apache.org/jira`),
// also `<base>/projects/<KEY>/issues/<KEY>-<n>`, on the hosts of the settings (`midcycle.hosts.jira`,
// `--jira-host`; issues.apache.org by default), any `*.atlassian.net` or `jira.*` host, and elsewhere
// by a whole key after `/browse/`. `<base>/browse/<KEY>` is the project's page. In text, `<KEY>-<n>`
// for the projects the draft or the settings name (`jira:`, `midcycle.references.jiraProjects`).
import { obj, prune, str, trimSlash } from '../../facts/answerFields';
import type { TrackerFacts } from '../../facts/linkFactsTypes';
import type { TrackerItem } from '../../model/model';
import type { LinkHosts } from '../linkHosts';
import type { UrlParts } from '../urlParts';
import { intendedNumber, numberAfterSpace, type LinkRule } from '../linkRules/linkRule';
import { mostUsed, type CanonicalForm, type LinkTarget, type ShortReference, type SnippetForm, type Tracker } from './tracker';

/** A project's key: a letter, then capitals, digits or `_` (Jira reads any case). */
const KEY = '[A-Za-z][A-Za-z0-9_]*';
/** `[<prefix>]/browse/<key>[-<number>][/…]`: the prefix (`/jira`) is where Jira is served. */
const BROWSE = new RegExp(`^((?:/[^/]+)*?)/browse/(${KEY})?(-([^/]*))?(/.*)?$`, 's');
/** `[<prefix>]/projects/<KEY>/issues/<KEY>-<n>`. */
const PROJECT_ISSUE = new RegExp(`^((?:/[^/]+)*?)/projects/(${KEY})/issues/(${KEY})-([^/]*)(/.*)?$`, 's');
/** A whole key after `/browse/`: Jira's shape on a host not named anywhere. */
const SHAPE = new RegExp(`/browse/[A-Z][A-Z0-9_]*-\\d+(?:[/?#]|$)`);

/** Where Jira is, for its pages and its API: https, whatever the link's scheme (Jira's http redirects there). */
function baseOf(host: string, prefix: string): string {
  return `https://${host}${prefix}`;
}

function item(base: string, host: string, key: string, number: number, short?: true): TrackerItem {
  const project = key.toUpperCase();
  const i: TrackerItem = { tracker: 'jira', host, base, repository: project, number, key: `${project}-${number}` };
  if (short) i.short = true;
  return i;
}

/** The key of an issue's link: where it is, as written, and the URL with another number. */
interface KeySlot {
  project?: string;
  number: string;
  /** Whether the key has its `-` (`MAHOUT-`); a key without one is a project's page. */
  dashed: boolean;
  put(number: string): UrlParts;
}

function keySlot(url: UrlParts): KeySlot | undefined {
  let m = PROJECT_ISSUE.exec(url.path);
  if (m) {
    const [, prefix, project, key, number, rest = ''] = m;
    return { project: key, number, dashed: true, put: (n) => ({ ...url, path: `${prefix}/projects/${project}/issues/${key}-${n}${rest}` }) };
  }
  m = BROWSE.exec(url.path);
  if (!m) return undefined;
  const [, prefix, project, dash, number = '', rest = ''] = m;
  return { project, number, dashed: dash !== undefined, put: (n) => ({ ...url, path: `${prefix}/browse/${project}-${n}${rest}` }) };
}

function classify(url: UrlParts, host: string): LinkTarget {
  const m = PROJECT_ISSUE.exec(url.path) ?? undefined;
  if (m && /^\d+$/.test(m[4])) return { kind: 'issue', item: item(baseOf(host, m[1]), host, m[3], Number(m[4])) };
  const b = BROWSE.exec(url.path);
  if (b && b[2] && /^\d+$/.test(b[4] ?? '')) return { kind: 'issue', item: item(baseOf(host, b[1]), host, b[2], Number(b[4])) };
  return { kind: 'other' };
}

export const jiraKeyMissing: LinkRule = {
  code: 'jira-key-missing',
  hosts: 'jira',
  check(url, { following }) {
    const s = keySlot(url);
    // `/browse/<KEY>` is the project's page; `/browse/` and `/browse/<KEY>-` are a key left out
    if (!s || (s.project && !s.dashed) || (s.project && s.number !== '')) return undefined;
    if (!s.project)
      return url.path.endsWith('/browse/') || url.path.endsWith('/browse') ? { message: 'Jira link has no issue key after "/browse/"' } : undefined;
    const message = `Jira issue key "${s.project}-" has no number`;
    const typed = numberAfterSpace(following);
    if (!typed || url.query || url.fragment) return { message };
    return { message: `${message} (it is after a space)`, fixed: s.put(typed.digits), consumeFollowing: typed.length };
  },
};

export const jiraKeyNotNumeric: LinkRule = {
  code: 'jira-key-not-numeric',
  hosts: 'jira',
  check(url) {
    const s = keySlot(url);
    if (!s || !s.project || !s.dashed || s.number === '' || /^\d+$/.test(s.number)) return undefined;
    const message = `Jira issue key "${s.project}-${s.number}" does not end in a number`;
    const digits = intendedNumber(s.number);
    return digits ? { message, fixed: s.put(digits) } : { message };
  },
};

export const JIRA_RULES: readonly LinkRule[] = [jiraKeyMissing, jiraKeyNotNumeric];

const CANONICAL: readonly CanonicalForm[] = [
  {
    pattern: /((?:\/[a-z]+)?)\/browse\/([A-Z][A-Z0-9_]*)-(\d+)\/?$/y,
    read: (m, host) => ({ kind: 'issue', item: item(baseOf(host, m[1]), host, m[2], Number(m[3])) }),
  },
];

/** A Jira project the draft names, `https://issues.apache.org/jira/browse/MAHOUT`: its base and key. */
interface JiraProject {
  base: string;
  host: string;
  key: string;
}

const projectsOf = new Map<string, JiraProject | undefined>();

function jiraProject(value: string): JiraProject | undefined {
  if (projectsOf.has(value)) return projectsOf.get(value);
  const m = /^(https?):\/\/([^/\s]+)((?:\/[^/\s]+)*?)\/(?:browse|projects)\/([A-Za-z][A-Za-z0-9_]*)\/?(?:[?#].*)?$/.exec(value.trim());
  const project = m ? { base: baseOf(m[2].toLowerCase(), m[3]), host: m[2].toLowerCase(), key: m[4].toUpperCase() } : undefined;
  projectsOf.set(value, project);
  return project;
}

const isKeyChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

function references(text: string, hosts: LinkHosts): ShortReference[] {
  const named = hosts.references?.jira;
  if (!named?.length) return [];
  let out: ShortReference[] | undefined;
  for (const value of named) {
    const project = jiraProject(value);
    if (!project) continue;
    const prefix = `${project.key}-`;
    for (let at = text.indexOf(prefix); at !== -1; at = text.indexOf(prefix, at + 1)) {
      // a whole word: not `XMAHOUT-1`, not `/MAHOUT-1` (a path's), not `MAHOUT-1a`
      const before = text.charCodeAt(at - 1);
      if (isKeyChar(before) || before === 47 || before === 45 || before === 46) continue;
      let end = at + prefix.length;
      while (text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
      if (end === at + prefix.length || isKeyChar(text.charCodeAt(end)) || end - at - prefix.length > 9) continue;
      const number = Number(text.slice(at + prefix.length, end));
      const raw = text.slice(at, end);
      (out ??= []).push({
        index: at,
        lastIndex: end,
        raw,
        url: `${project.base}/browse/${raw}`,
        target: { kind: 'issue', item: item(project.base, project.host, project.key, number, true) },
      });
    }
  }
  return out ? out.sort((a, b) => a.index - b.index) : [];
}

/** Jira's REST API at `<base>/rest/api/2` (or as set per host): `/issue/<KEY>` with only the fields read. */
const JIRA_FACTS: TrackerFacts = {
  service: 'Jira',
  request(link, apis) {
    const i = link.item;
    if (!i?.key || link.kind !== 'issue') return undefined;
    const base = trimSlash(apis.jira?.[i.host] ?? `${i.base}/rest/api/2`);
    return { kind: 'issue', url: `${base}/issue/${encodeURIComponent(i.key)}?fields=summary,status,resolution`, base };
  },
  read(_request, o) {
    const fields = obj(o.fields);
    const status = str(obj(fields?.status)?.name);
    const resolution = str(obj(fields?.resolution)?.name);
    const title = str(fields?.summary);
    if (!title) throw new Error('the answer has no summary');
    return prune({ kind: 'issue', title, status: status && resolution ? `${status}, ${resolution}` : status });
  },
};

export const JIRA: Tracker = {
  id: 'jira',
  name: 'Jira',
  hosts: (hosts) => hosts.jira ?? [],
  ownsHostName: (host) => host.endsWith('.atlassian.net') || host.startsWith('jira.'),
  ownsShape: (url) => SHAPE.test(url.path),
  // an issue's page or a mistake of one (`/browse/`, `/browse/KEY-`), not the site's other pages
  schemeless: (url) => /\/browse\/[A-Za-z][A-Za-z0-9_]*-|\/projects\/[A-Za-z][A-Za-z0-9_]*\/issues\//.test(url.path),
  rules: JIRA_RULES,
  classify: (url, host) => classify(url, host),
  canonical: CANONICAL,
  references,
  label: (i) => i.key ?? `${i.repository}-${i.number}`,
  snippets(links) {
    const own = links.filter((l) => l.item?.tracker === 'jira' && !l.item.short);
    const used = mostUsed(own.map((l) => `${l.item!.base} ${l.item!.repository}`));
    if (!used) return [];
    const [base, project] = used.key.split(' ');
    const snippet: SnippetForm = { kind: 'issue', label: 'jira', body: `${base}/browse/\${1:${project}}-$2`, used: own.length };
    return [snippet];
  },
  facts: JIRA_FACTS,
};
