// Hovers on links: what a review or bug link points at, in words (what is wrong with it is its diagnostic's, in the same hover).
import * as vscode from 'vscode';
import { toRange } from './convert';
import { hoverMarkdown } from './hoverText';
import type { LinkFacts } from './linkFacts';
import type { ReportStore } from './reportStore';

export function registerHoverSupport(selector: vscode.DocumentSelector, store: ReportStore, facts: LinkFacts): vscode.Disposable {
  return vscode.languages.registerHoverProvider(selector, {
    provideHover(document, position) {
      const report = store.get(document);
      const link = report?.links.find((l) => toRange(l.range).contains(position));
      if (!report || !link) return undefined;
      // a facts diagnostic on the link already says, in the same hover, that it was not found
      const diagnosed = facts
        .diagnostics(report)
        .some((d) => d.range.start.line === link.range.start.line && d.range.start.character === link.range.start.character);
      const text = hoverMarkdown(link, facts.factsOf(link), diagnosed);
      if (!text) return undefined;
      // not trusted, no HTML: the facts' strings come from a service, and show as themselves
      const markdown = new vscode.MarkdownString(text, true);
      markdown.isTrusted = false;
      markdown.supportHtml = false;
      return new vscode.Hover(markdown, toRange(link.range));
    },
  });
}
