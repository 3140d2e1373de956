// The fields of a service's JSON answer, read as data: a string trimmed and without control
// characters (they reach terminals, hovers and emails), an object only when it is one. Every
// tracker's reader reads its answers through these.
import { withoutControlCharacters } from '../model/controlCharacters';
import type { LinkFacts } from './linkFactsTypes';

/** A string of the answer: trimmed, without control characters; undefined when empty. */
export const str = (v: unknown): string | undefined => {
  if (typeof v !== 'string') return undefined;
  const s = withoutControlCharacters(v).trim();
  return s === '' ? undefined : s;
};

/** An object of the answer (not an array); undefined for anything else. */
export const obj = (v: unknown): Record<string, unknown> | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/** The facts without their undefined fields (the cache, the outline and the tests see only what was said). */
export function prune(facts: LinkFacts): LinkFacts {
  for (const k of Object.keys(facts) as (keyof LinkFacts)[]) if (facts[k] === undefined) delete facts[k];
  return facts;
}

/** An API base without its trailing slashes, for a path to follow. */
export const trimSlash = (base: string): string => base.replace(/\/+$/, '');
