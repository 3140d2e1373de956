// How minutes are written, for the outline (parseReport.ts buildTopics) and the action items: who
// speaks a remark ("[devlin] …", "Mara: …"), which lists are attendees, which headings date an
// agenda, which labels only mark what follows ("Action item:", "AGREED:", "Resolution:"), and a
// meeting bot's stamps ("(rbasak, 21:38)").
import { isCommonWord, isFirstName, isProjectWord, ownerName } from './owners';

const NO_ONE: ReadonlySet<string> = new Set();

/**
 * Who says a remark, and how long its tag is: "[devlin] …", "[Jordan/Bob] …", "Mara: …", "Eric
 * Holk: …", a name alone ("Jack", "rbasak"). A bracketed tag names people by the owners' rules; a
 * "Name:" tag names one the report knows (its attendees and speakers) or a first name, so that
 * "Kuryr: …" or "Proposal: …" is no remark.
 */
export function speakerTag(text: string, known: ReadonlySet<string> = NO_ONE): { names: string[]; length: number } | undefined {
  // "[devlin] …", "[devlin]: …", "[devlin]" alone
  const bracket = /^\s*\[([^\][\n]{2,40})\]:?(?:\s+(?=\S)|\s*$)/.exec(text);
  if (bracket) {
    const names = bracket[1].split(/\s*(?:\/|,|&|\band\b)\s*/).filter(Boolean);
    return names.length && names.every((n) => isBracketSpeaker(n, known)) ? { names, length: bracket[0].length } : undefined;
  }
  const named = NAMED.exec(text);
  if (!named) return undefined;
  const name = named[1].replace(/^@/, '');
  return isSpeaker(name, known) ? { names: [name], length: named[0].length } : undefined;
}

/** A name in a speaker's brackets: someone by the owners' rules, or a first name in any case ("[rob]"). */
export function isBracketSpeaker(name: string, known: ReadonlySet<string> = NO_ONE): boolean {
  return ownerName(name, known) !== undefined || isFirstName(name.charAt(0).toUpperCase() + name.slice(1));
}

/**
 * A capitalised word written within sentences that the report may use as a name though it is a
 * word too ("Chrome", "Mark"): no project or place; a word that is none is someone by itself.
 */
export function mayNameSomeone(word: string): boolean {
  return !isProjectWord(word) && isCommonWord(word);
}

/** "Name: …" or a name alone ("Jack", "Jack:") or on a line of its own, up to three words. */
const NAMED = /^\s*([A-Za-z@][\w.'’@-]*(?: [A-Z][\w.'’-]*){0,2})[ \t]*(?::\s+(?=\S)|:?[ \t]*(?:\n\s*|$))/;

/** A name the report knows as someone's, or one that starts with a first name ("Eric Huss", "Mara"). */
export function isSpeaker(name: string, known: ReadonlySet<string> = NO_ONE): boolean {
  if (known.has(name.toLowerCase())) return true;
  const first = name.split(' ')[0];
  return isFirstName(first) && (first === name || ownerName(name, known) !== undefined);
}

/** What heads a list of who was there: "Attendees", "Attendance", "Present", "People present (lines said)", "Members of the Community:". */
export const ATTENDEE_LABEL =
  /^(?:[\w-]+\s+){0,2}(?:attendees|attendance|present|participants|roll\s+call|members|visitors|introduction\s+of\s+attendees)\b(?:\s+(?:of\s+the\s+community|\([^)]*\)))?\s*:?$/i;

export function isAttendeeLabel(text: string): boolean {
  return text.length <= 60 && ATTENDEE_LABEL.test(text.trim());
}

/** The names an attendee entry gives: "Rob Wu (Mozilla)", "Benjamin Gruenbaum @benjamingr (voting member)", "Min / Simula / @minrk", "Council: eholk, james munns". */
export function attendeeNames(entry: string): string[] {
  const out: string[] = [];
  const text = entry.replace(/^[^:\n]{1,30}:\s+/, '');
  for (const part of text.split(/[,;\n]/)) {
    for (const handle of part.matchAll(/@([\w-]+)/g)) out.push(handle[1]);
    const name = part
      .replace(/\([^)]*\)|\[[^\]]*\]|@[\w-]+|~~/g, ' ')
      .split('/')[0]
      .trim();
    // a name of up to four words, or a nick ("sil2100", "carl_baldwin")
    if (!name || name.length > 40 || !/^[\p{L}_][\p{L}\d_'’.|^-]*(?:\s+[\p{L}][\p{L}'’.-]*){0,3}$/u.test(name)) continue;
    out.push(name);
    const first = name.split(/\s+/)[0];
    if (first !== name) out.push(first);
  }
  return out;
}

/** A heading that dates an agenda ("December 5 (APAC)", "2024-07-19", "12/15/2020") or names one ("Agenda items", "Topics"): its items are topics, their proposers in brackets. */
export function isAgendaHeading(text: string): boolean {
  return DATE.test(text) || AGENDA_LABEL.test(text.trim());
}

const DATE =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b\d{4}-\d\d-\d\d\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/i;

/** An item or heading that heads the agenda's topics: "Topics:", "Agenda", "Agenda items", "Discussion topics". */
export const AGENDA_LABEL = /^(?:topics|agenda(?:\s+items)?|discussion(?:\s+topics)?|open\s+mic(?:\/discussion)?)\s*:?$/i;

/**
 * How long a label that only marks what follows is at the text's start ("Action item: ", "AGREED: ",
 * "Resolution: ", "**Conclusion**: " as text), or 0: a title is never such a marker.
 */
export function markerLabelLength(text: string): number {
  return MARKER_LABEL.exec(text)?.[0].length ?? 0;
}

const MARKER_LABEL =
  /^\s*(?:(?:action\s*items?|actions?|AIs?|ARs?|TODO|#action|agreed|resolution|resolved|conclusions?|decisions?|decided|outcome|idea|info|link|next\s+steps?)\s*(?::|\s[-–—])|\[(?:action(?:\s*items?)?|AI|AR|todo)\]:?(?=\s))\s*/i;

/** A meeting bot's stamp after a line: "(rbasak, 21:38)", MeetBot's "(dgilmore, 16:43:08)". */
export const BOT_STAMP = /\s*\(([\w.|^-]+), \d\d:\d\d(?::\d\d)?\)\s*$/;
