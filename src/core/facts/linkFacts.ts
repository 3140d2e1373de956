// What a review, bug, blueprint or story link *says*, read from the service's public REST API: the
// requests a link needs, and the facts read from their answers. Pure: the fetching (limits, retries,
// the cache) is factsClient.ts, which hands these functions the answers' text.
import type { Link } from '../model/model';
import { withoutControlCharacters } from '../model/controlCharacters';

/** Where each service's API is. Gerrit and StoryBoard by the host the draft links to. */
export interface FactsApis {
  /** Gerrit host → API base; a host not named is asked at `https://<host>`. */
  gerrit: Readonly<Record<string, string>>;
  /** Launchpad's API base, for bugs and blueprints. */
  launchpad: string;
  /** StoryBoard host → API base; a host not named is asked at `https://<host>/api/v1`. */
  storyboard: Readonly<Record<string, string>>;
}

/**
 * Gerrit hosts that moved: review.openstack.org answers every request with a redirect to
 * review.opendev.org, where OpenStack's Gerrit moved in 2019. Its links are asked where the new host
 * is (its API as configured, else https://review.opendev.org) at once, as redirects to another host
 * are refused.
 */
const MOVED_GERRIT: Readonly<Record<string, string>> = { 'review.openstack.org': 'review.opendev.org' };

export const DEFAULT_FACTS_APIS: FactsApis = {
  gerrit: {},
  launchpad: 'https://api.launchpad.net/1.0',
  storyboard: { 'storyboard.openstack.org': 'https://storyboard.openstack.org/api/v1' },
};

export type FactsKind = 'review' | 'bug' | 'blueprint' | 'story' | 'task';

/** One task of a Launchpad bug: a project (or series, or package) it affects. */
export interface BugTask {
  /** The target's path under the API: `neutron`, `neutron/liberty`, `ubuntu/+source/neutron`. */
  target: string;
  /** As Launchpad names it: `neutron`, `neutron (Ubuntu)`. */
  name: string;
  status?: string;
  importance?: string;
}

/**
 * What a service says of one change, bug, blueprint, story or task. Every string is as the service
 * sent it, trimmed and without control characters (they reach terminals, hovers and emails); it is
 * still text from outside, to be escaped wherever it is shown.
 */
export interface LinkFacts {
  kind: FactsKind;
  title?: string;
  /** Gerrit `NEW`/`MERGED`/`ABANDONED`; Launchpad's status of the linked project's task; a blueprint's implementation; StoryBoard's `active`/`merged`/`invalid`. */
  status?: string;
  /** Gerrit's project; a bug's linked (or only) project; a blueprint's project. */
  project?: string;
  /** Gerrit's change owner, by name, user name or email. */
  owner?: string;
  /** A bug's tasks. */
  tasks?: BugTask[];
}

/** What a request for one link's facts came to. `failed` links get no diagnostics. */
export type FactsResult = { state: 'found'; facts: LinkFacts } | { state: 'not-found' } | { state: 'failed'; reason: string };

/** A link's facts request: `url` is also its key (in the cache, and among a draft's links). */
export interface FactsRequest {
  kind: FactsKind;
  url: string;
  /**
   * The API asked, in words: `Gerrit at review.opendev.org`. Requests in flight are limited, and
   * failures counted, per API (two services behind one base, as on a test server, are two APIs).
   */
  service: string;
  /** The API's base URL (a Launchpad answer's links are read relative to it). */
  base: string;
  /** Launchpad bugs: the URL of their tasks, asked second. */
  tasksUrl?: string;
}

const trimSlash = (base: string) => base.replace(/\/+$/, '');

/**
 * The request for a link's facts, or undefined for a link that has none to read (or is malformed).
 * The other trackers' items (`link.item`: GitHub, GitLab, Jira…) have none yet: each tracker's module
 * (rules/trackers/) is where its request and reader plug in (`Tracker.facts`). Nor do the changes of
 * a Gerrit known only by its link's shape (`review.unlisted`): which such hosts to ask is theirs too.
 */
export function factsRequest(link: Link, apis: FactsApis): FactsRequest | undefined {
  if (link.problem || link.item || link.review?.unlisted) return undefined;
  let url: string | undefined;
  let kind: FactsKind | undefined;
  let tasksUrl: string | undefined;
  let base = '';
  if (link.review?.change !== undefined) {
    kind = 'review';
    const host = link.review.host;
    const moved = MOVED_GERRIT[host];
    base = trimSlash(apis.gerrit[host] ?? (moved && apis.gerrit[moved]) ?? `https://${moved ?? host}`);
    url = `${base}/changes/${link.review.change}`;
  } else if (link.bug?.id !== undefined) {
    kind = 'bug';
    base = trimSlash(apis.launchpad);
    url = `${base}/bugs/${link.bug.id}`;
    tasksUrl = `${url}/bug_tasks`;
  } else if (link.blueprint?.name) {
    kind = 'blueprint';
    base = trimSlash(apis.launchpad);
    url = `${base}/${encodePath(link.blueprint.project)}/+spec/${encodeURIComponent(link.blueprint.name)}`;
  } else if (link.story && (link.story.story !== undefined || link.story.task !== undefined)) {
    base = trimSlash(apis.storyboard[link.story.host] ?? `https://${link.story.host}/api/v1`);
    kind = link.story.story !== undefined ? 'story' : 'task';
    url = kind === 'story' ? `${base}/stories/${link.story.story}` : `${base}/tasks/${link.story.task}`;
  }
  if (!url || !kind) return undefined;
  const at = apiPlace(base);
  if (at === undefined) return undefined; // an API base that is no http(s) URL: nothing to ask
  const service = `${SERVICE_NAMES[kind]} at ${at}`;
  return tasksUrl ? { kind, url, service, base, tasksUrl } : { kind, url, service, base };
}

/** `host/path` of API bases (undefined for one that is no http(s) URL): a draft has thousands of links, and a few bases. */
const places = new Map<string, string | undefined>();

function apiPlace(base: string): string | undefined {
  if (places.has(base)) return places.get(base);
  let place: string | undefined;
  try {
    const parsed = new URL(base);
    place = /^https?:$/.test(parsed.protocol) ? `${parsed.host}${parsed.pathname.replace(/\/+$/, '')}` : undefined;
  } catch {
    place = undefined;
  }
  places.set(base, place);
  return place;
}

const SERVICE_NAMES: Record<FactsKind, string> = { review: 'Gerrit', bug: 'Launchpad', blueprint: 'Launchpad', story: 'StoryBoard', task: 'StoryBoard' };

const encodePath = (path: string) =>
  path
    .split('/')
    .map((s) => (s.startsWith('+') ? s : encodeURIComponent(s)))
    .join('/');

/** Gerrit prefixes its JSON with `)]}'` and a line end, so that a page cannot run it as a script. */
export function parseServiceJson(text: string): unknown {
  return JSON.parse(text.replace(/^\)\]\}'[^\n]*\n/, ''));
}

/** A string of the answer: trimmed, without control characters; undefined when empty. */
const str = (v: unknown): string | undefined => {
  if (typeof v !== 'string') return undefined;
  const s = withoutControlCharacters(v).trim();
  return s === '' ? undefined : s;
};
const obj = (v: unknown): Record<string, unknown> | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);

/** The facts of a service's answer for `request`; throws when the answer is not the shape its API documents. */
export function readFacts(request: FactsRequest, json: unknown, tasksJson?: unknown): LinkFacts {
  const o = obj(json);
  if (!o) throw new Error('the answer is not a JSON object');
  switch (request.kind) {
    case 'review': {
      const owner = obj(o.owner);
      const facts: LinkFacts = { kind: 'review', title: str(o.subject), status: str(o.status), project: str(o.project) };
      const who = owner && (str(owner.name) ?? str(owner.display_name) ?? str(owner.username) ?? str(owner.email));
      if (who) facts.owner = who;
      if (!facts.title && !facts.status) throw new Error('the answer has no subject nor status');
      return prune(facts);
    }
    case 'bug': {
      const facts: LinkFacts = { kind: 'bug', title: str(o.title) };
      // the tasks as their own collection, or (on some servers) within the bug
      const tasks = tasksJson ?? o.bug_tasks;
      const entries = Array.isArray(tasks) ? tasks : obj(tasks)?.entries;
      if (Array.isArray(entries)) facts.tasks = entries.flatMap((e) => bugTask(obj(e), request.base));
      if (!facts.title) throw new Error('the answer has no title');
      return prune(facts);
    }
    case 'blueprint': {
      const facts: LinkFacts = {
        kind: 'blueprint',
        title: str(o.title) ?? str(o.name),
        status: str(o.implementation_status) ?? str(o.lifecycle_status),
        project: str(obj(o.target)?.name) ?? lastSegment(str(o.target_link)),
      };
      if (!facts.title) throw new Error('the answer has no title');
      return prune(facts);
    }
    case 'story':
    case 'task': {
      const facts: LinkFacts = { kind: request.kind, title: str(o.title), status: str(o.status) };
      if (!facts.title) throw new Error('the answer has no title');
      return prune(facts);
    }
  }
}

function bugTask(e: Record<string, unknown> | undefined, base: string): BugTask[] {
  if (!e) return [];
  const name = str(e.bug_target_name);
  const target = targetPath(str(e.target_link), base) ?? (name && nameToTarget(name));
  if (!name || !target) return [];
  const task: BugTask = { target, name };
  const status = str(e.status);
  const importance = str(e.importance);
  if (status) task.status = status;
  if (importance) task.importance = importance;
  return [task];
}

/** `https://api.launchpad.net/1.0/ubuntu/+source/neutron` → `ubuntu/+source/neutron`: the path under the API's base. */
function targetPath(link: string | undefined, base = ''): string | undefined {
  if (!link) return undefined;
  try {
    const under = base && link.startsWith(`${base}/`) ? link.slice(base.length) : new URL(link).pathname.replace(/^\/(?:1\.0|devel|beta)\//, '/');
    const path = under.split(/[?#]/)[0];
    return decodeURIComponent(path.replace(/^\/+|\/+$/g, '')) || undefined;
  } catch {
    return undefined;
  }
}

/** `neutron (Ubuntu)` → `ubuntu/+source/neutron`; a project's name is its path. */
function nameToTarget(name: string): string {
  const m = /^(\S+) \((\w[\w ]*)\)$/.exec(name);
  return m ? `${m[2].toLowerCase().replace(/ /g, '-')}/+source/${m[1]}` : name;
}

const lastSegment = (link: string | undefined) => targetPath(link)?.split('/').pop();

function prune(facts: LinkFacts): LinkFacts {
  for (const k of Object.keys(facts) as (keyof LinkFacts)[]) if (facts[k] === undefined) delete facts[k];
  return facts;
}

/** Whether a bug task is the link's project (or a series or package of it, or the project of a series link). */
export function taskMatches(task: BugTask, project: string): boolean {
  const t = task.target.toLowerCase();
  const p = project.toLowerCase();
  return t === p || t.startsWith(`${p}/`) || p.startsWith(`${t}/`);
}

/** The project of a bug task as a link names it: a series task's project, a package's full path. */
export function taskProject(task: BugTask): string {
  return task.target.includes('/+source/') ? task.target : task.target.split('/')[0];
}

/** The facts a link's own project reads: a bug's status in the project it links to (or its only task's). */
export function linkFacts(link: Link, facts: LinkFacts): LinkFacts {
  if (facts.kind !== 'bug' || !facts.tasks?.length) return facts;
  const project = link.bug?.project;
  const task = (project && facts.tasks.find((t) => taskMatches(t, project))) || (facts.tasks.length === 1 ? facts.tasks[0] : undefined);
  if (!task) return facts;
  return prune({ ...facts, status: task.status, project: taskProject(task) });
}

/** A status in the words a reader of the email knows: Gerrit's `NEW` is an open change. */
export function statusWords(facts: LinkFacts): string | undefined {
  if (!facts.status) return undefined;
  if (facts.kind === 'review')
    return (
      ({ NEW: 'open', MERGED: 'merged', ABANDONED: 'abandoned', DRAFT: 'draft' } as Record<string, string>)[facts.status.toUpperCase()] ??
      facts.status.toLowerCase()
    );
  return facts.status;
}
