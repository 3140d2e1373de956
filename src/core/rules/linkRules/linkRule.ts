// A link rule is a module of data, as markdownlint's rules are: a stable code, the hosts it checks,
// and a function that looks at one URL and reports what is wrong, with the corrected URL when it is
// clear. What each rule is for, in words, and its default severity are in its record (ruleRecords.ts).
import type { LinkHosts } from '../linkHosts';
import type { RuleCode } from '../ruleDefaults';
import type { UrlParts } from '../urlParts';

export interface LinkRuleContext {
  hosts: LinkHosts;
  /** The text after the URL on the same line: a number typed after a stray space is found here. */
  following: string;
}

export interface LinkFinding {
  message: string;
  /** The URL as intended, when that is clear. */
  fixed?: UrlParts;
  /** How many characters of `following` the fix takes in (e.g. " 1507499"). */
  consumeFollowing?: number;
}

export interface LinkRule {
  /** Stable code shown with the diagnostic and used in settings, e.g. `bug-plural`: its record's. */
  code: RuleCode;
  /** The tracker whose links it looks at (its id, rules/trackers/): `any` runs before the host is known to be right. */
  hosts: string;
  check(url: UrlParts, context: LinkRuleContext): LinkFinding | undefined;
}

/** A rule that reads the raw text, before it can be split into a URL's parts. */
export interface RawLinkRule {
  code: RuleCode;
  check(raw: string): { message: string; fixed: string } | undefined;
}

/** A number typed after a stray space: `+bug/ 1507499`. */
export function numberAfterSpace(following: string): { digits: string; length: number } | undefined {
  const m = /^[ \t]+(\d+)\/?(?=$|[\s).,;:!?\]>])/.exec(following);
  return m ? { digits: m[1], length: m[0].length } : undefined;
}

/**
 * The id a typo most likely meant: digits with one or two stray characters (`283798x`, `15O7499`
 * is not clear, `1507499a` is), else undefined.
 */
export function intendedNumber(segment: string): string | undefined {
  const digits = segment.replace(/\D/g, '');
  const others = segment.length - digits.length;
  if (digits.length < 3 || others === 0 || others > 2) return undefined;
  // stray characters only at the ends: inside, they may be a digit mistyped (15O7499)
  return /^\D{0,2}\d+\D{0,2}$/.test(segment) ? digits : undefined;
}
