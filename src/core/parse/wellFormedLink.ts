// A well-formed link found while parsing is kept as where it stands, and made a Link (its target,
// its range) when something first reads the links of its block: the tree and the editor read them
// all, `midcycle check` only the malformed ones, which are made at once (they carry diagnostics).
import type { LinkHosts } from '../rules/linkHosts';
import { canonicalCheck, type LinkCheck } from '../rules/linkRules/checkLink';
import type { Link, Range } from '../model/model';

export class WellFormedLink {
  constructor(
    readonly raw: string,
    /** Where it starts (it never spans lines: no well-formed URL holds a line break). */
    public line: number,
    readonly character: number,
  ) {}
}

/** A link as the link pass records it. */
export type FoundLink = Link | WellFormedLink;

/** A link found malformed: made at once, its problem on it (what diagnostics are made of). */
export function isMalformed(found: FoundLink): found is Link {
  return !(found instanceof WellFormedLink) && found.problem !== undefined;
}

/** The Link a well-formed link stands for. */
export function wellFormedLink(found: WellFormedLink, hosts: LinkHosts): Link {
  const check = canonicalCheck(found.raw, hosts);
  // it was well-formed when found, for the same hosts: never undefined; the rules decide otherwise
  if (!check) throw new Error(`${found.raw} is not a well-formed link`);
  const { line, character } = found;
  return linkOf(found.raw, found.raw, check, { start: { line, character }, end: { line, character: character + found.raw.length } });
}

/** A link object: the target in its literal, not added after it (an object that grows past its literal gets a second property store). */
export function linkOf(raw: string, url: string, check: LinkCheck, range: Range): Link {
  const { kind } = check;
  if (check.review) return { kind, raw, url, range, review: check.review };
  if (check.bug) return { kind, raw, url, range, bug: check.bug };
  if (check.blueprint) return { kind, raw, url, range, blueprint: check.blueprint };
  if (check.story) return { kind, raw, url, range, story: check.story };
  if (check.etherpad) return { kind, raw, url, range, etherpad: check.etherpad };
  if (check.item) return { kind, raw, url, range, item: check.item };
  return { kind, raw, url, range };
}
