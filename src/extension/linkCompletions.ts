// Completions a snippet cannot give: after `bugs.launchpad.net/` or `review.opendev.org/c/`, the
// projects this draft already links to, with the rest of the link's path.
import * as l10n from '@vscode/l10n';
import type { Report } from '../core';

export interface LinkCompletion {
  label: string;
  insertText: string;
  detail: string;
}

export function linkCompletions(report: Report, linePrefix: string): LinkCompletion[] {
  const m = /(?:https?:\/\/)?((?:bugs\.|blueprints\.)?launchpad\.net|review\.[\w.-]+|etherpad\.[\w.-]+)\/(c\/)?([\w.-]*)$/i.exec(linePrefix);
  if (!m) return [];
  const host = m[1].toLowerCase();
  const typed = m[3].toLowerCase();
  const count = (names: string[]) => {
    const seen = new Map<string, number>();
    for (const n of names) seen.set(n, (seen.get(n) ?? 0) + 1);
    return [...seen].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).filter(([n]) => n.toLowerCase().startsWith(typed));
  };
  if (host === 'bugs.launchpad.net' || (host === 'launchpad.net' && !m[2])) {
    const projects = count(report.links.flatMap((l) => (l.bug?.project ? [l.bug.project] : l.blueprint ? [l.blueprint.project] : [])));
    return projects.map(([p, n]) => ({ label: p, insertText: `${p}/+bug/`, detail: l10n.t('bugs of {0} ({1} in this report)', p, n) }));
  }
  if (host === 'blueprints.launchpad.net') {
    const projects = count(report.links.flatMap((l) => (l.blueprint ? [l.blueprint.project] : l.bug?.project ? [l.bug.project] : [])));
    return projects.map(([p, n]) => ({ label: p, insertText: `${p}/+spec/`, detail: l10n.t('blueprints of {0} ({1} in this report)', p, n) }));
  }
  if (host.startsWith('review.') && m[2]) {
    const projects = count(report.links.flatMap((l) => (l.review?.project ? [l.review.project] : [])));
    return projects.map(([p, n]) => ({ label: p, insertText: `${p}/+/`, detail: l10n.t('changes in {0} ({1} in this report)', p, n) }));
  }
  if (host.startsWith('etherpad.') && !typed) return [{ label: 'p/', insertText: 'p/', detail: l10n.t('a pad: /p/<name>') }];
  return [];
}
