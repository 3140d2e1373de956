// GitLab, on gitlab.com, on the hosts of the settings (`midcycle.hosts.gitlab`, `--gitlab-host`), on
// any `gitlab.*` host, and elsewhere by the `/-/` its links have: a merge request
// (`/<group>/<project>/-/merge_requests/<n>`, with `/diffs`, `#note_…`), an issue (`/-/issues/<n>`,
// `/-/work_items/<n>`), a commit (`/-/commit/<hash>`); older links lack the `/-/`. In text, when the
// draft's repository is a GitLab one: `#<n>` and `!<n>` (a merge request), `group/project#<n>`.
import { obj, prune, str, trimSlash } from '../../facts/answerFields';
import type { LinkFacts, TrackerFacts } from '../../facts/linkFactsTypes';
import type { TrackerItem } from '../../model/model';
import type { LinkHosts } from '../linkHosts';
import type { LinkRule } from '../linkRules/linkRule';
import type { UrlParts } from '../urlParts';
import { numberMissingRule, numberNotNumericRule, type NumberSlot } from './itemNumber';
import { repositoryOf, type Repository } from './repository';
import { shortNumbers } from './shortNumbers';
import { mostUsed, type CanonicalForm, type LinkTarget, type ShortReference, type SnippetForm, type Tracker } from './tracker';

/** A group or project's path segment: letters, digits, `_`, `.`, `-`, never starting with `-`. */
const SEGMENT = '[A-Za-z0-9_.][A-Za-z0-9_.-]*';
/** `/<group>[/<subgroup>…]/<project>[/-]/<word>[/<segment>][<rest>]`, the word an item's page's (or a mistake of one): the project's path is all before it. */
const ITEM_PATH = new RegExp(
  `^/(${SEGMENT}(?:/${SEGMENT})+?)(/-)?/(merge_requests|issues|work_items|commit|merge_request|merge-requests|merge-request|mergerequests|issue)(?:/([^/]*))?(/.*)?$`,
  's',
);
/** The words of an item's page, by kind. */
const KIND_OF_WORD: Readonly<Record<string, 'merge-request' | 'issue'>> = { merge_requests: 'merge-request', issues: 'issue', work_items: 'issue' };
/** Words where an item's was meant: `merge_request/12`, `merge-requests/12`, `issue/12`. */
const WRONG_WORDS: Readonly<Record<string, string>> = {
  merge_request: 'merge_requests',
  'merge-requests': 'merge_requests',
  'merge-request': 'merge_requests',
  mergerequests: 'merge_requests',
  issue: 'issues',
};
const COMMIT_HASH = /^[0-9a-f]{7,40}$/i;

/** Where the GitLab is, for its pages and its API: https, whatever the link's scheme. */
function baseOf(host: string): string {
  return `https://${host}`;
}

function item(base: string, host: string, repository: string, fields: Partial<TrackerItem>): TrackerItem {
  return { tracker: 'gitlab', host, base, repository, ...fields };
}

export function classifyGitLab(url: UrlParts, host: string): LinkTarget {
  const m = ITEM_PATH.exec(url.path);
  if (!m) return { kind: 'other' };
  const [, repository, , word, segment = ''] = m;
  const base = baseOf(host);
  if (word === 'commit' && COMMIT_HASH.test(segment)) return { kind: 'commit', item: item(base, host, repository, { commit: segment }) };
  const kind = KIND_OF_WORD[word];
  if (!kind || !/^\d+$/.test(segment)) return { kind: 'other' };
  return { kind, item: item(base, host, repository, { number: Number(segment) }) };
}

function numberSlot(url: UrlParts): NumberSlot | undefined {
  const m = ITEM_PATH.exec(url.path);
  if (!m || !KIND_OF_WORD[m[3]]) return undefined;
  const [, repository, dash = '', word, segment, rest = ''] = m;
  // `/-/issues` is the list; `/-/issues/` a number left out
  if (segment === undefined) return undefined;
  return {
    value: segment,
    what: word === 'merge_requests' ? 'GitLab merge request' : 'GitLab issue',
    put: (digits) => ({ ...url, path: `/${repository}${dash}/${word}/${digits}${rest}` }),
  };
}

export const gitlabItemPath: LinkRule = {
  code: 'gitlab-item-path',
  hosts: 'gitlab',
  check(url) {
    const m = ITEM_PATH.exec(url.path);
    const meant = m && WRONG_WORDS[m[3]];
    if (!m || !meant || !/^\d/.test(m[4] ?? '')) return undefined;
    return {
      message: `GitLab link has "${m[3]}/" where one ${meant === 'issues' ? 'issue' : 'merge request'} is "${meant}/"`,
      fixed: { ...url, path: `/${m[1]}${m[2] ?? ''}/${meant}/${m[4]}${m[5] ?? ''}` },
    };
  },
};

export const GITLAB_RULES: readonly LinkRule[] = [
  gitlabItemPath,
  numberMissingRule('gitlab-number-missing', 'gitlab', numberSlot),
  numberNotNumericRule('gitlab-number-not-numeric', 'gitlab', numberSlot),
];

const CANONICAL: readonly CanonicalForm[] = [
  {
    pattern: new RegExp(`/(${SEGMENT}(?:/${SEGMENT})+?)/-/(merge_requests|issues)/(\\d+)(?:/(?:diffs|commits|pipelines))?/?(?:#[A-Za-z0-9_-]*)?$`, 'y'),
    read: (m, host) => ({ kind: KIND_OF_WORD[m[2]], item: item(baseOf(host), host, m[1], { number: Number(m[3]) }) }),
  },
];

/** The draft's own repository, when it is on a GitLab (any host but GitHub's). */
function ownRepository(hosts: LinkHosts): Repository | undefined {
  const r = hosts.references?.repository ? repositoryOf(hosts.references.repository) : undefined;
  return r && r.host !== 'github.com' ? r : undefined;
}

function references(text: string, hosts: LinkHosts): ShortReference[] {
  const own = ownRepository(hosts);
  if (!own) return [];
  const base = baseOf(own.host);
  const found: ShortReference[] = [];
  for (const [sigil, kind, word] of [
    ['#', 'issue', 'issues'],
    ['!', 'merge-request', 'merge_requests'],
  ] as const) {
    for (const n of shortNumbers(text, sigil, { own: own.path, crossed: true, nested: true })) {
      const repository = n.repository ?? own.path;
      found.push({
        index: n.index,
        lastIndex: n.lastIndex,
        raw: n.raw,
        url: `${base}/${repository}/-/${word}/${n.number}`,
        target: { kind, item: item(base, own.host, repository, { number: n.number, short: true }) },
      });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * GitLab's REST API at `https://<host>/api/v4` (or as set per host): a project by its path, URL-encoded
 * whole (`group%2Fproject`), then `/merge_requests/<iid>`, `/issues/<iid>`, `/repository/commits/<hash>`.
 */
const GITLAB_FACTS: TrackerFacts = {
  service: 'GitLab',
  request(link, apis) {
    const i = link.item;
    if (!i?.repository) return undefined;
    const base = trimSlash(apis.gitlab?.[i.host] ?? `https://${i.host}/api/v4`);
    const project = `${base}/projects/${encodeURIComponent(i.repository)}`;
    if (link.kind === 'merge-request' && i.number !== undefined) return { kind: 'merge-request', url: `${project}/merge_requests/${i.number}`, base };
    if (link.kind === 'issue' && i.number !== undefined) return { kind: 'issue', url: `${project}/issues/${i.number}`, base };
    if (link.kind === 'commit' && i.commit) return { kind: 'commit', url: `${project}/repository/commits/${i.commit}`, base };
    return undefined;
  },
  read(request, o) {
    let facts: LinkFacts;
    if (request.kind === 'commit') facts = { kind: 'commit', title: str(o.title), owner: str(o.author_name) };
    else {
      const author = obj(o.author);
      let status = str(o.state);
      // an open merge request marked draft (`work_in_progress` before GitLab 14)
      if (request.kind === 'merge-request' && status === 'opened' && (o.draft === true || o.work_in_progress === true)) status = 'draft';
      facts = { kind: request.kind, title: str(o.title), status, owner: str(author?.username) ?? str(author?.name) };
    }
    if (!facts.title) throw new Error('the answer has no title');
    return prune(facts);
  },
};

export const GITLAB: Tracker = {
  id: 'gitlab',
  name: 'GitLab',
  hosts: (hosts) => hosts.gitlab ?? [],
  ownsHostName: (host) => host.startsWith('gitlab.'),
  ownsShape: (url) => /\/-\/(?:merge_requests|issues|work_items|commit)(?:\/|$)/.test(url.path),
  schemeless(url) {
    const m = ITEM_PATH.exec(url.path);
    return m !== null && (KIND_OF_WORD[m[3]] !== undefined || WRONG_WORDS[m[3]] !== undefined || m[3] === 'commit');
  },
  rules: GITLAB_RULES,
  classify: (url, host) => classifyGitLab(url, host),
  canonical: CANONICAL,
  references,
  label(i, kind) {
    if (i.commit) return `${i.repository}@${i.commit.slice(0, 8)}`;
    return `${i.repository}${kind === 'merge-request' ? '!' : '#'}${i.number}`;
  },
  itemId: (i, kind) => (i.commit ? i.commit.slice(0, 8) : `${kind === 'merge-request' ? '!' : '#'}${i.number}`),
  snippets(links) {
    const own = links.filter((l) => l.item?.tracker === 'gitlab' && !l.item.short);
    // only for a draft that links to a GitLab: most never do
    const project = mostUsed(own.map((l) => `${l.item!.host} ${l.item!.repository}`));
    if (!project) return [];
    const [host, repository] = project.key.split(' ');
    const snippet = (kind: 'merge-request' | 'issue', word: string): SnippetForm => {
      const s: SnippetForm = { kind, label: kind === 'issue' ? 'gitlab-issue' : kind, body: `https://${host}/\${1:${repository}}/-/${word}/$2` };
      const n = own.filter((l) => l.kind === kind).length;
      if (n) s.used = n;
      return s;
    };
    return [snippet('merge-request', 'merge_requests'), snippet('issue', 'issues')];
  },
  facts: GITLAB_FACTS,
};
