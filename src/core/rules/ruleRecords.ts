// Every rule, once: its code, what it is about, its default severity, what it finds in words, and
// an example on both sides. The README's rule table, the `midcycle.severity` settings' schema and
// ruleDefaults.ts (the defaults alone, which is all the extension and the CLI ship) are generated
// from these records by `npm run rules`; the build and a unit test fail when they are not what it
// would write. The rules' logic stays where it runs and names its codes by RuleCode, so a code no
// record has is a type error. In the order of the README's table.
import type { Severity } from '../model/basics';

/** What a rule looks at: a link's form, a link's facts (online), the Markdown, the file, the people, the message, the last report. */
export type RuleGroup = 'link' | 'facts' | 'document' | 'file' | 'people' | 'message' | 'followUps';

export interface RuleRecord {
  /** Stable code shown with the diagnostic, used in settings and as the README's anchor (`#rule-<code>`). */
  code: string;
  group: RuleGroup;
  /** Its severity unless the `midcycle.severity` setting says otherwise. */
  severity: Severity;
  /** What it finds, in Markdown: the README's words and the setting's description. */
  description: string;
  /** A draft's text it reports, and the text its fix gives, when it has one. */
  example?: { bad: string; good?: string };
}

export const RULE_RECORDS = [
  // how a link is written: the link rules (src/core/linkRules), each with its fix when it is clear
  {
    code: 'link-space',
    group: 'link',
    severity: 'error',
    description: 'A link broken by a space: Markdown shows `[text](url with space)` as text, not a link.',
    example: { bad: '[bug](https://bugs.launchpad.net/neutron/+bug/ 1507499)', good: '[bug](https://bugs.launchpad.net/neutron/+bug/1507499)' },
  },
  {
    code: 'link-scheme',
    group: 'link',
    severity: 'error',
    description: 'A link whose `https://` is misspelt (`https:/`, `https//`, `htps://`), so it is not a link at all.',
    example: { bad: 'https:/review.openstack.org/#/c/283798/', good: 'https://review.openstack.org/#/c/283798/' },
  },
  {
    code: 'link-missing-scheme',
    group: 'link',
    severity: 'error',
    description:
      'A link to a change, pull or merge request, issue, bug, task, blueprint, story or pad without `https://`, which many mail clients do not make clickable (only the pages of items are taken for links on GitHub, GitLab, Jira and the bug trackers: `github.com/nodejs` in a sentence stays a sentence).',
    example: { bad: 'review.openstack.org/#/c/283798/', good: 'https://review.openstack.org/#/c/283798/' },
  },
  {
    code: 'link-host-misspelt',
    group: 'link',
    severity: 'error',
    description: 'A misspelt Gerrit, Launchpad, StoryBoard or etherpad host.',
    example: { bad: 'https://reviews.openstack.org/#/c/283798/', good: 'https://review.openstack.org/#/c/283798/' },
  },
  {
    code: 'link-double-slash',
    group: 'link',
    severity: 'error',
    description: 'A link to a change, pull or merge request, issue, bug, task, blueprint, story or pad with `//` inside its path.',
    example: { bad: 'https://bugs.launchpad.net/neutron/+bug//1507499', good: 'https://bugs.launchpad.net/neutron/+bug/1507499' },
  },
  {
    code: 'review-missing-slash',
    group: 'link',
    severity: 'error',
    description: 'A Gerrit link missing a `/`: `#c/`, or `/c` run into the number.',
    example: { bad: 'https://review.openstack.org/#c/283798/', good: 'https://review.openstack.org/#/c/283798/' },
  },
  {
    code: 'review-missing-hash',
    group: 'link',
    severity: 'error',
    description: 'An old-style Gerrit change link (`/c/<number>`) without its `#`.',
    example: { bad: 'https://review.openstack.org/c/283798', good: 'https://review.openstack.org/#/c/283798/' },
  },
  {
    code: 'review-missing-plus',
    group: 'link',
    severity: 'error',
    description: 'A `/c/<project>/<number>` link missing the `/+/` between project and change number.',
    example: { bad: 'https://review.opendev.org/c/openstack/neutron/283798', good: 'https://review.opendev.org/c/openstack/neutron/+/283798' },
  },
  {
    code: 'review-change-missing',
    group: 'link',
    severity: 'error',
    description: 'A Gerrit change link with no change number.',
    example: { bad: 'https://review.openstack.org/#/c/' },
  },
  {
    code: 'review-change-not-numeric',
    group: 'link',
    severity: 'error',
    description: 'A Gerrit change number with letters or other characters in it.',
    example: { bad: 'https://review.openstack.org/#/c/283798x/', good: 'https://review.openstack.org/#/c/283798/' },
  },
  {
    code: 'review-patchset-not-numeric',
    group: 'link',
    severity: 'error',
    description:
      'A Gerrit patchset number with letters or other characters in it, or a word or file path where the patchset goes (`/#/c/<n>/<patchset>/<file>`).',
    example: { bad: 'https://review.openstack.org/#/c/282876/14x', good: 'https://review.openstack.org/#/c/282876/14' },
  },
  {
    code: 'bug-short-form',
    group: 'link',
    severity: 'error',
    description: 'A project-less Launchpad bug link written `/bug/<n>` or `/+bug/<n>` instead of `/bugs/<n>`.',
    example: { bad: 'https://launchpad.net/bug/1507499', good: 'https://launchpad.net/bugs/1507499' },
  },
  {
    code: 'bug-missing-slash',
    group: 'link',
    severity: 'error',
    description: 'A Launchpad bug link missing the `/` before or after `+bug`.',
    example: { bad: 'https://bugs.launchpad.net/neutron+bug/1507499', good: 'https://bugs.launchpad.net/neutron/+bug/1507499' },
  },
  {
    code: 'bug-missing-plus',
    group: 'link',
    severity: 'error',
    description: 'A Launchpad bug link with `/bug/` or `/bugs/` after the project instead of `/+bug/`.',
    example: { bad: 'https://bugs.launchpad.net/neutron/bug/1507499', good: 'https://bugs.launchpad.net/neutron/+bug/1507499' },
  },
  {
    code: 'bug-plural',
    group: 'link',
    severity: 'error',
    description: 'A Launchpad bug link with `+bugs/<n>` (the bug list) where `+bug/<n>` (one bug) was meant.',
    example: { bad: 'https://bugs.launchpad.net/neutron/+bugs/1507499', good: 'https://bugs.launchpad.net/neutron/+bug/1507499' },
  },
  {
    code: 'bug-number-missing',
    group: 'link',
    severity: 'error',
    description: 'A Launchpad bug link with no bug number.',
    example: { bad: 'https://bugs.launchpad.net/neutron/+bug/' },
  },
  {
    code: 'bug-number-not-numeric',
    group: 'link',
    severity: 'error',
    description: 'A Launchpad bug number with letters or other characters in it.',
    example: { bad: 'https://bugs.launchpad.net/neutron/+bug/1507499a', good: 'https://bugs.launchpad.net/neutron/+bug/1507499' },
  },
  {
    code: 'blueprint-missing-plus',
    group: 'link',
    severity: 'error',
    description: 'A Launchpad blueprint link with `/spec/` or `/specs/` instead of `/+spec/`.',
    example: { bad: 'https://blueprints.launchpad.net/neutron/spec/get-me-a-network', good: 'https://blueprints.launchpad.net/neutron/+spec/get-me-a-network' },
  },
  {
    code: 'blueprint-plural',
    group: 'link',
    severity: 'error',
    description: 'A Launchpad blueprint link with `+specs/<name>` where `+spec/<name>` was meant.',
    example: {
      bad: 'https://blueprints.launchpad.net/neutron/+specs/get-me-a-network',
      good: 'https://blueprints.launchpad.net/neutron/+spec/get-me-a-network',
    },
  },
  {
    code: 'blueprint-name-missing',
    group: 'link',
    severity: 'error',
    description: 'A Launchpad blueprint link with no blueprint name.',
    example: { bad: 'https://blueprints.launchpad.net/neutron/+spec/' },
  },
  {
    code: 'story-missing-hashbang',
    group: 'link',
    severity: 'error',
    description:
      'A StoryBoard story or task link without the `#!/` before its route, or with part of it (`/story/<n>`, `#/story/<n>`, `#!story/<n>`): StoryBoard routes only what follows `#!/`.',
    example: { bad: 'https://storyboard.openstack.org/#/story/2004567', good: 'https://storyboard.openstack.org/#!/story/2004567' },
  },
  {
    code: 'story-plural',
    group: 'link',
    severity: 'error',
    description: 'A StoryBoard link with `#!/stories/<n>` or `#!/tasks/<n>` where one story is `#!/story/<n>` and one task `#!/task/<n>`.',
    example: { bad: 'https://storyboard.openstack.org/#!/stories/2004567', good: 'https://storyboard.openstack.org/#!/story/2004567' },
  },
  {
    code: 'story-number-missing',
    group: 'link',
    severity: 'error',
    description: 'A StoryBoard story or task link with no number.',
    example: { bad: 'https://storyboard.openstack.org/#!/story/' },
  },
  {
    code: 'story-number-not-numeric',
    group: 'link',
    severity: 'error',
    description: 'A StoryBoard story or task number with letters or other characters in it.',
    example: { bad: 'https://storyboard.openstack.org/#!/story/2004567x', good: 'https://storyboard.openstack.org/#!/story/2004567' },
  },
  {
    code: 'etherpad-missing-p',
    group: 'link',
    severity: 'error',
    description: 'An etherpad link without the `/p/` before the pad name.',
    example: { bad: 'https://etherpad.openstack.org/neutron-mitaka-midcycle', good: 'https://etherpad.openstack.org/p/neutron-mitaka-midcycle' },
  },
  {
    code: 'etherpad-name-missing',
    group: 'link',
    severity: 'error',
    description: 'An etherpad link with no pad name after `/p/`.',
    example: { bad: 'https://etherpad.openstack.org/p/' },
  },
  // the other trackers' links (trackers/github.ts, gitlab.ts, jira.ts, bugzilla.ts, chromium.ts, googleIssueTracker.ts, phabricator.ts)
  {
    code: 'github-item-path',
    group: 'link',
    severity: 'error',
    description:
      'A GitHub link with `pulls/<n>` (the list), `pr/<n>` or `prs/<n>` where one pull request is `pull/<n>`, or `issue/<n>` where one issue is `issues/<n>` (the other way round, GitHub answers "not found").',
    example: { bad: 'https://github.com/nodejs/node/pulls/58837', good: 'https://github.com/nodejs/node/pull/58837' },
  },
  {
    code: 'github-number-missing',
    group: 'link',
    severity: 'error',
    description: 'A GitHub pull request, issue or discussion link with no number (`…/pull/`, `…/issues/`; `…/issues` alone is the issue list).',
    example: { bad: 'https://github.com/nodejs/node/pull/' },
  },
  {
    code: 'github-number-not-numeric',
    group: 'link',
    severity: 'error',
    description:
      'A GitHub pull request, issue or discussion number with a stray character in it (`…/issues/12a3`); words after `issues/` (`new`, a filter) are GitHub pages, and `…/pull/<n>.diff` a pull request.',
    example: { bad: 'https://github.com/w3c/webextensions/issues/702x', good: 'https://github.com/w3c/webextensions/issues/702' },
  },
  {
    code: 'gitlab-item-path',
    group: 'link',
    severity: 'error',
    description:
      'A GitLab link with `merge_request/<n>` or `merge-requests/<n>` where GitLab writes `merge_requests/<n>`, or `issue/<n>` where it writes `issues/<n>`.',
    example: {
      bad: 'https://gitlab.com/gitlab-org/gitlab/-/merge_request/12345',
      good: 'https://gitlab.com/gitlab-org/gitlab/-/merge_requests/12345',
    },
  },
  {
    code: 'gitlab-number-missing',
    group: 'link',
    severity: 'error',
    description: 'A GitLab merge request or issue link with no number (`…/-/merge_requests/`; `…/-/merge_requests` alone is the list).',
    example: { bad: 'https://gitlab.com/gitlab-org/gitlab/-/merge_requests/' },
  },
  {
    code: 'gitlab-number-not-numeric',
    group: 'link',
    severity: 'error',
    description: 'A GitLab merge request or issue number with a stray character in it.',
    example: { bad: 'https://gitlab.com/gitlab-org/gitlab/-/issues/4567x', good: 'https://gitlab.com/gitlab-org/gitlab/-/issues/4567' },
  },
  {
    code: 'jira-key-missing',
    group: 'link',
    severity: 'error',
    description: "A Jira issue link with no key after `/browse/`, or a key without its number (`MAHOUT-`); `/browse/MAHOUT` alone is the project's page.",
    example: { bad: 'https://issues.apache.org/jira/browse/MAHOUT-' },
  },
  {
    code: 'jira-key-not-numeric',
    group: 'link',
    severity: 'error',
    description: 'A Jira issue key whose number has a stray character in it (`MAHOUT-2200x`).',
    example: { bad: 'https://issues.apache.org/jira/browse/MAHOUT-2200x', good: 'https://issues.apache.org/jira/browse/MAHOUT-2200' },
  },
  {
    code: 'bugzilla-id-missing',
    group: 'link',
    severity: 'error',
    description: 'A Bugzilla bug link (`show_bug.cgi`, on any host, or `bugzil.la/`) with no bug number.',
    example: { bad: 'https://bugzilla.mozilla.org/show_bug.cgi?id=' },
  },
  {
    code: 'bugzilla-id-not-numeric',
    group: 'link',
    severity: 'error',
    description:
      'A Bugzilla bug number with a stray character in it (`id=1921631x`); an alias without digits (`id=CVE-…` has some: it is read as written) is a bug of its own.',
    example: { bad: 'https://bugzilla.mozilla.org/show_bug.cgi?id=1921631x', good: 'https://bugzilla.mozilla.org/show_bug.cgi?id=1921631' },
  },
  {
    code: 'crbug-number-missing',
    group: 'link',
    severity: 'error',
    description: 'A Chromium bug link with no number (`issues.chromium.org/issues/`, an old `detail?id=`).',
    example: { bad: 'https://issues.chromium.org/issues/' },
  },
  {
    code: 'crbug-number-not-numeric',
    group: 'link',
    severity: 'error',
    description: 'A Chromium bug number with a stray character in it (`crbug.com/40196501x`).',
    example: { bad: 'https://crbug.com/40196501x', good: 'https://crbug.com/40196501' },
  },
  {
    code: 'issuetracker-number-missing',
    group: 'link',
    severity: 'error',
    description: "An issue link of Google's issue tracker (issuetracker.google.com, issues.gerritcodereview.com, Skia's, WebRTC's…) with no number.",
    example: { bad: 'https://issues.gerritcodereview.com/issues/' },
  },
  {
    code: 'issuetracker-number-not-numeric',
    group: 'link',
    severity: 'error',
    description: "An issue number of Google's issue tracker with a stray character in it.",
    example: { bad: 'https://issues.gerritcodereview.com/issues/40012345x', good: 'https://issues.gerritcodereview.com/issues/40012345' },
  },
  {
    code: 'phabricator-number-missing',
    group: 'link',
    severity: 'error',
    description: 'A Phabricator task or revision link with no number (`/T`, `/D`).',
    example: { bad: 'https://phabricator.wikimedia.org/T' },
  },
  {
    code: 'phabricator-number-not-numeric',
    group: 'link',
    severity: 'error',
    description: 'A Phabricator task or revision number with a stray character in it (`/T123456x`).',
    example: { bad: 'https://phabricator.wikimedia.org/T123456x', good: 'https://phabricator.wikimedia.org/T123456' },
  },
  // what a link says, read online (factRules.ts)
  {
    code: 'review-not-found',
    group: 'facts',
    severity: 'warning',
    description: 'A Gerrit change its Gerrit does not have: a mistyped number, or a private change. Checked online (`midcycle.linkFacts.enabled`, `--online`).',
    example: { bad: 'https://review.opendev.org/c/openstack/nova/+/9999999' },
  },
  {
    code: 'review-abandoned',
    group: 'facts',
    severity: 'info',
    description: 'A link to a Gerrit change that was abandoned: readers may take it for work that goes on. Checked online.',
  },
  {
    code: 'bug-not-found',
    group: 'facts',
    severity: 'warning',
    description: 'A Launchpad or Bugzilla bug its tracker does not have: a mistyped number, or a private bug. Checked online.',
    example: { bad: 'https://bugs.launchpad.net/neutron/+bug/99999999' },
  },
  {
    code: 'bug-other-project',
    group: 'facts',
    severity: 'warning',
    description:
      "A Launchpad bug link naming a project the bug is not filed against (a neutron bug linked as `nova/+bug/<n>`); the fix names the bug's project when it has only one. Checked online.",
    example: { bad: 'https://bugs.launchpad.net/nova/+bug/1507499', good: 'https://bugs.launchpad.net/neutron/+bug/1507499' },
  },
  {
    code: 'blueprint-not-found',
    group: 'facts',
    severity: 'warning',
    description: 'A Launchpad blueprint its project does not have. Checked online.',
  },
  {
    code: 'story-not-found',
    group: 'facts',
    severity: 'warning',
    description: 'A StoryBoard story or task StoryBoard does not have. Checked online.',
  },
  {
    code: 'pull-request-not-found',
    group: 'facts',
    severity: 'warning',
    description: 'A GitHub pull request its repository does not have: a mistyped number, or a private repository. Checked online.',
    example: { bad: 'https://github.com/octo-org/octo-repo/pull/999999' },
  },
  {
    code: 'pull-request-closed',
    group: 'facts',
    severity: 'info',
    description: 'A link to a GitHub pull request that was closed without being merged: readers may take it for work that goes on. Checked online.',
  },
  {
    code: 'merge-request-not-found',
    group: 'facts',
    severity: 'warning',
    description: 'A GitLab merge request its project does not have: a mistyped number, or a private project. Checked online.',
    example: { bad: 'https://gitlab.com/gitlab-org/gitlab/-/merge_requests/99999999' },
  },
  {
    code: 'merge-request-closed',
    group: 'facts',
    severity: 'info',
    description: 'A link to a GitLab merge request that was closed without being merged: readers may take it for work that goes on. Checked online.',
  },
  {
    code: 'issue-not-found',
    group: 'facts',
    severity: 'warning',
    description:
      'A GitHub, GitLab or Jira issue its tracker does not have: a mistyped number or key, or a private repository, project or issue. Checked online.',
    example: { bad: 'https://github.com/octo-org/octo-repo/issues/999999' },
  },
  {
    code: 'issue-link-is-pull-request',
    group: 'facts',
    severity: 'warning',
    description:
      "A GitHub issue link (`/issues/<n>`) whose number is a pull request's: GitHub opens it, but the report counts it as an issue and shows no pull request's state. The fix links `/pull/<n>`. Checked online.",
    example: { bad: 'https://github.com/octo-org/octo-repo/issues/12', good: 'https://github.com/octo-org/octo-repo/pull/12' },
  },
  {
    code: 'commit-not-found',
    group: 'facts',
    severity: 'warning',
    description: 'A GitHub or GitLab commit its repository does not have: a mistyped hash, or a private repository. Checked online.',
    example: { bad: 'https://github.com/octo-org/octo-repo/commit/0123456789abcdef0123456789abcdef01234567' },
  },
  // ways Markdown can swallow a report (documentRules.ts, parseReport.ts)
  {
    code: 'separator-opens-code-block',
    group: 'document',
    severity: 'error',
    description:
      'A separator line of `~~~` or ```` ``` ```` (no language) that opens a code block running to the end of the file, hiding the topics and links after it.',
  },
  {
    code: 'separator-pair',
    group: 'document',
    severity: 'warning',
    description: 'Two separator lines of tildes that make the topics between them a code block.',
  },
  {
    code: 'code-block-unclosed',
    group: 'document',
    severity: 'warning',
    description:
      'A code block that is never closed and runs to the end of the file (with no language, over topics or links, it is `separator-opens-code-block`; one just typed at the end, with nothing after it yet, is not reported).',
  },
  {
    code: 'front-matter-unclosed',
    group: 'document',
    severity: 'error',
    description: 'Front matter opened by `---` and never closed, which swallows the whole draft.',
  },
  {
    code: 'front-matter-invalid',
    group: 'document',
    severity: 'warning',
    description: 'Front matter that is not valid YAML, or not a mapping of keys to values.',
  },
  {
    code: 'nesting-too-deep',
    group: 'document',
    severity: 'warning',
    description:
      'Lists or quotes nested so deep that Markdown would drop what is in them (past 32 on one line, or items in items about 50 deep): Midcycle reads it as text of the item or quote around it, and the email keeps it.',
  },
  // links the email cannot carry (webDestination.ts, found by the link pass)
  {
    code: 'link-not-web',
    group: 'document',
    severity: 'warning',
    description:
      'A Markdown link whose address is not a web or mail address: a path beside the draft (`[notes](notes.md)`), a place in it where no heading is (`[x](#section)`; a link to a heading is fine: the email names the heading after the link), an address in a second pair of parentheses or of another scheme (`ftp:`). The email shows only its text; the fix writes the address meant, when it is clear.',
    example: { bad: '[the spec]((https://review.openstack.org/#/c/283798/))', good: '[the spec](https://review.openstack.org/#/c/283798/)' },
  },
  {
    code: 'link-text-number',
    group: 'document',
    severity: 'warning',
    description:
      "A pull request's, merge request's, issue's or bug's Markdown link whose text names another number than its address (`[#1234](…/pull/1243)`, `[MAHOUT-2200](…/MAHOUT-2201)`): one of the two is mistyped, and only the writer knows which.",
    example: { bad: '[#58837](https://github.com/nodejs/node/pull/58873)' },
  },
  // the file as a whole (parseUpTo.ts, for the extension's reportStore.ts)
  {
    code: 'file-too-large',
    group: 'file',
    severity: 'warning',
    description: 'A draft larger than the `midcycle.maxFileSize` setting, read only up to the limit (in VS Code).',
  },
  // the report's people (ownerRule.ts)
  {
    code: 'owner-unknown',
    group: 'people',
    severity: 'info',
    description:
      "An action item's owner that the draft names nowhere else, one edit from a nick it uses twice or more or from an attendee (two edits for nicks of nine letters or more): a typo, most likely. The fix writes the nick meant.",
    example: { bad: 'arnax to respin https://review.openstack.org/#/c/281628/', good: 'armax to respin https://review.openstack.org/#/c/281628/' },
  },
  // the message's headers: line breaks when the draft is read (frontMatterHeaders.ts), the rest when a message is written (messageHeaders.ts)
  {
    code: 'header-line-break',
    group: 'message',
    severity: 'error',
    description:
      'A front matter value that becomes a header (`subject`, `title`, `to`, `cc`, `from`, `date`) with a line break or control character in it: a header is one line, and a break would start another header (`Bcc:`…). The message writes it as one line. Always checked.',
    example: { bad: 'to: "list@example.org\\r\\nBcc: all@example.com"' },
  },
  {
    code: 'header-address-invalid',
    group: 'message',
    severity: 'error',
    description:
      'A `to`, `cc` or `from` that is not an email address, or a `from` of more than one: left out of the message. Checked when a message (.eml) is written.',
    example: { bad: 'to: Doe, Jane <jane@example.org>', good: `to: '"Doe, Jane" <jane@example.org>'` },
  },
  {
    code: 'header-date-invalid',
    group: 'message',
    severity: 'warning',
    description: 'A `date` that cannot be read: the message is dated when it is written. Checked when a message (.eml) is written.',
    example: { bad: 'date: next tuesday', good: 'date: 2016-02-26' },
  },
  {
    code: 'header-subject-missing',
    group: 'message',
    severity: 'warning',
    description: 'No `subject` (nor `title`) in the front matter: the message has no subject. Checked when a message (.eml) is written.',
  },
  {
    code: 'header-from-missing',
    group: 'message',
    severity: 'info',
    description:
      'No `from` in the front matter and no `midcycle.export.from` setting: the mail client sends the message from its default account. Checked when a message (.eml) is written.',
  },
  // the last report the front matter names (`previous:`) and its action items (src/core/followUps)
  {
    code: 'follow-ups-open',
    group: 'followUps',
    severity: 'info',
    description:
      "Open action items of the last report (the front matter's `previous:`) that this draft does not mention: no paragraph or item names the owner with a word of the task or a link of it. Said once, on the `previous:` line, with how many. *Carry Over Open Action Items* lists them in the draft.",
    example: { bad: 'previous: ../2016-mitaka.md' },
  },
  {
    code: 'previous-unreadable',
    group: 'followUps',
    severity: 'warning',
    description:
      'A `previous:` in the front matter whose last report cannot be read: no such file, not UTF-8, or an email that cannot be imported. It has no follow-ups then.',
    example: { bad: 'previous: ../2016-mitaka.md' },
  },
] as const satisfies readonly RuleRecord[];

/** The record of a rule, by its code. */
export function ruleRecord(code: string): RuleRecord | undefined {
  return RULE_RECORDS.find((r) => r.code === code);
}
