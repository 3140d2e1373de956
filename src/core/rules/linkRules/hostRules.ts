// Rules about the whole URL, before its host is known to be right: spaces, the scheme, the host.
import { editDistance, intendedHost, isKnownHost } from '../linkHosts';
import { isSchemelessLink, trackerOfHost } from '../trackers/registry';
import { hostName } from '../urlParts';
import type { LinkRule, RawLinkRule } from './linkRule';

/** Runs on the raw text: a destination broken by a space is no link at all in Markdown. */
export const spaceInLink: RawLinkRule = {
  code: 'link-space',
  check(raw) {
    if (!/\s/.test(raw)) return undefined;
    return { message: 'The link destination is broken by a space, so Markdown shows it as text, not a link', fixed: raw.replace(/\s+/g, '') };
  },
};

/** `https:/host`, `https//host`, `htps://host`: a scheme with a slash or a letter short or too many. */
export const MISSPELT_SCHEME = /^([a-z]{3,6})(:\/{0,3}|\/{1,3})(?![/\\])/i;

/** Runs on the raw text: a misspelt scheme keeps the URL from being a link at all. */
export const malformedScheme: RawLinkRule = {
  code: 'link-scheme',
  check(raw) {
    const m = MISSPELT_SCHEME.exec(raw);
    if (!m || !isMisspeltHttp(m[1], m[2])) return undefined;
    return { message: `The link starts with "${m[0]}", not "https://", so it is not a link`, fixed: `https://${raw.slice(m[0].length)}` };
  },
};

/** True for a scheme and separator that mean http(s) but are not `http://` or `https://`. */
export function isMisspeltHttp(scheme: string, separator: string): boolean {
  const s = scheme.toLowerCase();
  if ((s === 'http' || s === 'https') && separator === '://') return false;
  return Math.min(editDistance(s, 'http', 2), editDistance(s, 'https', 2)) <= (s.startsWith('h') ? 2 : 1);
}

export const doubleSlash: LinkRule = {
  code: 'link-double-slash',
  hosts: 'any',
  check(url, { hosts }) {
    const host = hostName(url);
    // OpenStack's hosts, as ever, and the other trackers' own hosts (not those known by a link's shape alone)
    if (!isKnownHost(host, hosts) && !trackerOfHost(host, hosts)) return undefined;
    const path = url.path.replace(/\/{2,}/g, '/');
    // a route in the fragment (Gerrit's old `#/…`, StoryBoard's `#!/…`), but a URL in it (`#/q/message:https://…`) keeps its `//`
    const fragment = /^#!?\//.test(url.fragment) ? url.fragment.replace(/(?<!:)\/{2,}/g, '/') : url.fragment;
    if (path === url.path && fragment === url.fragment) return undefined;
    return { message: 'The link has "//" inside its path', fixed: { ...url, path, fragment } };
  },
};

export const missingScheme: LinkRule = {
  code: 'link-missing-scheme',
  hosts: 'any',
  check(url, { hosts }) {
    if (url.scheme) return undefined;
    const host = hostName(url);
    if (!isKnownHost(host, hosts) && !intendedHost(host, hosts) && !isSchemelessLink(url, hosts)) return undefined;
    return { message: 'The link has no https://, so mail clients may not make it clickable', fixed: { ...url, scheme: 'https' } };
  },
};

export const misspeltHost: LinkRule = {
  code: 'link-host-misspelt',
  hosts: 'any',
  check(url, { hosts }) {
    const intended = intendedHost(hostName(url), hosts);
    if (!intended) return undefined;
    const port = /:\d+$/.exec(url.host)?.[0] ?? '';
    return { message: `The host ${url.host} is misspelt: it should be ${intended}`, fixed: { ...url, host: intended + port } };
  },
};
