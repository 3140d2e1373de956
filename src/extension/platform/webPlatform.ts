// VS Code for the Web's side of platform.ts: bundles are dist/web/<name>.js, loaded the way VS Code's web
// worker extension host loads an extension's own `browser` entry: fetched from the extension's
// location (the worker's fetch turns a vscode-remote: or file: URI into the URL that serves it; on
// vscode.dev the location is already an https URL on the gallery's CDN), then run as a CommonJS
// module with `new Function('module', 'exports', 'require', source)`. That host has no `require`
// of files, refuses `importScripts` and ESM (`import()`) for extensions, and vscode.workspace.fs
// cannot read an https extension location, so this is the one way that works wherever VS Code for
// the Web runs. The bundles are CommonJS for the browser (scripts/build.mjs); they may require
// `vscode` and the core's lazily required bundles (`./actionItems`), which the web entry provides
// (providedBundles.ts).
import * as l10n from '@vscode/l10n';
import type * as vscode from 'vscode';
import { onceEach, type BundleName, type Platform } from './platform';
import { providedBundle } from './providedBundles';

/**
 * Why only GitHub's links are looked up on the web: the page asks from another site (cross-origin),
 * which GitHub's API allows a browser and Gerrit, Launchpad, StoryBoard, GitLab, Jira and Bugzilla
 * do not. Asked when it is said, in the display language (the platform is made before activation
 * configures the strings).
 */
export function webLinkFactsOnlyGitHub(): string {
  return l10n.t(
    "VS Code for the Web looks up GitHub's links only: Gerrit, Launchpad, StoryBoard, GitLab, Jira and Bugzilla do not answer requests made from another site in a browser. Use VS Code on the desktop or `midcycle check --online`.",
  );
}

export function webPlatform(
  code: typeof vscode,
  extensionUri: vscode.Uri,
  log: vscode.LogOutputChannel,
  fetchText: (url: string) => Promise<string> = fetchOk,
): Platform {
  return {
    load: onceEach(async (name: BundleName) => {
      const url = code.Uri.joinPath(extensionUri, 'dist', 'web', `${name}.js`).toString(true);
      return evaluateBundle(await fetchText(url), url, code);
    }, log),
    log,
    readText: (...path) => fetchText(code.Uri.joinPath(extensionUri, ...path).toString(true)),
    get linkFactsOnly() {
      return { trackers: new Set(['github']), why: webLinkFactsOnlyGitHub() };
    },
    // an etherpad answers a browser's request from another site (cross-origin) with no leave to read it
    readsPads: false,
    setsUserAgent: false,
  };
}

/**
 * A CommonJS bundle's exports, its `require` answering `vscode` (as VS Code's own loader does) and
 * the provided bundles (`./actionItems`).
 */
export function evaluateBundle(source: string, url: string, code: unknown): unknown {
  // the sourceURL names the bundle in stack traces and the browser's debugger
  const run = new Function('module', 'exports', 'require', `${source}\n//# sourceURL=${url}`) as (
    module: { exports: unknown },
    exports: unknown,
    require: (id: string) => unknown,
  ) => void;
  const module = { exports: {} as unknown };
  run(module, module.exports, (id) => {
    if (id === 'vscode') return code;
    if (id.startsWith('./')) return providedBundle(id.slice(2));
    throw new Error(`${url}: cannot require '${id}' in VS Code for the Web`);
  });
  return module.exports;
}

async function fetchOk(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not load ${url}: ${response.status} ${response.statusText}`);
  return response.text();
}
