// VS Code for the Web's entry point (package.json `browser`, dist/web/extension.js, run in a web
// worker): Midcycle with its bundles fetched from dist/web/ (platform/webPlatform.ts). The words list
// of the action item finder (dist/web/actionItems.js, ~500 KB) is loaded here, before any feature
// is registered: the core requires it synchronously on a draft's first parse, which a web worker
// cannot do, and keeping it out of this bundle keeps the first load small. The mail code is
// loaded by the first export, copy or import, as on the desktop.
import * as vscode from 'vscode';
import { activateMidcycle, type MidcycleApi } from './activation';
import { createLog } from './log';
import { provideBundle } from './platform/providedBundles';
import { webPlatform } from './platform/webPlatform';

export type { MidcycleApi } from './activation';

export async function activate(context: vscode.ExtensionContext): Promise<MidcycleApi> {
  const platform = webPlatform(vscode, context.extensionUri, createLog(vscode));
  provideBundle('actionItems', await platform.load('actionItems'));
  return activateMidcycle(context, platform);
}

export function deactivate(): void {
  // nothing to release: every Disposable lives in context.subscriptions
}
