// A status bar item on report drafts: the topic count and the problem counts, plain as VS Code's own
// Problems indicator is (`$(error) 1 $(warning) 2`, no error background); a click shows Problems.
import * as vscode from 'vscode';
import { activeMarkdown } from './activeDraft';
import type { LinkFacts } from './linkFacts';
import type { ReportStore } from './reportStore';

/** The item, for the integration tests to read, and what to dispose. */
export type StatusBar = vscode.Disposable & { readonly item: vscode.StatusBarItem };

export function registerStatusBarSupport(store: ReportStore, facts: LinkFacts): StatusBar {
  const item = vscode.window.createStatusBarItem('midcycle.status', vscode.StatusBarAlignment.Right, 100);
  item.name = vscode.l10n.t('Midcycle report');
  item.command = 'workbench.actions.view.problems';
  const update = () => {
    const document = activeMarkdown();
    const report = document && store.get(document);
    if (!report) {
      item.hide();
      return;
    }
    const topics = report.topics.length;
    // what Problems lists: the parse's diagnostics and the link facts' ones
    const diagnostics = [...report.diagnostics, ...facts.diagnostics(report)];
    const problems = diagnostics.length;
    const count = (severity: string) => diagnostics.filter((d) => d.severity === severity).length;
    const topicCount = topics === 1 ? vscode.l10n.t('1 topic') : vscode.l10n.t('{0} topics', topics);
    item.text = `$(list-tree) ${topicCount} ${problemCounts(count('error'), count('warning'), count('info'))}`;
    // a service that could not be reached: one quiet mark, the why in the tooltip
    const trouble = facts.troubleText();
    if (trouble) item.text += ' $(cloud-offline)';
    const problemText = !problems
      ? vscode.l10n.t('no problems')
      : problems === 1
        ? vscode.l10n.t('1 problem (click to show them)')
        : vscode.l10n.t('{0} problems (click to show them)', problems);
    const links = report.links.length;
    const actions = report.actions.length;
    const held = [
      topics === 1 ? vscode.l10n.t('1 topic') : vscode.l10n.t('{0} topics', topics),
      links === 1 ? vscode.l10n.t('1 link') : vscode.l10n.t('{0} links', links),
      actions === 1 ? vscode.l10n.t('1 action item') : vscode.l10n.t('{0} action items', actions),
    ].join(', ');
    item.tooltip = vscode.l10n.t('Midcycle: {0}; {1}', held, problemText) + (trouble ? `\n${vscode.l10n.t('Could not look links up at {0}', trouble)}` : '');
    item.show();
  };
  update();
  const disposable = vscode.Disposable.from(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    facts.onDidChange(update),
    store.onDidChange((d) => {
      if (d === activeMarkdown()) update();
    }),
  );
  return Object.assign(disposable, { item });
}

/** `$(error) 1 $(warning) 2`, and `$(info) 3` when there is information, as VS Code's Problems indicator writes them; `$(check)` for none. */
export function problemCounts(errors: number, warnings: number, infos: number): string {
  if (!errors && !warnings && !infos) return '$(check)';
  return `$(error) ${errors} $(warning) ${warnings}${infos ? ` $(info) ${infos}` : ''}`;
}
