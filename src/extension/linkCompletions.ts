// Completions a snippet cannot give: after `bugs.launchpad.net/`, `review.opendev.org/c/`,
// `github.com/`, a GitLab's host or a Jira's `/browse/`, the projects and repositories this draft
// already links to, with the rest of the link's path; after `#`, the pull requests and issues it
// links to, as short references.
import * as l10n from '@vscode/l10n';
import type { Link, Report } from '../core';
import { linkLabel } from '../core/rules/linkLabel';
import { repositoryOf } from '../core/rules/trackers/repository';

export interface LinkCompletion {
  label: string;
  insertText: string;
  detail: string;
  /** How many characters before the cursor it replaces, when not the word typed. */
  replace?: number;
}

/** How often each name comes, most first, of those that start with what is typed. */
function counted(names: readonly string[], typed: string): [string, number][] {
  const seen = new Map<string, number>();
  for (const n of names) seen.set(n, (seen.get(n) ?? 0) + 1);
  return [...seen].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).filter(([n]) => n.toLowerCase().startsWith(typed.toLowerCase()));
}

export function linkCompletions(report: Report, linePrefix: string): LinkCompletion[] {
  const tracker = trackerCompletions(report, linePrefix);
  if (tracker) return tracker;
  const m = /(?:https?:\/\/)?((?:bugs\.|blueprints\.)?launchpad\.net|review\.[\w.-]+|etherpad\.[\w.-]+)\/(c\/)?([\w.-]*)$/i.exec(linePrefix);
  if (!m) return [];
  const host = m[1].toLowerCase();
  const typed = m[3].toLowerCase();
  const count = (names: string[]) => counted(names, typed);
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

/** The items of the other trackers the draft links to, by URL (not its short references). */
function itemLinks(report: Report, tracker: string): Link[] {
  return report.links.filter((l) => !l.problem && l.item?.tracker === tracker && !l.item.short);
}

/**
 * After `github.com/` the repositories the draft links to, after `github.com/<owner>/<repo>/` its
 * items' paths; after a GitLab host the projects; after a Jira's `/browse/` the projects' keys.
 * Undefined when the line is at none of those.
 */
function trackerCompletions(report: Report, linePrefix: string): LinkCompletion[] | undefined {
  let m = /(?:https?:\/\/)?github\.com\/([\w.-]+\/[\w.-]+)\/([a-z]*)$/i.exec(linePrefix);
  if (m) {
    const repository = m[1];
    return [
      { label: 'pull/', insertText: 'pull/', detail: l10n.t('a pull request of {0}', repository) },
      { label: 'issues/', insertText: 'issues/', detail: l10n.t('an issue of {0}', repository) },
    ].filter((c) => c.label.startsWith(m![2]));
  }
  m = /(?:https?:\/\/)?github\.com\/([\w.-]*(?:\/[\w.-]*)?)$/i.exec(linePrefix);
  if (m) {
    const typed = m[1];
    const repositories = counted(
      itemLinks(report, 'github').flatMap((l) => (l.item!.repository?.includes('/') ? [l.item!.repository] : [])),
      typed,
    );
    return repositories.map(([r, n]) => ({
      label: r,
      insertText: `${r}/`,
      detail: l10n.t('pull requests and issues of {0} ({1} in this report)', r, n),
      replace: typed.length,
    }));
  }
  m = /(?:https?:\/\/)?([\w.-]+)((?:\/[\w.-]+)*)\/browse\/([A-Z]*)$/.exec(linePrefix);
  if (m) {
    const host = m[1].toLowerCase();
    const keys = counted(
      itemLinks(report, 'jira').flatMap((l) => (l.item!.host === host && l.item!.repository ? [l.item!.repository] : [])),
      m[3],
    );
    return keys.map(([k, n]) => ({ label: `${k}-`, insertText: `${k}-`, detail: l10n.t('issues of {0} ({1} in this report)', k, n) }));
  }
  m = /(?:https?:\/\/)?([\w.-]+)\/([\w./-]*)$/i.exec(linePrefix);
  const gitlab = m && itemLinks(report, 'gitlab').filter((l) => l.item!.host === m![1].toLowerCase());
  if (m && gitlab?.length) {
    const projects = counted(
      gitlab.map((l) => l.item!.repository!),
      m[2],
    );
    return projects.map(([p, n]) => ({
      label: p,
      insertText: `${p}/-/`,
      detail: l10n.t('merge requests and issues of {0} ({1} in this report)', p, n),
      replace: m![2].length,
    }));
  }
  return undefined;
}

export interface ReferenceCompletion extends LinkCompletion {
  /** How many characters before the cursor the completion replaces (the `#` and the digits typed). */
  replace: number;
}

/**
 * After `#` (not a heading's), or `owner/repo#`, the pull requests, merge requests and issues the
 * draft links to, as short references: `#123` for the draft's own repository's, `owner/repo#123`
 * for another's. The digits typed narrow them.
 */
export function referenceCompletions(report: Report, linePrefix: string): ReferenceCompletion[] {
  const m = /(^|[\s([{,;:])((?:[A-Za-z0-9][\w.-]*\/[\w.-]+)?)#(\d*)$/.exec(linePrefix);
  // a heading's `#`s, at the start of a line, are no reference
  if (!m || /^\s*#*$/.test(linePrefix.slice(0, m.index + m[1].length))) return [];
  const [, , repository, digits] = m;
  const own = report.parse.hosts.references?.repository;
  const ownPath = own ? repositoryOf(own)?.path : undefined;
  const items = report.links.filter(
    (l) => !l.problem && l.item?.number !== undefined && (l.item.tracker === 'github' || l.item.tracker === 'gitlab') && l.kind !== 'merge-request',
  );
  const seen = new Set<string>();
  const out: ReferenceCompletion[] = [];
  for (const l of items) {
    const item = l.item!;
    if (repository && item.repository !== repository) continue;
    if (!String(item.number).startsWith(digits)) continue;
    const ownItem = !repository && item.repository === ownPath;
    const label = ownItem ? `#${item.number}` : `${item.repository}#${item.number}`;
    if (seen.has(label)) continue;
    seen.add(label);
    const what = l.kind === 'pull-request' ? l10n.t('pull request') : l.kind === 'discussion' ? l10n.t('discussion') : l10n.t('issue');
    out.push({
      label,
      insertText: label,
      detail: l10n.t('{0} {1}, linked on line {2}', what, linkLabel(l), l.range.start.line + 1),
      replace: m[2].length + 1 + digits.length,
    });
  }
  return out;
}
