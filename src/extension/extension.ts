// The desktop's entry point (package.json `main`, dist/extension.js): Midcycle in a Node extension
// host, its bundles required from dist/ (platform/nodePlatform.ts).
import * as vscode from 'vscode';
import { activateMidcycle, type MidcycleApi } from './activation';
import { createLog } from './log';
import { nodePlatform } from './platform/nodePlatform';

export type { MidcycleApi } from './activation';

export function activate(context: vscode.ExtensionContext): MidcycleApi {
  return activateMidcycle(context, nodePlatform(vscode, context.extensionUri, createLog(vscode)));
}

export function deactivate(): void {
  // nothing to release: every Disposable lives in context.subscriptions
}
