// An etherpad's text, read from its text export (`<pad URL>/export/txt`, by the URL's own scheme) on
// a host the writer names as an etherpad host, with the link facts client's manners
// (facts/politeFetch.ts): a time-out, a size cap, redirects only within the host, a 429 or 5xx
// retried after a pause. A pad that cannot be read says why in one line (PadError). `fetch` is
// handed in.
import { fetchOnce, HostDown, redirectWithinHost, retryWait, sleep, TooLarge } from '../facts/politeFetch';

/**
 * Etherpad hosts that moved: etherpad.openstack.org answers with a redirect to etherpad.opendev.org,
 * where OpenStack's pads went in 2020. Its pads are read there at once, as a redirect off the host
 * is refused.
 */
const MOVED_PADS: Readonly<Record<string, string>> = { 'etherpad.openstack.org': 'etherpad.opendev.org' };

/** Why a pad could not be read, in the words of one line. */
export class PadError extends Error {}

export interface PadLocation {
  /** The pad's own address, as the writer gave it (without its query or fragment). */
  pad: string;
  /** Where its text export is read. */
  exportUrl: string;
  /** The pad's name. */
  name: string;
}

/** Whether a string is a web address at all (the CLI's argument: a pad's URL or a file). */
export function isWebAddress(text: string): boolean {
  return /^https?:\/\//i.test(text.trim());
}

/**
 * Where a pad's text export is: `https://etherpad.opendev.org/p/nova-ptg` reads
 * `https://etherpad.opendev.org/p/nova-ptg/export/txt`. The host (with its port, if the URL has
 * one) must be one of `hosts` (`etherpad.opendev.org`, `127.0.0.1:9001`).
 */
export function padLocation(address: string, hosts: readonly string[]): PadLocation {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    throw new PadError(`${address} is not a web address`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new PadError(`${address} is not an http or https address`);
  const host = url.host.toLowerCase();
  if (!hosts.map((h) => h.toLowerCase()).includes(host))
    throw new PadError(
      `${host} is not an etherpad host Midcycle knows (${hosts.join(', ')}): add it with --etherpad-host ${host} (in VS Code, the midcycle.hosts.etherpad setting)`,
    );
  // `/p/<name>`, after a prefix where the etherpad is not at the root; `/timeslider`, `/export/…` after it
  const m = /^(.*?\/p\/([^/]+))(?:\/.*)?$/.exec(url.pathname);
  if (!m || !m[2]) throw new PadError(`${address} names no pad (an etherpad's address is ${url.protocol}//${host}/p/<name>)`);
  const moved = MOVED_PADS[host];
  const origin = moved ? `https://${moved}` : url.origin;
  return { pad: `${url.origin}${m[1]}`, exportUrl: `${origin}${m[1]}/export/txt`, name: safeDecode(m[2]) };
}

export interface PadReading {
  fetch: typeof globalThis.fetch;
  /** Per request. Default 10 s. */
  timeoutMs?: number;
  /** Largest text read. Default 1 MiB, the link facts client's cap. */
  maxBytes?: number;
  userAgent: string;
  signal?: AbortSignal;
  /** Retries of a 429 or 5xx answer. Default 2. */
  retries?: number;
  /** The first pause before a retry without `Retry-After`, doubled each time. Default 500 ms. */
  backoffMs?: number;
}

/** The pad's text, or a PadError that says in one line why it could not be read. */
export async function readPad(location: PadLocation, reading: PadReading): Promise<string> {
  const limits = {
    fetch: reading.fetch,
    timeoutMs: reading.timeoutMs ?? 10_000,
    maxBytes: reading.maxBytes ?? 1 << 20,
    userAgent: reading.userAgent,
    accept: 'text/plain',
  };
  const host = new URL(location.exportUrl).host;
  let target = location.exportUrl;
  const why = (words: string) => new PadError(`cannot read the pad ${location.pad}: ${words}`);
  try {
    for (let attempt = 0, redirects = 0; ;) {
      const answer = await fetchOnce(target, limits, reading.signal);
      const { status } = answer;
      if (status >= 300 && status < 400) {
        target = redirectWithinHost(answer, target, host);
        if (++redirects > 3) throw why('too many redirects');
        continue;
      }
      if (status === 404 || status === 410) throw why(`there is no such pad (HTTP ${status})`);
      if (status === 401 || status === 403) throw why(`the pad is not public (HTTP ${status})`);
      if (status === 429 || status >= 500) {
        const wait = retryWait(answer.headers.get('retry-after'), attempt, reading.backoffMs ?? 500, 30_000, Date.now());
        if (attempt >= (reading.retries ?? 2) || wait === undefined) throw why(status === 429 ? 'too many requests (HTTP 429)' : `HTTP ${status}`);
        attempt++;
        await sleep(wait, reading.signal);
        continue;
      }
      if (status < 200 || status >= 300) throw why(`HTTP ${status}`);
      // a login page or an error page served as 200 is no pad's text
      if (/^\s*text\/html\b/i.test(answer.headers.get('content-type') ?? '') || /^\s*<!doctype html/i.test(answer.text))
        throw why('the answer is a web page, not the text of a pad');
      return answer.text;
    }
  } catch (e) {
    if (e instanceof PadError) throw e;
    if (e instanceof HostDown || e instanceof TooLarge) throw why(e.message);
    throw why((e as Error).message);
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
