// What a hover says about a review, bug, blueprint, story or etherpad link, or another tracker's pull
// request, issue, bug, task or commit: what it points at, in words (a malformed one's corrected
// link), and what the services say of it. Not what is wrong with it: VS Code's hover shows the
// diagnostic's message above ours already.
import * as l10n from '@vscode/l10n';
import type { FactsResult } from '../core/facts/linkFacts';
import type { Link, LinkKind } from '../core/model/model';
import { itemId, linkLabel } from '../core/rules/linkLabel';
import { trackerById } from '../core/rules/trackers/registry';
import { escapeMarkdown, factsMarkdown } from './markdownText';

/**
 * `facts`: what the service says of the link, once the writer lets Midcycle look links up.
 * `diagnosed`: a diagnostic of the facts is shown on the link (its "not found" is said there).
 */
export function hoverMarkdown(link: Link, facts?: FactsResult, diagnosed = false): string | undefined {
  const lines: string[] = [];
  // every string of the draft's own (a query, a project, a pad's name) shows as itself: never an
  // image, a link or a `$(icon)` (the hover renders theme icons)
  const e = escapeMarkdown;
  const r = link.review;
  if (r?.change !== undefined) {
    // the optional parts as arguments of the whole line, so that a translation may order them
    lines.push(
      l10n.t(
        '**Gerrit change {0}**{1}{2} on {3}{4}',
        r.change,
        r.patchset ? ` ${l10n.t('patchset {0}', r.patchset)}` : '',
        r.project ? ` ${l10n.t('in {0}', e(r.project))}` : '',
        e(r.host),
        r.file ? `, ${l10n.t('file {0}', e(r.file))}` : '',
      ),
    );
  } else if (r?.query !== undefined) {
    lines.push(l10n.t('**Gerrit query** {0} on {1}', e(r.query), e(r.host)));
  } else if (r) {
    lines.push(l10n.t('**Gerrit** page on {0}', e(r.host)));
  } else if (link.bug?.id !== undefined) {
    lines.push(
      l10n.t(
        '**Launchpad bug {0}**{1}{2}',
        link.bug.id,
        link.bug.project ? ` ${l10n.t('in {0}', e(link.bug.project))}` : '',
        link.bug.comment !== undefined ? `, ${l10n.t('comment {0}', link.bug.comment)}` : '',
      ),
    );
  } else if (link.bug?.project) {
    lines.push(l10n.t('**Launchpad bugs** of {0}', e(link.bug.project)));
  } else if (link.blueprint) {
    lines.push(
      link.blueprint.name
        ? l10n.t('**Launchpad blueprint** {0} in {1}', e(link.blueprint.name), e(link.blueprint.project))
        : l10n.t('**Launchpad blueprints** of {0}', e(link.blueprint.project)),
    );
  } else if (link.story) {
    // "story 2004567", "task 28123"
    lines.push(
      l10n.t(
        '**StoryBoard {0}**{1} on {2}',
        linkLabel(link),
        link.story.comment !== undefined ? `, ${l10n.t('comment {0}', link.story.comment)}` : '',
        e(link.story.host),
      ),
    );
  } else if (link.etherpad) {
    lines.push(l10n.t('**Etherpad** {0} on {1}', e(link.etherpad.name), e(link.etherpad.host)));
  } else if (link.item) {
    lines.push(...itemLines(link));
  }
  // a malformed link: its diagnostic says what is wrong, in the same hover (and it is not looked up)
  const known = link.problem ? undefined : facts;
  if (known?.state === 'found') lines.push(factsMarkdown(known.facts));
  else if (known?.state === 'not-found' && !diagnosed)
    lines.push(`$(question) ${l10n.t('Not found: the service says there is no such thing (or it is private)')}`);
  if (!lines.length) return undefined;
  // what could end the destination or escape in it encoded: the URL is the draft's own text too
  // (encodeURIComponent leaves parentheses as they are)
  const destination = link.url.replace(/[()<>\\\s]/g, (c) => (c === '(' ? '%28' : c === ')' ? '%29' : encodeURIComponent(c)));
  lines.push(`[${l10n.t('Open in browser')}](${destination})`);
  return lines.join('\n\n');
}

/** Another tracker's item: "**GitHub pull request #58837** in nodejs/node on github.com", and what a short reference stands for. */
function itemLines(link: Link): string[] {
  const e = escapeMarkdown;
  const i = link.item!;
  const id = itemId(link) ?? '';
  // the repository, unless the item's key says it already (a Jira key names its project)
  const within = i.repository && !id.startsWith(i.repository) ? ` ${l10n.t('in {0}', e(i.repository))}` : '';
  // the tracker's name is a name: as it is in any language
  const name = e(trackerById(i.tracker)?.name ?? i.tracker);
  const lines = [l10n.t('**{0} {1} {2}**{3} on {4}', name, itemWord(link.kind, i.short === true && i.tracker === 'github'), e(id), within, e(i.host))];
  if (i.short) lines.push(l10n.t('Written {0}: the email links it to {1}', e(link.raw), e(link.url)));
  return lines;
}

/** One item of a kind, in words: "pull request", "issue"; `either`, a GitHub `#123`, which GitHub alone knows to be an issue or a pull request. */
function itemWord(kind: LinkKind, either: boolean): string {
  if (either) return l10n.t('issue or pull request');
  switch (kind) {
    case 'pull-request':
      return l10n.t('pull request');
    case 'merge-request':
      return l10n.t('merge request');
    case 'issue':
      return l10n.t('issue');
    case 'bug':
      return l10n.t('bug');
    case 'task':
      return l10n.t('task');
    case 'review':
      return l10n.t('revision');
    case 'commit':
      return l10n.t('commit');
    case 'discussion':
      return l10n.t('discussion');
    default:
      return l10n.t('link');
  }
}
