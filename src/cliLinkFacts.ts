// `--online` for the CLI: the draft's links looked up in their trackers (Gerrit, Launchpad, StoryBoard,
// GitHub, GitLab, Jira, Bugzilla) through the core's client, with Node's fetch and a cache file under
// $XDG_CACHE_HOME/midcycle. What is sent: an item's number, key, hash or name, in the URL of one GET;
// never the draft. GITHUB_TOKEN, when set, goes with the requests to GitHub's API origin alone.
import * as os from 'node:os';
import * as path from 'node:path';
import type { Link, Report } from './core';
import { readFactsCacheFile, saveFactsCacheFile } from './factsCacheFile';
import { linkFactsModule } from './core/facts/linkFactsBundle';
import { linkFactsUserAgent } from './core/facts/userAgent';
import type { FactsApis, FactsCache, FactsResult, FactsRun } from './core/facts/linkFactsModule';

/** Answers are kept this long: a change merges, a bug is fixed, but rarely while a report is written. */
export const CACHE_TTL_MS = 60 * 60 * 1000;

export interface OnlineFlags {
  apis: FactsApis;
  cache: boolean;
  timeoutMs: number;
  /** All the lookups of a run, all told. */
  runMs: number;
  /** GITHUB_TOKEN's, for GitHub's API origin alone: never printed. */
  credentials?: { origin: string; authorization: string };
}

export interface OnlineFacts {
  /** A link's facts: undefined when not asked or not answered. */
  resultOf(link: Link): FactsResult | undefined;
  /** The answer to a request URL (for the export's link notes). */
  byUrl(url: string): FactsResult | undefined;
  /** Looks up the links not yet known (after --fix changed the draft). */
  add(links: readonly Link[]): Promise<void>;
  /** A line for stderr when some service could not be reached, one when the run's cap was reached; else undefined. */
  trouble(): string | undefined;
}

export function cacheFile(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(os.homedir(), '.cache');
  return path.join(base, 'midcycle', 'link-facts.json');
}

export async function lookUpLinks(report: Report, flags: OnlineFlags): Promise<OnlineFacts> {
  const m = linkFactsModule();
  const file = cacheFile();
  const cacheText = flags.cache ? readFactsCacheFile(file) : undefined;
  const cache = flags.cache ? m.FactsCache.fromJson(cacheText, CACHE_TTL_MS) : undefined;
  const client = new m.FactsClient({
    fetch,
    cache,
    timeoutMs: flags.timeoutMs,
    maxRunMs: flags.runMs,
    userAgent: linkFactsUserAgent('CLI'),
    credentials: flags.credentials,
  });
  const results = new Map<string, FactsResult>();
  const trouble = new Map<string, string>();
  let limit: { reached: string; unasked: number } | undefined;
  const add = async (links: readonly Link[]) => {
    const requests = links.flatMap((l) => m.factsRequest(l, flags.apis) ?? []).filter((r) => !results.has(r.url));
    if (!requests.length) return;
    // with GITHUB_TOKEN, GitHub's items kept as not found are asked again: a private repository's
    // are not found without a token
    if (flags.credentials && cache) {
      const again = requests.filter((r) => r.tracker === 'github' && cache.get(r.url)?.state === 'not-found').map((r) => r.url);
      if (again.length) cache.drop(again);
    }
    const run: FactsRun = await client.lookup(requests);
    for (const [url, r] of run.results) results.set(url, r);
    for (const [service, why] of run.trouble) if (!trouble.has(service)) trouble.set(service, why);
    if (run.limit) limit = { reached: run.limit.reached, unasked: (limit?.unasked ?? 0) + run.limit.unasked };
    if (cache?.dirty) saveCache(file, cache);
  };
  await add(report.links);
  return {
    resultOf: (link) => {
      const r = m.factsRequest(link, flags.apis);
      return r && results.get(r.url);
    },
    byUrl: (url) => results.get(url),
    add,
    trouble: () => {
      const lines = [];
      if (trouble.size)
        lines.push(
          `midcycle: could not read link facts from ${[...trouble].map(([s, why]) => `${s} (${why})`).join(', ')}: ${trouble.size === 1 ? 'its' : 'their'} links were not checked online`,
        );
      if (limit)
        lines.push(
          `midcycle: stopped looking links up after ${limit.reached} (a run's limit): ${limit.unasked} link${limit.unasked === 1 ? ' was' : 's were'} not checked online${flags.cache ? '; run again to look up the rest (the answers so far are kept)' : ''}`,
        );
      return lines.length ? lines.join('\n') : undefined;
    },
  };
}

/** Best effort: a cache that cannot be written is only a slower next run. */
function saveCache(file: string, cache: FactsCache): void {
  try {
    saveFactsCacheFile(file, cache);
  } catch {
    // read-only home, full disk, a lock held too long: nothing lost but time
  }
}

/**
 * GITHUB_TOKEN as the Authorization header for GitHub's API origin (the --github-api base's, else
 * https://api.github.com); undefined when it is not set.
 */
export function githubCredentials(env: NodeJS.ProcessEnv, apis: FactsApis, defaultApi: string): OnlineFlags['credentials'] {
  const token = env.GITHUB_TOKEN?.trim();
  if (!token) return undefined;
  // a token with a line break or a control character in it is no token: never a header of it
  if ([...token].some((c) => c.charCodeAt(0) <= 0x20 || c.charCodeAt(0) === 0x7f))
    throw new FlagError('GITHUB_TOKEN holds a space or a control character: it is no token');
  return { origin: new URL(apis.github ?? defaultApi).origin, authorization: `Bearer ${token}` };
}

/** The API flags into the APIs, over the defaults: `--gerrit-api HOST=BASE` (or BASE alone, for every Gerrit host) and the others'. */
export function apisFromFlags(
  values: { gerrit?: string[]; launchpad?: string; storyboard?: string[]; github?: string; gitlab?: string[]; jira?: string[]; bugzilla?: string[] },
  gerritHosts: readonly string[],
  storyboardHosts: readonly string[],
  defaults: FactsApis,
): FactsApis {
  const byHost = (
    flags: readonly string[] | undefined,
    hosts: readonly string[],
    base: Readonly<Record<string, string>>,
    flag: string,
  ): Record<string, string> => {
    const out: Record<string, string> = { ...base };
    for (const f of flags ?? []) {
      const eq = f.indexOf('=');
      const [host, api] = eq > 0 && !/^https?:/i.test(f) ? [f.slice(0, eq).toLowerCase(), f.slice(eq + 1)] : [undefined, f];
      checkBase(api, flag);
      for (const h of host ? [host] : hosts) out[h] = api;
    }
    return out;
  };
  /** HOST=BASE alone: Jira's and Bugzilla's hosts are too many for a BASE of every one. */
  const named = (flags: readonly string[] | undefined, base: Readonly<Record<string, string>> | undefined, flag: string): Record<string, string> => {
    const out: Record<string, string> = { ...base };
    for (const f of flags ?? []) {
      const eq = f.indexOf('=');
      if (!(eq > 0 && !/^https?:/i.test(f))) throw new FlagError(`${flag} needs HOST=BASE, not "${f}"`);
      const api = f.slice(eq + 1);
      checkBase(api, flag);
      out[f.slice(0, eq).toLowerCase()] = api;
    }
    return out;
  };
  if (values.launchpad !== undefined) checkBase(values.launchpad, '--launchpad-api');
  if (values.github !== undefined) checkBase(values.github, '--github-api');
  return {
    gerrit: byHost(values.gerrit, gerritHosts, defaults.gerrit, '--gerrit-api'),
    launchpad: values.launchpad ?? defaults.launchpad,
    storyboard: byHost(values.storyboard, storyboardHosts, defaults.storyboard, '--storyboard-api'),
    github: values.github ?? defaults.github,
    // a BASE alone is gitlab.com's
    gitlab: byHost(values.gitlab, ['gitlab.com'], defaults.gitlab ?? {}, '--gitlab-api'),
    jira: named(values.jira, defaults.jira, '--jira-api'),
    bugzilla: named(values.bugzilla, defaults.bugzilla, '--bugzilla-api'),
  };
}

/** How each API flag is written, where it is not `--gerrit-api`'s HOST=BASE or BASE alone. */
const BASE_FORMS: Readonly<Record<string, string>> = {
  '--launchpad-api': '',
  '--github-api': '',
  '--gitlab-api': ' (HOST=BASE, or BASE for gitlab.com)',
  '--jira-api': ' (HOST=BASE)',
  '--bugzilla-api': ' (HOST=BASE)',
};

function checkBase(base: string, flag: string): void {
  let ok: boolean;
  try {
    ok = /^https?:$/.test(new URL(base).protocol);
  } catch {
    ok = false;
  }
  if (!ok) throw new FlagError(`${flag} needs an http(s) URL${BASE_FORMS[flag] ?? ' (HOST=BASE, or BASE for every host)'}, not "${base}"`);
}

export class FlagError extends Error {}
