// A fake Gerrit, Launchpad, StoryBoard, GitHub, GitLab, Jira and Bugzilla on 127.0.0.1, answering as
// their API documentation shows (Gerrit's `)]}'` line included, GitHub's 422 for a commit it does not
// have, its 403 with `x-ratelimit-remaining: 0` on demand), with faults on demand. Used by the unit,
// CLI and integration tests: nothing in them reaches beyond this machine.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault =
  | { type: 'slow'; ms: number }
  | { type: 'status'; status: number; times?: number; retryAfter?: string }
  | { type: 'malformed' }
  | { type: 'huge'; bytes: number }
  | { type: 'redirect'; location: string }
  /** GitHub's answer once the hour's requests are spent: 403, `x-ratelimit-remaining: 0`, the reset (epoch seconds) an hour on unless said. */
  | { type: 'rate-limit'; reset?: number };

/** A GitHub pull request or issue (`pull`: a pull request, which `/issues/<n>` answers too, with its `pull_request`). */
export interface FakeGitHubItem {
  title: string;
  state: 'open' | 'closed';
  pull?: boolean;
  merged?: boolean;
  draft?: boolean;
  user?: string;
}

export interface FakeData {
  /** Gerrit changes by number: what `GET /changes/<n>` answers. */
  changes?: Record<number, { subject: string; status: 'NEW' | 'MERGED' | 'ABANDONED'; project: string; owner?: string }>;
  /** Launchpad bugs by number, with the projects their tasks are in. */
  bugs?: Record<number, { title: string; tasks: { target: string; status: string; importance?: string }[] }>;
  /** Launchpad blueprints by `project/name`. */
  specs?: Record<string, { title: string; implementation_status: string }>;
  stories?: Record<number, { title: string; status: string }>;
  tasks?: Record<number, { title: string; status: string }>;
  /** GitHub's pull requests and issues by `owner/repo#<n>`. */
  github?: Record<string, FakeGitHubItem>;
  /** GitHub's and GitLab's commits by `owner/repo@<hash>` (the hash as linked). */
  commits?: Record<string, { message: string; author?: string }>;
  /** GitLab's merge requests (`group/project!<iid>`) and issues (`group/project#<iid>`). */
  gitlab?: Record<string, { title: string; state: 'opened' | 'closed' | 'merged' | 'locked'; draft?: boolean; author?: string }>;
  /** Jira's issues by key. */
  jira?: Record<string, { summary: string; status: string; resolution?: string }>;
  /** Bugzilla's bugs by number. */
  bugzilla?: Record<number, { summary: string; status: string; resolution?: string }>;
}

export interface FakeServices {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  gerrit: string;
  launchpad: string;
  storyboard: string;
  github: string;
  gitlab: string;
  jira: string;
  bugzilla: string;
  /** Paths asked, in order. */
  requests: string[];
  /** The Authorization header of each request, in the same order (undefined when none was sent). */
  authorizations: (string | undefined)[];
  /** Faults by path (as asked, e.g. `/gerrit/changes/1`), or by a path's prefix ending in `*`. */
  faults: Map<string, Fault>;
  close(): Promise<void>;
}

export async function startFakeServices(data: FakeData): Promise<FakeServices> {
  const requests: string[] = [];
  const authorizations: (string | undefined)[] = [];
  const faults = new Map<string, Fault>();
  const counts = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
    // GitHub's API, as api.github.com does, lets a page of any site read its answers (VS Code for the
    // Web asks from the workbench's origin); the others do not say so, and a browser keeps their answers
    if (path.startsWith('/github/')) {
      // (its documented headers: docs.github.com, "Using CORS and JSONP to make cross-origin requests")
      res.setHeader('access-control-allow-origin', '*');
      res.setHeader(
        'access-control-expose-headers',
        'ETag, Link, x-ratelimit-limit, x-ratelimit-remaining, x-ratelimit-reset, X-OAuth-Scopes, X-Accepted-OAuth-Scopes, X-Poll-Interval',
      );
      if (req.method === 'OPTIONS') {
        res.writeHead(204, {
          'access-control-allow-methods': 'GET, POST, PATCH, PUT, DELETE',
          'access-control-allow-headers': 'Authorization, Content-Type, If-Match, If-Modified-Since, If-None-Match, If-Unmodified-Since, X-Requested-With',
          'access-control-max-age': '86400',
        });
        res.end();
        return;
      }
    }
    requests.push(path);
    authorizations.push(req.headers.authorization);
    const fault = faults.get(path) ?? [...faults].find(([k]) => k.endsWith('*') && path.startsWith(k.slice(0, -1)))?.[1];
    const json = (body: unknown, prefix = '') => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(prefix + JSON.stringify(body));
    };
    const answer = (body: unknown | undefined, prefix = '') => {
      if (body === undefined) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('Not found');
      } else json(body, prefix);
    };
    const respond = () => {
      let m: RegExpExecArray | null;
      const base = `http://${req.headers.host}`;
      if ((m = /^\/gerrit\/changes\/(\d+)$/.exec(path))) {
        const c = data.changes?.[Number(m[1])];
        const body = c && {
          id: `${c.project}~master~I${m[1]}`,
          project: c.project,
          branch: 'master',
          subject: c.subject,
          status: c.status,
          _number: Number(m[1]),
          owner: c.owner ? { _account_id: 1, name: c.owner } : { _account_id: 1 },
        };
        return answer(body, ")]}'\n");
      }
      if ((m = /^\/launchpad\/bugs\/(\d+)(\/bug_tasks)?$/.exec(path))) {
        const b = data.bugs?.[Number(m[1])];
        if (!b) return answer(undefined);
        if (m[2]) {
          return answer({
            total_size: b.tasks.length,
            start: 0,
            entries: b.tasks.map((t) => ({
              bug_target_name: t.target,
              status: t.status,
              importance: t.importance ?? 'Undecided',
              target_link: `${base}/launchpad/${t.target}`,
              self_link: `${base}/launchpad/${t.target}/+bug/${m![1]}`,
            })),
          });
        }
        return answer({
          id: Number(m[1]),
          title: b.title,
          self_link: `${base}/launchpad/bugs/${m[1]}`,
          bug_tasks_collection_link: `${base}/launchpad/bugs/${m[1]}/bug_tasks`,
          resource_type_link: `${base}/launchpad/#bug`,
        });
      }
      if ((m = /^\/launchpad\/(.+)\/\+spec\/([^/]+)$/.exec(path))) {
        const s = data.specs?.[`${m[1]}/${m[2]}`];
        return answer(s && { name: m[2], title: s.title, implementation_status: s.implementation_status, target_link: `${base}/launchpad/${m[1]}` });
      }
      if ((m = /^\/storyboard\/(stories|tasks)\/(\d+)$/.exec(path))) {
        const s = (m[1] === 'stories' ? data.stories : data.tasks)?.[Number(m[2])];
        return answer(s && { id: Number(m[2]), title: s.title, status: s.status });
      }
      const other = otherTrackerAnswer(path, data, base);
      if (other) {
        res.writeHead(other.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(other.body));
        return;
      }
      answer(undefined);
    };
    if (!fault) return respond();
    switch (fault.type) {
      case 'slow':
        setTimeout(() => {
          if (!res.destroyed) respond();
        }, fault.ms).unref();
        return;
      case 'status': {
        const n = (counts.get(path) ?? 0) + 1;
        counts.set(path, n);
        if (fault.times !== undefined && n > fault.times) return respond();
        res.writeHead(fault.status, fault.retryAfter ? { 'retry-after': fault.retryAfter } : {});
        res.end(`status ${fault.status}`);
        return;
      }
      case 'malformed':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(')]}\'\n{"subject": "half');
        return;
      case 'huge':
        // no content-length: the cap must hold on the stream itself
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(`{"title": "${'x'.repeat(fault.bytes)}"}`);
        return;
      case 'redirect':
        res.writeHead(302, { location: fault.location });
        res.end();
        return;
      case 'rate-limit':
        res.writeHead(403, {
          'content-type': 'application/json',
          'x-ratelimit-limit': req.headers.authorization ? '5000' : '60',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': String(fault.reset ?? Math.floor(Date.now() / 1000) + 3600),
        });
        res.end(JSON.stringify({ message: 'API rate limit exceeded for 127.0.0.1.' }));
        return;
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    gerrit: `${origin}/gerrit`,
    launchpad: `${origin}/launchpad`,
    storyboard: `${origin}/storyboard`,
    github: `${origin}/github`,
    gitlab: `${origin}/gitlab`,
    jira: `${origin}/jira`,
    bugzilla: `${origin}/bugzilla`,
    requests,
    authorizations,
    faults,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** GitHub's, GitLab's, Jira's and Bugzilla's answers: a status and a body, or undefined for a path none of them has. */
function otherTrackerAnswer(path: string, data: FakeData, base: string): { status: number; body: unknown } | undefined {
  return githubAnswer(path, data, base) ?? gitlabJiraBugzillaAnswer(path, data);
}

function githubAnswer(path: string, data: FakeData, base: string): { status: number; body: unknown } | undefined {
  let m: RegExpExecArray | null;
  const answer = (body: unknown) => (body === undefined ? { status: 404, body: { message: 'Not Found' } } : { status: 200, body });
  if ((m = /^\/github\/repos\/([^/]+\/[^/]+)\/(pulls|issues)\/(\d+)$/.exec(path))) {
    const i = data.github?.[`${m[1]}#${m[3]}`];
    if (!i || (m[2] === 'pulls' && !i.pull)) return answer(undefined);
    const mergedAt = i.merged === true ? '2016-01-27T10:00:00Z' : null;
    const common = { number: Number(m[3]), title: i.title, state: i.state, user: { login: i.user ?? 'octocat' } };
    if (m[2] === 'pulls') return answer({ ...common, draft: i.draft === true, merged: i.merged === true, merged_at: mergedAt });
    return answer(i.pull ? { ...common, pull_request: { url: `${base}${path}`, merged_at: mergedAt } } : common);
  }
  if ((m = /^\/github\/repos\/([^/]+\/[^/]+)\/commits\/([0-9a-f]+)$/.exec(path))) {
    const c = data.commits?.[`${m[1]}@${m[2]}`];
    // GitHub's answer for a hash the repository does not have
    if (!c) return { status: 422, body: { message: `No commit found for SHA: ${m[2]}` } };
    return answer({ sha: m[2], commit: { message: c.message, author: { name: c.author ?? 'Octo Cat' } }, author: { login: c.author ?? 'octocat' } });
  }
  return undefined;
}

/** GitLab's, Jira's and Bugzilla's answers. */
function gitlabJiraBugzillaAnswer(path: string, data: FakeData): { status: number; body: unknown } | undefined {
  let m: RegExpExecArray | null;
  const answer = (body: unknown) => (body === undefined ? { status: 404, body: { message: 'Not Found' } } : { status: 200, body });
  if ((m = /^\/gitlab\/projects\/(.+)\/(merge_requests|issues)\/(\d+)$/.exec(path))) {
    const i = data.gitlab?.[`${m[1]}${m[2] === 'issues' ? '#' : '!'}${m[3]}`];
    return answer(i && { iid: Number(m[3]), title: i.title, state: i.state, draft: i.draft === true, author: { username: i.author ?? 'gitlab-user' } });
  }
  if ((m = /^\/gitlab\/projects\/(.+)\/repository\/commits\/([0-9a-f]+)$/.exec(path))) {
    const c = data.commits?.[`${m[1]}@${m[2]}`];
    return answer(c && { id: m[2], title: c.message.split('\n')[0], message: c.message, author_name: c.author ?? 'GitLab User' });
  }
  if ((m = /^\/jira\/issue\/([A-Z][A-Z0-9_]*-\d+)$/.exec(path))) {
    const i = data.jira?.[m[1]];
    return answer(i && { key: m[1], fields: { summary: i.summary, status: { name: i.status }, resolution: i.resolution ? { name: i.resolution } : null } });
  }
  if ((m = /^\/bugzilla\/bug\/(\d+)$/.exec(path))) {
    const b = data.bugzilla?.[Number(m[1])];
    // Bugzilla's error for a bug number it does not have
    if (!b) return { status: 404, body: { error: true, code: 101, message: `Bug #${m[1]} does not exist.` } };
    return answer({ bugs: [{ id: Number(m[1]), summary: b.summary, status: b.status, resolution: b.resolution ?? '' }], faults: [] });
  }
  return undefined;
}
