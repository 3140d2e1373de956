// One polite GET, as the link facts client and the pad reader make them: a time-out, an answer cut
// off at a size cap (announced or streamed), redirects followed only within the host asked, a 429
// or 5xx retried after `Retry-After` (or a growing pause) a few times, and why it failed in a few
// words ("no answer within 10 s", "connection refused"). `fetch` is handed in, so this runs
// wherever the core does.

/** A failure that says the host is not worth asking again (it did not answer, refused, redirected away). */
export class HostDown extends Error {}

export interface FetchLimits {
  fetch: typeof globalThis.fetch;
  /** Per request, answer included. */
  timeoutMs: number;
  /** Largest answer read, in bytes. */
  maxBytes: number;
  /** The `user-agent` header; empty in a browser, which sends its own (Chromium drops a script's; Firefox asks for it in a CORS preflight, which GitHub's API refuses). */
  userAgent: string;
  /** The `accept` header. */
  accept: string;
  /** The `authorization` header, when the caller has credentials for this URL's origin. */
  authorization?: string;
}

export interface Answer {
  status: number;
  headers: Headers;
  /** The body of a 2xx answer; empty for the others. */
  text: string;
}

/** One request and its whole answer, within the time-out and the size cap; `signal` cancels it. */
export async function fetchOnce(url: string, limits: FetchLimits, signal?: AbortSignal): Promise<Answer> {
  if (signal?.aborted) throw new Error('cancelled');
  const control = new AbortController();
  const onAbort = () => control.abort();
  signal?.addEventListener('abort', onAbort);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    control.abort();
  }, limits.timeoutMs);
  try {
    const response = await ask(url, limits, control.signal);
    const length = Number(response.headers.get('content-length'));
    if (length > limits.maxBytes) {
      await response.body?.cancel();
      throw new TooLarge(`answer of ${length} bytes, over the ${limits.maxBytes}-byte limit`);
    }
    const text = response.status >= 200 && response.status < 300 ? await readCapped(response, limits.maxBytes) : (await response.body?.cancel(), '');
    return { status: response.status, headers: response.headers, text };
  } catch (e) {
    if (timedOut) throw new HostDown(`no answer within ${limits.timeoutMs / 1000} s`, { cause: e });
    if (signal?.aborted) throw new Error('cancelled', { cause: e });
    if (e instanceof TooLarge || e instanceof HostDown) throw e;
    // Node's fetch says only "fetch failed": why is in its cause (or the cause's first error)
    const cause = (e as { cause?: { code?: string; message?: string; errors?: { code?: string }[] } }).cause;
    const code = cause?.code ?? cause?.errors?.[0]?.code;
    const words: Record<string, string> = {
      ECONNREFUSED: 'connection refused',
      ENOTFOUND: 'host not found',
      EAI_AGAIN: 'host not found',
      ECONNRESET: 'connection reset',
      ENETUNREACH: 'network unreachable',
      EHOSTUNREACH: 'host unreachable',
    };
    throw new HostDown(code ? (words[code] ?? code) : `could not connect (${cause?.message ?? (e as Error).message})`, { cause: e });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

/** The request, its redirects left to the caller (see redirectWithinHost), except one a browser hides. */
async function ask(url: string, limits: FetchLimits, signal: AbortSignal): Promise<Response> {
  const headers: Record<string, string> = { accept: limits.accept };
  // (none in a browser, which sends its own: see FetchLimits)
  if (limits.userAgent) headers['user-agent'] = limits.userAgent;
  if (limits.authorization) headers.authorization = limits.authorization;
  const response = await limits.fetch(url, { headers, redirect: 'manual', signal });
  if (response.type !== 'opaqueredirect') return response;
  // a browser hides a redirect's status and Location from a page (a renamed repository's API
  // answer): followed there, and its answer kept only when it came from the host asked
  const followed = await limits.fetch(url, { headers, redirect: 'follow', signal });
  if (new URL(followed.url || url).host !== new URL(url).host) {
    await followed.body?.cancel();
    throw new HostDown('redirected to another host');
  }
  return followed;
}

/** An answer over the size cap: the request failed, the host did not. */
export class TooLarge extends Error {}

async function readCapped(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new TooLarge(`answer over the ${maxBytes}-byte limit`);
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

/** Where a redirect leads, when it stays on `host` over http(s); else HostDown says where it led. */
export function redirectWithinHost(answer: Answer, from: string, host: string): string {
  const location = answer.headers.get('location');
  let next: URL | undefined;
  try {
    next = location ? new URL(location, from) : undefined;
  } catch {
    next = undefined;
  }
  if (!next || next.host !== host || !/^https?:$/.test(next.protocol))
    throw new HostDown(`redirected to ${next?.host || 'nowhere'}, which Midcycle does not follow`);
  return next.href;
}

/**
 * Milliseconds to wait before retry `attempt` of a 429 or 5xx: `Retry-After` (seconds or a date)
 * when the answer has one, else `backoffMs` doubled each time; undefined when that is over `maxMs`.
 */
export function retryWait(retryAfter: string | null, attempt: number, backoffMs: number, maxMs: number, now: number): number | undefined {
  let ms = backoffMs * 2 ** attempt;
  if (retryAfter) {
    const seconds = Number(retryAfter);
    const at = Number.isFinite(seconds) ? now + seconds * 1000 : Date.parse(retryAfter);
    if (Number.isFinite(at)) ms = Math.max(0, at - now);
  }
  return ms > maxMs ? undefined : ms;
}

/** Waits `ms`, or less when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done);
  });
}
