// The strings of the modules that must not import `vscode` (topicNodes.ts, hoverText.ts, quickFixes.ts,
// the link completions and snippets: tested in plain Node) go through @vscode/l10n, as VS Code's own
// language servers do. VS Code loads the extension's bundle for the display language only into
// `vscode.l10n`: this hands it to the extension bundle's copy of @vscode/l10n (dist/extension.js,
// dist/web/extension.js; each mail bundle has its own copy, configured in src/mail/localization.ts).
// In English there is no bundle: each string is its own key.
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';

export function configureLocalization(): void {
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
}
