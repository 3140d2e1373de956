// The link snippets, written the way this draft already writes its links: a draft of
// review.openstack.org `/#/c/<n>/` links gets that form, not review.opendev.org's; bugs and
// blueprints name the project the draft links to most. The part that identifies the change, bug,
// story or pad is an empty tab stop: a snippet left as inserted is a link with no number or name,
// which the link rules flag, never a plausible link to somebody else's change.
import * as l10n from '@vscode/l10n';
import type { Link, LinkKind, Report } from '../core';

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

type Form = { key: string; count: number };

/** The snippets for this report, one per kind of link, in the order a writer reaches for them. */
export function linkSnippets(report: Report): LinkSnippet[] {
  const links = report.links.filter((l) => !l.problem);
  const review = mostUsed(links.filter((l) => l.review?.change !== undefined).map(reviewForm));
  const project = (pick: (l: Link) => string | undefined, fallback: string) => mostUsed(links.map(pick).filter((p): p is string => !!p))?.key ?? fallback;
  // a draft that links to none: a placeholder that reads as one, not a real project's name
  const launchpad = project((l) => l.bug?.project ?? l.blueprint?.project, 'PROJECT');
  const gerritProject = project((l) => l.review?.project, 'openstack/PROJECT');
  const story = mostUsed(links.flatMap((l) => (l.story ? [l.story.host] : [])));
  const pad = mostUsed(links.flatMap((l) => (l.etherpad ? [l.etherpad.host] : [])));
  // in brackets of their own: the completion after `https://` shows the form without them
  const seen = (f: Form | undefined) => (f ? ` (${f.count === 1 ? l10n.t('as 1 link in this draft') : l10n.t('as {0} links in this draft', f.count)})` : '');

  const snippet = (kind: LinkSnippet['kind'], body: string, used?: Form): LinkSnippet => {
    const form = plainForm(body);
    return { kind, label: kind, body, form, detail: `${form}${seen(used)}` };
  };
  return [
    snippet('review', review ? reviewSnippet(review.key, gerritProject) : reviewSnippet('review.opendev.org c', gerritProject), review),
    snippet('bug', `https://bugs.launchpad.net/\${1:${launchpad}}/+bug/$2`),
    snippet('blueprint', `https://blueprints.launchpad.net/\${1:${launchpad}}/+spec/$2`),
    snippet('story', `https://${story?.key ?? 'storyboard.openstack.org'}/#!/story/$1`, story),
    snippet('etherpad', `https://${pad?.key ?? 'etherpad.opendev.org'}/p/$1`, pad),
  ];
}

/** A review link's host and form: "review.openstack.org #" (`/#/c/<n>/`), "… c" (`/c/<project>/+/<n>`), "… n" (`/<n>`). */
function reviewForm(link: Link): string {
  const host = link.review!.host;
  const path = link.url.replace(/^https?:\/\/[^/]+/i, '');
  return `${host} ${path.startsWith('/#/c/') ? '#' : path.startsWith('/c/') ? 'c' : 'n'}`;
}

/** A draft of short `/<n>` links gets the `/c/` form on its host: `https://<host>/` left empty would be a well-formed link. */
function reviewSnippet(form: string, project: string): string {
  const [host, style] = form.split(' ');
  if (style === '#') return `https://${host}/#/c/$1`;
  return `https://${host}/c/\${1:${project}}/+/$2`;
}

/** A snippet's body as the writer reads it: tab stops as "…", defaults as themselves. */
function plainForm(body: string): string {
  return body
    .replace(/^https:\/\//, '')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '…');
}

function mostUsed(keys: readonly string[]): Form | undefined {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  let best: Form | undefined;
  for (const [key, count] of counts) if (!best || count > best.count) best = { key, count };
  return best;
}
