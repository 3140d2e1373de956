// What each rule is for, in words, with an example: for the README, the settings' descriptions and
// the tests. Kept apart from the rules themselves so that the extension ships only what runs.

export interface RuleDoc {
  description: string;
  /** A draft's text it reports, and the text its fix gives, when it has one. */
  example?: { bad: string; good?: string };
}

export const RULE_DOCS: Readonly<Record<string, RuleDoc>> = {
  'link-space': {
    description: 'A link broken by a space: Markdown shows `[text](url with space)` as text, not a link.',
    example: { bad: '[bug](https://bugs.launchpad.net/neutron/+bug/ 1507499)', good: '[bug](https://bugs.launchpad.net/neutron/+bug/1507499)' },
  },
  'link-scheme': {
    description: 'A link whose `https://` is misspelt (`https:/`, `https//`, `htps://`), so it is not a link at all.',
    example: { bad: 'https:/review.openstack.org/#/c/283798/', good: 'https://review.openstack.org/#/c/283798/' },
  },
  'link-double-slash': {
    description: 'A review, bug, blueprint, story or etherpad link with `//` inside its path.',
    example: { bad: 'https://bugs.launchpad.net/neutron/+bug//1507499', good: 'https://bugs.launchpad.net/neutron/+bug/1507499' },
  },
  'link-missing-scheme': {
    description: 'A review, bug, blueprint, story or etherpad link without `https://`, which many mail clients do not make clickable.',
    example: { bad: 'review.openstack.org/#/c/283798/', good: 'https://review.openstack.org/#/c/283798/' },
  },
  'link-host-misspelt': {
    description: 'A misspelt Gerrit, Launchpad, StoryBoard or etherpad host.',
    example: { bad: 'https://reviews.openstack.org/#/c/283798/', good: 'https://review.openstack.org/#/c/283798/' },
  },
  'review-missing-slash': {
    description: 'A Gerrit link missing a `/`: `#c/`, or `/c` run into the number.',
    example: { bad: 'https://review.openstack.org/#c/283798/', good: 'https://review.openstack.org/#/c/283798/' },
  },
  'review-missing-hash': {
    description: 'An old-style Gerrit change link (`/c/<number>`) without its `#`.',
    example: { bad: 'https://review.openstack.org/c/283798', good: 'https://review.openstack.org/#/c/283798/' },
  },
  'review-missing-plus': {
    description: 'A `/c/<project>/<number>` link missing the `/+/` between project and change number.',
    example: { bad: 'https://review.opendev.org/c/openstack/neutron/283798', good: 'https://review.opendev.org/c/openstack/neutron/+/283798' },
  },
  'review-change-missing': {
    description: 'A Gerrit change link with no change number.',
    example: { bad: 'https://review.openstack.org/#/c/' },
  },
  'review-change-not-numeric': {
    description: 'A Gerrit change number with letters or other characters in it.',
    example: { bad: 'https://review.openstack.org/#/c/283798x/', good: 'https://review.openstack.org/#/c/283798/' },
  },
  'review-patchset-not-numeric': {
    description: 'A Gerrit patchset number with letters or other characters in it, or a word or file path where the patchset goes (`/#/c/<n>/<patchset>/<file>`).',
    example: { bad: 'https://review.openstack.org/#/c/282876/14x', good: 'https://review.openstack.org/#/c/282876/14' },
  },
  'bug-missing-plus': {
    description: 'A Launchpad bug link with `/bug/` or `/bugs/` after the project instead of `/+bug/`.',
    example: { bad: 'https://bugs.launchpad.net/neutron/bug/1507499', good: 'https://bugs.launchpad.net/neutron/+bug/1507499' },
  },
  'bug-missing-slash': {
    description: 'A Launchpad bug link missing the `/` before or after `+bug`.',
    example: { bad: 'https://bugs.launchpad.net/neutron+bug/1507499', good: 'https://bugs.launchpad.net/neutron/+bug/1507499' },
  },
  'bug-plural': {
    description: 'A Launchpad bug link with `+bugs/<n>` (the bug list) where `+bug/<n>` (one bug) was meant.',
    example: { bad: 'https://bugs.launchpad.net/neutron/+bugs/1507499', good: 'https://bugs.launchpad.net/neutron/+bug/1507499' },
  },
  'bug-short-form': {
    description: 'A project-less Launchpad bug link written `/bug/<n>` or `/+bug/<n>` instead of `/bugs/<n>`.',
    example: { bad: 'https://launchpad.net/bug/1507499', good: 'https://launchpad.net/bugs/1507499' },
  },
  'bug-number-missing': {
    description: 'A Launchpad bug link with no bug number.',
    example: { bad: 'https://bugs.launchpad.net/neutron/+bug/' },
  },
  'bug-number-not-numeric': {
    description: 'A Launchpad bug number with letters or other characters in it.',
    example: { bad: 'https://bugs.launchpad.net/neutron/+bug/1507499a', good: 'https://bugs.launchpad.net/neutron/+bug/1507499' },
  },
  'blueprint-missing-plus': {
    description: 'A Launchpad blueprint link with `/spec/` or `/specs/` instead of `/+spec/`.',
    example: { bad: 'https://blueprints.launchpad.net/neutron/spec/get-me-a-network', good: 'https://blueprints.launchpad.net/neutron/+spec/get-me-a-network' },
  },
  'blueprint-plural': {
    description: 'A Launchpad blueprint link with `+specs/<name>` where `+spec/<name>` was meant.',
    example: { bad: 'https://blueprints.launchpad.net/neutron/+specs/get-me-a-network', good: 'https://blueprints.launchpad.net/neutron/+spec/get-me-a-network' },
  },
  'blueprint-name-missing': {
    description: 'A Launchpad blueprint link with no blueprint name.',
    example: { bad: 'https://blueprints.launchpad.net/neutron/+spec/' },
  },
  'story-missing-hashbang': {
    description: 'A StoryBoard story or task link without the `#!/` before its route, or with part of it (`/story/<n>`, `#/story/<n>`, `#!story/<n>`): StoryBoard routes only what follows `#!/`.',
    example: { bad: 'https://storyboard.openstack.org/#/story/2004567', good: 'https://storyboard.openstack.org/#!/story/2004567' },
  },
  'story-plural': {
    description: 'A StoryBoard link with `#!/stories/<n>` or `#!/tasks/<n>` where one story is `#!/story/<n>` and one task `#!/task/<n>`.',
    example: { bad: 'https://storyboard.openstack.org/#!/stories/2004567', good: 'https://storyboard.openstack.org/#!/story/2004567' },
  },
  'story-number-missing': {
    description: 'A StoryBoard story or task link with no number.',
    example: { bad: 'https://storyboard.openstack.org/#!/story/' },
  },
  'story-number-not-numeric': {
    description: 'A StoryBoard story or task number with letters or other characters in it.',
    example: { bad: 'https://storyboard.openstack.org/#!/story/2004567x', good: 'https://storyboard.openstack.org/#!/story/2004567' },
  },
  'etherpad-missing-p': {
    description: 'An etherpad link without the `/p/` before the pad name.',
    example: { bad: 'https://etherpad.openstack.org/neutron-mitaka-midcycle', good: 'https://etherpad.openstack.org/p/neutron-mitaka-midcycle' },
  },
  'etherpad-name-missing': {
    description: 'An etherpad link with no pad name after `/p/`.',
    example: { bad: 'https://etherpad.openstack.org/p/' },
  },
  'review-not-found': {
    description: 'A Gerrit change its Gerrit does not have: a mistyped number, or a private change. Checked online (`midcycle.linkFacts.enabled`, `--online`).',
    example: { bad: 'https://review.opendev.org/c/openstack/nova/+/9999999' },
  },
  'review-abandoned': { description: 'A link to a Gerrit change that was abandoned: readers may take it for work that goes on. Checked online.' },
  'bug-not-found': {
    description: 'A Launchpad bug Launchpad does not have: a mistyped number, or a private bug. Checked online.',
    example: { bad: 'https://bugs.launchpad.net/neutron/+bug/99999999' },
  },
  'bug-other-project': {
    description: 'A Launchpad bug link naming a project the bug is not filed against (a neutron bug linked as `nova/+bug/<n>`); the fix names the bug\'s project when it has only one. Checked online.',
    example: { bad: 'https://bugs.launchpad.net/nova/+bug/1507499', good: 'https://bugs.launchpad.net/neutron/+bug/1507499' },
  },
  'blueprint-not-found': { description: 'A Launchpad blueprint its project does not have. Checked online.' },
  'story-not-found': { description: 'A StoryBoard story or task StoryBoard does not have. Checked online.' },
  'separator-opens-code-block': { description: 'A separator line of `~~~` or ```` ``` ```` that opens a code block running to the end of the file, hiding every topic after it.' },
  'separator-pair': { description: 'Two separator lines of tildes that make the topics between them a code block.' },
  'code-block-unclosed': { description: 'A code block (with a language) that is never closed and runs to the end of the file.' },
  'front-matter-unclosed': { description: 'Front matter opened by `---` and never closed, which swallows the whole draft.' },
  'front-matter-invalid': { description: 'Front matter that is not valid YAML, or not a mapping of keys to values.' },
  'nesting-too-deep': { description: 'Lists or quotes nested so deep on one line that Markdown would drop the rest of it; Midcycle reads the rest as text.' },
  'file-too-large': { description: 'A draft larger than the `midcycle.maxFileSize` setting, read only up to the limit (in VS Code).' },
  'owner-unknown': {
    description:
      "An action item's owner that the draft names nowhere else, one edit from a nick it uses twice or more or from an attendee (two edits for nicks of nine letters or more): a typo, most likely. The fix writes the nick meant.",
    example: { bad: 'arnax to respin https://review.openstack.org/#/c/281628/', good: 'armax to respin https://review.openstack.org/#/c/281628/' },
  },
  'header-line-break': {
    description:
      'A front matter value that becomes a header (`subject`, `title`, `to`, `cc`, `from`, `date`) with a line break or control character in it: a header is one line, and a break would start another header (`Bcc:`…). The message writes it as one line. Always checked.',
    example: { bad: 'to: "list@example.org\\r\\nBcc: all@example.com"' },
  },
  'header-address-invalid': {
    description: 'A `to`, `cc` or `from` that is not an email address, or a `from` of more than one: left out of the message. Checked when a message (.eml) is written.',
    example: { bad: 'to: Doe, Jane <jane@example.org>', good: `to: '"Doe, Jane" <jane@example.org>'` },
  },
  'header-date-invalid': {
    description: 'A `date` that cannot be read: the message is dated when it is written. Checked when a message (.eml) is written.',
    example: { bad: 'date: next tuesday', good: 'date: 2016-02-26' },
  },
  'header-subject-missing': {
    description: 'No `subject` (nor `title`) in the front matter: the message has no subject. Checked when a message (.eml) is written.',
  },
  'header-from-missing': {
    description:
      'No `from` in the front matter and no `midcycle.export.from` setting: the mail client sends the message from its default account. Checked when a message (.eml) is written.',
  },
};
