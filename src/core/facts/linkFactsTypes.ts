// What link facts are, as every part of them speaks of them: where the APIs are, what a request for
// one link is, what an answer says, and what a tracker plugs in to have facts (`TrackerFacts`, in
// each tracker's record, rules/trackers/). Types, and GitHub's API: the trackers read them without
// reaching the facts' code (which reads the trackers).
import type { Link } from '../model/model';

/** GitHub's API, the one origin a GitHub token is ever sent to. */
export const GITHUB_API = 'https://api.github.com';

/** Where each service's API is. Gerrit, StoryBoard, GitLab, Jira and Bugzilla by the host the draft links to. */
export interface FactsApis {
  /** Gerrit host → API base; a host not named is asked at `https://<host>`. */
  gerrit: Readonly<Record<string, string>>;
  /** Launchpad's API base, for bugs and blueprints. */
  launchpad: string;
  /** StoryBoard host → API base; a host not named is asked at `https://<host>/api/v1`. */
  storyboard: Readonly<Record<string, string>>;
  /** GitHub's API base; https://api.github.com when not said. */
  github?: string;
  /** GitLab host → API base; a host not named is asked at `https://<host>/api/v4`. */
  gitlab?: Readonly<Record<string, string>>;
  /** Jira host → its REST root; a host not named is asked at `<the link's base>/rest/api/2`. */
  jira?: Readonly<Record<string, string>>;
  /** Bugzilla host → its REST base; a host not named is asked at `<the link's base>/rest`. */
  bugzilla?: Readonly<Record<string, string>>;
}

export type FactsKind = 'review' | 'bug' | 'blueprint' | 'story' | 'task' | 'pull-request' | 'merge-request' | 'issue' | 'commit';

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
 * What a service says of one change, bug, blueprint, story, task, pull or merge request, issue or
 * commit. Every string is as the service sent it, trimmed and without control characters (they reach
 * terminals, hovers and emails); it is still text from outside, to be escaped wherever it is shown.
 */
export interface LinkFacts {
  /** What the item is: a GitHub issue link's answer may say `pull-request`. */
  kind: FactsKind;
  title?: string;
  /**
   * Gerrit `NEW`/`MERGED`/`ABANDONED`; Launchpad's status of the linked project's task; a blueprint's
   * implementation; StoryBoard's `active`/`merged`/`invalid`; a GitHub pull request's or issue's
   * `open`/`draft`/`merged`/`closed`; GitLab's `opened`/`draft`/`merged`/`closed`/`locked`; Jira's
   * status with its resolution (`Resolved, Fixed`); Bugzilla's (`RESOLVED FIXED`).
   */
  status?: string;
  /** Gerrit's project; a bug's linked (or only) project; a blueprint's project. */
  project?: string;
  /** Gerrit's change owner, by name, user name or email; a pull or merge request's, an issue's or a commit's author. */
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
  /** The tracker whose reader reads the answer: `gerrit`, `github`. */
  tracker: string;
  /**
   * The API asked, in words: `Gerrit at review.opendev.org`. Requests in flight are limited, and
   * failures counted, per API (two services behind one base, as on a test server, are two APIs).
   */
  service: string;
  /** The API's base URL (a Launchpad answer's links are read relative to it). */
  base: string;
  /** Launchpad bugs: the URL of their tasks, asked second. */
  tasksUrl?: string;
  /** Statuses besides 404 and 410 that say there is no such item (GitHub's 422 for a commit it does not have). */
  absentOn?: readonly number[];
  /** What to say when the API answers that its rate limit is reached (`x-ratelimit-remaining: 0`), asked without and with credentials. */
  rateLimit?: { anonymous: string; signedIn: string };
}

/** What a tracker's facts give for one link: its request, less what factsRequest adds. */
export type TrackerRequest = Omit<FactsRequest, 'service' | 'tracker'>;

/**
 * Where a tracker's link facts plug in (its record's `facts`): the GET that reads a link's item (its
 * number or name in the URL, nothing else of the draft), and what the answer says.
 */
export interface TrackerFacts {
  /** The service's name in a run's messages: `GitHub` (`GitHub at api.github.com`). */
  service: string;
  /** The request for a well-formed link of this tracker's, or undefined when it has nothing to read (a discussion) or its API is no http(s) URL. */
  request(link: Link, apis: FactsApis): TrackerRequest | undefined;
  /** The facts of the answer (and of the second answer, Launchpad's tasks); throws when it is not the shape the API documents. */
  read(request: FactsRequest, json: Record<string, unknown>, second?: unknown): LinkFacts;
}
