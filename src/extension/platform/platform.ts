// How the extension reaches what differs between VS Code on the desktop (a Node extension host) and
// VS Code for the Web (a browser's web worker): the bundles it loads on first use, and the files of
// its own package. Everything else it needs is the same in both: the workspace's files through
// vscode.workspace.fs (which also serves virtual workspaces), setTimeout, TextEncoder/TextDecoder
// and Web Crypto, which Node 20 and browsers share.
// Two implementations, chosen by the entry point (extension.ts, webExtension.ts), not by testing for
// `process` at run time.

import type * as vscode from 'vscode';
import { reason, type Log } from '../log';
import type { FactsCache } from '../../core/facts/factsCache';

/** The link facts cache file, read and saved where a local disk allows more than vscode.workspace.fs. */
export interface FactsCacheFile {
  /** Its text; undefined when there is none (or no cache that this platform reads: then use workspace.fs). */
  read(file: vscode.Uri): string | undefined;
  /** Saves it merged with the file: as factsCacheFile.ts's saveFactsCacheFile says; throws when it cannot. */
  save(file: vscode.Uri, cache: FactsCache): 'saved' | 'newer' | 'not-ours';
  /** Whether this platform reads and writes that file (a local one); else vscode.workspace.fs does. */
  handles(file: vscode.Uri): boolean;
}

/** The bundles beside the extension's own, loaded when first needed (scripts/build.mjs makes them). */
export type BundleName =
  'mailExport' | 'mailImport' | 'linkFactsService' | 'followUpsService' | 'actionItems' | 'englishWords' | 'otherTrackers' | 'editorHelp';

export interface Platform {
  /** The bundle's exports, loaded once: dist/<name>.js on the desktop, dist/web/<name>.js on the web. */
  load<T>(name: BundleName): Promise<T>;
  /**
   * A file of the extension's own package, as text (`snippets/markdown.json`): on the web its
   * location may be an https URL (vscode.dev's gallery), which vscode.workspace.fs cannot read.
   */
  readText(...path: string[]): Promise<string>;
  /**
   * Where only some trackers' links can be looked up: their ids, and why the others cannot, in a
   * sentence for the writer; undefined where every tracker's can. (The web's answer, GitHub alone:
   * see webPlatform.ts.)
   */
  readonly linkFactsOnly?: { readonly trackers: ReadonlySet<string>; readonly why: string };
  /**
   * False in a browser, which sends its own User-Agent with a page's requests: a script's is
   * dropped (Chromium) or asked for in a CORS preflight (Firefox), which GitHub's API does not allow.
   */
  readonly setsUserAgent?: false;
  /** False where a pad's text cannot be read (the web: an etherpad refuses a browser's cross-origin request; mail/notesDraft.ts says so). */
  readonly readsPads?: boolean;
  /** Where a save dialog starts when no workspace folder is open (the home folder on the desktop; none on the web). */
  readonly homeFolder?: vscode.Uri;
  /**
   * The link facts cache on a local disk (factsCacheFile.ts: merged under a lock, the user's alone);
   * absent on the web, where vscode.workspace.fs reads and writes it.
   */
  readonly factsCacheFile?: FactsCacheFile;
  /** The Midcycle log (log.ts): the bundles' loads are in it, and whatever else no message shows. */
  readonly log: vscode.LogOutputChannel;
  /**
   * The repositories of the workspace's git remotes (VS Code's git extension: gitRemotes.ts), what
   * `#123` means when neither the draft nor the settings say; `changed` when one opens or changes.
   * Absent on the web, which has no git extension.
   */
  gitRemotes?(changed: () => void): RemoteRepositories;
}

/** The repository of a document's git remote, as its page's URL (`https://github.com/owner/repo`). */
export interface RemoteRepositories extends vscode.Disposable {
  repositoryFor(uri: vscode.Uri): string | undefined;
}

/** Each bundle loaded once, however many ask for it at the same time; each load, and why one failed, logged. */
export function onceEach(load: (name: BundleName) => Promise<unknown>, log: Log): <T>(name: BundleName) => Promise<T> {
  const loading = new Map<BundleName, Promise<unknown>>();
  return <T>(name: BundleName) => {
    let p = loading.get(name);
    if (!p) {
      const started = Date.now();
      p = load(name);
      p.then(
        () => log.info(`loaded the ${name} bundle (${Date.now() - started} ms)`),
        (e: unknown) => {
          log.error(`could not load the ${name} bundle: ${reason(e)}`);
          // a failed load may be tried again (the next command), not remembered as failed
          loading.delete(name);
        },
      );
      loading.set(name, p);
    }
    return p as Promise<T>;
  };
}
