// Short references by number in text, as GitHub and GitLab write them: `#123` (an item of the
// draft's own repository), `owner/repo#123` (another's), GitLab's `!123` for a merge request. Found
// by looking at each sigil followed by a digit, so that the text of a draft without any (most of
// it) costs one indexOf per text.

export interface ShortNumber {
  index: number;
  lastIndex: number;
  raw: string;
  /** The repository written before the sigil (`owner/repo#123`); absent for the draft's own (`#123`). */
  repository?: string;
  number: number;
}

/** A repository written before a sigil, at the end of the text before it: `owner/repo`, GitLab's `group/sub/project`. */
const CROSS = /(?<![\w./@:-])([A-Za-z0-9][A-Za-z0-9_.-]*(?:\/[A-Za-z0-9_.-]+)+)$/;
/** Item numbers are at most this long: longer digits after a `#` are no item. */
const MAX_DIGITS = 10;

const isDigit = (c: number) => c >= 48 && c <= 57;
const isWord = (c: number) => isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/** What may stand before a reference of the draft's own (`#123`): the start, a space, an opening bracket or quote, a comma… */
function opensReference(c: number): boolean {
  return Number.isNaN(c) || c <= 32 || c === 0xa0 || '([{<,;:!?"\'*_~'.includes(String.fromCharCode(c));
}

/**
 * The references of a text with this sigil: `own`, the draft's repository when it has one (`#123` is
 * one of its items); `crossed`, whether `owner/repo#123` is (else another tracker's); `nested`,
 * whether a repository may have more than two parts (GitLab's groups).
 */
export function shortNumbers(text: string, sigil: string, options: { own?: string; crossed: boolean; nested: boolean }): ShortNumber[] {
  let out: ShortNumber[] | undefined;
  for (let at = text.indexOf(sigil); at !== -1; at = text.indexOf(sigil, at + 1)) {
    if (!isDigit(text.charCodeAt(at + 1))) continue;
    let end = at + 1;
    while (isDigit(text.charCodeAt(end))) end++;
    // `#123abc`, `#1.5`, `#12-34` are something else; so are very long numbers
    const next = text.charCodeAt(end);
    if (isWord(next) || ((next === 46 || next === 45) && isWord(text.charCodeAt(end + 1))) || end - at - 1 > MAX_DIGITS) continue;
    const number = Number(text.slice(at + 1, end));
    if (number === 0) continue;
    let found: ShortNumber | undefined;
    if (opensReference(text.charCodeAt(at - 1))) {
      if (options.own) found = { index: at, lastIndex: end, raw: text.slice(at, end), number };
    } else if (options.crossed) {
      const m = CROSS.exec(text.slice(Math.max(0, at - 120), at));
      if (m && (options.nested || m[1].split('/').length === 2)) {
        const index = at - m[1].length;
        found = { index, lastIndex: end, raw: text.slice(index, end), repository: m[1].replace(/\.git$/, ''), number };
      }
    }
    if (found) (out ??= []).push(found);
  }
  return out ?? [];
}
