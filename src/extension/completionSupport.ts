// Completions for link paths: the projects this draft already links to (see linkCompletions); and
// where an owner is typed, the report's roster (ownerCompletions in the core).
import * as vscode from 'vscode';
import { ownerCompletions } from '../core';
import { linkCompletions } from './linkCompletions';
import type { ReportStore } from './reportStore';

export function registerCompletionSupport(selector: vscode.DocumentSelector, store: ReportStore): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider(
    selector,
    {
      provideCompletionItems(document, position) {
        const report = store.get(document);
        if (!report) return undefined;
        const prefix = document.lineAt(position.line).text.slice(0, position.character);
        const owners = ownerCompletions(report, position.line, prefix);
        if (owners) {
          return owners.roster.map((e, i) => {
            const item = new vscode.CompletionItem(e.nick, vscode.CompletionItemKind.User);
            item.range = new vscode.Range(position.translate(0, -owners.typed.length), position);
            item.detail = e.attendee ? 'attendee' : `named ${e.mentions === 1 ? 'once' : `${e.mentions} times`} in this report`;
            item.sortText = String(i).padStart(4, '0');
            return item;
          });
        }
        return linkCompletions(report, prefix).map((c, i) => {
          const item = new vscode.CompletionItem(c.label, vscode.CompletionItemKind.Module);
          const typed = /[\w.-]*$/.exec(prefix)?.[0] ?? '';
          item.range = new vscode.Range(position.translate(0, -typed.length), position);
          item.insertText = c.insertText;
          item.detail = c.detail;
          item.sortText = String(i).padStart(4, '0');
          return item;
        });
      },
    },
    '/',
    '@',
    '(',
  );
}
