// Etherpad links: `https://etherpad.openstack.org/p/<name>` (with `/timeslider`, `/export/txt`).
import type { EtherpadTarget } from '../../model/model';
import { hostName, type UrlParts } from '../urlParts';
import type { LinkRule } from './linkRule';

/** Etherpad's own pages, which are not pads. */
const ETHERPAD_PAGES = new Set([
  'p',
  'static',
  'admin',
  'locales',
  'javascripts',
  'pluginfw',
  'api',
  'favicon.ico',
  'robots.txt',
  'stats',
  'ep',
  'jserror',
  'socket.io',
]);

export const etherpadMissingP: LinkRule = {
  code: 'etherpad-missing-p',
  hosts: 'etherpad',
  check(url) {
    const m = /^\/([^/]+)(\/.*)?$/s.exec(url.path);
    if (!m || ETHERPAD_PAGES.has(m[1].toLowerCase())) return undefined;
    return { message: 'Etherpad link is missing "/p/" before the pad name', fixed: { ...url, path: `/p/${m[1]}${m[2] ?? ''}` } };
  },
};

export const etherpadNameMissing: LinkRule = {
  code: 'etherpad-name-missing',
  hosts: 'etherpad',
  check(url) {
    if (!/^\/p\/?$/i.test(url.path)) return undefined;
    return { message: 'Etherpad link has no pad name after "/p/"' };
  },
};

export const ETHERPAD_RULES: readonly LinkRule[] = [etherpadMissingP, etherpadNameMissing];

export function etherpadTarget(url: UrlParts): EtherpadTarget | undefined {
  const m = /^\/p\/([^/]+)/.exec(url.path);
  return m ? { host: hostName(url), name: decodeSafe(m[1]) } : undefined;
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
