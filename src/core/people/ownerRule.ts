// The `owner-unknown` rule and the report's roster, in the action items' bundle (they need its
// owners' rules and dictionary). An owner is flagged when it is one word, used once in the whole
// draft, no attendee's, and within allowedEdits (roster.ts) of a known nick: an attendee, or a word
// the draft uses twice or more that reads as a nick or a name. "arnax to respin…" beside three
// "armax": "arnax — did you mean armax?". Two nicks the draft uses often (sdague, sdake) are two
// people; a nick used once with no known one near it (carl_baldwin) is a person the draft names once.
import { ownerName } from './owners';
import { allowedEdits, attendeesOf, attendeeWords, eachWord, editDistance } from './roster';
import { isActionLabel } from './actionLabels';
import type { Diagnostic, Report, Topic } from '../model/model';
import type { RuleProblem } from '../rules/ruleSeverity';
import { LIST_MARKER } from '../model/listMarker';

/** A list item's marker (and a task box) before the word being typed. */
const ITEM_START = new RegExp(String.raw`^\s*${LIST_MARKER}\s+(?:\[[ xX]\]\s+)?([\w\-|^]*)$`);

export interface RosterEntry {
  /** As the draft spells it (an attendee's nick as the front matter has it). */
  nick: string;
  /** How many times the draft uses it, case aside (the front matter's mention included). */
  mentions: number;
  attendee: boolean;
}

/**
 * The `owner-unknown` problems (severity not yet applied) of a report, given the words used
 * once that are near known ones (nearKnownWords): only owners among them are read further.
 */
export function ownerProblems(report: Report, near: ReadonlyMap<string, readonly string[]>, counts: ReadonlyMap<string, number>): RuleProblem[] {
  const attendees = attendeesOf(report.frontMatter);
  const attendeeNicks = new Map(attendees.map((a) => [a.nick.toLowerCase(), a.nick]));
  const names = attendeeWords(attendees);
  const out: RuleProblem[] = [];
  const seen = new Set<string>();
  for (const action of report.actions) {
    const owner = action.owner;
    const key = owner.toLowerCase();
    const candidates = near.get(key);
    if (!candidates || seen.has(key) || /\s/.test(owner)) continue;
    seen.add(key);
    // a known word near it must be someone: an attendee, or a nick or name by the owners' rules
    // ("stake" near "sdake" is a word, not a person)
    const people = candidates
      .map((k) => ({ key: k, nick: attendeeNicks.get(k) ?? spelling(report.text, k), edits: editDistance(key, k, allowedEdits(key, k)) }))
      .filter((c) => names.has(c.key) || (c.nick !== undefined && ownerName(c.nick, names) !== undefined));
    if (!people.length) continue;
    const at = ownerRange(report, action.range, owner);
    if (!at) continue;
    // the nearest, then the most used; two alike are named both, with no fix
    const ranked = people.map((c) => ({ ...c, mentions: counts.get(c.key) ?? 0 })).sort((a, b) => a.edits - b.edits || b.mentions - a.mentions);
    const best = ranked.filter((c) => c.edits === ranked[0].edits && c.mentions === ranked[0].mentions);
    const said = (c: (typeof ranked)[number]) => `${c.nick} (${names.has(c.key) ? 'an attendee' : `named ${c.mentions} times in this report`})`;
    const d: RuleProblem = {
      range: at,
      code: 'owner-unknown',
      message: `The owner ${owner} is named only here: did you mean ${best.map(said).join(' or ')}?`,
    };
    if (best.length === 1) d.fix = { range: at, text: best[0].nick! };
    out.push(d);
  }
  return out;
}

/**
 * The report's roster: its attendees, the owners of its action items, and the words it uses twice
 * or more that read as a nick or a name; attendees first, then the most used.
 */
export function reportRoster(report: Report): RosterEntry[] {
  const attendees = attendeesOf(report.frontMatter);
  const names = attendeeWords(attendees);
  const words = new Map<string, { spelt: string; n: number }>();
  eachWord(report.text, (spelt) => {
    const key = spelt.toLowerCase();
    const w = words.get(key);
    if (w) w.n++;
    else words.set(key, { spelt, n: 1 });
  });
  const roster = new Map<string, RosterEntry>();
  const add = (nick: string, attendee: boolean) => {
    const key = nick.toLowerCase();
    if (!roster.has(key)) roster.set(key, { nick, mentions: words.get(key)?.n ?? 0, attendee });
  };
  for (const a of attendees) if (!/\s/.test(a.nick)) add(a.nick, true);
  for (const a of report.actions) if (!/\s/.test(a.owner)) add(a.owner, false);
  for (const [key, w] of words) if (w.n >= 2 && key.length >= 2 && !roster.has(key) && ownerName(w.spelt, names) === w.spelt) add(w.spelt, false);
  return [...roster.values()].sort((a, b) => Number(b.attendee) - Number(a.attendee) || b.mentions - a.mentions || a.nick.localeCompare(b.nick));
}

/** Where a word stands on its own: not inside a longer nick. */
const wordAt = (word: string, flags: string) => new RegExp(`(?<![\\w\\-|^])${word.replace(/[\\^$.*+?()[\]{}|-]/g, '\\$&')}(?![\\w|^]|-\\w)`, flags);

/** How the draft spells a word (lower case here) the first time it uses it. */
function spelling(text: string, key: string): string | undefined {
  return wordAt(key, 'i').exec(text)?.[0];
}

/** The owner's own words within its action item's range. */
function ownerRange(report: Report, range: Diagnostic['range'], owner: string): Diagnostic['range'] | undefined {
  const lines = report.parse.lines;
  const start = lines.offsetAt(range.start);
  const m = wordAt(owner, 'i').exec(report.parse.source.slice(start, lines.offsetAt(range.end)));
  return m ? lines.rangeAt(start + m.index, start + m.index + m[0].length) : undefined;
}

/** After an action marker, owners so far and the one being typed: "AI: armax, hal", "TODO(", "(action: ", "#action ". */
const MARKED_OWNER =
  /(?:\b(?:AI|AR|ACTION|TODO)\s*(?::|\()|#action:?|\((?:action|AI|AR|todo)\s*:|\[(?:action(?:\s*items?)?|AI|AR|todo)\]:?)\s*(?:@?[\w\-|^]+\s*(?:,|&|\/|\band\b|\bor\b)\s*)*@?([\w\-|^]*)$/i;

/**
 * The roster to offer where an owner is being typed at the end of `linePrefix` (on line `line`):
 * after `@`, after an action marker ("AI: ", "TODO("), or at the start of a list item under an
 * "Action items" heading or item. With what is typed of the owner so far; undefined elsewhere.
 */
export function ownerCompletions(report: Report, line: number, linePrefix: string): { typed: string; roster: RosterEntry[] } | undefined {
  const at = /(?:^|[\s([,])@([\w\-|^]*)$/.exec(linePrefix) ?? MARKED_OWNER.exec(linePrefix);
  const item = at ? undefined : ITEM_START.exec(linePrefix);
  const typed = at?.[1] ?? (item && underActionLabel(report.topics, line) ? item[1] : undefined);
  return typed === undefined ? undefined : { typed, roster: reportRoster(report) };
}

/** Whether the line is inside a heading's section or an item whose title is an action label, below its title. */
function underActionLabel(topics: readonly Topic[], line: number): boolean {
  return topics.some((t) => t.range.start.line < line && t.range.end.line >= line && (isActionLabel(t.title) || underActionLabel(t.children, line)));
}
