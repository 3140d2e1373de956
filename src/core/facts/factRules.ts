// Rules on what a link says rather than how it is written: a change that is not there or was
// abandoned, a bug filed against another project than the link names. They read the facts of
// linkFacts.ts; a link whose facts could not be read gets no diagnostic.
import { taskMatches, taskProject, type FactsResult } from './linkFacts';
import { diagnosticOf, type SeveritySettings } from '../rules/ruleSeverity';
import type { RuleCode } from '../rules/ruleDefaults';
import type { Diagnostic, Link } from '../model/model';

const quoted = (title: string | undefined) => (title ? ` (“${title.length > 80 ? `${title.slice(0, 79)}…` : title}”)` : '');

/**
 * The diagnostics of the links' facts, in the links' order. `resultOf` gives a link's facts, or
 * undefined when they were not asked for (or not yet answered).
 */
export function factDiagnostics(links: readonly Link[], resultOf: (link: Link) => FactsResult | undefined, severities: SeveritySettings = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const push = (link: Link, code: RuleCode, message: string, fix?: Diagnostic['fix']) => {
    const d = diagnosticOf({ code, range: link.range, message, fix }, severities);
    if (d) out.push(d);
  };
  for (const link of links) {
    if (link.problem) continue; // its form is wrong: that diagnostic comes first, alone
    const result = resultOf(link);
    if (!result || result.state === 'failed') continue;
    if (link.review?.change !== undefined) {
      if (result.state === 'not-found')
        push(link, 'review-not-found', `Change ${link.review.change} was not found on ${link.review.host}: a mistyped number, or a private change.`);
      else if (result.facts.status?.toUpperCase() === 'ABANDONED')
        push(link, 'review-abandoned', `Change ${link.review.change} was abandoned${quoted(result.facts.title)}.`);
    } else if (link.bug?.id !== undefined) {
      if (result.state === 'not-found') {
        push(link, 'bug-not-found', `Bug ${link.bug.id} was not found on Launchpad: a mistyped number, or a private bug.`);
        continue;
      }
      const project = link.bug.project;
      const tasks = result.facts.tasks;
      if (!project || !tasks?.length || tasks.some((t) => taskMatches(t, project))) continue;
      const projects = [...new Set(tasks.map(taskProject))];
      const title = quoted(result.facts.title);
      if (projects.length === 1) {
        // the fix writes the service's words into the draft: only a name Launchpad itself could have
        const at = link.raw.indexOf(`/${project}/+bug/`);
        const fixed =
          at >= 0 && isLaunchpadTarget(projects[0]) ? `${link.raw.slice(0, at + 1)}${projects[0]}${link.raw.slice(at + 1 + project.length)}` : link.raw;
        const fix = fixed !== link.raw ? { range: link.range, text: fixed } : undefined;
        push(
          link,
          'bug-other-project',
          `Bug ${link.bug.id}${title} is filed against ${projects[0]}, not ${project}.${fix ? ` Did you mean <${fixed}>?` : ''}`,
          fix,
        );
      } else {
        push(link, 'bug-other-project', `Bug ${link.bug.id}${title} is filed against ${listWords(projects)}, not ${project}.`);
      }
    } else if (link.blueprint?.name) {
      if (result.state === 'not-found')
        push(link, 'blueprint-not-found', `Blueprint ${link.blueprint.name} was not found in ${link.blueprint.project} on Launchpad.`);
    } else if (link.story) {
      const what = link.story.story !== undefined ? `Story ${link.story.story}` : `Task ${link.story.task}`;
      if (result.state === 'not-found') push(link, 'story-not-found', `${what} was not found on ${link.story.host}.`);
    }
  }
  return out;
}

/**
 * Launchpad's names (of a project, a distribution, a package) are lower-case letters, digits and
 * `+.-`, starting with a letter or digit; a package's target is `<distribution>/+source/<package>`.
 */
const LAUNCHPAD_NAME = '[a-z0-9][a-z0-9+.-]{0,99}';
const LAUNCHPAD_TARGET = new RegExp(`^${LAUNCHPAD_NAME}(?:/\\+source/${LAUNCHPAD_NAME})?$`);

export function isLaunchpadTarget(name: string): boolean {
  return LAUNCHPAD_TARGET.test(name);
}

function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  const shown = items.length > 4 ? [...items.slice(0, 3), `${items.length - 3} more`] : items;
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}
