// Gerrit review links: the old UI's `/#/c/<n>/<patchset>/<file>`, the new `/c/<project>/+/<n>`,
// the short `/<n>`, and queries. Each rule names one way writers get them wrong.
import type { ReviewTarget } from '../../model/model';
import type { UrlParts } from '../urlParts';
import { intendedNumber, numberAfterSpace, type LinkRule } from './linkRule';

/** Where a Gerrit page's route is: in the fragment (old UI, `#/c/…`) or in the path. */
function route(url: UrlParts): { route: string; inFragment: boolean } {
  if (url.fragment.startsWith('#/')) return { route: url.fragment.slice(1), inFragment: true };
  return { route: url.path, inFragment: false };
}

function withRoute(url: UrlParts, inFragment: boolean, newRoute: string): UrlParts {
  return inFragment ? { ...url, fragment: `#${newRoute}` } : { ...url, path: newRoute };
}

/** `/c/` followed by a change number (typo included) rather than by a project name. */
const CHANGE_ROUTE = /^\/c\/(\d[^/]*)(\/.*)?$/;
/** `/c/<project>/+/<change>…`, the project possibly with slashes. */
const PROJECT_ROUTE = /^\/c\/(.+?)\/\+\/([^/]*)(\/.*)?$/;

export const reviewMissingSlash: LinkRule = {
  code: 'review-missing-slash',
  hosts: 'gerrit',
  check(url) {
    let m = /^#(c|q)\/(.*)$/s.exec(url.fragment);
    if (m) return { message: 'Gerrit link is missing the "/" after "#"', fixed: { ...url, fragment: `#/${m[1]}/${m[2]}` } };
    const { route: r, inFragment } = route(url);
    m = /^\/c(\d.*)$/s.exec(r);
    if (m) return { message: 'Gerrit link is missing the "/" between "c" and the change number', fixed: withRoute(url, inFragment, `/c/${m[1]}`) };
    return undefined;
  },
};

export const reviewMissingHash: LinkRule = {
  code: 'review-missing-hash',
  hosts: 'gerrit',
  check(url) {
    if (url.fragment) return undefined;
    const m = CHANGE_ROUTE.exec(url.path);
    if (!m) return undefined;
    const rest = m[2] ?? '/';
    return { message: 'Gerrit change link is missing the "#" of "/#/c/"', fixed: { ...url, path: '/', fragment: `#/c/${m[1]}${rest}` } };
  },
};

export const reviewMissingPlus: LinkRule = {
  code: 'review-missing-plus',
  hosts: 'gerrit',
  check(url) {
    const { route: r, inFragment } = route(url);
    if (!r.startsWith('/c/') || CHANGE_ROUTE.test(r) || PROJECT_ROUTE.test(r)) return undefined;
    const rest = r.slice(3);
    const forms: [RegExp, string][] = [
      [/^(.+?)\/\+(\d.*)$/s, 'the "/" after "+"'],
      [/^(.+?)\+\/(\d.*)$/s, 'the "/" before "+"'],
      [/^(.+?)\/(\d[^/]*(?:\/.*)?)$/s, '"/+/" between the project and the change number'],
    ];
    for (const [re, what] of forms) {
      const m = re.exec(rest);
      if (m) return { message: `Gerrit change link is missing ${what}`, fixed: withRoute(url, inFragment, `/c/${m[1].replace(/\/$/, '')}/+/${m[2]}`) };
    }
    return undefined;
  },
};

export const reviewChangeMissing: LinkRule = {
  code: 'review-change-missing',
  hosts: 'gerrit',
  check(url, { following }) {
    const { route: r, inFragment } = route(url);
    const m = /^(\/c\/?|\/c\/.+?\/\+\/?)$/s.exec(r);
    if (!m) return undefined;
    const message = 'Gerrit change link has no change number';
    const typed = numberAfterSpace(following);
    if (!typed) return { message };
    const base = m[1].endsWith('/') ? m[1] : `${m[1]}/`;
    return { message: `${message} (it is after a space)`, fixed: withRoute(url, inFragment, `${base}${typed.digits}/`), consumeFollowing: typed.length };
  },
};

export const reviewChangeNotNumeric: LinkRule = {
  code: 'review-change-not-numeric',
  hosts: 'gerrit',
  check(url) {
    const { route: r, inFragment } = route(url);
    let m = PROJECT_ROUTE.exec(r);
    let prefix: string;
    let id: string;
    let rest: string;
    if (m) [prefix, id, rest] = [`/c/${m[1]}/+/`, m[2], m[3] ?? ''];
    else if ((m = /^\/c\/([^/]+)(\/.*)?$/s.exec(r))) [prefix, id, rest] = ['/c/', m[1], m[2] ?? ''];
    else if (!inFragment && (m = /^\/([^/]*\d[^/]*)(\/?)$/s.exec(r))) [prefix, id, rest] = ['/', m[1], m[2]];
    else return undefined;
    // a change's `,edit` (its change edit) or, in the old UI, another `,<panel>`
    if (/^\d+(?:,[a-z]+)?$/.test(id)) return undefined;
    // `/c/<project>` with no change yet is another rule's business
    if (prefix === '/c/' && !/^\d/.test(id) && !/\d/.test(id)) {
      if (rest && rest !== '/') return undefined;
      return { message: `Gerrit change "${id}" is not a number` };
    }
    if (prefix === '/' && intendedNumber(id) === undefined) return undefined; // some other Gerrit page
    const digits = intendedNumber(id);
    const message = `Gerrit change number "${id}" is not a number`;
    return digits ? { message, fixed: withRoute(url, inFragment, `${prefix}${digits}${rest}`) } : { message };
  },
};

/**
 * What may follow a change number, as both UIs route it: a patchset (a number, or `edit` for the
 * change edit) after an optional `<base>..` (a negative base is a merge's parent), then a file path.
 */
const PATCHSET = /^(?:-?\d+|edit)(?:\.\.(?:\d+|edit))?$/;
/** The new UI's comment links, `/c/<project>/+/<n>/comment/<id>/` and `…/comments[/<id>]`. */
const COMMENT_SEGMENT = /^comments?$/;

export const reviewPatchsetNotNumeric: LinkRule = {
  code: 'review-patchset-not-numeric',
  hosts: 'gerrit',
  check(url) {
    const { route: r, inFragment } = route(url);
    const m = /^(\/c\/(?:\d+|.+?\/\+\/\d+)\/)([^/]+)(\/.*)?$/s.exec(r);
    if (!m) return undefined;
    const [, prefix, segment, rest = ''] = m;
    // the old UI's `,<panel>` (`14,publish`, `14,unified`, the change's own `/,edit`) and the new UI's `,edit` follow the patchset
    const patchset = rest ? segment : segment.replace(/,[a-z]+$/, '');
    if (!patchset || PATCHSET.test(patchset) || COMMENT_SEGMENT.test(patchset)) return undefined;
    const message = `Gerrit patchset "${segment}" is not a number`;
    // a patchset is a small number: one to three digits with a stray character or two at the ends
    const typo = /^\D{0,2}(\d{1,3})\D{0,2}$/.exec(segment);
    return typo ? { message, fixed: withRoute(url, inFragment, `${prefix}${typo[1]}${rest}`) } : { message };
  },
};

/** What a Gerrit link points at, once it is well formed. */
export function reviewTarget(url: UrlParts, host: string): ReviewTarget {
  const { route: r } = route(url);
  const target: ReviewTarget = { host };
  let m = /^\/c\/(\d+)(?:,[a-z]+)?(?:\/([^/]+))?(?:\/(.*))?$/s.exec(r) ?? undefined;
  if (m) return withChange(target, m[1], m[2], m[3]);
  m = /^\/c\/(.+?)\/\+\/(\d+)(?:,[a-z]+)?(?:\/([^/]+))?(?:\/(.*))?$/s.exec(r) ?? undefined;
  if (m) return { ...withChange(target, m[2], m[3], m[4]), project: m[1] };
  m = /^\/(\d+)\/?$/.exec(r) ?? undefined;
  if (m) return { ...target, change: Number(m[1]) };
  m = /^\/q\/(.*)$/s.exec(r) ?? undefined;
  if (m) return { ...target, query: safeDecode(m[1]) };
  return target;
}

function withChange(target: ReviewTarget, change: string, patchset?: string, file?: string): ReviewTarget {
  const t: ReviewTarget = { ...target, change: Number(change) };
  if (patchset && COMMENT_SEGMENT.test(patchset)) return t; // a comment's link names neither patchset nor file
  const number = patchset?.replace(/,[a-z]+$/, '');
  if (number && PATCHSET.test(number)) t.patchset = number;
  // the old UI's `@<line>` (`@a<line>` on the left side) and `,<panel>` are not part of the path
  const path = file?.replace(/\/$/, '').replace(/(?:@a?\d+)?(?:,[a-z]+)?$/, '');
  if (path) t.file = path;
  return t;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

export const REVIEW_RULES: readonly LinkRule[] = [
  reviewMissingSlash,
  reviewMissingHash,
  reviewMissingPlus,
  reviewChangeMissing,
  reviewChangeNotNumeric,
  reviewPatchsetNotNumeric,
];
