// Hovers on links: what a review or bug link points at, in words, and what is wrong with it.
import * as vscode from 'vscode';
import { toRange } from './convert';
import { hoverMarkdown } from './hoverText';
import type { ReportStore } from './reportStore';

export function registerHoverSupport(selector: vscode.DocumentSelector, store: ReportStore): vscode.Disposable {
  return vscode.languages.registerHoverProvider(selector, {
    provideHover(document, position) {
      const report = store.get(document);
      const link = report?.links.find((l) => toRange(l.range).contains(position));
      const text = link && hoverMarkdown(link);
      if (!link || !text) return undefined;
      const markdown = new vscode.MarkdownString(text, true);
      return new vscode.Hover(markdown, toRange(link.range));
    },
  });
}
