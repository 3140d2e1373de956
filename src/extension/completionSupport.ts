// Completions in a draft (editorHelp.ts, a bundle of its own loaded on the first ask): link
// snippets in the draft's own forms after `https://` and by name (`review`, `bug`, `pull-request`…)
// with Ctrl+Space, the projects and repositories it links to after a host, its pull requests and
// issues after `#`, its people where an owner is typed.
import * as vscode from 'vscode';
import type { Platform } from './platform/platform';
import type { ReportStore } from './reportStore';

export function registerCompletionSupport(selector: vscode.DocumentSelector, store: ReportStore, platform: Platform): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider(
    selector,
    {
      async provideCompletionItems(document, position) {
        const report = store.get(document);
        if (!report) return undefined;
        const help = await platform.load<typeof import('./editorHelp')>('editorHelp');
        return help.completionItems(vscode, report, document, position);
      },
    },
    '/',
    '@',
    '(',
    '#',
  );
}
