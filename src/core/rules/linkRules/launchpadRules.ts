// Launchpad bug and blueprint links: `bugs.launchpad.net/<project>/+bug/<n>`, `launchpad.net/bugs/<n>`,
// `blueprints.launchpad.net/<project>/+spec/<name>`, and the ways writers get them wrong.
import type { BlueprintTarget, BugTarget } from '../../model/model';
import { LAUNCHPAD_BLUEPRINTS, LAUNCHPAD_BUGS } from '../linkHosts';
import { hostName, type UrlParts } from '../urlParts';
import { intendedNumber, numberAfterSpace, type LinkRule } from './linkRule';

/** `/<project>[/<series or +source/pkg>]` before `+bug` or `+spec`. */
const PROJECT = '(\\/[^/+][^/]*(?:\\/\\+source\\/[^/]+|\\/[^/+][^/]*)?)';
// built once: these run for every Launchpad link of a draft
const BUG_WORD_PATH = new RegExp(`^${PROJECT}\\/bugs?(\\/.*)$`, 's');
const BUG_NUMBER_PATH = new RegExp(`^(${PROJECT}\\/\\+bug\\/|\\/bugs\\/)([^/]*)(\\/.*)?$`, 's');
const SPEC_WORD_PATH = new RegExp(`^${PROJECT}\\/specs?(\\/.*)$`, 's');
const BUG_PATH = new RegExp(`^${PROJECT}\\/\\+bug\\/(\\d+)(?:\\/comments\\/(\\d+))?\\/?`, 's');
const SPEC_PATH = new RegExp(`^${PROJECT}\\/\\+spec\\/([^/]+)\\/?`, 's');

export const bugMissingPlus: LinkRule = {
  code: 'bug-missing-plus',
  hosts: 'launchpad',
  check(url) {
    const m = BUG_WORD_PATH.exec(url.path);
    if (!m || hostName(url) === LAUNCHPAD_BLUEPRINTS) return undefined;
    return { message: 'Launchpad bug link needs "+bug" after the project', fixed: { ...url, path: `${m[1]}/+bug${m[2]}` } };
  },
};

export const bugMissingSlash: LinkRule = {
  code: 'bug-missing-slash',
  hosts: 'launchpad',
  check(url) {
    const m = /^(\/[^/+]+)\/?\+bug\/?(\d.*)$/s.exec(url.path);
    if (!m || url.path === `${m[1]}/+bug/${m[2]}`) return undefined;
    return { message: 'Launchpad bug link is missing a "/" around "+bug"', fixed: { ...url, path: `${m[1]}/+bug/${m[2]}` } };
  },
};

export const bugPlural: LinkRule = {
  code: 'bug-plural',
  hosts: 'launchpad',
  check(url) {
    const m = /^(.*)\/\+bugs(\/\d.*)$/s.exec(url.path);
    if (!m) return undefined;
    return { message: 'Launchpad bug link has "+bugs" (the bug list) where one bug is "+bug"', fixed: { ...url, path: `${m[1]}/+bug${m[2]}` } };
  },
};

export const bugShortForm: LinkRule = {
  code: 'bug-short-form',
  hosts: 'launchpad',
  check(url) {
    const m = /^\/\+?bug(\/.*)$/s.exec(url.path);
    if (!m) return undefined;
    return { message: 'A Launchpad bug link without a project is "/bugs/<number>"', fixed: { ...url, path: `/bugs${m[1]}` } };
  },
};

/** The bug-number part of a bug link: `[prefix, id, rest]`. */
function bugNumberPart(path: string): [string, string, string] | undefined {
  const m = BUG_NUMBER_PATH.exec(path);
  return m ? [m[1], m[3], m[4] ?? ''] : undefined;
}

export const bugNumberMissing: LinkRule = {
  code: 'bug-number-missing',
  hosts: 'launchpad',
  check(url, { following }) {
    const path = /\/\+bug$|^\/bugs$/.test(url.path) ? `${url.path}/` : url.path;
    const part = bugNumberPart(path);
    if (!part || part[1] !== '' || (part[2] !== '' && part[2] !== '/')) return undefined;
    const message = 'Launchpad bug link has no bug number';
    // "bug #1507499" carried into the URL: the number became a fragment
    const hashed = /^#(\d+)$/.exec(url.fragment);
    if (hashed && !url.query) {
      return { message: `${message}: "#${hashed[1]}" is not part of the path`, fixed: { ...url, path: `${part[0]}${hashed[1]}`, fragment: '' } };
    }
    const typed = numberAfterSpace(following);
    if (!typed || url.query || url.fragment) return { message };
    return { message: `${message} (it is after a space)`, fixed: { ...url, path: `${part[0]}${typed.digits}` }, consumeFollowing: typed.length };
  },
};

export const bugNumberNotNumeric: LinkRule = {
  code: 'bug-number-not-numeric',
  hosts: 'launchpad',
  check(url) {
    const part = bugNumberPart(url.path);
    if (!part || part[1] === '' || /^\d+$/.test(part[1])) return undefined;
    const message = `Launchpad bug number "${part[1]}" is not a number`;
    const digits = intendedNumber(part[1]);
    return digits ? { message, fixed: { ...url, path: `${part[0]}${digits}${part[2]}` } } : { message };
  },
};

export const blueprintMissingPlus: LinkRule = {
  code: 'blueprint-missing-plus',
  hosts: 'launchpad',
  check(url) {
    const m = SPEC_WORD_PATH.exec(url.path);
    if (!m || hostName(url) === LAUNCHPAD_BUGS) return undefined;
    return { message: 'Launchpad blueprint link needs "+spec" after the project', fixed: { ...url, path: `${m[1]}/+spec${m[2]}` } };
  },
};

export const blueprintPlural: LinkRule = {
  code: 'blueprint-plural',
  hosts: 'launchpad',
  check(url) {
    const m = /^(.*)\/\+specs(\/[^/].*)$/s.exec(url.path);
    if (!m) return undefined;
    return { message: 'Launchpad blueprint link has "+specs" where one blueprint is "+spec"', fixed: { ...url, path: `${m[1]}/+spec${m[2]}` } };
  },
};

export const blueprintNameMissing: LinkRule = {
  code: 'blueprint-name-missing',
  hosts: 'launchpad',
  check(url) {
    if (!/\/\+spec\/?$/.test(url.path)) return undefined;
    return { message: 'Launchpad blueprint link has no blueprint name after "+spec/"' };
  },
};

export const LAUNCHPAD_RULES: readonly LinkRule[] = [
  bugShortForm,
  bugMissingSlash,
  bugMissingPlus,
  bugPlural,
  bugNumberMissing,
  bugNumberNotNumeric,
  blueprintMissingPlus,
  blueprintPlural,
  blueprintNameMissing,
];

export function bugTarget(url: UrlParts): BugTarget | undefined {
  let m = BUG_PATH.exec(url.path);
  if (m) {
    const t: BugTarget = { id: Number(m[2]), project: m[1].slice(1) };
    if (m[3]) t.comment = Number(m[3]);
    return t;
  }
  m = /^\/bugs\/(\d+)\/?$/.exec(url.path);
  if (m) return { id: Number(m[1]) };
  // a project's bug list: bugs.launchpad.net/neutron, …/neutron/+bugs?field.tag=…
  m = /^\/([^/+][^/]*)(?:\/\+bugs)?\/?$/.exec(url.path);
  if (m && hostName(url) === LAUNCHPAD_BUGS) return { project: m[1] };
  if (m && /^\/[^/]+\/\+bugs\/?$/.test(url.path)) return { project: m[1] };
  return undefined;
}

export function blueprintTarget(url: UrlParts): BlueprintTarget | undefined {
  let m = SPEC_PATH.exec(url.path);
  if (m) return { project: m[1].slice(1), name: m[2] };
  m = /^\/([^/+][^/]*)(?:\/\+specs)?\/?$/.exec(url.path);
  if (m && (hostName(url) === LAUNCHPAD_BLUEPRINTS || url.path.includes('+specs'))) return { project: m[1] };
  return undefined;
}
