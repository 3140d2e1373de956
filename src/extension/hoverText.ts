// What a hover says about a review, bug, blueprint, story or etherpad link: what it points at, in
// words (a malformed one's corrected link), and what the services say of it. Not what is wrong with
// it: VS Code's hover shows the diagnostic's message above ours already.
import { linkLabel, type FactsResult, type Link } from '../core';
import { factsMarkdown } from './topicNodes';

/**
 * `facts`: what the service says of the link, once the writer lets Midcycle look links up.
 * `diagnosed`: a diagnostic of the facts is shown on the link (its "not found" is said there).
 */
export function hoverMarkdown(link: Link, facts?: FactsResult, diagnosed = false): string | undefined {
  const lines: string[] = [];
  const r = link.review;
  if (r?.change !== undefined) {
    lines.push(
      `**Gerrit change ${r.change}**${r.patchset ? ` patchset ${r.patchset}` : ''}${r.project ? ` in ${r.project}` : ''} on ${r.host}${r.file ? `, file \`${r.file}\`` : ''}`,
    );
  } else if (r?.query !== undefined) {
    lines.push(`**Gerrit query** \`${r.query}\` on ${r.host}`);
  } else if (r) {
    lines.push(`**Gerrit** page on ${r.host}`);
  } else if (link.bug?.id !== undefined) {
    lines.push(
      `**Launchpad bug ${link.bug.id}**${link.bug.project ? ` in ${link.bug.project}` : ''}${link.bug.comment !== undefined ? `, comment ${link.bug.comment}` : ''}`,
    );
  } else if (link.bug?.project) {
    lines.push(`**Launchpad bugs** of ${link.bug.project}`);
  } else if (link.blueprint) {
    lines.push(
      link.blueprint.name
        ? `**Launchpad blueprint** ${link.blueprint.name} in ${link.blueprint.project}`
        : `**Launchpad blueprints** of ${link.blueprint.project}`,
    );
  } else if (link.story) {
    // "story 2004567", "task 28123"
    lines.push(`**StoryBoard ${linkLabel(link)}**${link.story.comment !== undefined ? `, comment ${link.story.comment}` : ''} on ${link.story.host}`);
  } else if (link.etherpad) {
    lines.push(`**Etherpad** ${link.etherpad.name} on ${link.etherpad.host}`);
  }
  // a malformed link: its diagnostic says what is wrong, in the same hover (and it is not looked up)
  const known = link.problem ? undefined : facts;
  if (known?.state === 'found') lines.push(factsMarkdown(known.facts));
  else if (known?.state === 'not-found' && !diagnosed) lines.push('$(question) Not found: the service says there is no such thing (or it is private)');
  if (!lines.length) return undefined;
  lines.push(`[Open in browser](${link.url.replace(/[()\s]/g, (c) => encodeURIComponent(c))})`);
  return lines.join('\n\n');
}
