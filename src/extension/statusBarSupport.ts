// A status bar item on report drafts: the topic count and the problem count; a click shows Problems.
import * as vscode from 'vscode';
import type { ReportStore } from './reportStore';

export function registerStatusBarSupport(store: ReportStore): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('midcycle.status', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Midcycle report';
  item.command = 'workbench.actions.view.problems';
  const update = () => {
    const document = vscode.window.activeTextEditor?.document;
    const report = document && store.get(document);
    if (!report) {
      item.hide();
      return;
    }
    const topics = report.topics.length;
    const problems = report.diagnostics.length;
    const errors = report.diagnostics.filter((d) => d.severity === 'error').length;
    item.text = `$(list-tree) ${topics} topic${topics === 1 ? '' : 's'}${problems ? ` $(${errors ? 'error' : 'warning'}) ${problems}` : ' $(check)'}`;
    item.tooltip = `Midcycle: ${topics} topics, ${report.links.length} links, ${report.actions.length} action items; ${problems ? `${problems} problem${problems === 1 ? '' : 's'} (click to show them)` : 'no problems'}`;
    item.backgroundColor = errors ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    item.show();
  };
  update();
  return vscode.Disposable.from(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    store.onDidChange((d) => {
      if (d === vscode.window.activeTextEditor?.document) update();
    }),
  );
}
