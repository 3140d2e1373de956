// The extension's entry point: registers each feature (each in its own file, each returning a
// Disposable) over one shared ReportStore, and puts every Disposable in context.subscriptions.
import * as vscode from 'vscode';
import { registerCodeActionSupport } from './codeActionSupport';
import { registerCompletionSupport } from './completionSupport';
import { registerDiagnosticsSupport } from './diagnosticsSupport';
import { EmailPreviewPanel } from './emailPreviewPanel';
import { registerExportEmailCommand } from './exportEmailCommand';
import { registerHoverSupport } from './hoverSupport';
import { registerNewReportCommand } from './newReportCommand';
import { ReportStore } from './reportStore';
import { registerStatusBarSupport } from './statusBarSupport';
import { registerTopicTreeSupport } from './topicTreeProvider';

const MARKDOWN: vscode.DocumentSelector = { language: 'markdown' };

export function activate(context: vscode.ExtensionContext): void {
  const store = new ReportStore();
  const preview = new EmailPreviewPanel();
  context.subscriptions.push(
    store,
    preview,
    registerDiagnosticsSupport(store),
    registerCodeActionSupport(MARKDOWN, store),
    registerHoverSupport(MARKDOWN, store),
    registerCompletionSupport(MARKDOWN, store),
    registerTopicTreeSupport(store),
    registerStatusBarSupport(store),
    registerExportEmailCommand(store, preview),
    registerNewReportCommand(),
  );
}

export function deactivate(): void {
  // nothing to release: every Disposable lives in context.subscriptions
}
