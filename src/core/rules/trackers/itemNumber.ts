// The two mistakes every tracker's item number is open to, as link rules: a number left out (or
// typed after a space), and a number with a stray character (`12345x`). Each tracker says where its
// number is in the URL (a path segment, a query's `id=`, a Jira key's tail); the rules are made here.
import type { RuleCode } from '../ruleDefaults';
import type { UrlParts } from '../urlParts';
import { intendedNumber, numberAfterSpace, type LinkRule } from '../linkRules/linkRule';

/** Where an item's number is in a URL: as written ('' when left out), and the URL with another in its place. */
export interface NumberSlot {
  value: string;
  put(digits: string): UrlParts;
  /** The words for the diagnostic: "GitHub pull request", "Bugzilla bug". */
  what: string;
  /** A value that is a page's name, not a mistyped number (`new`, `list`): left alone. */
  page?: boolean;
}

/** `<what> link has no number` (fixed when the number was typed after a space). */
export function numberMissingRule(code: RuleCode, tracker: string, slot: (url: UrlParts) => NumberSlot | undefined): LinkRule {
  return {
    code,
    hosts: tracker,
    check(url, { following }) {
      const s = slot(url);
      if (!s || s.value !== '') return undefined;
      const message = `${s.what} link has no number`;
      const typed = numberAfterSpace(following);
      // a number after a space belongs to a URL that ends where the number goes
      if (!typed || url.fragment) return { message };
      return { message: `${message} (it is after a space)`, fixed: s.put(typed.digits), consumeFollowing: typed.length };
    },
  };
}

/**
 * `<what> number "12345x" is not a number` (fixed when one or two stray characters stand at its
 * ends). `clearOnly`: flagged only then, where other words are the tracker's own (Bugzilla's aliases).
 */
export function numberNotNumericRule(code: RuleCode, tracker: string, slot: (url: UrlParts) => NumberSlot | undefined, clearOnly = false): LinkRule {
  return {
    code,
    hosts: tracker,
    check(url) {
      const s = slot(url);
      // a word without a digit is a page of the tracker's (`issues/new`), not a number mistyped
      if (!s || s.page || s.value === '' || /^\d+$/.test(s.value) || !/\d/.test(s.value)) return undefined;
      const message = `${s.what} number "${s.value}" is not a number`;
      const digits = intendedNumber(s.value);
      if (!digits && clearOnly) return undefined;
      return digits ? { message, fixed: s.put(digits) } : { message };
    },
  };
}
