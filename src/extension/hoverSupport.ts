// Hovers on links: what a review, bug, pull request or issue link points at, in words (what is
// wrong with it is its diagnostic's, in the same hover). Made by editorHelp.ts, a bundle of its own
// loaded on the first ask.
import * as vscode from 'vscode';
import { toRange } from './convert';
import type { LinkFacts } from './linkFacts';
import type { Platform } from './platform/platform';
import type { ReportStore } from './reportStore';

export function registerHoverSupport(selector: vscode.DocumentSelector, store: ReportStore, facts: LinkFacts, platform: Platform): vscode.Disposable {
  return vscode.languages.registerHoverProvider(selector, {
    async provideHover(document, position) {
      const report = store.get(document);
      const link = report?.links.find((l) => toRange(l.range).contains(position));
      if (!report || !link) return undefined;
      // a facts diagnostic on the link already says, in the same hover, that it was not found
      const diagnosed = facts
        .diagnostics(report)
        .some((d) => d.range.start.line === link.range.start.line && d.range.start.character === link.range.start.character);
      const help = await platform.load<typeof import('./editorHelp')>('editorHelp');
      return help.linkHover(vscode, link, facts.factsOf(link), diagnosed, toRange(link.range));
    },
  });
}
