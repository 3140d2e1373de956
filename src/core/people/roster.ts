// The report's people as words: the front matter's attendees ("Name (nick)" or a nick) and how
// often each word of the draft is used. What decides an `owner-unknown` (ownerRule.ts): an owner
// used once, near (in edits) a nick the draft uses more or an attendee. This file is the cheap
// first look: the words counted, and the pairs of "used once" and "known" words that are near.
// Only when there are such pairs are the action items read (dist/actionItems.js, whose dictionary
// takes longer to load than most drafts take to check) to see whether the word used once is an
// owner. A bundle of its own too, dist/roster.js (rosterBundle.ts): the extension's stays small.
import { attendeesOf, type Attendee } from './attendees';
import type { FrontMatter } from '../model/model';

export { attendeesOf, type Attendee } from './attendees';

/** The first look for `owner-unknown`: the draft's word counts, and its words used once near known ones. */
export function ownerSuspects(text: string, frontMatter: FrontMatter): { counts: Map<string, number>; near: Map<string, string[]> } {
  const counts = wordCounts(text);
  return { counts, near: nearKnownWords(counts, attendeeWords(attendeesOf(frontMatter))) };
}

/**
 * Calls `use` with each word of the text that could name someone (a letter or `_` first, then
 * letters, digits, `_`, `-`, `|`, `^`; with `long`, only words of MIN_TYPO_LENGTH or more): not in
 * a URL, an email address, a host or dotted name (review.openstack.org, oslo.config), a code span,
 * or a contraction's half ("couldn't"); a trailing `-` left off. A scan of character codes, not a
 * regular expression: `midcycle check` reads every word of the draft, and a match object per word
 * was most of that (docs/performance.md).
 */
export function eachWord(text: string, use: (word: string) => void, long = false): void {
  const least = long ? MIN_TYPO_LENGTH : 1;
  const length = text.length;
  let i = 0;
  while (i < length) {
    const c = text.charCodeAt(i);
    // one table look-up a character, no call: a cold process runs this loop before V8 optimises it
    if (c >= 128 || (CHAR[c] & START) === 0) {
      if (c === 96) {
        // a code span: to its closing backtick, or the end of its line
        let j = i + 1;
        while (j < length) {
          const d = text.charCodeAt(j);
          if (d === 10) break;
          j++;
          if (d === 96) break;
        }
        i = j;
      } else i++;
      continue;
    }
    const start = i;
    let end = i + 1;
    let next = text.charCodeAt(end);
    while (next < 128 && (CHAR[next] & NICK) !== 0) next = text.charCodeAt(++end);
    i = end;
    if (end - start < least) continue;
    // ":" of "https://", "@" of an address, "." inside a host or dotted name: the rest of it is no word
    if ((next === 58 && text.startsWith('//', end + 1)) || next === 64 || (next === 46 && isWordChar(text.charCodeAt(end + 1)))) {
      while (i < length && !isSpace(text.charCodeAt(i))) i++;
      continue;
    }
    // "couldn't", "you've", "armax's": the halves of a contraction, and a possessive's "s"
    if (isQuote(next) && text.charCodeAt(end + 1) === 116 && !isWordChar(text.charCodeAt(end + 2))) continue;
    if (isQuote(text.charCodeAt(start - 1)) && isWordChar(text.charCodeAt(start - 2))) continue;
    let last = end;
    while (last > start && text.charCodeAt(last - 1) === 45) last--;
    use(text.slice(start, last));
  }
}

/** Classes of the ASCII characters, as bits: a word's first character, a nick's later ones, a letter/digit/`_`. */
const START = 1;
const NICK = 2;
const WORD = 4;
const CHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  const word = letter || (c >= 48 && c <= 57);
  CHAR[c] = (letter ? START : 0) | (word || c === 45 || c === 124 || c === 94 ? NICK : 0) | (word ? WORD : 0);
}

/** What `\s` is, for the text a draft holds. */
const isSpace = (c: number) =>
  c === 32 ||
  (c >= 9 && c <= 13) ||
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000 ||
  c === 0xfeff;

const isQuote = (c: number) => c === 39 || c === 0x2019;
/** A letter, digit or `_` (NaN, past either end of the text, is none). */
const isWordChar = (c: number) => c < 128 && (CHAR[c] & WORD) !== 0;

/** Nicks shorter than this are a few edits from most others: never taken for a typo of one. */
export const MIN_TYPO_LENGTH = 4;

/** How many edits apart a typo and the nick it was meant for may be: one, two for nicks of 9 or more. */
export function allowedEdits(a: string, b: string): number {
  const shorter = Math.min(a.length, b.length);
  return shorter < MIN_TYPO_LENGTH ? 0 : shorter < 9 ? 1 : 2;
}

/**
 * Edits (a letter inserted, deleted or changed, or two neighbours swapped: "amrax" is one from
 * "armax") from `a` to `b`, or `max + 1` once it is more than `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let least = i;
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      row.push(d);
      least = Math.min(least, d);
    }
    if (least > max) return max + 1;
    before = previous;
    previous = row;
  }
  return Math.min(previous[b.length], max + 1);
}

/** How many times each word of the text is used, lower case (words shorter than MIN_TYPO_LENGTH left out). */
export function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  // lower case at once: one pass, not one a word
  eachWord(
    text.toLowerCase(),
    (word) => {
      if (word.length >= MIN_TYPO_LENGTH) counts.set(word, (counts.get(word) ?? 0) + 1); // not "ab-", read as "ab"
    },
    true,
  );
  return counts;
}

/** The attendees' nicks and the words of their names, lower case: people known by name. */
export function attendeeWords(attendees: readonly Attendee[]): Set<string> {
  const words = new Set<string>();
  for (const a of attendees) {
    words.add(a.nick.toLowerCase());
    for (const w of `${a.nick} ${a.name ?? ''}`.toLowerCase().split(/\s+/)) if (w) words.add(w);
  }
  return words;
}

/**
 * The words used once (and no attendee's) that are within allowedEdits of a known one: an
 * attendee, or a word used twice or more. Each with those known words, nearest first. Found
 * through the words' deletions (a word and one within `d` edits share a string made by deleting
 * at most `d` letters from each), not by weighing every pair: a long draft has thousands of words.
 */
export function nearKnownWords(counts: ReadonlyMap<string, number>, attendees: ReadonlySet<string>): Map<string, string[]> {
  const once: string[] = [];
  const index = new Map<string, string[]>();
  const known = new Set(attendees);
  for (const [word, n] of counts) {
    if (attendees.has(word)) continue;
    if (n === 1) once.push(word);
    else known.add(word);
  }
  const near = new Map<string, string[]>();
  if (!once.length) return near;
  for (const word of known) {
    if (word.length < MIN_TYPO_LENGTH) continue;
    for (const key of deletions(word, word.length < 9 ? 1 : 2)) {
      const at = index.get(key);
      if (at) at.push(word);
      else index.set(key, [word]);
    }
  }
  for (const word of once) {
    const found = new Set<string>();
    for (const key of deletions(word, word.length < 9 ? 1 : 2)) for (const k of index.get(key) ?? []) found.add(k);
    const close = [...found]
      .map((k) => [k, editDistance(word, k, allowedEdits(word, k))] as const)
      .filter(([k, d]) => d <= allowedEdits(word, k))
      .sort((x, y) => x[1] - y[1]);
    if (close.length)
      near.set(
        word,
        close.map(([k]) => k),
      );
  }
  return near;
}

/** The word and every string made by deleting up to `d` of its letters. */
function deletions(word: string, d: number): Set<string> {
  const out = new Set([word]);
  let level = [word];
  for (let n = 0; n < d; n++) {
    const next: string[] = [];
    for (const w of level) {
      for (let i = 0; i < w.length; i++) {
        const del = w.slice(0, i) + w.slice(i + 1);
        if (!out.has(del)) {
          out.add(del);
          next.push(del);
        }
      }
    }
    level = next;
  }
  return out;
}
