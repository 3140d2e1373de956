// Launchpad bug and blueprint links: `bugs.launchpad.net/<project>/+bug/<n>`, `launchpad.net/bugs/<n>`,
// `blueprints.launchpad.net/<project>/+spec/<name>`, and the ways writers get them wrong.
import type { BlueprintTarget, BugTarget } from '../../model/model';
import { LAUNCHPAD, LAUNCHPAD_BLUEPRINTS, LAUNCHPAD_BUGS } from '../linkHosts';
import { hostName, type UrlParts } from '../urlParts';
import { intendedNumber, numberAfterSpace, type LinkRule } from '../linkRules/linkRule';
import { mostUsed, type CanonicalForm, type Tracker } from './tracker';

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

const NAME = '[a-zA-Z0-9][a-zA-Z0-9+.-]*';

/** Launchpad's forms writers mostly paste: 1, 2 project and bug; 3 bug of `/bugs/<n>`; 4, 5 project and blueprint. */
const CANONICAL: readonly CanonicalForm[] = [
  {
    host: LAUNCHPAD_BUGS,
    pattern: new RegExp(`(?:/(${NAME})/\\+bug/(\\d+)|/bugs/(\\d+))/?$`, 'y'),
    read: (m) => ({ kind: 'bug', bug: m[2] !== undefined ? { id: Number(m[2]), project: m[1] } : { id: Number(m[3]) } }),
  },
  { host: LAUNCHPAD, pattern: /\/bugs\/(\d+)\/?$/y, read: (m) => ({ kind: 'bug', bug: { id: Number(m[1]) } }) },
  {
    host: LAUNCHPAD_BLUEPRINTS,
    pattern: new RegExp(`/(${NAME})/\\+spec/(${NAME})/?$`, 'y'),
    read: (m) => ({ kind: 'blueprint', blueprint: { project: m[1], name: m[2] } }),
  },
];

export const LAUNCHPAD_TRACKER: Tracker = {
  id: 'launchpad',
  name: 'Launchpad',
  hosts: () => [LAUNCHPAD, LAUNCHPAD_BUGS, LAUNCHPAD_BLUEPRINTS],
  schemeless: () => true,
  rules: LAUNCHPAD_RULES,
  classify(url, host) {
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
  },
  canonical: CANONICAL,
  snippets(links) {
    // bugs and blueprints name the project the draft links to most; a draft that links to none, a placeholder that reads as one
    const project = mostUsed(links.flatMap((l) => (l.bug?.project ? [l.bug.project] : l.blueprint ? [l.blueprint.project] : [])))?.key ?? 'PROJECT';
    return [
      { kind: 'bug', label: 'bug', body: `https://bugs.launchpad.net/\${1:${project}}/+bug/$2` },
      { kind: 'blueprint', label: 'blueprint', body: `https://blueprints.launchpad.net/\${1:${project}}/+spec/$2` },
    ];
  },
};
