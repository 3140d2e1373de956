// One polite GET (src/core/facts/politeFetch.ts) as a browser makes it: no User-Agent of its own
// (the browser's goes; GitHub's CORS preflight does not allow a page's), and a redirect the browser
// hides from the page (an "opaque redirect": a renamed repository's API answer) followed within the
// host asked, never off it.
import * as assert from 'node:assert/strict';
import { fetchOnce, HostDown, type FetchLimits } from '../../../../src/core/facts/politeFetch';

type Call = { url: string; headers: Record<string, string>; redirect?: string };

/** A browser's fetch, as far as fetchOnce can tell: answers in turn, each call recorded. */
function browserFetch(answers: (() => Response)[], calls: Call[]): typeof globalThis.fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(input), headers: { ...(init?.headers as Record<string, string>) }, redirect: init?.redirect });
    return answers.shift()!();
  }) as typeof globalThis.fetch;
}

/** A Response as a browser hands it over: its `type` and `url` set as the browser sets them. */
function answer(body: string | null, init: ResponseInit, type: 'basic' | 'cors' | 'opaqueredirect', url: string): Response {
  const r = new Response(body, init);
  Object.defineProperty(r, 'type', { value: type });
  Object.defineProperty(r, 'url', { value: url });
  return r;
}

const limits = (fetch: typeof globalThis.fetch, userAgent = ''): FetchLimits => ({
  fetch,
  timeoutMs: 2000,
  maxBytes: 1 << 20,
  userAgent,
  accept: 'application/json',
});
const api = 'https://api.github.com/repos/old/name/pulls/1';

describe('a polite GET in a browser', () => {
  it('sends no User-Agent when it has none to send, and the authorization it was given', async () => {
    const calls: Call[] = [];
    const fetch = browserFetch([() => answer('{}', { status: 200 }, 'cors', api)], calls);
    await fetchOnce(api, { ...limits(fetch), authorization: 'Bearer t' });
    assert.deepEqual(calls[0].headers, { accept: 'application/json', authorization: 'Bearer t' });
    const desktop: Call[] = [];
    await fetchOnce(api, limits(browserFetch([() => answer('{}', { status: 200 }, 'basic', api)], desktop), 'midcycle/1 (VS Code)'));
    assert.equal(desktop[0].headers['user-agent'], 'midcycle/1 (VS Code)');
  });

  it('follows a redirect the browser hides when it stays on the host asked', async () => {
    const calls: Call[] = [];
    const moved = 'https://api.github.com/repositories/42/pulls/1';
    const fetch = browserFetch(
      [() => answer(null, { status: 200 }, 'opaqueredirect', api), () => answer('{"title":"x"}', { status: 200 }, 'cors', moved)],
      calls,
    );
    const got = await fetchOnce(api, limits(fetch));
    assert.equal(got.text, '{"title":"x"}');
    assert.deepEqual(
      calls.map((c) => c.redirect),
      ['manual', 'follow'],
    );
  });

  it('keeps no answer of another host a hidden redirect led to', async () => {
    const fetch = browserFetch(
      [() => answer(null, { status: 200 }, 'opaqueredirect', api), () => answer('{"title":"x"}', { status: 200 }, 'cors', 'https://evil.example/x')],
      [],
    );
    await assert.rejects(fetchOnce(api, limits(fetch)), (e: Error) => e instanceof HostDown && e.message === 'redirected to another host');
  });
});
