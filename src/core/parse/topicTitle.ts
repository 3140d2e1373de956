// A topic's short title, as a reader scans a report: "MTU cleanups" from "MTU cleanups: Implemented
// all MTU changes…", else the first sentence, cut to a few words with an ellipsis when long. The
// text is read across its line breaks (a wrapped paragraph is one sentence), and nothing is cut
// inside parentheses or brackets: "Gate breakages (action: better hand off…)" is "Gate breakages".

export const TITLE_MAX_WORDS = 8;
export const TITLE_MAX_CHARS = 60;

export function topicTitle(text: string): string {
  return shorten(...titleWords(text, true));
}

/**
 * A topic's title, not shortened: the label before its colon, or its first sentence ("Reduce IP
 * consumptions for router gateway ports (both DVR and non)"). `title` is the short one the topic has.
 */
export function wholeTitle(text: string, title: string): string {
  const flat = flatten(text);
  const start = title.endsWith('…') ? title.slice(0, -1) : title;
  const at = flat.indexOf(start.split(' ')[0]);
  const [whole] = titleWords(at > 0 ? flat.slice(at) : flat, !start.includes(': '));
  return whole.length < start.length ? start : whole;
}

/**
 * The title of a topic whose siblings share its label ("PTG: Forum sessions", not "PTG"): its first
 * sentence with the label, shortened; `label` when that says no more.
 */
export function labelledTitle(text: string, label: string): string {
  // past a task box or a proposer's tag, as the title is
  const [sentence, depths] = titleWords(text.replace(/^\s*(?:\[[ xX]\]\s+)?(?:\[[^\][\n]{1,40}\]:?\s+)?/, ''), false);
  return sentence.length > label.length ? shorten(sentence, depths) : label;
}

/** A text on one line: its line breaks and runs of spaces one space each. */
function flatten(text: string): string {
  return /\s\s|[\n\t]/.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();
}

/** A meeting bot's stamp at a line's end, "(rbasak, 21:38)": no part of a title. */
const BOT_STAMP = /\s*\([\w.|^-]+, \d\d:\d\d(?::\d\d)?\)\s*$/;

/** A title's words before shortening (cut at a label's colon unless `atColon` is false), with its bracket depths. */
function titleWords(text: string, atColon: boolean): [string, number[] | undefined] {
  let flat = flatten(text);
  if (flat.endsWith(')') && BOT_STAMP.test(flat)) flat = flat.replace(BOT_STAMP, '');
  // the depths of the whole text serve each part of it that starts where it does
  const depths = bracketDepths(flat);
  const sentence = firstSentence(flat, depths);
  let title = sentence;
  // a colon followed by a space or the end is a label's; the colon of a URL, "10:30" or one inside
  // parentheses ("(action: …)") is not
  const colon = atColon ? outsideBrackets(title, /:(?=\s|$)/g, depths) : -1;
  if (colon > 0) title = title.slice(0, colon);
  title = title.trim().replace(/[\s,;:.]+$/, '');
  if (!title) title = sentence || flat;
  return [title, title === flat.slice(0, title.length) ? depths : bracketDepths(title)];
}

/** The offset of the first match of `re` (global) at bracket depth 0, or -1. */
function outsideBrackets(text: string, re: RegExp, depths: readonly number[] | undefined): number {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) if (!depths || depths[m.index] === 0) return m.index;
  return -1;
}

/** For each offset, how many (, [ or { are open there; undefined for a text without brackets (all 0). */
function bracketDepths(text: string): number[] | undefined {
  if (!/[([{]/.test(text)) return undefined;
  const depths: number[] = new Array<number>(text.length + 1);
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === ')' || c === ']' || c === '}') depth = Math.max(0, depth - 1);
    depths[i] = depth;
    if (c === '(' || c === '[' || c === '{') depth++;
  }
  depths[text.length] = depth;
  return depths;
}

function firstSentence(line: string, depths: readonly number[] | undefined): string {
  // a full stop ends a sentence when a space and a capital, digit or end follow, outside brackets;
  // abbreviations don't
  const re = /[.!?](?=\s+[A-Z0-9"'(]|\s*$)/g;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    if (depths && depths[m.index] > 0) continue;
    const before = line.slice(0, m.index + 1);
    if (/\b(e\.g|i\.e|etc|vs|approx|incl|cf|Mr|Ms|Mrs|Dr|St|No)\.$/i.test(before)) continue;
    return line.slice(0, m.index);
  }
  return line;
}

function shorten(title: string, titleDepths: readonly number[] | undefined): string {
  const words = title.split(/\s+/).filter(Boolean);
  if (words.length <= TITLE_MAX_WORDS && title.length <= TITLE_MAX_CHARS) return title;
  let out = '';
  for (const word of words.slice(0, TITLE_MAX_WORDS)) {
    const next = out ? `${out} ${word}` : word;
    if (next.length > TITLE_MAX_CHARS - 1) break;
    out = next;
  }
  // never inside parentheses or brackets: back to before the one left open (out is the title's start)
  const depths = titleDepths;
  if (out && depths && depths[out.length] > 0) {
    let open = out.length;
    for (let depth = depths[out.length]; depth > 0 && open > 0;) {
      open--;
      if ('([{'.includes(out[open]) && depths[open] === depth - 1) depth--;
    }
    const before = out.slice(0, open).trimEnd();
    if (before) out = before;
  }
  // a single word longer than the limit (a URL): cut it, by characters, never inside an emoji
  if (!out)
    out = Array.from(words[0])
      .slice(0, TITLE_MAX_CHARS - 1)
      .join('');
  // nor on a word that leads into what was cut ("… side of…")
  const trimmed = out.replace(/[\s,;:.(\-–—]+$/, '').replace(/(?:\s+(?:a|an|the|of|to|in|on|for|with|and|or|by|at|from|as))+$/i, '');
  return `${trimmed || out}…`;
}
