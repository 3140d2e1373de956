// Rules on what a link says rather than how it is written: a change, pull or merge request, issue,
// bug or commit that is not there, a change abandoned or a pull or merge request closed without
// being merged, a bug filed against another project than the link names, an issue link that is a
// pull request. They read the facts of linkFacts.ts; a link whose facts could not be read gets no
// diagnostic.
import { taskMatches, taskProject, type FactsResult, type LinkFacts } from './linkFacts';
import { trackerById } from '../rules/trackers/registry';
import { diagnosticOf, type SeveritySettings } from '../rules/ruleSeverity';
import type { RuleCode } from '../rules/ruleDefaults';
import type { Diagnostic, Link, TrackerItem } from '../model/model';

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
    if (link.item) {
      const found = itemProblem(link, link.item, result.state === 'found' ? result.facts : undefined);
      if (found) push(link, found.code, found.message, found.fix);
    } else openstackProblems(link, result, push);
  }
  return out;
}

/** What Gerrit, Launchpad and StoryBoard say of an OpenStack link that the writer should hear. */
function openstackProblems(
  link: Link,
  result: Exclude<FactsResult, { state: 'failed' }>,
  push: (link: Link, code: RuleCode, message: string, fix?: Diagnostic['fix']) => void,
): void {
  if (link.review?.change !== undefined) {
    if (result.state === 'not-found')
      push(link, 'review-not-found', `Change ${link.review.change} was not found on ${link.review.host}: a mistyped number, or a private change.`);
    else if (result.facts.status?.toUpperCase() === 'ABANDONED')
      push(link, 'review-abandoned', `Change ${link.review.change} was abandoned${quoted(result.facts.title)}.`);
  } else if (link.bug?.id !== undefined) {
    if (result.state === 'not-found') {
      push(link, 'bug-not-found', `Bug ${link.bug.id} was not found on Launchpad: a mistyped number, or a private bug.`);
      return;
    }
    const project = link.bug.project;
    const tasks = result.facts.tasks;
    if (!project || !tasks?.length || tasks.some((t) => taskMatches(t, project))) return;
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

/** What another tracker's item says that the writer should hear: not there, closed without being merged, a pull request linked as an issue. */
function itemProblem(link: Link, item: TrackerItem, facts: LinkFacts | undefined): { code: RuleCode; message: string; fix?: Diagnostic['fix'] } | undefined {
  const label = trackerById(item.tracker)?.label?.(item, link.kind) ?? link.raw;
  // where the item is: the site's host (bugzil.la's bugs are bugzilla.mozilla.org's)
  const host = /^https?:\/\/([^/]+)/.exec(item.base)?.[1] ?? item.host;
  if (!facts) {
    const code = NOT_FOUND[link.kind];
    if (!code) return undefined;
    const what = link.kind === 'issue' && item.short && item.tracker === 'github' ? 'Issue or pull request' : ITEM_WORDS[link.kind];
    const why = link.kind === 'commit' ? 'a mistyped hash' : item.key ? 'a mistyped key' : 'a mistyped number';
    const hidden =
      link.kind === 'bug'
        ? 'a private bug'
        : item.tracker === 'jira'
          ? 'a private issue'
          : item.tracker === 'gitlab'
            ? 'a private project'
            : 'a private repository';
    // a label that names the kind itself (Bugzilla's `bug 404`) is not said twice
    const named = label.toLowerCase().startsWith(`${what!.toLowerCase()} `) ? `${what}${label.slice(what!.length)}` : `${what} ${label}`;
    return { code, message: `${named} was not found on ${host}: ${why}, or ${hidden}.` };
  }
  const title = quoted(facts.title);
  if (link.kind === 'issue' && facts.kind === 'pull-request' && !item.short) {
    // GitHub opens /issues/<n> of a pull request as the pull request; the report counts it as an issue
    const at = link.raw.indexOf(`/issues/${item.number}`);
    const fixed = at >= 0 ? `${link.raw.slice(0, at)}/pull/${link.raw.slice(at + '/issues/'.length)}` : undefined;
    return {
      code: 'issue-link-is-pull-request',
      message: `Pull request ${label}${title} is linked as an issue.${fixed ? ` Did you mean <${fixed}>?` : ''}`,
      fix: fixed ? { range: link.range, text: fixed } : undefined,
    };
  }
  if ((link.kind === 'pull-request' || link.kind === 'merge-request') && facts.kind === link.kind && facts.status === 'closed')
    return {
      code: link.kind === 'pull-request' ? 'pull-request-closed' : 'merge-request-closed',
      message: `${ITEM_WORDS[link.kind]} ${label} was closed without being merged${title}.`,
    };
  return undefined;
}

const ITEM_WORDS: Partial<Record<Link['kind'], string>> = {
  'pull-request': 'Pull request',
  'merge-request': 'Merge request',
  issue: 'Issue',
  bug: 'Bug',
  commit: 'Commit',
};

const NOT_FOUND: Partial<Record<Link['kind'], RuleCode>> = {
  'pull-request': 'pull-request-not-found',
  'merge-request': 'merge-request-not-found',
  issue: 'issue-not-found',
  bug: 'bug-not-found',
  commit: 'commit-not-found',
};

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
