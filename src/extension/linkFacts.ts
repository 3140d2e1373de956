// Link facts, as the rest of the extension sees them: off until the writer allows looking links up
// (`midcycle.linkFacts.enabled`, asked once per workspace, never in an untrusted one), then the
// service (linkFactsService.ts, its own bundle) loaded and fed each draft's links. Nothing is
// fetched before that. Where only some trackers' links can be looked up (VS Code for the Web:
// GitHub's, see platform/webPlatform.ts) the others are never asked, and Refresh Link Facts on a
// draft that has none of the first says why.
import * as vscode from 'vscode';
import { DEFAULT_FACTS_APIS, trackerById, type Diagnostic, type FactsApis, type FactsResult, type Link, type LinkNotes, type Report } from '../core';
import type { LinkFactsService } from './linkFactsService';
import type { Platform } from './platform/platform';
import type { ReportStore } from './reportStore';

const ALLOWED_KEY = 'midcycle.linkFacts.allowed';

export class LinkFacts implements vscode.Disposable {
  private service: LinkFactsService | undefined;
  private starting: Promise<LinkFactsService> | undefined;
  private asked = false;
  /** Whether the writer was told, this window, that their `on` cannot be honoured here for some links. */
  private toldUnavailable = false;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** Fires when facts arrive or are dropped. */
  readonly onDidChange = this.changed.event;
  /** How the writer is asked: VS Code's notification (the integration tests answer in its place). */
  question: (message: string, ...answers: string[]) => Thenable<string | undefined> = (message, ...answers) =>
    vscode.window.showInformationMessage(message, ...answers);

  /** Where the answers are kept between sessions: the user's alone (0600 in a 0700 folder, on the desktop). */
  get cacheFile(): vscode.Uri {
    return vscode.Uri.joinPath(this.context.globalStorageUri, 'link-facts.json');
  }

  constructor(
    private readonly store: ReportStore,
    private readonly context: vscode.ExtensionContext,
    private readonly platform: Platform,
  ) {
    this.disposables.push(
      store.onDidChange((document) => this.watch(document)),
      vscode.workspace.onDidOpenTextDocument((document) => this.watch(document)),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.watchAll()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('midcycle.linkFacts')) return;
        if (this.enabled() === false) this.stop();
        else if (this.service) this.service.reconfigure(this.serviceOptions());
        this.watchAll();
      }),
    );
    this.watchAll();
  }

  /** A link's facts, once looked up. */
  readonly factsOf = (link: Link): FactsResult | undefined => this.service?.resultOf(link);

  /** The facts' diagnostics, with the severities the report was read with (its folder's settings). */
  diagnostics(report: Report): Diagnostic[] {
    return this.service?.diagnostics(report, report.parse.options.severities) ?? [];
  }

  /** The export's notes beside the links, as the draft's folder's `export.annotateLinks` asks. */
  linkNotes(report: Report, document: { readonly uri: vscode.Uri }): LinkNotes | undefined {
    const mode = this.store.settingsFor(document).export.annotateLinks;
    return mode === 'none' ? undefined : this.service?.linkNotes(mode, report);
  }

  /**
   * Looks up links that are no open draft's (the last report's action items, for its follow-ups'
   * `done`) where looking links up is allowed already: they never ask the writer.
   */
  watchLinks(key: string, links: readonly Link[]): void {
    const here = links.filter(this.canLookUpHere);
    if (!here.length || this.enabled() !== true) return;
    void this.start().then(
      (service) => service.schedule(key, { links: here }),
      () => undefined,
    );
  }

  /** The services that could not be reached, in one line, if any. */
  troubleText(): string | undefined {
    return this.service?.troubleText();
  }

  /** "Refresh Link Facts": forgets the draft's facts and asks again (asking the writer first if need be). */
  async refresh(document: vscode.TextDocument | undefined): Promise<void> {
    const report = document && this.store.get(document, true);
    if (!report) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown report draft to refresh its link facts.'));
      return;
    }
    const only = this.platform.linkFactsOnly;
    if (only && !report.links.some(this.canLookUpHere)) {
      void vscode.window.showInformationMessage(only.why);
      return;
    }
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Midcycle looks links up only in a trusted workspace.'));
      return;
    }
    if (this.enabled() === false) {
      const open = vscode.l10n.t('Open Settings');
      void vscode.window.showInformationMessage(vscode.l10n.t('Looking links up is turned off (midcycle.linkFacts.enabled).'), open).then((c) => {
        if (c) void vscode.commands.executeCommand('workbench.action.openSettings', 'midcycle.linkFacts');
      });
      return;
    }
    if (!this.service && !(await this.ask(true))) return;
    await this.service?.refresh({ links: report.links.filter(this.canLookUpHere) });
  }

  /**
   * true, false, or undefined while the writer has not said: the setting says `on` or `off`, else
   * the workspace's answer to the question; never in an untrusted workspace.
   */
  private enabled(): boolean | undefined {
    if (!vscode.workspace.isTrusted) return false;
    const setting = vscode.workspace.getConfiguration('midcycle').get<string>('linkFacts.enabled');
    if (setting === 'on') return true;
    if (setting === 'off') return false;
    return this.context.workspaceState.get<boolean>(ALLOWED_KEY);
  }

  private watchAll(): void {
    for (const d of vscode.workspace.textDocuments) this.watch(d);
  }

  private watch(document: vscode.TextDocument): void {
    const report = this.store.get(document);
    if (!report) return;
    const here = report.links.filter(this.canLookUpHere);
    if (here.length < report.links.filter(canLookUp).length) this.tellIfUnavailable();
    if (!here.length) return;
    const enabled = this.enabled();
    if (enabled === false) return;
    if (enabled === undefined) {
      if (!this.asked) void this.ask(false).then((yes) => yes && this.watchAll());
      return;
    }
    // a bundle that could not be loaded is in the log (platform.ts); the next edit tries again
    void this.start().then(
      (service) => service.schedule(document.uri.toString(), { links: here }),
      () => undefined,
    );
  }

  /** A writer who looks links up where some cannot be (the web) is told why, once: never silently nothing. */
  private tellIfUnavailable(): void {
    const reason = this.platform.linkFactsOnly?.why;
    // (told once lookups are on, by the setting or the writer's answer: never where nothing is looked up)
    if (!reason || this.toldUnavailable || this.enabled() !== true) return;
    this.toldUnavailable = true;
    void vscode.window.showInformationMessage(reason);
  }

  /** The question, once per workspace (once per window when dismissed); `true` when allowed. */
  private async ask(explicit: boolean): Promise<boolean> {
    if (this.enabled() === true) {
      await this.start();
      return true;
    }
    if (this.asked && !explicit) return false;
    this.asked = true;
    const allow = vscode.l10n.t('Look Up Links');
    const never = vscode.l10n.t('Not in This Workspace');
    const choice = await this.question(
      this.platform.linkFactsOnly?.trackers.size === 1 && this.platform.linkFactsOnly.trackers.has('github')
        ? vscode.l10n.t(
            'Midcycle can show the status and title of the pull requests, issues and commits this draft links to, asking GitHub. Only their numbers are sent, never the draft.',
          )
        : vscode.l10n.t(
            'Midcycle can show the status and title of the changes, bugs, stories, pull requests and issues this draft links to, asking their trackers (Gerrit, Launchpad, StoryBoard, GitHub, GitLab, Jira, Bugzilla). Only their numbers are sent, never the draft.',
          ),
      allow,
      never,
    );
    if (choice === allow) {
      await this.context.workspaceState.update(ALLOWED_KEY, true);
      await this.start();
      return true;
    }
    if (choice === never) await this.context.workspaceState.update(ALLOWED_KEY, false);
    return false;
  }

  /** The service, its bundle loaded (once) the first time links may be looked up. */
  private start(): Promise<LinkFactsService> {
    if (this.service) return Promise.resolve(this.service);
    this.starting ??= this.platform.load<typeof import('./linkFactsService')>('linkFactsService').then(({ LinkFactsService: Service }) => {
      this.starting = undefined;
      this.service ??= new Service(vscode, this.serviceOptions());
      return this.service;
    });
    return this.starting;
  }

  private serviceOptions(): import('./linkFactsService').LinkFactsServiceOptions {
    const config = vscode.workspace.getConfiguration('midcycle.linkFacts');
    const byHost = (value: unknown): Record<string, string> =>
      Object.fromEntries(
        Object.entries(value && typeof value === 'object' ? value : {})
          .filter((e): e is [string, string] => typeof e[1] === 'string')
          .map(([h, b]) => [h.toLowerCase(), b]),
      );
    const seconds = config.get<number>('timeout') ?? 10;
    return {
      apis: {
        gerrit: { ...DEFAULT_FACTS_APIS.gerrit, ...byHost(config.get('gerritApi')) },
        launchpad: config.get<string>('launchpadApi') || DEFAULT_FACTS_APIS.launchpad,
        storyboard: { ...DEFAULT_FACTS_APIS.storyboard, ...byHost(config.get('storyboardApi')) },
        github: config.get<string>('githubApi') || DEFAULT_FACTS_APIS.github,
        gitlab: byHost(config.get('gitlabApi')),
        jira: byHost(config.get('jiraApi')),
        bugzilla: byHost(config.get('bugzillaApi')),
      } satisfies FactsApis,
      timeoutMs: Math.min(Math.max(seconds, 1), 300) * 1000,
      cacheFile: this.cacheFile,
      changed: () => this.changed.fire(),
      log: this.platform.log,
      localCache: this.platform.factsCacheFile,
      setsUserAgent: this.platform.setsUserAgent,
    };
  }

  /** A link this platform can look up: one with facts, of a tracker the platform can ask. */
  private readonly canLookUpHere = (link: Link): boolean => {
    const only = this.platform.linkFactsOnly;
    return canLookUp(link) && (!only || (link.item !== undefined && only.trackers.has(link.item.tracker)));
  };

  private stop(): void {
    this.service?.dispose();
    this.service = undefined;
    this.changed.fire();
  }

  dispose(): void {
    this.service?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/** A link with facts to read: a change, bug, blueprint, story or task, or an item of a tracker that has facts (GitHub, GitLab, Jira, Bugzilla), written well. */
function canLookUp(link: Link): boolean {
  return (
    !link.problem &&
    ((link.item !== undefined && trackerById(link.item.tracker)?.facts !== undefined) ||
      link.review?.change !== undefined ||
      link.bug?.id !== undefined ||
      link.blueprint?.name !== undefined ||
      link.story?.story !== undefined ||
      link.story?.task !== undefined)
  );
}
