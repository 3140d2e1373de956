// Etherpad links: `https://etherpad.openstack.org/p/<name>` (with `/timeslider`, `/export/txt`).
import type { EtherpadTarget } from '../../model/model';
import { hostName, type UrlParts } from '../urlParts';
import type { LinkRule } from '../linkRules/linkRule';
import { mostUsed, type SnippetForm, type Tracker } from './tracker';

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

export const ETHERPAD: Tracker = {
  id: 'etherpad',
  name: 'Etherpad',
  hosts: (hosts) => hosts.etherpad,
  schemeless: () => true,
  rules: ETHERPAD_RULES,
  classify(url) {
    const etherpad = etherpadTarget(url);
    return etherpad ? { kind: 'etherpad', etherpad } : { kind: 'other' };
  },
  canonical: [{ pattern: /\/p\/([a-zA-Z0-9._~%+-]+)\/?$/y, read: (m, host) => ({ kind: 'etherpad', etherpad: { host, name: decodeSafe(m[1]) } }) }],
  snippets(links) {
    const used = mostUsed(links.flatMap((l) => (l.etherpad ? [l.etherpad.host] : [])));
    const snippet: SnippetForm = { kind: 'etherpad', label: 'etherpad', body: `https://${used?.key ?? 'etherpad.opendev.org'}/p/$1` };
    if (used) snippet.used = used.count;
    return [snippet];
  },
};
