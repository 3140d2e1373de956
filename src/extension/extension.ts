// The desktop's entry point (package.json `main`, dist/extension.js): Midcycle in a Node extension
// host, its bundles required from dist/ (platform/nodeBundles.ts).
import * as vscode from 'vscode';
import { activateMidcycle, type MidcycleApi } from './activation';
import { nodeBundles } from './platform/nodeBundles';

export type { MidcycleApi } from './activation';

export function activate(context: vscode.ExtensionContext): MidcycleApi {
  return activateMidcycle(context, nodeBundles(vscode, context.extensionUri));
}

export function deactivate(): void {
  // nothing to release: every Disposable lives in context.subscriptions
}
