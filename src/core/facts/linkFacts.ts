// What a link *says*, read from its tracker's public REST API: the request a link needs, and the
// facts read from its answer. Each tracker says both (its `TrackerFacts`: OpenStack's in
// openstackFacts.ts, the others' in their records, rules/trackers/); this asks the link's tracker.
// Pure: the fetching (limits, retries, the cache) is factsClient.ts, which hands these functions the
// answers' text.
import type { Link } from '../model/model';
import { trackerById } from '../rules/trackers/registry';
import { obj, prune } from './answerFields';
import { GITHUB_API, type BugTask, type FactsApis, type FactsRequest, type LinkFacts, type TrackerFacts } from './linkFactsTypes';
import { OPENSTACK_FACTS, openstackTracker } from './openstackFacts';

export {
  GITHUB_API,
  type BugTask,
  type FactsApis,
  type FactsKind,
  type FactsRequest,
  type FactsResult,
  type LinkFacts,
  type TrackerFacts,
} from './linkFactsTypes';

export const DEFAULT_FACTS_APIS: FactsApis = {
  gerrit: {},
  launchpad: 'https://api.launchpad.net/1.0',
  storyboard: { 'storyboard.openstack.org': 'https://storyboard.openstack.org/api/v1' },
  github: GITHUB_API,
  gitlab: {},
  jira: {},
  bugzilla: {},
};

/** The facts of a tracker, by its id: OpenStack's from here (never loading the other trackers for them), the others' from their records. */
function trackerFacts(id: string): TrackerFacts | undefined {
  return OPENSTACK_FACTS[id] ?? trackerById(id)?.facts;
}

/**
 * The request for a link's facts, or undefined for a link that has none to read (or is malformed):
 * its tracker's, with the API it asks named.
 */
export function factsRequest(link: Link, apis: FactsApis): FactsRequest | undefined {
  if (link.problem) return undefined;
  const tracker = link.item ? link.item.tracker : openstackTracker(link);
  const facts = tracker === undefined ? undefined : trackerFacts(tracker);
  const request = facts?.request(link, apis);
  if (!request) return undefined;
  const at = apiPlace(request.base);
  if (at === undefined) return undefined; // an API base that is no http(s) URL: nothing to ask
  return { ...request, tracker: tracker!, service: `${facts!.service} at ${at}` };
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

/** Gerrit prefixes its JSON with `)]}'` and a line end, so that a page cannot run it as a script. */
export function parseServiceJson(text: string): unknown {
  return JSON.parse(text.replace(/^\)\]\}'[^\n]*\n/, ''));
}

/** The facts of a service's answer for `request`, read by its tracker; throws when the answer is not the shape its API documents. */
export function readFacts(request: FactsRequest, json: unknown, second?: unknown): LinkFacts {
  const o = obj(json);
  if (!o) throw new Error('the answer is not a JSON object');
  const facts = trackerFacts(request.tracker);
  if (!facts) throw new Error(`no reader for ${request.tracker}`);
  return facts.read(request, o, second);
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

/** A status in the words a reader of the email knows: Gerrit's `NEW` is an open change, GitLab's `opened` an open merge request or issue. */
export function statusWords(facts: LinkFacts): string | undefined {
  if (!facts.status) return undefined;
  if (facts.kind === 'review')
    return (
      ({ NEW: 'open', MERGED: 'merged', ABANDONED: 'abandoned', DRAFT: 'draft' } as Record<string, string>)[facts.status.toUpperCase()] ??
      facts.status.toLowerCase()
    );
  return facts.status === 'opened' ? 'open' : facts.status;
}
