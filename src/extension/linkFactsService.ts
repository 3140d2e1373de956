// Link facts in the editor: the open drafts' links looked up (debounced after edits, a few at a time,
// each answer kept in the global storage's cache), their results held here for the tree, hovers,
// diagnostics and the export. In dist/linkFactsService.js, loaded once the writer allows looking
// links up; VS Code's API is handed in (this bundle never requires `vscode`). GitHub's API is asked
// with the user's GitHub session when VS Code has one (asked silently: never a prompt, never a token
// in the settings), sent to GitHub's API origin alone; signing in or out asks again what failed.
import type * as vscode from 'vscode';
import type { Diagnostic, Link, Report, SeveritySetting } from '../core';
import { FactsCache } from '../core/facts/factsCache';
import { FactsClient, RUN_LIMIT_REASON, type FactsClientOptions } from '../core/facts/factsClient';
import type { FactsCacheFile } from './platform/platform';
import { factDiagnostics } from '../core/facts/factRules';
import { factsRequest, GITHUB_API, linkFacts, type FactsApis, type FactsResult } from '../core/facts/linkFacts';
import { linkNotes, type AnnotateLinks } from '../core/facts/linkNotes';
import { linkFactsUserAgent } from '../core/facts/userAgent';
import type { LinkNotes } from '../core/export/emailBlocks';
import { reason, type Log } from './log';

/** Answers are kept an hour: a change merges, a bug is fixed, but rarely while a report is written. */
const CACHE_TTL_MS = 60 * 60 * 1000;
/** Lookups start this long after the last edit: a number being typed is not asked for digit by digit. */
const LOOKUP_DEBOUNCE_MS = 800;
/** A link whose lookup failed is asked again after this long (or on Refresh Link Facts), not on every edit. */
const RETRY_FAILED_MS = 5 * 60 * 1000;

export interface LinkFactsServiceOptions {
  apis: FactsApis;
  timeoutMs: number;
  /** The cache file, in the global storage folder. */
  cacheFile: vscode.Uri;
  /** Called when facts arrived (or were dropped): the tree, diagnostics and status bar read again. */
  changed: () => void;
  /** The Midcycle log: lookups that failed, a cache that could not be read or written. */
  log: Log;
  /** The cache file on a local disk, where the platform reads and saves it itself (merged under a lock, the user's alone). */
  localCache?: FactsCacheFile;
  /**
   * The one origin the user's GitHub session may go to: github.com's API (a GitHub Enterprise server
   * set as `apis.github` never gets it). The tests' fake GitHub stands in for it.
   */
  githubSessionOrigin?: string;
  /** False in a browser, which sends its own User-Agent (platform.ts setsUserAgent). */
  setsUserAgent?: false;
}

export class LinkFactsService {
  private readonly results = new Map<string, FactsResult>();
  /** The facts' diagnostics per report version (see diagnostics), dropped whenever the facts change. */
  private diagnosed = new WeakMap<Report, { severities: Readonly<Record<string, SeveritySetting>>; diagnostics: Diagnostic[] }>();
  /** When each failed lookup may be tried again. */
  private readonly retryAt = new Map<string, number>();
  private readonly trouble = new Map<string, string>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly running = new Set<AbortController>();
  private cache: FactsCache | undefined;
  private client: FactsClient | undefined;
  private saving: Promise<void> = Promise.resolve();
  /** The user's GitHub session, as an Authorization header for GitHub's API origin: asked once GitHub has links to read (`undefined` not yet asked). */
  private github: Promise<FactsClientOptions['credentials']> | undefined;
  /** The links each scheduled key last had: looked up again when the GitHub session changes. */
  private readonly watched = new Map<string, readonly Link[]>();
  private readonly sessions: vscode.Disposable;

  constructor(
    private readonly vscodeApi: typeof vscode,
    private options: LinkFactsServiceOptions,
  ) {
    this.sessions = vscodeApi.authentication.onDidChangeSessions((e) => {
      if (e.provider.id === 'github') void this.githubSessionChanged();
    });
  }

  /** New API settings: what was learnt from the old APIs no longer applies. */
  reconfigure(options: LinkFactsServiceOptions): void {
    this.options = options;
    this.client = undefined;
    this.github = undefined;
    this.results.clear();
    this.retryAt.clear();
    this.trouble.clear();
    this.factsChanged();
  }

  /** A link's facts (a bug's read for the project its link names), if looked up and answered. */
  resultOf = (link: Link): FactsResult | undefined => {
    const request = factsRequest(link, this.options.apis);
    const result = request && this.results.get(request.url);
    return result?.state === 'found' ? { state: 'found', facts: linkFacts(link, result.facts) } : result;
  };

  /**
   * The facts' diagnostics of a report version: asked by Problems, the status bar and every code
   * action request (each cursor move), so kept per report and severities until facts change.
   */
  diagnostics(report: Report, severities: Readonly<Record<string, SeveritySetting>>): Diagnostic[] {
    const kept = this.diagnosed.get(report);
    if (kept?.severities === severities) return kept.diagnostics;
    const diagnostics = factDiagnostics(report.links, this.resultOf, severities);
    this.diagnosed.set(report, { severities, diagnostics });
    return diagnostics;
  }

  /** Facts arrived or were dropped: what was worked out from the old ones goes, then the views read again. */
  private factsChanged(): void {
    this.diagnosed = new WeakMap();
    this.options.changed();
  }

  linkNotes(mode: AnnotateLinks, report: Report): LinkNotes | undefined {
    return linkNotes(mode, report.parse.hosts, this.options.apis, (url) => this.results.get(url));
  }

  /** "api.launchpad.net/1.0 (no answer within 10 s)", when some service could not be reached. */
  troubleText(): string | undefined {
    return this.trouble.size ? [...this.trouble].map(([service, why]) => `${service} (${why})`).join(', ') : undefined;
  }

  /** Looks up the links of a draft (or of a last report's action items) that are not known yet, after a pause (or at once). */
  schedule(key: string, report: { readonly links: readonly Link[] }, now = false): void {
    clearTimeout(this.timers.get(key));
    this.watched.set(key, report.links);
    const run = () => {
      this.timers.delete(key);
      void this.lookUp(report.links);
    };
    if (now) run();
    else this.timers.set(key, setTimeout(run, LOOKUP_DEBOUNCE_MS));
  }

  /** Forgets what is known of these links (memory and cache), and asks again. */
  async refresh(report: { readonly links: readonly Link[] }): Promise<void> {
    const requests = report.links.flatMap((l) => factsRequest(l, this.options.apis) ?? []);
    for (const r of requests) {
      this.results.delete(r.url);
      this.retryAt.delete(r.url);
    }
    (await this.loadCache()).drop(requests.map((r) => r.url));
    this.trouble.clear();
    this.factsChanged();
    await this.lookUp(report.links);
  }

  private async lookUp(links: readonly Link[]): Promise<void> {
    const now = Date.now();
    const requests = links
      .flatMap((l) => factsRequest(l, this.options.apis) ?? [])
      .filter((r) => !this.results.has(r.url) || (this.retryAt.get(r.url) ?? Infinity) <= now);
    if (!requests.length) return;
    const cache = await this.loadCache();
    // GitHub's links: the session asked first, once (a client made before without it is made anew)
    if (!this.github && requests.some((r) => r.tracker === 'github')) {
      this.github = this.githubCredentials();
      this.client = undefined;
    }
    const credentials = await this.github;
    this.client ??= new FactsClient({
      fetch: globalThis.fetch.bind(globalThis),
      cache,
      timeoutMs: this.options.timeoutMs,
      userAgent: this.options.setsUserAgent === false ? '' : linkFactsUserAgent('VS Code'),
      credentials,
    });
    const control = new AbortController();
    this.running.add(control);
    try {
      const run = await this.client.lookup(requests, control.signal);
      if (control.signal.aborted) return;
      let failed = 0;
      for (const [url, result] of run.results) {
        // left unasked at the lookup's limit: asked by the next lookup, as if never asked
        if (result.state === 'failed' && result.reason === RUN_LIMIT_REASON) continue;
        this.results.set(url, result);
        if (result.state === 'failed') {
          this.retryAt.set(url, Date.now() + RETRY_FAILED_MS);
          this.options.log.debug(`could not look up ${url}: ${result.reason}`);
          failed++;
        } else this.retryAt.delete(url);
      }
      this.options.log.info(`looked up ${run.results.size} link(s)${failed ? `, ${failed} failed` : ''}`);
      for (const [service, why] of run.trouble) this.options.log.warn(`could not look links up: ${service}: ${why}`);
      if (run.limit)
        this.options.log.warn(`stopped looking links up after ${run.limit.reached} (a lookup's limit): ${run.limit.unasked} links left for the next lookup`);
      for (const [service, why] of run.trouble) this.trouble.set(service, why);
      for (const service of new Set(requests.map((r) => r.service))) if (!run.trouble.has(service)) this.trouble.delete(service);
      this.factsChanged();
      if (cache.dirty) this.save(cache);
    } finally {
      this.running.delete(control);
    }
  }

  /**
   * The user's GitHub session as VS Code has it, for GitHub's API origin alone: asked silently (no
   * prompt, no sign-in badge); undefined when signed out or when VS Code has no GitHub sign-in.
   */
  private async githubCredentials(): Promise<FactsClientOptions['credentials']> {
    try {
      const origin = new URL(this.options.apis.github ?? GITHUB_API).origin;
      if (origin !== (this.options.githubSessionOrigin ?? new URL(GITHUB_API).origin)) return undefined;
      const session = await this.vscodeApi.authentication.getSession('github', [], { createIfNone: false, silent: true });
      if (!session) return undefined;
      return { origin, authorization: `Bearer ${session.accessToken}` };
    } catch (e) {
      this.options.log.debug(`no GitHub session: ${reason(e)}`);
      return undefined;
    }
  }

  /**
   * Signed in or out of GitHub: a new client, and asked again what failed (GitHub's rate limit, most
   * often) and GitHub's items that were not found (a private repository's are not found without the
   * session), in memory and in the cache.
   */
  private async githubSessionChanged(): Promise<void> {
    this.github = undefined;
    this.client = undefined;
    const githubUrls = new Set(
      [...this.watched.values()]
        .flatMap((links) => links.flatMap((l) => factsRequest(l, this.options.apis) ?? []).filter((r) => r.tracker === 'github'))
        .map((r) => r.url),
    );
    const dropped = [...this.results]
      .filter(([url, result]) => result.state === 'failed' || (result.state === 'not-found' && githubUrls.has(url)))
      .map(([url]) => url);
    for (const url of dropped) {
      this.results.delete(url);
      this.retryAt.delete(url);
    }
    (await this.loadCache()).drop(dropped);
    this.trouble.clear();
    this.factsChanged();
    for (const links of this.watched.values()) void this.lookUp(links);
  }

  private async loadCache(): Promise<FactsCache> {
    if (this.cache) return this.cache;
    const text = await this.readCacheFile();
    this.cache ??= FactsCache.fromJson(text, CACHE_TTL_MS);
    return this.cache;
  }

  private async readCacheFile(): Promise<string | undefined> {
    const local = this.options.localCache;
    if (local?.handles(this.cacheUri())) return local.read(this.cacheUri());
    try {
      return new TextDecoder().decode(await this.vscodeApi.workspace.fs.readFile(this.cacheUri()));
    } catch (e) {
      // most often no cache yet
      this.options.log.debug(`no link facts cache read from ${this.cacheUri().toString()}: ${reason(e)}`);
      return undefined;
    }
  }

  private cacheUri(): vscode.Uri {
    return this.options.cacheFile;
  }

  /**
   * Saved one write after another, merged with what the file holds then (another window saves its
   * answers there too; a newer Midcycle's file is left alone); a cache that cannot be written is only
   * a slower next session.
   */
  private save(cache: FactsCache): void {
    this.saving = this.saving.then(async () => {
      const file = this.cacheUri();
      try {
        let saved: 'saved' | 'newer' | 'not-ours';
        const local = this.options.localCache;
        if (local?.handles(file)) saved = local.save(file, cache);
        else {
          await this.vscodeApi.workspace.fs.createDirectory(this.vscodeApi.Uri.joinPath(file, '..'));
          const json = cache.mergedJson(await this.readCacheFile());
          if (json !== undefined) await this.vscodeApi.workspace.fs.writeFile(file, new TextEncoder().encode(json));
          saved = json === undefined ? 'newer' : 'saved';
        }
        cache.dirty = false;
        if (saved === 'newer') this.options.log.info(`the link facts cache at ${file.toString()} is a newer Midcycle's: left as it is`);
        else if (saved === 'not-ours') this.options.log.warn(`something other than a cache file is at ${file.toString()}: the link facts cache is not saved`);
      } catch (e) {
        // nothing lost but time: the next lookup's save tries again
        this.options.log.warn(`could not save the link facts cache to ${file.toString()}: ${reason(e)}`);
      }
    });
  }

  dispose(): void {
    this.sessions.dispose();
    for (const t of this.timers.values()) clearTimeout(t);
    for (const c of this.running) c.abort();
  }
}
