// The link snippets, written the way this draft already writes its links: a draft of
// review.openstack.org `/#/c/<n>/` links gets that form, not review.opendev.org's; bugs and
// blueprints name the project the draft links to most. The part that identifies the change, bug,
// story or pad is an empty tab stop: a snippet left as inserted is a link with no number or name,
// which the link rules flag, never a plausible link to somebody else's change.
import * as l10n from '@vscode/l10n';
import type { Link, LinkKind, Report } from '../core';
import { allTrackers } from '../core/rules/trackers/registry';

export interface LinkSnippet {
  kind: Exclude<LinkKind, 'other'>;
  /** What the writer types for it (the completion's label and filter). */
  label: string;
  /** A snippet (VS Code's syntax), from `https://`. */
  body: string;
  /** The form as the writer reads it, tab stops as "…": "review.openstack.org/#/c/…". */
  form: string;
  /** The form and how often the draft uses it, as the completion's detail: "review.openstack.org/#/c/… (as 12 links in this draft)". */
  detail: string;
}

/**
 * The snippets for this report, each tracker's in the forms its links take in the draft: OpenStack's
 * trackers together in their order of old, the others each, those the draft links to most first (a
 * draft of GitHub links is offered GitHub's first, the reference draft Gerrit's).
 */
export function linkSnippets(report: Report): LinkSnippet[] {
  const links = report.links.filter((l) => !l.problem);
  const hosts = report.parse.hosts;
  const used = new Map<string, number>();
  for (const l of links) {
    const group = groupOf(l);
    if (group) used.set(group, (used.get(group) ?? 0) + 1);
  }
  // in brackets of their own: the completion after `https://` shows the form without them
  const seen = (count: number | undefined) =>
    count ? ` (${count === 1 ? l10n.t('as 1 link in this draft') : l10n.t('as {0} links in this draft', count)})` : '';
  return allTrackers()
    .map((t) => ({ weight: used.get(OPENSTACK.has(t.id) ? 'openstack' : t.id) ?? 0, snippets: t.snippets?.(links, hosts) ?? [] }))
    .sort((a, b) => b.weight - a.weight)
    .flatMap((g) => g.snippets)
    .map((s) => {
      const form = plainForm(s.body);
      return { kind: s.kind, label: s.label, body: s.body, form, detail: `${form}${seen(s.used)}` };
    });
}

/** OpenStack's trackers, whose snippets keep their order together. */
const OPENSTACK = new Set(['gerrit', 'launchpad', 'storyboard', 'etherpad']);

/** Which tracker's links a link counts among: OpenStack's as one. */
function groupOf(l: Link): string | undefined {
  if (l.item) return l.item.tracker;
  return l.review || l.bug || l.blueprint || l.story || l.etherpad ? 'openstack' : undefined;
}

/** A snippet's body as the writer reads it: tab stops as "…", defaults as themselves. */
function plainForm(body: string): string {
  return body
    .replace(/^https:\/\//, '')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '…');
}
