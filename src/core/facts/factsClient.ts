// Asks the trackers' APIs for link facts, politely: a few requests in flight per API, a time-out on
// each, 429 and 5xx answers retried after `Retry-After` (or a growing pause), answers larger than a
// cap cut off, redirects followed only within the host. An API that says its rate limit is reached
// (GitHub's 60 requests an hour without a token) is asked no more in that run, and the run says
// why in the tracker's words. A host that cannot be reached
// is asked no more in that run (counted per API base, as that is what the draft's links share): its
// links get no facts, and the run says why, once. A run as a whole has a cap on its requests and its
// time (2,000 links of a slow host would take an hour): then the rest are left unasked, and the run
// says so. Each request is politeFetch.ts's (the pad reader's too). `fetch` is handed in (Node's, a
// browser's, or a test's), so this runs wherever the core does.
import type { FactsCache } from './factsCache';
import { parseServiceJson, readFacts, type FactsRequest, type FactsResult } from './linkFacts';
import { fetchOnce, HostDown, redirectWithinHost, retryWait, sleep, type Answer } from './politeFetch';

export interface FactsClientOptions {
  fetch: typeof globalThis.fetch;
  cache?: FactsCache;
  /** Per request, answer included. Default 10 s. */
  timeoutMs?: number;
  /** Requests in flight per API. Default 4. */
  perHost?: number;
  /** Largest answer read, in bytes. Default 1 MiB (a change or bug is a few KB). */
  maxBytes?: number;
  /** Retries of a 429 or 5xx answer. Default 2. */
  retries?: number;
  /** A `Retry-After` longer than this is not waited for: the host counts as unreachable. Default 30 s. */
  maxRetryAfterMs?: number;
  /** The first pause before a retry without `Retry-After`, doubled each time. Default 500 ms. */
  backoffMs?: number;
  userAgent?: string;
  now?: () => number;
  /** Requests of one lookup, all told (a bug is two). Default 4,000. */
  maxRequests?: number;
  /** One lookup's time, all told. Default 3 minutes. */
  maxRunMs?: number;
  /**
   * An Authorization header for one API's origin alone (the user's GitHub token, for
   * https://api.github.com): sent with no request to any other origin, kept nowhere.
   */
  credentials?: { origin: string; authorization: string };
}

export interface FactsRun {
  /** By request URL. */
  results: Map<string, FactsResult>;
  /** APIs (`host/path` of their base) whose links could not all be read, with the first reason. */
  trouble: Map<string, string>;
  /** When the run's cap was reached: which (`3 minutes`, `4000 requests`), and how many links were left unasked. */
  limit?: { reached: string; unasked: number };
}

/** The reason of a result left unasked when the run's cap was reached. */
export const RUN_LIMIT_REASON = 'the run reached its limit';

/** One lookup's state: its signal (the caller's, or the cap's), its requests so far, the cap once reached. */
interface RunState {
  signal: AbortSignal;
  requests: number;
  reached?: string;
}

export class FactsClient {
  private readonly o: Required<Omit<FactsClientOptions, 'cache' | 'credentials'>> & Pick<FactsClientOptions, 'cache' | 'credentials'>;

  constructor(options: FactsClientOptions) {
    this.o = {
      timeoutMs: 10_000,
      perHost: 4,
      maxBytes: 1 << 20,
      retries: 2,
      maxRetryAfterMs: 30_000,
      backoffMs: 500,
      userAgent: 'midcycle (link facts)',
      now: Date.now,
      maxRequests: 4000,
      maxRunMs: 180_000,
      ...options,
    };
  }

  /** Facts for every request (one lookup per URL); `onResult` hears each as it comes. */
  async lookup(requests: readonly FactsRequest[], signal?: AbortSignal, onResult?: (url: string, result: FactsResult) => void): Promise<FactsRun> {
    const run: FactsRun = { results: new Map(), trouble: new Map() };
    const byService = new Map<string, FactsRequest[]>();
    for (const r of requests) {
      if (run.results.has(r.url) || byService.get(r.service)?.some((q) => q.url === r.url)) continue;
      const kept = this.o.cache?.get(r.url, this.o.now());
      if (kept) {
        run.results.set(r.url, kept);
        onResult?.(r.url, kept);
        continue;
      }
      byService.set(r.service, [...(byService.get(r.service) ?? []), r]);
    }
    if (!byService.size) return run;
    const control = new AbortController();
    const state: RunState = { signal: control.signal, requests: 0 };
    const stop = () => control.abort();
    signal?.addEventListener('abort', stop);
    if (signal?.aborted) stop();
    const deadline = setTimeout(() => {
      state.reached ??= minutesOrSeconds(this.o.maxRunMs);
      stop();
    }, this.o.maxRunMs);
    let unasked = 0;
    await Promise.all(
      [...byService].map(async ([service, queue]) => {
        let down: string | undefined;
        const worker = async () => {
          for (let r = queue.shift(); r; r = queue.shift()) {
            let result: FactsResult;
            if (signal?.aborted) result = { state: 'failed', reason: 'cancelled' };
            else if (state.reached) result = { state: 'failed', reason: RUN_LIMIT_REASON };
            else if (down) result = { state: 'failed', reason: down };
            else {
              try {
                result = await this.one(r, state);
              } catch (e) {
                const reason = state.reached && !signal?.aborted ? RUN_LIMIT_REASON : (e as Error).message;
                if (e instanceof HostDown && !state.reached) down ??= reason;
                result = { state: 'failed', reason };
              }
            }
            if (result.state === 'failed' && result.reason === RUN_LIMIT_REASON) unasked++;
            else if (result.state === 'failed' && result.reason !== 'cancelled' && !run.trouble.has(service)) run.trouble.set(service, result.reason);
            else if (result.state !== 'failed') this.o.cache?.set(r.url, result, this.o.now());
            run.results.set(r.url, result);
            onResult?.(r.url, result);
          }
        };
        await Promise.all(Array.from({ length: Math.min(this.o.perHost, queue.length) }, worker));
      }),
    );
    clearTimeout(deadline);
    signal?.removeEventListener('abort', stop);
    if (state.reached && unasked) run.limit = { reached: state.reached, unasked };
    return run;
  }

  private async one(request: FactsRequest, run: RunState): Promise<FactsResult> {
    const main = await this.getJson(request.url, run, request);
    if (main === undefined) return { state: 'not-found' };
    const tasks = request.tasksUrl ? await this.tasksOf(request, main, run) : undefined;
    try {
      return { state: 'found', facts: readFacts(request, main, tasks) };
    } catch (e) {
      throw new Error(`unexpected answer (${(e as Error).message})`, { cause: e });
    }
  }

  /**
   * A Launchpad bug's tasks: at the bug's `bug_tasks_collection_link` when it is on the API's host,
   * else `<bug>/bug_tasks`; none when the bug has them inline. Without them the bug still has its
   * title (no task rule then): only a host that stopped answering fails the bug.
   */
  private async tasksOf(request: FactsRequest, bug: unknown, run: RunState): Promise<unknown> {
    const o = bug && typeof bug === 'object' ? (bug as Record<string, unknown>) : {};
    if (o.bug_tasks && typeof o.bug_tasks === 'object') return undefined;
    const link = typeof o.bug_tasks_collection_link === 'string' ? o.bug_tasks_collection_link : undefined;
    let url = request.tasksUrl!;
    try {
      if (link && new URL(link).host === new URL(request.url).host) url = link;
    } catch {
      // not a URL: ours, then
    }
    try {
      return await this.getJson(url, run, request);
    } catch (e) {
      if (e instanceof HostDown || run.reached) throw e;
      return undefined;
    }
  }

  /** The JSON at `url`, or undefined when the service says there is no such thing (404, 410, or what the request says). */
  private async getJson(url: string, run: RunState, request: FactsRequest): Promise<unknown> {
    const host = new URL(url).host;
    let target = url;
    for (let attempt = 0, redirects = 0; ;) {
      const answer = await this.fetchOnce(target, run);
      const { status } = answer;
      if ((status === 403 || status === 429) && answer.headers.get('x-ratelimit-remaining') === '0') {
        await sleep(this.rateLimitWait(answer, attempt++, request), run.signal);
        continue;
      }
      if (status >= 300 && status < 400) {
        target = redirectWithinHost(answer, target, host);
        if (++redirects > 3) throw new HostDown('too many redirects');
        continue;
      }
      // a token refused (expired, revoked) would be refused for every link: that API is asked no more
      if (status === 401 && answer.authorized) throw new HostDown('the token was refused (HTTP 401)');
      if (status === 404 || status === 410 || request.absentOn?.includes(status)) return undefined;
      // a 403 with a Retry-After is a rate limit too (GitHub's secondary limits)
      if (status === 429 || status >= 500 || (status === 403 && answer.headers.has('retry-after'))) {
        const wait = retryWait(answer.headers.get('retry-after'), attempt, this.o.backoffMs, this.o.maxRetryAfterMs, this.o.now());
        if (attempt >= this.o.retries || wait === undefined) throw new HostDown(status === 429 ? 'too many requests (HTTP 429)' : `HTTP ${status}`);
        attempt++;
        await sleep(wait, run.signal);
        continue;
      }
      if (status < 200 || status >= 300) throw new Error(`HTTP ${status}`);
      try {
        return parseServiceJson(answer.text);
      } catch (e) {
        throw new Error('unreadable answer (not JSON)', { cause: e });
      }
    }
  }

  /**
   * How long to wait when an API says its quota is spent (`x-ratelimit-remaining: 0`): waited for
   * only when it comes back soon, else the API is asked no more in the run, said in its tracker's
   * words (anonymous or signed in).
   */
  private rateLimitWait(answer: Answer & { authorized: boolean }, attempt: number, request: FactsRequest): number {
    const reset = Number(answer.headers.get('x-ratelimit-reset'));
    const wait = retryWait(
      answer.headers.get('retry-after') ?? (reset > 0 ? new Date(reset * 1000).toUTCString() : null),
      attempt,
      this.o.backoffMs,
      this.o.maxRetryAfterMs,
      this.o.now(),
    );
    if (attempt >= this.o.retries || wait === undefined) {
      const words = answer.authorized ? request.rateLimit?.signedIn : request.rateLimit?.anonymous;
      throw new HostDown(words ?? `its rate limit was reached (HTTP ${answer.status})`);
    }
    return wait;
  }

  /** One request of the run (counted against its cap) and its whole answer, within the time-out and the size cap; `authorized` when the credentials went with it. */
  private async fetchOnce(url: string, run: RunState): Promise<Answer & { authorized: boolean }> {
    if (run.signal.aborted) throw new Error('cancelled');
    if (++run.requests > this.o.maxRequests) {
      run.reached ??= `${this.o.maxRequests} requests`;
      throw new Error('cancelled');
    }
    const credentials = this.o.credentials;
    // the origin as the request is sent (a redirect within the host is asked here again): never another's
    const authorized = credentials !== undefined && new URL(url).origin === credentials.origin;
    const answer = await fetchOnce(
      url,
      {
        fetch: this.o.fetch,
        timeoutMs: this.o.timeoutMs,
        maxBytes: this.o.maxBytes,
        userAgent: this.o.userAgent,
        accept: 'application/json',
        authorization: authorized ? credentials.authorization : undefined,
      },
      run.signal,
    );
    return { ...answer, authorized };
  }
}

/** `3 minutes`, `90 seconds`: a cap in the words of a one-line message. */
function minutesOrSeconds(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s % 60 === 0 && s >= 60) return `${s / 60} minute${s === 60 ? '' : 's'}`;
  return `${s} second${s === 1 ? '' : 's'}`;
}
