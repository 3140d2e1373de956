// Generated from ruleRecords.ts by `npm run rules`: edit the records, not this file. The rules'
// default severities and nothing more of them: what the extension and the CLI ship (the records'
// words and examples stay out of the bundles). Its type holds it to the records.
import type { RULE_RECORDS } from './ruleRecords';

type Defaults = { readonly [R in (typeof RULE_RECORDS)[number] as R['code']]: R['severity'] };

export const RULE_DEFAULTS: Defaults = {
  'link-space': 'error',
  'link-scheme': 'error',
  'link-missing-scheme': 'error',
  'link-host-misspelt': 'error',
  'link-double-slash': 'error',
  'review-missing-slash': 'error',
  'review-missing-hash': 'error',
  'review-missing-plus': 'error',
  'review-change-missing': 'error',
  'review-change-not-numeric': 'error',
  'review-patchset-not-numeric': 'error',
  'bug-short-form': 'error',
  'bug-missing-slash': 'error',
  'bug-missing-plus': 'error',
  'bug-plural': 'error',
  'bug-number-missing': 'error',
  'bug-number-not-numeric': 'error',
  'blueprint-missing-plus': 'error',
  'blueprint-plural': 'error',
  'blueprint-name-missing': 'error',
  'story-missing-hashbang': 'error',
  'story-plural': 'error',
  'story-number-missing': 'error',
  'story-number-not-numeric': 'error',
  'etherpad-missing-p': 'error',
  'etherpad-name-missing': 'error',
  'review-not-found': 'warning',
  'review-abandoned': 'info',
  'bug-not-found': 'warning',
  'bug-other-project': 'warning',
  'blueprint-not-found': 'warning',
  'story-not-found': 'warning',
  'separator-opens-code-block': 'error',
  'separator-pair': 'warning',
  'code-block-unclosed': 'warning',
  'front-matter-unclosed': 'error',
  'front-matter-invalid': 'warning',
  'nesting-too-deep': 'warning',
  'link-not-web': 'warning',
  'file-too-large': 'warning',
  'owner-unknown': 'info',
  'header-line-break': 'error',
  'header-address-invalid': 'error',
  'header-date-invalid': 'warning',
  'header-subject-missing': 'warning',
  'header-from-missing': 'info',
  'follow-ups-open': 'info',
  'previous-unreadable': 'warning',
};

/** A rule's code: one the records have. */
export type RuleCode = keyof Defaults;
