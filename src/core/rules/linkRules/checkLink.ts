// The one engine that runs the link rules over a URL: each rule sees the URL as corrected by the
// rules before it, so a link with two mistakes gets one diagnostic whose fix mends both. Which
// tracker a URL is of, its rules and what it points at come from the trackers (../trackers/).
import type { LinkHosts } from '../linkHosts';
import { hostName, joinUrl, splitUrl, type UrlParts } from '../urlParts';
import { doubleSlash, malformedScheme, misspeltHost, missingScheme, spaceInLink } from './hostRules';
import type { RuleCode } from '../ruleDefaults';
import type { LinkRule } from './linkRule';
import { allTrackers, canonicalForms, openstackCanonicalForms, trackerOf } from '../trackers/registry';
import type { LinkTarget, Tracker } from '../trackers/tracker';

/** The rules on any host, which run first, before the host is known to be right. */
const HOST_RULES: readonly LinkRule[] = [missingScheme, misspeltHost, doubleSlash];

/** Every rule in the order the engine runs them (the space rule reads the raw text first): the host's, then each tracker's. Asking loads every tracker. */
export function linkRules(): readonly LinkRule[] {
  return [...HOST_RULES, ...allTrackers().flatMap((t) => t.rules)];
}

/** Rules that read the raw text before it can be split into a URL's parts. */
const RAW_RULES = [spaceInLink, malformedScheme];

/**
 * The codes of every link rule, the raw-text ones first, in the order the engine runs them. Iterable
 * (its codes listed when iterated: the other trackers' bundle is loaded then, not when this loads).
 */
export const LINK_RULE_CODES: Iterable<RuleCode> = {
  [Symbol.iterator]: () => [...RAW_RULES, ...linkRules()].map((r) => r.code)[Symbol.iterator](),
};

export interface LinkCheck extends LinkTarget {
  /** The URL to open: corrected when every problem had a clear fix. */
  url: string;
  problem?: {
    code: RuleCode;
    message: string;
    /** The corrected URL, when the intended link is clear. */
    fixed?: string;
    /** Characters after the URL that the fix takes in. */
    consumeFollowing: number;
  };
}

/**
 * The well-formed links writers mostly paste: no rule can find anything in them, so the engine reads
 * their target straight from one match on their host (its tracker's canonical forms), without
 * running the rules or splitting the URL (most of a report's analysis otherwise). `canonicalCheck`
 * must give what the rules give: a property test holds it to that. Case-sensitive: the hosts (lower
 * case) and the path words as written; a link written in other cases takes the rules' way.
 * `read`: the target made from the match; else a test alone, nothing made (this runs for every link).
 */
function canonical(raw: string, hosts: LinkHosts, read: boolean): LinkCheck | boolean {
  const start = raw.startsWith('https://') ? 8 : raw.startsWith('http://') ? 7 : -1;
  if (start === -1) return false;
  const end = raw.indexOf('/', start);
  if (end === -1) return false;
  // OpenStack's hosts where they stand (most links), else the host cut out and looked up
  let host: string | undefined;
  let forms = openstackCanonicalForms(raw, start, end, hosts);
  if (!forms) forms = canonicalForms((host = raw.slice(start, end)), hosts);
  if (!forms) return false;
  for (let i = 0; i < forms.length; i++) {
    const form = forms[i];
    form.pattern.lastIndex = end;
    if (!read) {
      if (form.pattern.test(raw)) return true;
      continue;
    }
    const m = form.pattern.exec(raw);
    if (m) return checkOf(form.read(m, host ?? raw.slice(start, end), hosts), raw);
  }
  return false;
}

/** A target and its URL as one check, each kind of target in its own literal (one shape each, as linkOf makes links). */
function checkOf(t: LinkTarget, url: string): LinkCheck {
  const { kind } = t;
  if (t.review) return { kind, url, review: t.review };
  if (t.bug) return { kind, url, bug: t.bug };
  if (t.blueprint) return { kind, url, blueprint: t.blueprint };
  if (t.story) return { kind, url, story: t.story };
  if (t.etherpad) return { kind, url, etherpad: t.etherpad };
  if (t.item) return { kind, url, item: t.item };
  return { kind, url };
}

/** Whether canonicalCheck takes the link (a test, with no target made). */
export function isCanonical(raw: string, hosts: LinkHosts): boolean {
  return canonical(raw, hosts, false) === true;
}

/** The check of a well-formed link, or undefined when the rules must look at it. */
export function canonicalCheck(raw: string, hosts: LinkHosts): LinkCheck | undefined {
  const check = canonical(raw, hosts, true);
  return typeof check === 'object' ? check : undefined;
}

export function checkLink(raw: string, hosts: LinkHosts, following = ''): LinkCheck {
  return canonicalCheck(raw, hosts) ?? ruleCheck(raw, hosts, following);
}

/** What the rules find in a link, and what it points at. */
export function ruleCheck(raw: string, hosts: LinkHosts, following = ''): LinkCheck {
  const findings: { code: RuleCode; message: string }[] = [];
  let clear = true;
  let consumeFollowing = 0;

  let text = raw;
  for (const rule of RAW_RULES) {
    const found = rule.check(text);
    if (!found) continue;
    findings.push({ code: rule.code, message: found.message });
    text = found.fixed;
  }

  let url = splitUrl(text);
  if (url && /^(https?)?$/i.test(url.scheme)) {
    // the rules on any host, then those of the URL's tracker (worked out again after a rule changed the URL)
    let tracker = trackerOf(url, hosts);
    for (let step = 0, rules = HOST_RULES; step < 2; step++, rules = tracker?.rules ?? []) {
      const ruleTracker: Tracker | undefined = tracker;
      for (const rule of rules) {
        // (a tracker's rules stop when a fix makes the URL another tracker's)
        if (step === 1 && tracker !== ruleTracker) break;
        const found = rule.check(url, { hosts, following: consumeFollowing ? '' : following });
        if (!found) continue;
        findings.push({ code: rule.code, message: found.message });
        consumeFollowing += found.consumeFollowing ?? 0;
        if (!found.fixed) {
          clear = false;
          break; // no clear fix: later rules would judge a URL nobody meant
        }
        url = found.fixed;
        tracker = trackerOf(url, hosts);
      }
      if (!clear) break;
    }
  }

  const target = url && clear ? url : splitUrl(text);
  const result: LinkCheck = { ...classify(target, hosts), url: clear && url ? joinUrl(url) : text };
  if (findings.length) {
    const [first, ...more] = findings;
    const fixed = clear ? result.url : undefined;
    let message = first.message;
    // one sentence: the later findings' articles in lower case ("; also the link has…")
    if (more.length) message += `; also ${more.map((f) => f.message.replace(/^(The|A) /, (w) => w.toLowerCase())).join('; ')}`;
    // in angle brackets, as URLs in plain text are written (RFC 3986, appendix C): the "?" is not taken for part of it
    message += fixed ? `. Did you mean <${fixed}>?` : '.';
    result.problem = { code: first.code, message, fixed, consumeFollowing: fixed ? consumeFollowing : 0 };
  }
  return result;
}

function classify(url: UrlParts | undefined, hosts: LinkHosts): LinkTarget {
  if (!url) return { kind: 'other' };
  const host = hostName(url);
  const tracker = trackerOf(url, hosts, host);
  return tracker ? tracker.classify(url, host, hosts) : { kind: 'other' };
}
