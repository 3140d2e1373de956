// VS Code for the Web's entry point (package.json `browser`, dist/web/extension.js, run in a web
// worker): Midcycle with its bundles fetched from dist/web/ (platform/webBundles.ts). The words list
// of the action item finder (dist/web/actionItems.js, ~500 KB) is loaded here, before any feature
// is registered: the core requires it synchronously on a draft's first parse, which a web worker
// cannot do, and keeping it out of this bundle keeps the first load small. The mail code is
// loaded by the first export, copy or import, as on the desktop.
import * as vscode from 'vscode';
import { activateMidcycle, type MidcycleApi } from './activation';
import { provideBundle } from './platform/providedBundles';
import { webBundles } from './platform/webBundles';

export type { MidcycleApi } from './activation';

export async function activate(context: vscode.ExtensionContext): Promise<MidcycleApi> {
  const bundles = webBundles(vscode, context.extensionUri);
  provideBundle('actionItems', await bundles.load('actionItems'));
  return activateMidcycle(context, bundles);
}

export function deactivate(): void {
  // nothing to release: every Disposable lives in context.subscriptions
}
