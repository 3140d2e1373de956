// VS Code for the Web's entry point (package.json `browser`, dist/web/extension.js, run in a web
// worker): Midcycle with its bundles fetched from dist/web/ (platform/webPlatform.ts). The action
// item finder (dist/web/actionItems.js, ~20 KB) is loaded here, before any feature is registered:
// the core requires it synchronously on a draft's first parse, which a web worker cannot do. Its
// dictionary (dist/web/englishWords.js, ~500 KB) is not: it is fetched the first time an owner is
// weighed (platform/providedBundles.ts), then every draft is read again with it; so are the trackers
// beyond OpenStack's (dist/web/otherTrackers.js), fetched when a draft first has a link or a text they
// may read. The mail code is loaded by the first export, copy or import, as on the desktop.
import * as vscode from 'vscode';
import { activateMidcycle, type MidcycleApi } from './activation';
import { createLog } from './log';
import { provideBundle, provideOnDemand } from './platform/providedBundles';
import { webPlatform } from './platform/webPlatform';
import * as yamlModule from '../core/parse/yaml';

export type { MidcycleApi } from './activation';

export async function activate(context: vscode.ExtensionContext): Promise<MidcycleApi> {
  const platform = webPlatform(vscode, context.extensionUri, createLog(vscode));
  provideBundle('actionItems', await platform.load('actionItems'));
  // js-yaml is in this entry: the bundles loaded later (the other trackers) read it from here
  provideBundle('yaml', yamlModule);
  // every draft read again when the dictionary or the other trackers come: by the store, which activation makes
  let readAgain = (): void => undefined;
  const onDemand = (name: 'englishWords' | 'otherTrackers') => {
    let fetching = false;
    provideOnDemand(name, () => {
      if (fetching) return;
      fetching = true;
      void platform.load(name).then(
        (exports) => {
          provideBundle(name, exports);
          readAgain();
        },
        // the log says why (platform.ts); owners are weighed without the dictionary, links read as OpenStack's trackers alone, until the window reloads
        () => undefined,
      );
    });
  };
  onDemand('englishWords');
  onDemand('otherTrackers');
  const api = activateMidcycle(context, platform);
  readAgain = () => api.store.rereadAll();
  return api;
}

export function deactivate(): void {
  // nothing to release: every Disposable lives in context.subscriptions
}
