// The mail bundles' strings go through @vscode/l10n (the bundles never require `vscode`). Each of
// dist/mailExport.js and dist/mailImport.js (and their dist/web/ twins) has its own copy of it, which
// nothing else configures: each entry point the extension calls (the import, the export, the
// preview's panel) hands in VS Code's API, whose `l10n.bundle` is the extension's bundle for the
// display language (none in English: each string is its own key). The CLI, which loads these
// bundles too, never does: its messages stay English, as the core's are.
import * as l10n from '@vscode/l10n';
import type * as vscode from 'vscode';

let configured: typeof vscode.l10n.bundle;

export function useDisplayLanguage(code: typeof vscode): void {
  const bundle = code.l10n.bundle;
  if (!bundle || bundle === configured) return;
  l10n.config({ contents: bundle });
  configured = bundle;
}
