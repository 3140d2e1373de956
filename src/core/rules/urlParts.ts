// A URL split into the parts the link rules look at, keeping the writer's text exactly
// (the WHATWG URL parser would normalise it, and fixes must change only what is wrong).
export interface UrlParts {
  /** `https`, `http`, … or '' when the writer left the scheme out. */
  scheme: string;
  host: string;
  /** Starts with `/` or is empty. */
  path: string;
  /** With its `?`, or empty. */
  query: string;
  /** With its `#`, or empty. */
  fragment: string;
}

const URL_RE = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?([^/?#\s]+)([^?#]*)(\?[^#]*)?(#.*)?$/s;

export function splitUrl(raw: string): UrlParts | undefined {
  const m = URL_RE.exec(raw);
  if (!m) return undefined;
  return { scheme: m[1] ?? '', host: m[2], path: m[3] ?? '', query: m[4] ?? '', fragment: m[5] ?? '' };
}

export function joinUrl(p: UrlParts): string {
  return `${p.scheme ? `${p.scheme}://` : ''}${p.host}${p.path}${p.query}${p.fragment}`;
}

/** Host name compared the way DNS does: case-insensitive, without a port or a trailing dot. */
export function hostName(p: UrlParts): string {
  return p.host.replace(/:\d+$/, '').replace(/\.$/, '').toLowerCase();
}
