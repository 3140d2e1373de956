// The Problems panel: the core's diagnostics for every open report draft, with its link facts' and
// its last report's (`previous:`, once read), updated on open and on change (debounced by the
// store), cleared on close. The new ones of a line being typed wait for a pause (typingHold.ts).
// Each code opens its rule's page, shipped in the .vsix (docs/rules/, made by `npm run rules`), in
// the Markdown preview (ruleDocsSupport.ts).
import * as vscode from 'vscode';
import type { Diagnostic } from '../core';
import { toRange, toSeverity } from './convert';
import type { LastReports } from './lastReports';
import type { LinkFacts } from './linkFacts';
import type { ReportStore } from './reportStore';
import { TypingHold } from './typingHold';

/** The rule's page in the extension: docs/rules/<code>.md. */
export function ruleDocUri(extensionUri: vscode.Uri, code: string): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${code}.md`);
}

export function toVsDiagnostic(d: Diagnostic, extensionUri: vscode.Uri): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(d.range), d.message, toSeverity(d.severity));
  diagnostic.source = 'midcycle';
  diagnostic.code = { value: d.code, target: ruleDocUri(extensionUri, d.code) };
  return diagnostic;
}

export function registerDiagnosticsSupport(store: ReportStore, facts: LinkFacts, extensionUri: vscode.Uri, lastReports?: LastReports): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('midcycle');
  const hold = new TypingHold();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const update = (document: vscode.TextDocument) => {
    const key = document.uri.toString();
    clearTimeout(timers.get(key));
    timers.delete(key);
    const report = !document.isClosed && store.get(document);
    if (!report) {
      collection.delete(document.uri);
      return;
    }
    const found = [...report.diagnostics, ...facts.diagnostics(report), ...(lastReports?.diagnostics(document, report) ?? [])];
    const { show, recheckIn } = hold.filter(key, found, Date.now());
    collection.set(
      document.uri,
      show.map((d) => toVsDiagnostic(d, extensionUri)),
    );
    // the held ones, once the writer has paused
    if (recheckIn !== undefined)
      timers.set(
        key,
        setTimeout(() => update(document), recheckIn + 20),
      );
  };
  vscode.workspace.textDocuments.forEach(update);
  return vscode.Disposable.from(
    collection,
    vscode.workspace.onDidOpenTextDocument(update),
    vscode.workspace.onDidChangeTextDocument((e) => {
      const key = e.document.uri.toString();
      for (const c of e.contentChanges) {
        const start = c.range.start.line;
        hold.edit(key, { start, oldEnd: c.range.end.line, newEnd: start + (c.text.match(/\n/g)?.length ?? 0) }, Date.now());
      }
    }),
    store.onDidChange(update),
    facts.onDidChange(() => vscode.workspace.textDocuments.forEach(update)),
    ...(lastReports ? [lastReports.onDidChange(() => vscode.workspace.textDocuments.forEach(update))] : []),
    vscode.workspace.onDidCloseTextDocument((d) => {
      const key = d.uri.toString();
      clearTimeout(timers.get(key));
      timers.delete(key);
      hold.forget(key);
      collection.delete(d.uri);
    }),
    { dispose: () => timers.forEach((t) => clearTimeout(t)) },
  );
}
