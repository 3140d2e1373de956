// The places a draft's in-page links (`[see](#next-steps)`) point at: its headings, by the anchor
// GitHub, GitLab and VS Code's preview give them (lower case, punctuation dropped, spaces as
// hyphens, a repeated one numbered: `-1`, `-2`). The email has no anchors (Gmail drops them), so the
// exporters name the heading instead, and a link to no heading is flagged.
import type { Token } from '../model/markdownTypes';

export interface HeadingAnchor {
  /** The heading's text, as the reader sees it. */
  title: string;
  /** Its line (0-based). */
  line: number;
}

/** A heading's anchor: `Next steps (draft)` → `next-steps-draft`. */
export function headingSlug(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** Whether a draft's text may hold an in-page link: only then are its headings' anchors worked out. */
export function mayLinkInPage(text: string): boolean {
  return text.includes('](#');
}

/** The anchors of the headings in a token stream, each to its heading. */
export function headingAnchors(tokens: readonly Token[]): Map<string, HeadingAnchor> {
  const anchors = new Map<string, HeadingAnchor>();
  const seen = new Map<string, number>();
  for (let i = 0; i < tokens.length - 1; i++) {
    if (tokens[i].type !== 'heading_open' || tokens[i + 1].type !== 'inline') continue;
    const inline = tokens[i + 1];
    const title = (inline.children ?? []).map((c) => (c.type === 'text' || c.type === 'code_inline' ? c.content : '')).join('') || inline.content;
    const base = headingSlug(title);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    const slug = n ? `${base}-${n}` : base;
    if (!anchors.has(slug)) anchors.set(slug, { title: title.trim(), line: tokens[i].map?.[0] ?? 0 });
  }
  return anchors;
}

/** The heading an in-page address (`#next-steps`) points at, if any. */
export function anchorTarget(href: string, anchors: ReadonlyMap<string, HeadingAnchor>): HeadingAnchor | undefined {
  if (!href.startsWith('#')) return undefined;
  let fragment = href.slice(1);
  try {
    fragment = decodeURIComponent(fragment);
  } catch {
    // a stray %: the fragment as written
  }
  return anchors.get(fragment.toLowerCase());
}
