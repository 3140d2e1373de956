// The link facts cache: answers (found or not found) by request URL, each kept for a time to live.
// Failures are never kept: the next look asks again. Its owner (the CLI, or the extension's
// LinkFactsService) loads it from disk once, and saves it when `dirty` says it changed, merged with
// what the file holds then (`mergedJson`: other runs and windows save theirs too); this module only
// holds it. An entry handed out is never changed afterwards (entries are replaced, not edited).
import type { FactsResult } from './linkFacts';

type Kept = Exclude<FactsResult, { state: 'failed' }>;

interface Entry {
  /** When it was answered, in ms since the epoch. */
  at: number;
  result: Kept;
}

/** This Midcycle's cache file version. */
const VERSION = 1;

/** What is written to disk: a version, so that another shape is dropped rather than misread. */
interface CacheFile {
  version: typeof VERSION;
  entries: Record<string, Entry>;
}

/** At most this many entries are kept: the oldest go first. */
const MAX_ENTRIES = 5000;

export class FactsCache {
  private entries = new Map<string, Entry>();
  /** URLs forgotten on purpose (a refresh), and when: the file's older answers for them stay forgotten. */
  private dropped = new Map<string, number>();
  /** When everything was forgotten, if it was. */
  private droppedAll = -Infinity;
  /** True when there is something not yet saved. */
  dirty = false;

  constructor(readonly ttlMs: number) {}

  /** A cache read from its file's text; an unreadable file is an empty cache (it is only a cache). */
  static fromJson(text: string | undefined, ttlMs: number, now = Date.now()): FactsCache {
    const cache = new FactsCache(ttlMs);
    for (const [key, e] of readEntries(text, ttlMs, now)) cache.entries.set(key, e);
    return cache;
  }

  /**
   * What to save over a file that holds `text` now: this cache's answers with the file's that it
   * lacks or has older (another run's, another window's), or undefined when the file is a newer
   * Midcycle's, which is left as it is. Answers forgotten here on purpose are not taken back.
   */
  mergedJson(text: string | undefined, now = Date.now()): string | undefined {
    if (fileVersion(text) > VERSION) return undefined;
    const merged = new Map(this.entries);
    for (const [key, e] of readEntries(text, this.ttlMs, now)) {
      if (e.at <= this.droppedAll || e.at <= (this.dropped.get(key) ?? -Infinity)) continue;
      const ours = merged.get(key);
      if (!ours || ours.at < e.at) merged.set(key, e);
    }
    // the newest kept when over the cap
    const kept = [...merged].sort((a, b) => a[1].at - b[1].at).slice(-MAX_ENTRIES);
    const file: CacheFile = { version: VERSION, entries: Object.fromEntries(kept) };
    return JSON.stringify(file);
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
  drop(urls?: Iterable<string>, now = Date.now()): void {
    if (!urls) {
      this.entries.clear();
      this.dropped.clear();
      this.droppedAll = now;
    } else
      for (const u of urls) {
        this.entries.delete(u);
        this.dropped.set(u, now);
      }
    this.dirty = true;
  }

  toJson(): string {
    const file: CacheFile = { version: VERSION, entries: Object.fromEntries(this.entries) };
    return JSON.stringify(file);
  }
}

/** The file's version: 0 for none (no file, or not a cache's). */
function fileVersion(text: string | undefined): number {
  if (!text) return 0;
  try {
    const v = (JSON.parse(text) as Partial<CacheFile> | null)?.version;
    return typeof v === 'number' ? v : 0;
  } catch {
    return 0;
  }
}

/** The live entries of a file's text; none from a file that is half-written, foreign or another version's. */
function readEntries(text: string | undefined, ttlMs: number, now: number): [string, Entry][] {
  if (!text) return [];
  const out: [string, Entry][] = [];
  try {
    const file = JSON.parse(text) as Partial<CacheFile> | null;
    if (file?.version !== VERSION || !file.entries || typeof file.entries !== 'object') return [];
    for (const [key, e] of Object.entries(file.entries)) {
      if (typeof e?.at === 'number' && now - e.at < ttlMs && now >= e.at && isKept(e.result)) out.push([key, { at: e.at, result: e.result }]);
    }
  } catch {
    // a half-written or foreign file: start afresh
  }
  return out;
}

function isKept(r: unknown): r is Kept {
  const o = r as { state?: unknown; facts?: { kind?: unknown } } | undefined;
  return o?.state === 'not-found' || (o?.state === 'found' && typeof o.facts?.kind === 'string');
}
