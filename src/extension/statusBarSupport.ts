// A status bar item on report drafts: the topic count and the problem count; a click shows Problems.
import * as vscode from 'vscode';
import type { LinkFacts } from './linkFacts';
import type { ReportStore } from './reportStore';

export function registerStatusBarSupport(store: ReportStore, facts: LinkFacts): vscode.Disposable {
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
    // what Problems lists: the parse's diagnostics and the link facts' ones
    const diagnostics = [...report.diagnostics, ...facts.diagnostics(report)];
    const problems = diagnostics.length;
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    item.text = `$(list-tree) ${topics} topic${topics === 1 ? '' : 's'}${problems ? ` $(${errors ? 'error' : 'warning'}) ${problems}` : ' $(check)'}`;
    // a service that could not be reached: one quiet mark, the why in the tooltip
    const trouble = facts.troubleText();
    if (trouble) item.text += ' $(cloud-offline)';
    item.tooltip = `Midcycle: ${topics} topics, ${report.links.length} links, ${report.actions.length} action items; ${problems ? `${problems} problem${problems === 1 ? '' : 's'} (click to show them)` : 'no problems'}${trouble ? `\nCould not look links up at ${trouble}` : ''}`;
    item.backgroundColor = errors ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    item.show();
  };
  update();
  return vscode.Disposable.from(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    facts.onDidChange(update),
    store.onDidChange((d) => {
      if (d === vscode.window.activeTextEditor?.document) update();
    }),
  );
}
