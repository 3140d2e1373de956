// A fake Gerrit, Launchpad and StoryBoard on 127.0.0.1, answering as their API documentation shows
// (Gerrit's `)]}'` line included), with faults on demand. Used by the unit, CLI and integration
// tests: nothing in them reaches beyond this machine.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault =
  | { type: 'slow'; ms: number }
  | { type: 'status'; status: number; times?: number; retryAfter?: string }
  | { type: 'malformed' }
  | { type: 'huge'; bytes: number }
  | { type: 'redirect'; location: string };

export interface FakeData {
  /** Gerrit changes by number: what `GET /changes/<n>` answers. */
  changes?: Record<number, { subject: string; status: 'NEW' | 'MERGED' | 'ABANDONED'; project: string; owner?: string }>;
  /** Launchpad bugs by number, with the projects their tasks are in. */
  bugs?: Record<number, { title: string; tasks: { target: string; status: string; importance?: string }[] }>;
  /** Launchpad blueprints by `project/name`. */
  specs?: Record<string, { title: string; implementation_status: string }>;
  stories?: Record<number, { title: string; status: string }>;
  tasks?: Record<number, { title: string; status: string }>;
}

export interface FakeServices {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  gerrit: string;
  launchpad: string;
  storyboard: string;
  /** Paths asked, in order. */
  requests: string[];
  /** Faults by path (as asked, e.g. `/gerrit/changes/1`), or by a path's prefix ending in `*`. */
  faults: Map<string, Fault>;
  close(): Promise<void>;
}

export async function startFakeServices(data: FakeData): Promise<FakeServices> {
  const requests: string[] = [];
  const faults = new Map<string, Fault>();
  const counts = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
    requests.push(path);
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
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    gerrit: `${origin}/gerrit`,
    launchpad: `${origin}/launchpad`,
    storyboard: `${origin}/storyboard`,
    requests,
    faults,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
