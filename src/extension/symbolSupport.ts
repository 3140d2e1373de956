// The report's topics as document symbols: the Outline view, breadcrumbs, sticky scroll and
// Go to Symbol (Ctrl+Shift+O) list them. VS Code's Markdown support already gives each heading a
// symbol; a report's topics are mostly list items, which it does not. So the top-level list-item
// topics only, each with its sub-topics. A heading's section is left to VS Code's outline, items
// and all: listing its items here would show them apart from their heading, in a second group of
// the Outline (VS Code groups symbols by provider when two answer), and a draft written in headings
// keeps the outline it has without Midcycle.
import * as vscode from 'vscode';
import type { Report, Topic } from '../core';
import { toRange } from './convert';
import type { ReportStore } from './reportStore';
import type { MidcycleSettings } from './settings';
import { addCounts, countsText, ownCounts, sameTopic, type TopicCounts } from './topicNodes';

/**
 * The symbols of each report, made once: the breadcrumbs, the Outline and sticky scroll each ask
 * for them after an edit, and a 2000-topic draft has 6000 of them. Dropped with the report (a
 * WeakMap: the store lets a version go when the next one comes).
 */
const made = new WeakMap<Report, vscode.DocumentSymbol[]>();

/**
 * Per open document, the last version's symbols by top-level topic: a top-level topic with the same
 * lines at the same place has the same symbols, so an edit inside one topic makes that topic's
 * again, not 6000; unless the draft was read anew with other settings (or the word list that weighs
 * owners came), when the same lines may hold other action items. Dropped when the document closes.
 * The symbols are never changed once handed out.
 */
const lastMade = new Map<string, { report: Report; settings: MidcycleSettings; tops: TopicSymbols[] }>();

interface TopicSymbols {
  symbols: vscode.DocumentSymbol[];
  counts: TopicCounts;
}

export function registerSymbolSupport(selector: vscode.DocumentSelector, store: ReportStore): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.languages.registerDocumentSymbolProvider(
      selector,
      {
        provideDocumentSymbols(document) {
          const report = store.get(document);
          if (!report) return [];
          let symbols = made.get(report);
          if (!symbols) made.set(report, (symbols = reportSymbols(document.uri.toString(), report, store.settingsFor(document))));
          return symbols;
        },
      },
      { label: vscode.l10n.t('Report topics') },
    ),
    vscode.workspace.onDidCloseTextDocument((d) => lastMade.delete(d.uri.toString())),
  );
}

function reportSymbols(key: string, report: Report, settings: MidcycleSettings): vscode.DocumentSymbol[] {
  const last = lastMade.get(key)?.settings === settings ? lastMade.get(key) : undefined;
  const tops = report.topics.map((t, i) => {
    const before = last?.report.topics[i];
    return before && last && sameTopic(before, last.report, t, report) ? last.tops[i] : topicSymbols([t]);
  });
  lastMade.set(key, { report, settings, tops });
  return tops.flatMap((t) => t.symbols);
}

/** The symbols of some topics, and what they hold between them (counted once, from the leaves up). */
function topicSymbols(topics: readonly Topic[]): TopicSymbols {
  const symbols: vscode.DocumentSymbol[] = [];
  const counts: TopicCounts = { links: new Map(), actions: 0 };
  for (const t of topics) {
    if (t.kind === 'heading') continue;
    const inner = topicSymbols(t.children);
    addCounts(inner.counts, ownCounts(t));
    addCounts(counts, inner.counts);
    const range = toRange(t.range);
    // the title line, within the block (a symbol's selection range must be inside its range)
    const symbol = new vscode.DocumentSymbol(
      t.title || '…',
      countsText(inner.counts),
      t.children.length ? vscode.SymbolKind.Namespace : vscode.SymbolKind.String,
      range,
      range.intersection(toRange(t.selectionRange)) ?? range,
    );
    symbol.children = inner.symbols;
    symbols.push(symbol);
  }
  return { symbols, counts };
}
