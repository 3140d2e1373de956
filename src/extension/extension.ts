// The extension's entry point: registers each feature (each in its own file, each returning a
// Disposable) over one shared ReportStore, and puts every Disposable in context.subscriptions.
import * as vscode from 'vscode';
import { registerCodeActionSupport } from './codeActionSupport';
import { registerCompletionSupport } from './completionSupport';
import { registerCopyEmailCommand } from './copyEmailCommand';
import { registerDiagnosticsSupport } from './diagnosticsSupport';
import { registerExportEmailCommand } from './exportEmailCommand';
import { registerHoverSupport } from './hoverSupport';
import { registerImportCommand } from './importCommand';
import { registerNewReportCommand } from './newReportCommand';
import { PreviewHolder } from './previewHolder';
import { ReportStore } from './reportStore';
import { registerStatusBarSupport } from './statusBarSupport';
import { registerTopicTreeSupport, TopicTreeProvider } from './topicTreeProvider';

const MARKDOWN: vscode.DocumentSelector = { language: 'markdown' };

/** What activate() returns: read by the integration tests in the real extension host. */
export interface MidcycleApi {
  store: ReportStore;
  tree: TopicTreeProvider;
}

export function activate(context: vscode.ExtensionContext): MidcycleApi {
  const store = new ReportStore();
  const preview = new PreviewHolder(context.extensionUri);
  const tree = new TopicTreeProvider(store);
  context.subscriptions.push(
    store,
    preview,
    registerDiagnosticsSupport(store),
    registerCodeActionSupport(MARKDOWN, store),
    registerHoverSupport(MARKDOWN, store),
    registerCompletionSupport(MARKDOWN, store),
    registerTopicTreeSupport(tree),
    registerStatusBarSupport(store),
    registerExportEmailCommand(store, preview, context.extensionUri),
    registerCopyEmailCommand(store, preview, context.extensionUri),
    registerNewReportCommand(context.extensionUri),
    registerImportCommand(context.extensionUri),
  );
  return { store, tree };
}

export function deactivate(): void {
  // nothing to release: every Disposable lives in context.subscriptions
}
