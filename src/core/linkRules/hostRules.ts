// Rules about the whole URL, before its host is known to be right: spaces, the scheme, the host.
import { intendedHost, isKnownHost } from '../linkHosts';
import { hostName } from '../urlParts';
import type { LinkRule } from './linkRule';

/** Runs on the raw text: a destination broken by a space is no link at all in Markdown. */
export const spaceInLink = {
  code: 'link-space',
  description: 'A link broken by a space: Markdown shows `[text](url with space)` as text, not a link.',
  example: { bad: '[bug](https://bugs.launchpad.net/neutron/+bug/ 1507499)', good: '[bug](https://bugs.launchpad.net/neutron/+bug/1507499)' },
  check(raw: string): { message: string; fixed: string } | undefined {
    if (!/\s/.test(raw)) return undefined;
    return { message: 'link destination is broken by a space, so Markdown shows it as text, not a link', fixed: raw.replace(/\s+/g, '') };
  },
};

export const missingScheme: LinkRule = {
  code: 'link-missing-scheme',
  description: 'A review, bug, blueprint or etherpad link without `https://`, which many mail clients do not make clickable.',
  example: { bad: 'review.openstack.org/#/c/283798/', good: 'https://review.openstack.org/#/c/283798/' },
  hosts: 'any',
  check(url, { hosts }) {
    if (url.scheme) return undefined;
    const host = hostName(url);
    if (!isKnownHost(host, hosts) && !intendedHost(host, hosts)) return undefined;
    return { message: 'link has no https://, so mail clients may not make it clickable', fixed: { ...url, scheme: 'https' } };
  },
};

export const misspeltHost: LinkRule = {
  code: 'link-host-misspelt',
  description: 'A misspelt Gerrit, Launchpad or etherpad host.',
  example: { bad: 'https://reviews.openstack.org/#/c/283798/', good: 'https://review.openstack.org/#/c/283798/' },
  hosts: 'any',
  check(url, { hosts }) {
    const intended = intendedHost(hostName(url), hosts);
    if (!intended) return undefined;
    const port = /:\d+$/.exec(url.host)?.[0] ?? '';
    return { message: `host ${url.host} is misspelt: it should be ${intended}`, fixed: { ...url, host: intended + port } };
  },
};
