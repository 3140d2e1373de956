// The trackers beyond OpenStack's, a bundle of their own (dist/otherTrackers.js: see
// otherTrackersBundle.ts), with what only they need: the short references of a text, those a front
// matter names, a link's text against its item.
import { BUGZILLA } from './bugzilla';
import { CHROMIUM } from './chromium';
import { GITHUB } from './github';
import { GITLAB } from './gitlab';
import { GOOGLE_ISSUE_TRACKER } from './googleIssueTracker';
import { JIRA } from './jira';
import { PHABRICATOR } from './phabricator';
import { shortReferencesOf } from './shortReferences';
import type { LinkHosts } from '../linkHosts';
import type { ShortReference, Tracker } from './tracker';

export { textNumberProblem } from '../linkTextNumber';
export { withFrontMatterReferences } from './frontMatterReferences';

/** In the order their snippets are offered, after OpenStack's. */
export const OTHER_TRACKERS: readonly Tracker[] = [GITHUB, GITLAB, JIRA, BUGZILLA, CHROMIUM, GOOGLE_ISSUE_TRACKER, PHABRICATOR];

/** The short references of a text, in order. */
export function shortReferences(text: string, hosts: LinkHosts): ShortReference[] {
  return shortReferencesOf(text, hosts, OTHER_TRACKERS);
}
