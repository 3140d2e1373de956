// The link facts cache: answers (found or not found) by request URL, each kept for a time to live.
// Failures are never kept: the next look asks again. Its owner (the CLI, or the extension's
// LinkFactsService) loads it from disk once, and saves it when `dirty` says it changed; this module
// only holds it. An entry handed out is never changed afterwards (entries are replaced, not edited).
import type { FactsResult } from './linkFacts';

type Kept = Exclude<FactsResult, { state: 'failed' }>;

interface Entry {
  /** When it was answered, in ms since the epoch. */
  at: number;
  result: Kept;
}

/** What is written to disk: a version, so that another shape is dropped rather than misread. */
interface CacheFile {
  version: 1;
  entries: Record<string, Entry>;
}

/** At most this many entries are kept: the oldest go first. */
const MAX_ENTRIES = 5000;

export class FactsCache {
  private entries = new Map<string, Entry>();
  /** True when there is something not yet saved. */
  dirty = false;

  constructor(readonly ttlMs: number) {}

  /** A cache read from its file's text; an unreadable file is an empty cache (it is only a cache). */
  static fromJson(text: string | undefined, ttlMs: number, now = Date.now()): FactsCache {
    const cache = new FactsCache(ttlMs);
    if (!text) return cache;
    try {
      const file = JSON.parse(text) as Partial<CacheFile>;
      if (file.version !== 1 || !file.entries || typeof file.entries !== 'object') return cache;
      for (const [key, e] of Object.entries(file.entries)) {
        if (typeof e?.at === 'number' && now - e.at < ttlMs && now >= e.at && isKept(e.result)) cache.entries.set(key, { at: e.at, result: e.result });
      }
    } catch {
      // a half-written or foreign file: start afresh
    }
    return cache;
  }

  get(url: string, now = Date.now()): Kept | undefined {
    const e = this.entries.get(url);
    if (!e) return undefined;
    if (now - e.at >= this.ttlMs || now < e.at) {
      this.entries.delete(url);
      return undefined;
    }
    return e.result;
  }

  set(url: string, result: FactsResult, now = Date.now()): void {
    if (result.state === 'failed') return;
    this.entries.delete(url); // re-inserted last: the Map's order is the age order
    this.entries.set(url, { at: now, result });
    while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    this.dirty = true;
  }

  /** Forgets these URLs (a refresh), or everything. */
  drop(urls?: Iterable<string>): void {
    if (!urls) this.entries.clear();
    else for (const u of urls) this.entries.delete(u);
    this.dirty = true;
  }

  toJson(): string {
    const file: CacheFile = { version: 1, entries: Object.fromEntries(this.entries) };
    return JSON.stringify(file);
  }
}

function isKept(r: unknown): r is Kept {
  const o = r as { state?: unknown; facts?: { kind?: unknown } } | undefined;
  return o?.state === 'not-found' || (o?.state === 'found' && typeof o.facts?.kind === 'string');
}
