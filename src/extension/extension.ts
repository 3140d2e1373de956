// The extension's entry point: registers each feature and puts every Disposable in the context.
import type * as vscode from 'vscode';

export function activate(_context: vscode.ExtensionContext): void {
  // features are registered here as they land (issue 4)
}

export function deactivate(): void {
  // nothing to release: every Disposable lives in context.subscriptions
}
