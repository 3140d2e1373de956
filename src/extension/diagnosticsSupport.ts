// The Problems panel: the core's diagnostics for every open report draft, updated on open and on
// change (debounced by the store), cleared on close. Codes link to the README's rule list.
import * as vscode from 'vscode';
import type { Diagnostic } from '../core';
import { toRange, toSeverity } from './convert';
import type { LinkFacts } from './linkFacts';
import type { ReportStore } from './reportStore';

export const RULES_URL = 'https://github.com/midcycle/midcycle/blob/main/README.md';

export function toVsDiagnostic(d: Diagnostic): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(d.range), d.message, toSeverity(d.severity));
  diagnostic.source = 'midcycle';
  diagnostic.code = { value: d.code, target: vscode.Uri.parse(`${RULES_URL}#rule-${d.code}`) };
  return diagnostic;
}

export function registerDiagnosticsSupport(store: ReportStore, facts: LinkFacts): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('midcycle');
  const update = (document: vscode.TextDocument) => {
    const report = store.get(document);
    if (report) collection.set(document.uri, [...report.diagnostics, ...facts.diagnostics(report)].map(toVsDiagnostic));
    else collection.delete(document.uri);
  };
  vscode.workspace.textDocuments.forEach(update);
  return vscode.Disposable.from(
    collection,
    vscode.workspace.onDidOpenTextDocument(update),
    store.onDidChange(update),
    facts.onDidChange(() => vscode.workspace.textDocuments.forEach(update)),
    vscode.workspace.onDidCloseTextDocument((d) => collection.delete(d.uri)),
  );
}
