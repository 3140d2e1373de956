// The link snippets, written the way this draft already writes its links: a draft of
// review.openstack.org `/#/c/<n>/` links gets that form, not review.opendev.org's; bugs and
// blueprints name the project the draft links to most. The part that identifies the change, bug,
// story or pad is an empty tab stop: a snippet left as inserted is a link with no number or name,
// which the link rules flag, never a plausible link to somebody else's change.
import * as l10n from '@vscode/l10n';
import type { LinkKind, Report } from '../core';
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

/** The snippets for this report, each tracker's in the forms its links take in the draft, in the order a writer reaches for them. */
export function linkSnippets(report: Report): LinkSnippet[] {
  const links = report.links.filter((l) => !l.problem);
  const hosts = report.parse.hosts;
  // in brackets of their own: the completion after `https://` shows the form without them
  const seen = (used: number | undefined) => (used ? ` (${used === 1 ? l10n.t('as 1 link in this draft') : l10n.t('as {0} links in this draft', used)})` : '');
  return allTrackers()
    .flatMap((t) => t.snippets?.(links, hosts) ?? [])
    .map((s) => {
      const form = plainForm(s.body);
      return { kind: s.kind, label: s.label, body: s.body, form, detail: `${form}${seen(s.used)}` };
    });
}

/** A snippet's body as the writer reads it: tab stops as "…", defaults as themselves. */
function plainForm(body: string): string {
  return body
    .replace(/^https:\/\//, '')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '…');
}
