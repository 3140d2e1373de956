// Gerrit review links: the old UI's `/#/c/<n>/<patchset>/<file>`, the new `/c/<project>/+/<n>`,
// the short `/<n>`, and queries, on the Gerrit hosts of the settings (OpenStack's by default) and,
// by the shape of the link, on any other (`*-review.googlesource.com`, gerrit.wikimedia.org's
// `/r/c/…`, a company's own). Each rule names one way writers get them wrong.
import type { Link, ReviewTarget } from '../../model/model';
import type { UrlParts } from '../urlParts';
import { intendedNumber, numberAfterSpace, type LinkRule } from '../linkRules/linkRule';
import { mostUsed, type CanonicalForm, type SnippetForm, type Tracker } from './tracker';

/**
 * The new UI's route under the path a Gerrit is served from (`/r/c/<project>/+/<n>` on
 * gerrit.wikimedia.org): the prefix, one segment, then the route.
 */
const PREFIXED_ROUTE = /^(\/(?!c\/)[^/]+)(\/c\/.+?\/\+(?:\/.*)?)$/s;

/** Where a Gerrit page's route is: in the fragment (old UI, `#/c/…`) or in the path, after the path Gerrit is served under. */
function route(url: UrlParts): { route: string; inFragment: boolean; prefix: string } {
  if (url.fragment.startsWith('#/')) return { route: url.fragment.slice(1), inFragment: true, prefix: '' };
  const m = PREFIXED_ROUTE.exec(url.path);
  if (m) return { route: m[2], inFragment: false, prefix: m[1] };
  return { route: url.path, inFragment: false, prefix: '' };
}

function withRoute(url: UrlParts, inFragment: boolean, newRoute: string, prefix = ''): UrlParts {
  return inFragment ? { ...url, fragment: `#${newRoute}` } : { ...url, path: `${prefix}${newRoute}` };
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
    const { route: r, inFragment, prefix } = route(url);
    m = /^\/c(\d.*)$/s.exec(r);
    if (m) return { message: 'Gerrit link is missing the "/" between "c" and the change number', fixed: withRoute(url, inFragment, `/c/${m[1]}`, prefix) };
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
    const { route: r, inFragment, prefix } = route(url);
    if (!r.startsWith('/c/') || CHANGE_ROUTE.test(r) || PROJECT_ROUTE.test(r)) return undefined;
    const rest = r.slice(3);
    const forms: [RegExp, string][] = [
      [/^(.+?)\/\+(\d.*)$/s, 'the "/" after "+"'],
      [/^(.+?)\+\/(\d.*)$/s, 'the "/" before "+"'],
      [/^(.+?)\/(\d[^/]*(?:\/.*)?)$/s, '"/+/" between the project and the change number'],
    ];
    for (const [re, what] of forms) {
      const m = re.exec(rest);
      if (m) return { message: `Gerrit change link is missing ${what}`, fixed: withRoute(url, inFragment, `/c/${m[1].replace(/\/$/, '')}/+/${m[2]}`, prefix) };
    }
    return undefined;
  },
};

export const reviewChangeMissing: LinkRule = {
  code: 'review-change-missing',
  hosts: 'gerrit',
  check(url, { following }) {
    const { route: r, inFragment, prefix } = route(url);
    const m = /^(\/c\/?|\/c\/.+?\/\+\/?)$/s.exec(r);
    if (!m) return undefined;
    const message = 'Gerrit change link has no change number';
    const typed = numberAfterSpace(following);
    if (!typed) return { message };
    const base = m[1].endsWith('/') ? m[1] : `${m[1]}/`;
    return {
      message: `${message} (it is after a space)`,
      fixed: withRoute(url, inFragment, `${base}${typed.digits}/`, prefix),
      consumeFollowing: typed.length,
    };
  },
};

export const reviewChangeNotNumeric: LinkRule = {
  code: 'review-change-not-numeric',
  hosts: 'gerrit',
  check(url) {
    const { route: r, inFragment, prefix } = route(url);
    let m = PROJECT_ROUTE.exec(r);
    let start: string;
    let id: string;
    let rest: string;
    if (m) [start, id, rest] = [`/c/${m[1]}/+/`, m[2], m[3] ?? ''];
    else if ((m = /^\/c\/([^/]+)(\/.*)?$/s.exec(r))) [start, id, rest] = ['/c/', m[1], m[2] ?? ''];
    else if (!inFragment && (m = /^\/([^/]*\d[^/]*)(\/?)$/s.exec(r))) [start, id, rest] = ['/', m[1], m[2]];
    else return undefined;
    // a change's `,edit` (its change edit) or, in the old UI, another `,<panel>`
    if (/^\d+(?:,[a-z]+)?$/.test(id)) return undefined;
    // `/c/<project>` with no change yet is another rule's business
    if (start === '/c/' && !/^\d/.test(id) && !/\d/.test(id)) {
      if (rest && rest !== '/') return undefined;
      return { message: `Gerrit change "${id}" is not a number` };
    }
    if (start === '/' && intendedNumber(id) === undefined) return undefined; // some other Gerrit page
    const digits = intendedNumber(id);
    const message = `Gerrit change number "${id}" is not a number`;
    return digits ? { message, fixed: withRoute(url, inFragment, `${start}${digits}${rest}`, prefix) } : { message };
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
    const { route: r, inFragment, prefix: under } = route(url);
    const m = /^(\/c\/(?:\d+|.+?\/\+\/\d+)\/)([^/]+)(\/.*)?$/s.exec(r);
    if (!m) return undefined;
    const [, prefix, segment, rest = ''] = m;
    // the old UI's `,<panel>` (`14,publish`, `14,unified`, the change's own `/,edit`) and the new UI's `,edit` follow the patchset
    const patchset = rest ? segment : segment.replace(/,[a-z]+$/, '');
    if (!patchset || PATCHSET.test(patchset) || COMMENT_SEGMENT.test(patchset)) return undefined;
    const message = `Gerrit patchset "${segment}" is not a number`;
    // a patchset is a small number: one to three digits with a stray character or two at the ends
    const typo = /^\D{0,2}(\d{1,3})\D{0,2}$/.exec(segment);
    return typo ? { message, fixed: withRoute(url, inFragment, `${prefix}${typo[1]}${rest}`, under) } : { message };
  },
};

/** What a Gerrit link points at, once it is well formed (`unlisted`: a host the settings do not name). */
export function reviewTarget(url: UrlParts, host: string, unlisted = false): ReviewTarget {
  const { route: r, prefix } = route(url);
  const target: ReviewTarget = { host };
  if (prefix) target.path = prefix;
  if (unlisted) target.unlisted = true;
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

/** A Gerrit change's link on a host the settings do not name: the new UI's `/c/<project>/+/…` (under a path at most), the old UI's `/#/c/<n>`. */
const SHAPE_PATH = /^(?:\/[^/]+)?\/c\/[a-zA-Z._-][^+]*\/\+(?:\/|$)/;
const SHAPE_FRAGMENT = /^#\/c\/\d/;

/** Google's Gerrits: `<project>-review.googlesource.com` (chromium-review, android-review, gerrit-review…). */
const GOOGLESOURCE_REVIEW = /^[a-z0-9-]+-review\.googlesource\.com$/;

/** The forms writers mostly paste (after the host): 1, 2 change and patchset of `/#/c/`; 3, 4, 5 project, change, patchset of `/c/…/+/`; 6 change of `/<n>`. */
const CANONICAL: CanonicalForm = {
  // a project never starts with a digit: `/c/<digits>` is a change, see review-missing-hash
  pattern: /(?:\/#\/c\/(\d+)(?:\/(\d+))?\/?|\/c\/([a-zA-Z._-][a-zA-Z0-9._-]*(?:\/[a-zA-Z0-9._-]+)*)\/\+\/(\d+)(?:\/(\d+))?\/?|\/(\d+)\/?)$/y,
  read(m, host, hosts) {
    const review: ReviewTarget = { host, change: Number(m[1] ?? m[4] ?? m[6]) };
    if (!hosts.gerrit.includes(host)) review.unlisted = true;
    const patchset = m[2] ?? m[5];
    if (patchset !== undefined) review.patchset = patchset;
    if (m[3] !== undefined) review.project = m[3];
    return { kind: 'review', review };
  },
};

export const GERRIT: Tracker = {
  id: 'gerrit',
  name: 'Gerrit',
  hosts: (hosts) => hosts.gerrit,
  ownsHostName: (host) => GOOGLESOURCE_REVIEW.test(host),
  ownsShape: (url) => SHAPE_PATH.test(url.path) || SHAPE_FRAGMENT.test(url.fragment),
  // any page of a configured Gerrit is a link, as before; elsewhere only a change's
  schemeless: (url, host, hosts) => hosts.gerrit.includes(host) || SHAPE_PATH.test(url.path) || SHAPE_FRAGMENT.test(url.fragment),
  rules: REVIEW_RULES,
  classify(url, host, hosts) {
    // a query, a dashboard or a settings page is a Gerrit page, not a review
    const review = reviewTarget(url, host, !hosts.gerrit.includes(host));
    return { kind: review.change !== undefined ? 'review' : 'other', review };
  },
  canonical: [CANONICAL],
  snippets(links) {
    const form = mostUsed(links.filter((l) => l.review?.change !== undefined).map(reviewForm));
    // a draft that links to none: a placeholder that reads as one, not a real project's name
    const project = mostUsed(links.flatMap((l) => (l.review?.project ? [l.review.project] : [])))?.key ?? 'openstack/PROJECT';
    const snippet: SnippetForm = { kind: 'review', label: 'review', body: reviewSnippet(form?.key ?? 'review.opendev.org c', project) };
    if (form) snippet.used = form.count;
    return [snippet];
  },
};

/** A review link's host (with the path Gerrit is under) and form: "review.openstack.org #" (`/#/c/<n>/`), "… c" (`/c/<project>/+/<n>`), "… n" (`/<n>`). */
function reviewForm(link: Link): string {
  const { host, path = '' } = link.review!;
  const route = link.url.replace(/^https?:\/\/[^/]+/i, '').slice(path.length);
  return `${host}${path} ${route.startsWith('/#/c/') ? '#' : route.startsWith('/c/') ? 'c' : 'n'}`;
}

/** A draft of short `/<n>` links gets the `/c/` form on its host: `https://<host>/` left empty would be a well-formed link. */
function reviewSnippet(form: string, project: string): string {
  const [host, style] = form.split(' ');
  if (style === '#') return `https://${host}/#/c/$1`;
  return `https://${host}/c/\${1:${project}}/+/$2`;
}
