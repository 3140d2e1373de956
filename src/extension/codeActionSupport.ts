// Quick fixes for malformed links (the core's corrected URL, one per diagnostic) and
// "Fix all malformed links in this report" (source.fixAll.midcycle).
import * as vscode from 'vscode';
import { fromRange, sameRange, toRange } from './convert';
import { fixAllEdits, quickFixesAt } from './quickFixes';
import type { LinkFacts } from './linkFacts';
import type { ReportStore } from './reportStore';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('midcycle');

export function registerCodeActionSupport(selector: vscode.DocumentSelector, store: ReportStore, facts: LinkFacts): vscode.Disposable {
  const provider: vscode.CodeActionProvider = {
    provideCodeActions(document, range, context) {
      const report = store.get(document);
      if (!report) return [];
      const actions: vscode.CodeAction[] = [];
      const wants = (kind: vscode.CodeActionKind) => !context.only || context.only.contains(kind) || kind.contains(context.only);
      if (wants(vscode.CodeActionKind.QuickFix)) {
        for (const fix of quickFixesAt(report, fromRange(range), facts.diagnostics(report))) {
          const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
          action.edit = new vscode.WorkspaceEdit();
          action.edit.replace(document.uri, toRange(fix.edit.range), fix.edit.text);
          action.diagnostics = context.diagnostics.filter((d) => d.source === 'midcycle' && sameRange(d.range, fix.diagnostic.range));
          action.isPreferred = true;
          actions.push(action);
        }
      }
      const all = fixAllEdits(report);
      if (all.length > 1 && wants(vscode.CodeActionKind.QuickFix) && actions.length) actions.push(fixAllAction(document, all, vscode.CodeActionKind.QuickFix));
      if (all.length && context.only && wants(FIX_ALL_KIND)) actions.push(fixAllAction(document, all, FIX_ALL_KIND));
      return actions;
    },
  };
  const fixAllCommand = vscode.commands.registerCommand('midcycle.fixAll', async () => {
    const editor = vscode.window.activeTextEditor;
    const report = editor && store.get(editor.document, true);
    if (!editor || !report) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown report draft to fix its links.'));
      return;
    }
    const edits = fixAllEdits(report);
    if (!edits.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No malformed link in this report has a clear fix.'));
      return;
    }
    await editor.edit((b) => edits.forEach((e) => b.replace(toRange(e.range), e.text)));
    void vscode.window.showInformationMessage(edits.length === 1 ? vscode.l10n.t('Fixed 1 link.') : vscode.l10n.t('Fixed {0} links.', edits.length));
  });
  return vscode.Disposable.from(
    vscode.languages.registerCodeActionsProvider(selector, provider, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND] }),
    fixAllCommand,
  );
}

function fixAllAction(document: vscode.TextDocument, edits: ReturnType<typeof fixAllEdits>, kind: vscode.CodeActionKind): vscode.CodeAction {
  const action = new vscode.CodeAction(vscode.l10n.t('Fix all malformed links in this report'), kind);
  action.edit = new vscode.WorkspaceEdit();
  for (const e of edits) action.edit.replace(document.uri, toRange(e.range), e.text);
  return action;
}
