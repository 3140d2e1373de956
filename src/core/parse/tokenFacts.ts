// What Midcycle keeps about markdown-it's tokens: beside them, in side tables this module owns,
// never on the tokens themselves (markdown-it's `token.meta` is left to its plugins).
//
// Invariants, for every table here:
// - What is kept for a token describes that token's content, which no one changes: an edit makes
//   new tokens for the unit it touches (updateReport), and the others only move.
// - A token belongs to one report at a time. updateReport takes the previous report's tokens over
//   (the previous report parses its own text again if it is read after), so only tokens no other
//   report reads are moved, and an entry is moved with its token (updateReport's mover).
// - What an entry has handed out (links, action items, topics) is never changed: a move replaces
//   it with moved copies. Only what was never handed out (a well-formed link not yet made) moves
//   itself.
// - Entries go with their token (WeakMap): nothing here is dropped by hand, and nothing here keeps
//   a report's tokens alive.
import type { Token } from '../model/markdownTypes';
import type { LinkHosts } from '../rules/linkHosts';
import type { ActionItem, Link, Topic } from '../model/model';
import type { FoundLink } from './wellFormedLink';

/** What an inline token (a paragraph's or a heading's content) says; see inlineFacts.ts. */
export interface InlineFacts {
  /** Its links, once read (inlineLinks); one shared frozen empty list for the many tokens without. */
  links: readonly Link[];
  /** Its links as found, while some well-formed ones are not yet made (see wellFormedLink.ts). */
  found: FoundLink[] | undefined;
  /** The hosts they were found for. */
  hosts: LinkHosts | undefined;
  /** The content as a reader sees it: text, code and link text; line breaks kept (inlineText). */
  text: string | undefined;
  /** Its action items (inlineActions), and the context they were read in (ActionScope.key). */
  actions: readonly ActionItem[] | undefined;
  actionsKey: string | undefined;
  /** The topic title this text gives (inlineTitle). */
  title: string | undefined;
  /** Whether it says something besides its URLs (hasProse). */
  prose: boolean | undefined;
  /** What it says of people, whatever its place (parseReport.ts reportPeople): a speaker's tag, a bot's stamp, names within sentences. */
  names: object | undefined;
}

/**
 * A top-level list item's outline, kept on its opening token: what building the report read from
 * the item's tokens, so that the next build (after an edit elsewhere) takes it as it is. An edit
 * inside the item parses it anew (new tokens, nothing kept).
 */
export interface ItemOutline {
  /** The action scope it was read in (ActionScope.key): kept only while that is the same. */
  scope: string;
  topic: Topic;
  hasProse: boolean;
  /** The item's action items, its sub-items' included, in order. */
  actions: ActionItem[];
  /** Its tokens after the opening one, to its closing one. */
  span: number;
  /** The inline token its title comes from. */
  inline: Token | undefined;
}

const inlineFacts = new WeakMap<Token, InlineFacts>();
const itemOutlines = new WeakMap<Token, ItemOutline>();

export function getInlineFacts(token: Token): InlineFacts | undefined {
  return inlineFacts.get(token);
}

export function setInlineFacts(token: Token, facts: InlineFacts): void {
  inlineFacts.set(token, facts);
}

export function getItemOutline(token: Token): ItemOutline | undefined {
  return itemOutlines.get(token);
}

export function setItemOutline(token: Token, outline: ItemOutline): void {
  itemOutlines.set(token, outline);
}

/** The YAML text of a front_matter token: markdown-it-front-matter keeps it in the token's `meta`. */
export function frontMatterYaml(token: Token): string {
  return typeof token.meta === 'string' ? token.meta : '';
}
