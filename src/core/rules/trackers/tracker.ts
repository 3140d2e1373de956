// A tracker is a module of data and small functions, as a link rule is: the hosts and URL shapes
// that are its own, the rules for its malformed forms, what a well-formed URL points at (its kind and
// target), the well-formed forms read at once, short references in text, a short name for an item,
// the snippets that write its links, and where its link facts plug in. The engine (linkRules/
// checkLink.ts), the link pass, the tree, the hovers, the outline and the export ask the registry
// (registry.ts), never a tracker by name: the next tracker is a new file and a line there.
import type { TrackerFacts } from '../../facts/linkFactsTypes';
import type { Link, LinkKind, TrackerItem } from '../../model/model';
import type { LinkHosts } from '../linkHosts';
import type { LinkRule } from '../linkRules/linkRule';
import type { UrlParts } from '../urlParts';

/** What a URL points at, once its tracker has read it: its kind, and the target that says which item. */
export type LinkTarget = Pick<Link, 'kind' | 'review' | 'bug' | 'blueprint' | 'story' | 'etherpad' | 'item'>;

/**
 * A well-formed form writers mostly paste, read from one match without running the rules or
 * splitting the URL (most of a report's analysis otherwise). It must give what the rules give: a
 * property test holds each to that.
 */
export interface CanonicalForm {
  /** Sticky (`y`): matched from just after the host (`https://<host>`) to the end of the URL. */
  pattern: RegExp;
  /** The one host of the tracker's it is read on, when not all of them. */
  host?: string;
  read(m: RegExpExecArray, host: string, hosts: LinkHosts): LinkTarget;
}

/** A short reference found in text: `owner/repo#123`, `#123`, `MAHOUT-123`. */
export interface ShortReference {
  /** Where it is in the text, and what is written. */
  index: number;
  lastIndex: number;
  raw: string;
  /** The URL it stands for, which the email writes. */
  url: string;
  target: LinkTarget & { item: TrackerItem };
}

/** A link snippet in the form a draft uses: VS Code's snippet syntax, from `https://`. */
export interface SnippetForm {
  kind: Exclude<LinkKind, 'other'>;
  /** What the writer types for it: `review`, `pull-request`, `jira`. */
  label: string;
  body: string;
  /** How many of the draft's links are of this form, when it follows them. */
  used?: number;
}

export interface Tracker {
  /** Stable id: its link rules' `hosts`, a TrackerItem's `tracker`, outline --json's `tracker`. */
  id: string;
  /** As its users name it: `GitHub`. */
  name: string;
  /** The hosts that are its own with these settings, in lower case. */
  hosts(hosts: LinkHosts): readonly string[];
  /** Hosts of its own by the form of their name (`*.atlassian.net`), beside those listed. */
  ownsHostName?(host: string): boolean;
  /** Its URLs on any other host, by their shape alone (Gerrit's `/c/<project>/+/<n>`). */
  ownsShape?(url: UrlParts): boolean;
  /**
   * Whether a URL of its own written without `https://` is a link of the text (found, and flagged
   * for its missing scheme): any page of its hosts (OpenStack's), or only its items' pages, so that
   * `github.com/owner` in a sentence stays a sentence.
   */
  schemeless(url: UrlParts, host: string, hosts: LinkHosts): boolean;
  /** Its malformed forms, each with its fix when it is clear (`hosts` is its id). */
  rules: readonly LinkRule[];
  /** What a URL of its own points at; `other` (with a target saying what page, when it has one) for a page that is no one item. */
  classify(url: UrlParts, host: string, hosts: LinkHosts): LinkTarget;
  /** Forms read at once on its hosts(): the well-formed links writers mostly paste. */
  canonical?: readonly CanonicalForm[];
  /** The short references of a text, in order (the URLs found in it already left out by the caller). */
  references?(text: string, hosts: LinkHosts): ShortReference[];
  /** An item's short name as readers say it: `nodejs/node#123`, `MAHOUT-2200`, `bug 1921631`. */
  label?(item: TrackerItem, kind: LinkKind): string;
  /** What names an item within its repository or tracker (hovers): `#123`, `!12`, `abc1234`; its key or number when not said. */
  itemId?(item: TrackerItem, kind: LinkKind): string;
  /** Its link snippets, in the forms the draft's links use (`links`: the draft's well-formed ones). */
  snippets?(links: readonly Link[], hosts: LinkHosts): SnippetForm[];
  /**
   * Its link facts, when it has them: the request that reads an item, and what the answer says
   * (OpenStack's are facts/openstackFacts.ts', kept out of the first bundle their records are in).
   */
  facts?: TrackerFacts;
}

/** The most used of some keys, and how often: the form a draft writes most. */
export function mostUsed(keys: readonly string[]): { key: string; count: number } | undefined {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  let best: { key: string; count: number } | undefined;
  for (const [key, count] of counts) if (!best || count > best.count) best = { key, count };
  return best;
}
