// OpenStack's trackers' link facts: a Gerrit change, a Launchpad bug (with its tasks) or blueprint, a
// StoryBoard story or task, each a `TrackerFacts` as the other trackers' are. They are here rather
// than in their records (rules/trackers/gerrit.ts…) because those records are in the first bundle
// every activation loads, and this code only in the facts' bundles.
import type { Link } from '../model/model';
import { obj, prune, str, trimSlash } from './answerFields';
import type { BugTask, FactsApis, LinkFacts, TrackerFacts } from './linkFactsTypes';

/**
 * Gerrit hosts that moved: review.openstack.org answers every request with a redirect to
 * review.opendev.org, where OpenStack's Gerrit moved in 2019. Its links are asked where the new host
 * is (its API as configured, else https://review.opendev.org) at once, as redirects to another host
 * are refused.
 */
const MOVED_GERRIT: Readonly<Record<string, string>> = { 'review.openstack.org': 'review.opendev.org' };

export const GERRIT_FACTS: TrackerFacts = {
  service: 'Gerrit',
  request(link: Link, apis: FactsApis) {
    // the changes of a Gerrit known only by its link's shape (`review.unlisted`) are not asked: which such hosts to ask is not said yet
    if (link.review?.change === undefined || link.review.unlisted) return undefined;
    const host = link.review.host;
    const moved = MOVED_GERRIT[host];
    const base = trimSlash(apis.gerrit[host] ?? (moved && apis.gerrit[moved]) ?? `https://${moved ?? host}`);
    return { kind: 'review', url: `${base}/changes/${link.review.change}`, base };
  },
  read(_request, o) {
    const owner = obj(o.owner);
    const facts: LinkFacts = { kind: 'review', title: str(o.subject), status: str(o.status), project: str(o.project) };
    const who = owner && (str(owner.name) ?? str(owner.display_name) ?? str(owner.username) ?? str(owner.email));
    if (who) facts.owner = who;
    if (!facts.title && !facts.status) throw new Error('the answer has no subject nor status');
    return prune(facts);
  },
};

export const LAUNCHPAD_FACTS: TrackerFacts = {
  service: 'Launchpad',
  request(link, apis) {
    const base = trimSlash(apis.launchpad);
    if (link.bug?.id !== undefined) {
      const url = `${base}/bugs/${link.bug.id}`;
      return { kind: 'bug', url, base, tasksUrl: `${url}/bug_tasks` };
    }
    if (link.blueprint?.name)
      return { kind: 'blueprint', url: `${base}/${encodePath(link.blueprint.project)}/+spec/${encodeURIComponent(link.blueprint.name)}`, base };
    return undefined;
  },
  read(request, o, tasksJson) {
    if (request.kind === 'bug') {
      const facts: LinkFacts = { kind: 'bug', title: str(o.title) };
      // the tasks as their own collection, or (on some servers) within the bug
      const tasks = tasksJson ?? o.bug_tasks;
      const entries = Array.isArray(tasks) ? tasks : obj(tasks)?.entries;
      if (Array.isArray(entries)) facts.tasks = entries.flatMap((e) => bugTask(obj(e), request.base));
      if (!facts.title) throw new Error('the answer has no title');
      return prune(facts);
    }
    const facts: LinkFacts = {
      kind: 'blueprint',
      title: str(o.title) ?? str(o.name),
      status: str(o.implementation_status) ?? str(o.lifecycle_status),
      project: str(obj(o.target)?.name) ?? lastSegment(str(o.target_link)),
    };
    if (!facts.title) throw new Error('the answer has no title');
    return prune(facts);
  },
};

export const STORYBOARD_FACTS: TrackerFacts = {
  service: 'StoryBoard',
  request(link, apis) {
    const story = link.story;
    if (!story || (story.story === undefined && story.task === undefined)) return undefined;
    const base = trimSlash(apis.storyboard[story.host] ?? `https://${story.host}/api/v1`);
    return story.story !== undefined
      ? { kind: 'story', url: `${base}/stories/${story.story}`, base }
      : { kind: 'task', url: `${base}/tasks/${story.task}`, base };
  },
  read(request, o) {
    const facts: LinkFacts = { kind: request.kind, title: str(o.title), status: str(o.status) };
    if (!facts.title) throw new Error('the answer has no title');
    return prune(facts);
  },
};

/** OpenStack's trackers' facts by their records' ids. */
export const OPENSTACK_FACTS: Readonly<Record<string, TrackerFacts>> = { gerrit: GERRIT_FACTS, launchpad: LAUNCHPAD_FACTS, storyboard: STORYBOARD_FACTS };

/** Which of OpenStack's trackers a link is, by its target, when it is one with facts to read. */
export function openstackTracker(link: Link): string | undefined {
  if (link.review) return 'gerrit';
  if (link.bug || link.blueprint) return 'launchpad';
  if (link.story) return 'storyboard';
  return undefined;
}

const encodePath = (path: string) =>
  path
    .split('/')
    .map((s) => (s.startsWith('+') ? s : encodeURIComponent(s)))
    .join('/');

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
