// What VS Code asks for as one types and points: the completions of a draft (the link snippets in
// its own forms, linkSnippets.ts, after `https://` and by name; the projects and repositories it
// links to after a host, linkCompletions.ts; its pull requests and issues after `#`; its people where
// an owner is typed, ownerCompletions in the core) and the hovers on its links (hoverText.ts).
// dist/editorHelp.js, a bundle of its own, loaded the first time VS Code asks for either
// (docs/performance.md: the first bundle's budget), VS Code's API handed in.
import * as l10n from '@vscode/l10n';
import type * as vscode from 'vscode';
import type { Link, Report } from '../core/model/model';
import type { FactsResult } from '../core/facts/linkFacts';
import { actionItems } from '../core/people/actionItemsBundle';
import { hoverMarkdown } from './hoverText';
import { linkCompletions, referenceCompletions } from './linkCompletions';
import { linkSnippets } from './linkSnippets';

let configured: typeof vscode.l10n.bundle;

/** The bundle's copy of @vscode/l10n given VS Code's strings for the display language (as localization.ts does the extension's). */
function configure(code: typeof vscode): void {
  if (code.l10n.bundle && code.l10n.bundle !== configured) {
    configured = code.l10n.bundle;
    l10n.config({ contents: code.l10n.bundle });
  }
}

/** The completion items at a position of a draft, for the text of its line before it. */
export function completionItems(
  code: typeof vscode,
  report: Report,
  document: vscode.TextDocument,
  position: vscode.Position,
): vscode.CompletionItem[] | undefined {
  configure(code);
  const prefix = document.lineAt(position.line).text.slice(0, position.character);
  const owners = actionItems().ownerCompletions(report, position.line, prefix);
  if (owners) {
    return owners.roster.map((e, i) => {
      const item = new code.CompletionItem(e.nick, code.CompletionItemKind.User);
      item.range = new code.Range(position.translate(0, -owners.typed.length), position);
      item.detail = e.attendee
        ? code.l10n.t('attendee')
        : e.mentions === 1
          ? code.l10n.t('named once in this report')
          : code.l10n.t('named {0} times in this report', e.mentions);
      item.sortText = String(i).padStart(4, '0');
      return item;
    });
  }
  const references = referenceCompletions(report, prefix);
  if (references.length) {
    return references.map((c, i) => {
      const item = new code.CompletionItem(c.label, code.CompletionItemKind.Reference);
      item.range = new code.Range(position.translate(0, -c.replace), position);
      item.insertText = c.insertText;
      item.detail = c.detail;
      item.sortText = String(i).padStart(4, '0');
      return item;
    });
  }
  const links = linkSnippetItems(code, report, prefix, position);
  if (links) return links;
  return linkCompletions(report, prefix).map((c, i) => {
    const item = new code.CompletionItem(c.label, code.CompletionItemKind.Module);
    const typed = c.replace ?? (/[\w.-]*$/.exec(prefix)?.[0] ?? '').length;
    item.range = new code.Range(position.translate(0, -typed), position);
    item.insertText = c.insertText;
    item.detail = c.detail;
    item.sortText = String(i).padStart(4, '0');
    return item;
  });
}

/**
 * The link snippets where a link may start: after `https://` (the `/` trigger: they come as one
 * types, though Markdown has quick suggestions off), or a word being typed outside a link.
 */
function linkSnippetItems(code: typeof vscode, report: Report, prefix: string, position: vscode.Position): vscode.CompletionItem[] | undefined {
  const scheme = /(?:^|[\s(<[])(https?:\/\/)$/.exec(prefix);
  const word = scheme ? undefined : /(?:^|[\s(<[])([a-z]*)$/i.exec(prefix);
  if (!scheme && !word) return undefined;
  const typed = (scheme ?? word)![1];
  const range = new code.Range(position.translate(0, -typed.length), position);
  return linkSnippets(report).map((s, i) => {
    const item = new code.CompletionItem(scheme ? { label: s.form, description: s.label } : s.label, code.CompletionItemKind.Snippet);
    item.insertText = new code.SnippetString(s.body);
    item.range = range;
    item.filterText = scheme ? s.body.replace(/\$\{?\d.*$/, '') : s.label;
    item.detail = s.detail;
    item.documentation = new code.MarkdownString().appendCodeblock(`https://${s.form}`, 'text');
    item.sortText = `0${i}`;
    return item;
  });
}

/** The hover on a link: what it points at, and what the services say of it (`diagnosed`: a facts diagnostic on it says it was not found). */
export function linkHover(code: typeof vscode, link: Link, facts: FactsResult | undefined, diagnosed: boolean, range: vscode.Range): vscode.Hover | undefined {
  configure(code);
  const text = hoverMarkdown(link, facts, diagnosed);
  if (!text) return undefined;
  // not trusted, no HTML: the facts' strings come from a service, and show as themselves
  const markdown = new code.MarkdownString(text, true);
  markdown.isTrusted = false;
  markdown.supportHtml = false;
  return new code.Hover(markdown, range);
}
