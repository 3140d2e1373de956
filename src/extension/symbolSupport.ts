// The report's topics as document symbols: the Outline view, breadcrumbs, sticky scroll and
// Go to Symbol (Ctrl+Shift+O) list them. VS Code's Markdown support already gives each heading a
// symbol; a report's topics are mostly list items, which it does not. So list-item topics only,
// each with its sub-topics: a heading is never listed twice (its topics stand at the top of ours),
// and a draft of headings alone keeps the built-in outline as it was.
import * as vscode from 'vscode';
import type { Topic } from '../core';
import { toRange } from './convert';
import type { ReportStore } from './reportStore';
import { countsOf } from './topicNodes';

export function registerSymbolSupport(selector: vscode.DocumentSelector, store: ReportStore): vscode.Disposable {
  return vscode.languages.registerDocumentSymbolProvider(
    selector,
    {
      provideDocumentSymbols(document) {
        const report = store.get(document);
        return report ? topicSymbols(report.topics) : [];
      },
    },
    { label: 'Report topics' },
  );
}

function topicSymbols(topics: readonly Topic[]): vscode.DocumentSymbol[] {
  const out: vscode.DocumentSymbol[] = [];
  for (const t of topics) {
    if (t.kind === 'heading') {
      out.push(...topicSymbols(t.children));
      continue;
    }
    const range = toRange(t.range);
    // the title line, within the block (a symbol's selection range must be inside its range)
    const symbol = new vscode.DocumentSymbol(
      t.title || '…',
      countsOf(t),
      t.children.length ? vscode.SymbolKind.Namespace : vscode.SymbolKind.String,
      range,
      range.intersection(toRange(t.selectionRange)) ?? range,
    );
    symbol.children = topicSymbols(t.children);
    out.push(symbol);
  }
  return out;
}
