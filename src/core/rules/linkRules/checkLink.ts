// The one engine that runs the link rules over a URL: each rule sees the URL as corrected by the
// rules before it, so a link with two mistakes gets one diagnostic whose fix mends both.
import { hostKind, LAUNCHPAD_BLUEPRINTS, LAUNCHPAD_BUGS, type LinkHosts } from '../linkHosts';
import type { BlueprintTarget, BugTarget, EtherpadTarget, LinkKind, ReviewTarget, StoryTarget } from '../../model/model';
import { hostName, joinUrl, splitUrl, type UrlParts } from '../urlParts';
import { etherpadTarget, ETHERPAD_RULES } from './etherpadRules';
import { doubleSlash, malformedScheme, misspeltHost, missingScheme, spaceInLink } from './hostRules';
import { blueprintTarget, bugTarget, LAUNCHPAD_RULES } from './launchpadRules';
import type { RuleCode } from '../ruleDefaults';
import type { LinkRule } from './linkRule';
import { REVIEW_RULES, reviewTarget } from './reviewRules';
import { STORYBOARD_RULES, storyTarget } from './storyboardRules';

/** Every rule in the order the engine runs them (the space rule reads the raw text first). */
export const LINK_RULES: readonly LinkRule[] = [
  missingScheme,
  misspeltHost,
  doubleSlash,
  ...REVIEW_RULES,
  ...LAUNCHPAD_RULES,
  ...STORYBOARD_RULES,
  ...ETHERPAD_RULES,
];

/** Rules that read the raw text before it can be split into a URL's parts. */
const RAW_RULES = [spaceInLink, malformedScheme];

/** The codes of every link rule, the raw-text ones first, in the order the engine runs them. */
export const LINK_RULE_CODES: readonly RuleCode[] = [...RAW_RULES, ...LINK_RULES].map((r) => r.code);

export interface LinkCheck {
  kind: LinkKind;
  /** The URL to open: corrected when every problem had a clear fix. */
  url: string;
  review?: ReviewTarget;
  bug?: BugTarget;
  blueprint?: BlueprintTarget;
  story?: StoryTarget;
  etherpad?: EtherpadTarget;
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
 * The well-formed links writers mostly paste, per host set: no rule can find anything in them, so
 * the engine reads their target straight from one match, without running the rules or splitting
 * the URL (most of a report's analysis otherwise). `canonicalCheck` must give what the rules give:
 * a property test holds it to that.
 */
const canonicalForms = new WeakMap<LinkHosts, RegExp>();

function canonical(hosts: LinkHosts): RegExp {
  let re = canonicalForms.get(hosts);
  if (!re) {
    // the rules compare a URL's host, in lower case, with these: a host given otherwise never matches
    const any = (list: readonly string[]) =>
      list
        .filter((h) => h === h.toLowerCase())
        .map((h) => h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('|') || '(?!)';
    const name = '[a-zA-Z0-9][a-zA-Z0-9+.-]*';
    re = new RegExp(
      '^https?://(?:' +
        // 1 host; 2, 3 change and patchset of /#/c/; 4, 5, 6 project, change, patchset of /c/…/+/ (a
        // project never starts with a digit: `/c/<digits>` is a change, see review-missing-hash); 7 change of /N
        `(${any(hosts.gerrit)})(?:/#/c/(\\d+)(?:/(\\d+))?/?|/c/([a-zA-Z._-][a-zA-Z0-9._-]*(?:/[a-zA-Z0-9._-]+)*)/\\+/(\\d+)(?:/(\\d+))?/?|/(\\d+)/?)` +
        // 8, 9 project and bug; 10 bug of /bugs/N
        `|bugs\\.launchpad\\.net/(${name})/\\+bug/(\\d+)/?` +
        '|(?:bugs\\.)?launchpad\\.net/bugs/(\\d+)/?' +
        // 11, 12 project and blueprint
        `|blueprints\\.launchpad\\.net/(${name})/\\+spec/(${name})/?` +
        // 13, 14 host and pad
        `|(${any(hosts.etherpad)})/p/([a-zA-Z0-9._~%+-]+)/?` +
        // 15, 16, 17 host, story or task, and its number
        `|(${any(hosts.storyboard)})/#!/(story|task)/(\\d+)/?` +
        ')$',
      // case-sensitive: the hosts (lower case) and the path words as written; a link written in
      // other cases takes the rules' way
    );
    canonicalForms.set(hosts, re);
  }
  return re;
}

/** Whether canonicalCheck takes the link (a test, with no match made). */
export function isCanonical(raw: string, hosts: LinkHosts): boolean {
  return canonical(hosts).test(raw);
}

/** The check of a well-formed link, or undefined when the rules must look at it. */
export function canonicalCheck(raw: string, hosts: LinkHosts): LinkCheck | undefined {
  const m = canonical(hosts).exec(raw);
  if (!m) return undefined;
  if (m[1] !== undefined) {
    const review: ReviewTarget = { host: m[1], change: Number(m[2] ?? m[5] ?? m[7]) };
    const patchset = m[3] ?? m[6];
    if (patchset !== undefined) review.patchset = patchset;
    if (m[4] !== undefined) review.project = m[4];
    return { kind: 'review', url: raw, review };
  }
  if (m[9] !== undefined) return { kind: 'bug', url: raw, bug: { id: Number(m[9]), project: m[8] } };
  if (m[10] !== undefined) return { kind: 'bug', url: raw, bug: { id: Number(m[10]) } };
  if (m[11] !== undefined) return { kind: 'blueprint', url: raw, blueprint: { project: m[11], name: m[12] } };
  if (m[15] !== undefined)
    return { kind: 'story', url: raw, story: m[16] === 'story' ? { host: m[15], story: Number(m[17]) } : { host: m[15], task: Number(m[17]) } };
  let name = m[14];
  try {
    name = decodeURIComponent(name);
  } catch {
    // a stray % is part of the name as written
  }
  return { kind: 'etherpad', url: raw, etherpad: { host: m[13], name } };
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
    // the host's kind is worked out once, and again only after a rule has changed the URL
    let kind = hostKind(hostName(url), hosts);
    for (const rule of LINK_RULES) {
      if (rule.hosts !== 'any' && rule.hosts !== kind) continue;
      const found = rule.check(url, { hosts, following: consumeFollowing ? '' : following });
      if (!found) continue;
      findings.push({ code: rule.code, message: found.message });
      consumeFollowing += found.consumeFollowing ?? 0;
      if (!found.fixed) {
        clear = false;
        break; // no clear fix: later rules would judge a URL nobody meant
      }
      url = found.fixed;
      kind = hostKind(hostName(url), hosts);
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

function classify(url: UrlParts | undefined, hosts: LinkHosts): Omit<LinkCheck, 'url' | 'problem'> {
  if (!url) return { kind: 'other' };
  const host = hostName(url);
  switch (hostKind(host, hosts)) {
    case 'gerrit': {
      // a query, a dashboard or a settings page is a Gerrit page, not a review
      const review = reviewTarget(url, host);
      return { kind: review.change !== undefined ? 'review' : 'other', review };
    }
    case 'storyboard': {
      const story = storyTarget(url);
      return story ? { kind: 'story', story } : { kind: 'other' };
    }
    case 'etherpad': {
      const etherpad = etherpadTarget(url);
      return etherpad ? { kind: 'etherpad', etherpad } : { kind: 'other' };
    }
    case 'launchpad': {
      // a project's bug or blueprint list is a Launchpad page, not a bug or a blueprint
      if (host !== LAUNCHPAD_BLUEPRINTS && /\/\+?bugs?(\/|$)/.test(url.path)) {
        const bug = bugTarget(url);
        if (bug) return { kind: bug.id !== undefined ? 'bug' : 'other', bug };
      }
      if (host !== LAUNCHPAD_BUGS && /\/\+?specs?(\/|$)|^\/[^/]+\/?$/.test(url.path)) {
        const blueprint = blueprintTarget(url);
        if (blueprint) return { kind: blueprint.name !== undefined ? 'blueprint' : 'other', blueprint };
      }
      if (host === LAUNCHPAD_BUGS) {
        const bug = bugTarget(url);
        if (bug) return { kind: bug.id !== undefined ? 'bug' : 'other', bug };
      }
      return { kind: 'other' };
    }
    default:
      return { kind: 'other' };
  }
}
