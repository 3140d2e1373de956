// GitHub: a pull request (`/<owner>/<repo>/pull/<n>`, with `/files`, `/commits`, `/checks`,
// `/changes`, `#issuecomment-…`, `#discussion_r…` after it), an issue (`/issues/<n>`), a commit
// (`/commit/<hash>`) and a discussion (`/discussions/<n>`, an organisation's `/orgs/<org>/discussions/<n>`);
// in text, `owner/repo#<n>`, and `#<n>` when the draft's repository is on GitHub. Its other pages (a
// repository, a file, the pull request or issue list, a search) are other links.
import { obj, prune, str, trimSlash } from '../../facts/answerFields';
import { GITHUB_API, type LinkFacts, type TrackerFacts } from '../../facts/linkFactsTypes';
import type { TrackerItem } from '../../model/model';
import type { LinkHosts } from '../linkHosts';
import type { LinkRule } from '../linkRules/linkRule';
import type { UrlParts } from '../urlParts';
import { numberMissingRule, numberNotNumericRule, type NumberSlot } from './itemNumber';
import { repositoryOf } from './repository';
import { shortNumbers } from './shortNumbers';
import { mostUsed, type CanonicalForm, type LinkTarget, type ShortReference, type SnippetForm, type Tracker } from './tracker';

const HOST = 'github.com';
const BASE = 'https://github.com';

/** A user or organisation, and a repository, as GitHub allows them. */
const OWNER = '[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?';
const REPO = '[A-Za-z0-9_.-]+';

/** `/<owner>/<repo>/<word>[/<segment>][<rest>]`: an item's page, or a mistake of one. */
const ITEM_PATH = new RegExp(`^/(${OWNER})/(${REPO})/([a-z_-]+)(?:/([^/]*))?(/.*)?$`, 's');
/** An organisation's discussion: `/orgs/<org>/discussions/<n>`. */
const ORG_DISCUSSION = new RegExp(`^/orgs/(${OWNER})/discussions/(\\d+)(?:/.*)?$`, 's');
/** The words of an item's page, by kind. */
const KIND_OF_WORD: Readonly<Record<string, 'pull-request' | 'issue' | 'discussion'>> = { pull: 'pull-request', issues: 'issue', discussions: 'discussion' };
/** A pull request's number as its diff and patch views write it (`/pull/123.diff`). */
const NUMBER = /^(\d+)(?:\.(?:diff|patch))?$/;
const COMMIT_HASH = /^[0-9a-f]{7,40}(?:\.(?:diff|patch))?$/i;
/** Words where one item's word was meant, and the word meant: `pulls/123` is the list's, `issue/123` no page at all. */
const WRONG_WORDS: Readonly<Record<string, string>> = { pulls: 'pull', prs: 'pull', pr: 'pull', issue: 'issues', discussion: 'discussions' };

const item = (repository: string, fields: Partial<TrackerItem>): TrackerItem => ({ tracker: 'github', host: HOST, base: BASE, repository, ...fields });

/** What a GitHub URL points at. */
function classify(url: UrlParts): LinkTarget {
  const org = ORG_DISCUSSION.exec(url.path);
  if (org) return { kind: 'discussion', item: item(org[1], { number: Number(org[2]) }) };
  const m = ITEM_PATH.exec(url.path);
  if (!m) return { kind: 'other' };
  const [, owner, repo, word, segment = ''] = m;
  const repository = `${owner}/${repo}`;
  if (word === 'commit' && COMMIT_HASH.test(segment)) return { kind: 'commit', item: item(repository, { commit: segment.replace(/\.(?:diff|patch)$/, '') }) };
  const kind = KIND_OF_WORD[word];
  const number = NUMBER.exec(segment);
  if (!kind || !number) return { kind: 'other' };
  return { kind, item: item(repository, { number: Number(number[1]) }) };
}

/** The number of `/<owner>/<repo>/(pull|issues|discussions)/<n>`, where it is. */
function numberSlot(url: UrlParts): NumberSlot | undefined {
  const m = ITEM_PATH.exec(url.path);
  if (!m || !KIND_OF_WORD[m[3]]) return undefined;
  const [, owner, repo, word, segment, rest = ''] = m;
  // `/issues` is the list; `/issues/` a number left out (as StoryBoard's `#!/story/`)
  if (segment === undefined && word !== 'pull') return undefined;
  const what = word === 'pull' ? 'GitHub pull request' : word === 'issues' ? 'GitHub issue' : 'GitHub discussion';
  return {
    value: segment ?? '',
    what,
    put: (digits) => ({ ...url, path: `/${owner}/${repo}/${word}/${digits}${rest}` }),
    // a pull request's diff view
    page: segment !== undefined && NUMBER.test(segment),
  };
}

export const githubItemPath: LinkRule = {
  code: 'github-item-path',
  hosts: 'github',
  check(url) {
    const m = ITEM_PATH.exec(url.path);
    const meant = m && WRONG_WORDS[m[3]];
    // only before a number: `/pulls` and `/pulls?q=…` are the list, as `/issues` is
    if (!m || !meant || !/^\d/.test(m[4] ?? '')) return undefined;
    return {
      message: `GitHub link has "${m[3]}/" where one ${meant === 'pull' ? 'pull request' : meant === 'issues' ? 'issue' : 'discussion'} is "${meant}/"`,
      fixed: { ...url, path: `/${m[1]}/${m[2]}/${meant}/${m[4]}${m[5] ?? ''}` },
    };
  },
};

export const GITHUB_RULES: readonly LinkRule[] = [
  githubItemPath,
  numberMissingRule('github-number-missing', 'github', numberSlot),
  numberNotNumericRule('github-number-not-numeric', 'github', numberSlot),
];

/** The forms writers mostly paste (after the host): an item, with the pull request's tabs and a comment's anchor; a commit. */
const CANONICAL: readonly CanonicalForm[] = [
  {
    pattern: new RegExp(`/(?!orgs/)(${OWNER})/(${REPO})/(pull|issues|discussions)/(\\d+)(?:/(?:files|commits|checks|changes))?/?(?:#[A-Za-z0-9_-]*)?$`, 'y'),
    read: (m) => ({ kind: KIND_OF_WORD[m[3]], item: item(`${m[1]}/${m[2]}`, { number: Number(m[4]) }) }),
  },
  {
    pattern: new RegExp(`/(${OWNER})/(${REPO})/commit/([0-9a-f]{7,40})/?(?:#[A-Za-z0-9_-]*)?$`, 'y'),
    read: (m) => ({ kind: 'commit', item: item(`${m[1]}/${m[2]}`, { commit: m[3] }) }),
  },
];

/** The draft's own repository, when it is on GitHub. */
function ownRepository(hosts: LinkHosts): string | undefined {
  const r = hosts.references?.repository ? repositoryOf(hosts.references.repository) : undefined;
  return r?.host === HOST ? r.path.split('/').slice(0, 2).join('/') : undefined;
}

/** Whether `owner/repo#123` in text is another tracker's: the draft's repository is on a GitLab, which writes the same. */
function crossReferencesAreGitLab(hosts: LinkHosts): boolean {
  const r = hosts.references?.repository ? repositoryOf(hosts.references.repository) : undefined;
  return r !== undefined && r.host !== HOST;
}

function references(text: string, hosts: LinkHosts): ShortReference[] {
  const own = ownRepository(hosts);
  const crossed = !crossReferencesAreGitLab(hosts);
  if (!own && !crossed) return [];
  return shortNumbers(text, '#', { own, crossed, nested: false }).map((n) => {
    const repository = n.repository ?? own!;
    const url = `${BASE}/${repository}/issues/${n.number}`;
    // `/issues/<n>` opens a pull request as well (GitHub redirects): which one it is, only GitHub says
    return { index: n.index, lastIndex: n.lastIndex, raw: n.raw, url, target: { kind: 'issue', item: item(repository, { number: n.number, short: true }) } };
  });
}

/** What a run says when api.github.com answers that its rate limit is reached: 60 requests an hour without a token. */
export const GITHUB_RATE_LIMIT = {
  anonymous: "GitHub's rate limit for anonymous requests: sign in to GitHub in VS Code, or set GITHUB_TOKEN for the CLI",
  signedIn: "GitHub's rate limit for your account (5,000 requests an hour): the rest are looked up once it resets",
};

/** A pull request's state in a reader's words: GitHub says `open` or `closed`, and `merged` and `draft` beside it. */
function pullState(o: Record<string, unknown>, mergedAt: unknown): string | undefined {
  const state = str(o.state)?.toLowerCase();
  if (o.merged === true || (typeof mergedAt === 'string' && mergedAt !== '')) return 'merged';
  if (state === 'open' && o.draft === true) return 'draft';
  return state;
}

/**
 * GitHub's REST API: `/repos/<owner>/<repo>/pulls/<n>`, `/issues/<n>` (which answers for a pull
 * request too, with a `pull_request` key), `/commits/<hash>` (422 for a hash it does not have). A
 * discussion is GraphQL's alone: not asked.
 */
const GITHUB_FACTS: TrackerFacts = {
  service: 'GitHub',
  request(link, apis) {
    const i = link.item;
    const segments = i?.repository?.split('/');
    // `..` would be read as a step up the API's path
    if (!i || segments?.length !== 2 || segments.some((s) => s === '.' || s === '..')) return undefined;
    const base = trimSlash(apis.github ?? GITHUB_API);
    const repository = `${base}/repos/${segments.map(encodeURIComponent).join('/')}`;
    const rateLimit = GITHUB_RATE_LIMIT;
    if (link.kind === 'pull-request' && i.number !== undefined) return { kind: 'pull-request', url: `${repository}/pulls/${i.number}`, base, rateLimit };
    if (link.kind === 'issue' && i.number !== undefined) return { kind: 'issue', url: `${repository}/issues/${i.number}`, base, rateLimit };
    if (link.kind === 'commit' && i.commit) return { kind: 'commit', url: `${repository}/commits/${i.commit}`, base, rateLimit, absentOn: [422] };
    return undefined;
  },
  read(request, o) {
    let facts: LinkFacts;
    if (request.kind === 'commit') {
      const commit = obj(o.commit);
      const title = str(commit?.message)?.split('\n')[0].trim();
      facts = { kind: 'commit', title, owner: str(obj(o.author)?.login) ?? str(obj(commit?.author)?.name) };
    } else {
      // an issue's number that is a pull request's: the answer says so
      const pull = request.kind === 'issue' ? obj(o.pull_request) : o;
      const kind = pull ? 'pull-request' : 'issue';
      const status = pull ? pullState(o, pull.merged_at) : str(o.state)?.toLowerCase();
      facts = { kind, title: str(o.title), status, owner: str(obj(o.user)?.login) };
    }
    if (!facts.title) throw new Error('the answer has no title');
    return prune(facts);
  },
};

export const GITHUB: Tracker = {
  id: 'github',
  name: 'GitHub',
  hosts: () => [HOST],
  ownsHostName: (host) => host === 'www.github.com',
  // an item's page (or a mistake of one); `github.com/owner` in a sentence stays a sentence
  schemeless: (url) => {
    const m = ITEM_PATH.exec(url.path);
    return (m !== null && (KIND_OF_WORD[m[3]] !== undefined || m[3] === 'commit' || WRONG_WORDS[m[3]] !== undefined)) || ORG_DISCUSSION.test(url.path);
  },
  rules: GITHUB_RULES,
  classify: (url) => classify(url),
  canonical: CANONICAL,
  references,
  label(i) {
    if (i.commit) return `${i.repository}@${i.commit.slice(0, 7)}`;
    return `${i.repository}#${i.number}`;
  },
  itemId: (i) => (i.commit ? i.commit.slice(0, 7) : `#${i.number}`),
  snippets(links, hosts) {
    const repository = mostUsed(links.flatMap((l) => (l.item?.tracker === 'github' && l.item.repository?.includes('/') ? [l.item.repository] : [])));
    const name = repository?.key ?? ownRepository(hosts) ?? 'OWNER/REPO';
    const used = (kind: string) => links.filter((l) => l.item?.tracker === 'github' && l.kind === kind && !l.item.short).length || undefined;
    const snippet = (kind: 'pull-request' | 'issue', word: string): SnippetForm => {
      const s: SnippetForm = { kind, label: kind, body: `https://github.com/\${1:${name}}/${word}/$2` };
      const n = used(kind);
      if (n) s.used = n;
      return s;
    };
    return [snippet('pull-request', 'pull'), snippet('issue', 'issues')];
  },
  facts: GITHUB_FACTS,
};
