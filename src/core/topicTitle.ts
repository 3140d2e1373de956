// A topic's short title, as a reader scans a report: "MTU cleanups" from "MTU cleanups: Implemented
// all MTU changes…", else the first sentence, cut to a few words with an ellipsis when long.

export const TITLE_MAX_WORDS = 8;
export const TITLE_MAX_CHARS = 60;

export function topicTitle(text: string): string {
  const firstLine = text.trim().split('\n')[0]?.trim() ?? '';
  let title = firstSentence(firstLine);
  // a colon followed by a space or the end is a label's; the colon of a URL or "10:30" is not
  const colon = title.search(/:(\s|$)/);
  if (colon > 0) title = title.slice(0, colon);
  title = title.trim().replace(/[\s,;:.]+$/, '');
  return shorten(title || firstLine);
}

function firstSentence(line: string): string {
  // a full stop ends a sentence when a space and a capital, digit or end follow; abbreviations don't
  const re = /[.!?](?=\s+[A-Z0-9"'(]|\s*$)/g;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    const before = line.slice(0, m.index + 1);
    if (/\b(e\.g|i\.e|etc|vs|approx|incl|cf|Mr|Ms|Mrs|Dr|St|No)\.$/i.test(before)) continue;
    return line.slice(0, m.index);
  }
  return line;
}

function shorten(title: string): string {
  const words = title.split(/\s+/).filter(Boolean);
  if (words.length <= TITLE_MAX_WORDS && title.length <= TITLE_MAX_CHARS) return title;
  let out = '';
  for (const word of words.slice(0, TITLE_MAX_WORDS)) {
    const next = out ? `${out} ${word}` : word;
    if (next.length > TITLE_MAX_CHARS - 1) break;
    out = next;
  }
  // a single word longer than the limit (a URL): cut it, by characters, never inside an emoji
  if (!out) out = Array.from(words[0]).slice(0, TITLE_MAX_CHARS - 1).join('');
  return `${out.replace(/[\s,;:.(]+$/, '')}…`;
}
