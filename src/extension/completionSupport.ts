// Link snippets in the draft's own forms (linkSnippets.ts): after `https://`, as one types, and
// by name (`review`, `bug`…) with Ctrl+Space. Completions for link paths: the projects this draft already links to (see linkCompletions); and
// where an owner is typed, the report's roster (ownerCompletions in the core).
import * as vscode from 'vscode';
import { ownerCompletions } from '../core';
import type { Report } from '../core';
import { linkCompletions } from './linkCompletions';
import { linkSnippets } from './linkSnippets';
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
            item.detail = e.attendee
              ? vscode.l10n.t('attendee')
              : e.mentions === 1
                ? vscode.l10n.t('named once in this report')
                : vscode.l10n.t('named {0} times in this report', e.mentions);
            item.sortText = String(i).padStart(4, '0');
            return item;
          });
        }
        const links = linkSnippetItems(report, prefix, position);
        if (links) return links;
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

/**
 * The link snippets where a link may start: after `https://` (the `/` trigger: they come as one
 * types, though Markdown has quick suggestions off), or a word being typed outside a link.
 */
function linkSnippetItems(report: Report, prefix: string, position: vscode.Position): vscode.CompletionItem[] | undefined {
  const scheme = /(?:^|[\s(<[])(https?:\/\/)$/.exec(prefix);
  const word = scheme ? undefined : /(?:^|[\s(<[])([a-z]*)$/i.exec(prefix);
  if (!scheme && !word) return undefined;
  const typed = (scheme ?? word)![1];
  const range = new vscode.Range(position.translate(0, -typed.length), position);
  return linkSnippets(report).map((s, i) => {
    const item = new vscode.CompletionItem(scheme ? { label: s.form, description: s.label } : s.label, vscode.CompletionItemKind.Snippet);
    item.insertText = new vscode.SnippetString(s.body);
    item.range = range;
    item.filterText = scheme ? s.body.replace(/\$\{?\d.*$/, '') : s.label;
    item.detail = s.detail;
    item.documentation = new vscode.MarkdownString().appendCodeblock(`https://${s.form}`, 'text');
    item.sortText = `0${i}`;
    return item;
  });
}
