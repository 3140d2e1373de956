// Action items as writers put them in prose, read sentence by sentence across line breaks:
// - "<owner> to <verb> …": "carl_baldwin to put up model proposal, haleyb to follow up with code"
//   (two), "marios and rlandy to …", "lucasagomes and/or vsaienko to …", "chandankumar/ysandeep to …";
// - markers: "AI:", "AR:", "ACTION:", "#action", "(action: jlvillal considers …)", "TODO(weshay): …";
// - under an "Action items" / "Actions" label or heading, any item that names its owner:
//   "rosmaita: send …", "Simon Dodsley will ask …", "… (whoami-rajat)", "[jungleboyj] book …".
// Owners are people or teams (owners.ts). Not assignments: "armax intends to…", "Richard and
// armax sat down to…" (outside an action label), "no volunteer to…", "we need someone to…".
import { markedOwnerName, ownerName, TECH_VERBS, WRITER_WORDS } from './owners';
import { speakerTag } from './minutes';

// the report's people are weighed by the same rules (parseReport.ts reads them through this bundle)
export { mayBePerson } from './owners';
// the owner-unknown rule and the roster read owners by the same rules
import { isActionLabel } from './actionLabels';

export { ACTION_LABEL, isActionLabel, introducesActions } from './actionLabels';
export { ownerCompletions, ownerProblems, reportRoster, type RosterEntry } from './ownerRule';
// how minutes are read: their speakers, attendee lists, agendas and markers (parseReport.ts)
export * as minutes from './minutes';

export interface FoundAction {
  owner: string;
  text: string;
  /** Offset of the owner in the searched text. */
  offset: number;
  /** Length of the whole item in the searched text. */
  length: number;
  /** Ticked off: a task box `[x]`, or "[done]" after the task. */
  done?: true;
}

export interface ActionContext {
  /** The text is under an "Action items" label or heading: an owner with any task is an item. */
  underLabel?: boolean;
  /** The report's own people (attendees, names in bold, owners of marked items), lower case. */
  known?: ReadonlySet<string>;
  /** Stretches of the text that are code (`setTimeout`) or a link's text: never an owner. */
  noOwner?: readonly (readonly [number, number])[];
  /**
   * Who says the text, when it is a remark ("[devlin] I'll take the action item to…", "Jack:
   * Action item, I'll…") or under one ("- Jack⏎  - Take action item to…"): the owner of what the
   * speaker takes on.
   */
  speaker?: string;
}

/** Markers that make the rest of a sentence an item: "AI:", "#action", "[Action Items]", "TODO:". */
const LEADING_MARKER = /^(?:#action\b:?|\[(?:action(?:\s*items?)?|AI|AR|todo)\]:?|(?:action(?:\s*items?)?|actions|AI|AR|todo)\s*:)\s*/i;
/** The same without a colon, in capitals only: "AR gibi to …". */
const BARE_MARKER = /^(?:AI|AR|ACTION)\s+(?=@?[A-Za-z])/;

function leadingMarker(text: string): RegExpExecArray | null {
  return LEADING_MARKER.exec(text) ?? BARE_MARKER.exec(text);
}
/** A cheap look for any marker with a parenthesis: most texts have none. */
const MARKER_WITH_PAREN = /\((?:action|AI|AR|todo)|\b(?:TODO|ACTION|AI|AR)\(/i;
/** "(action: jlvillal considers …)", "(AI: …)": an item in parentheses. */
const PAREN_MARKER = /\((?:action(?:\s*items?)?|AI|AR|todo)\s*:\s*/gi;
/** "TODO(weshay): …", "ACTION(gibi): …", "AI(bauzas): …". */
const TODO_OWNER = /\b(?:TODO|ACTION|AI|AR)\(@?([^()\s]{2,40})\)\s*:?\s*/g;

/** Words after "to" that are not the start of a task ("Richard to the rescue"). */
const NOT_VERBS = new Set('a an the this that these those it its their our my your his her all each every some any'.split(' '));
/** What leads into a clause before its subject: "and eharney to …", "also sambetts will …", a task list's "[ ]". */
const LEADERS = /(?:(?:and|also|then|so|but|plus|while|whereas|finally|next|meanwhile|additionally|both|otherwise|else|instead|now|\[[ xX]\])\s+)+/iy;
/** What an owner is to do, without how the writer put it: "will write" → "write". */
const AUXILIARY =
  /^(?:(?:will|shall|is|are)\s+(?:going|planning|willing|happy)\s+to|(?:will|shall)(?:\s+try\s+to)?|(?:volunteered|volunteers|agreed|agrees|offered|offers|plans|planned|promised|signed\s+up|intends|wants|needs|has|have)\s+to|(?:is|are|was|were)(?=\s+[a-z]+ing\b)|to)\s+/i;

/** Abbreviations whose full stop ends no sentence. */
const ABBREVIATION = /\b(?:e\.g|i\.e|etc|vs|approx|incl|cf|al|Mr|Ms|Mrs|Dr|St|No|ca)\.$/i;

export function findActionItems(text: string, context: ActionContext = {}): FoundAction[] {
  // most texts (a link, a name, a sentence without "to") have none: a cheap look first
  if (!context.underLabel && !context.speaker && !/\sto\s|\swill\s|action|todo|\bA[IR]\b|\[[ xX]\]/i.test(text)) return [];
  const noOwner = context.noOwner ?? [];
  const who: Who = { known: context.known ?? NO_ONE, noOwnerAt: (at) => noOwner.some(([start, end]) => at < end && at >= start) };
  const box = TASK_BOX.exec(text);
  if (box) return doneNoted(taskBoxItems(text, box, who), box[1] !== ' ');
  if (context.speaker) {
    // a remark: what its speaker takes on, else what it assigns in prose ("[rob] I created: …" under
    // an action label is no item of rob's)
    const spoken = speakerItems(text, context.speaker, context.underLabel === true, who.known);
    return doneNoted(spoken.length ? spoken : itemsOf(text, { ...context, underLabel: false }, who), false);
  }
  return doneNoted(itemsOf(text, context, who), false);
}

/** The items of a text that is no task box nor a speaker's own commitment. */
function itemsOf(text: string, context: ActionContext, who: Who): FoundAction[] {
  // a sentence goes on over the lines of a wrapped paragraph; a line may start a clause, as a
  // comma does ("melwitt to write the notes⏎sean-k-mooney to review them")
  let flat = text;
  let underLabel = context.underLabel === true;
  const found: FoundAction[] = [];
  // a label on a line of its own heads the rest of the text ("Actions⏎jroll to …", "**Actions**⏎…")
  const firstBreak = text.indexOf('\n');
  let from = 0;
  if (firstBreak > 0 && isActionLabel(text.slice(0, firstBreak))) {
    underLabel = true;
    from = firstBreak + 1;
    flat = ' '.repeat(from) + flat.slice(from);
  }

  // items in parentheses and TODO(owner) first; their text is then out of the sentences' way
  const masks: [number, number][] = [];
  if (MARKER_WITH_PAREN.test(text)) {
    let inside = -1; // the end of the marker being read: one inside it is part of its text
    for (const m of text.matchAll(PAREN_MARKER)) {
      if (m.index < from || m.index < inside) continue;
      const close = closingParen(text, m.index);
      // an inner marker's head ends the task before it, as a semicolon does
      const body = text.slice(m.index + m[0].length, close).replace(PAREN_MARKER, (head) => `;${' '.repeat(head.length - 1)}`);
      found.push(...clauseItems(body, m.index + m[0].length, 'marked', who));
      masks.push([m.index, Math.min(text.length, close + 1)]);
      inside = close;
    }
    flat = masked(flat, masks);
    let ends: number[] | undefined;
    for (const m of flat.matchAll(TODO_OWNER)) {
      ends ??= sentences(flat).map(([, end]) => end);
      const owner = ownerName(m[1], who.known) ?? (/^[a-z][\w-]*$/i.test(m[1]) ? m[1] : undefined);
      const taskAt = m.index + m[0].length;
      const end = ends.find((e) => e > taskAt) ?? flat.length;
      const task = trimTask(flat.slice(taskAt, end));
      const ownerAt = m.index + m[0].indexOf('(') + 1;
      if (owner && task) found.push({ owner, text: task, offset: ownerAt, length: end - ownerAt });
      masks.push([m.index, end]);
    }
    flat = masked(flat, masks);
  }

  // in prose, only a sentence with "to" in it can hold an item (the "to"s are found once)
  const tos: number[] = [];
  if (!underLabel) {
    TO_VERB_ANYWHERE.lastIndex = 0;
    for (let m = TO_VERB_ANYWHERE.exec(flat); m; m = TO_VERB_ANYWHERE.exec(flat)) tos.push(m.index);
  }
  let nextTo = 0;
  for (const [start, end] of sentences(flat)) {
    if (!underLabel) {
      while (nextTo < tos.length && tos[nextTo] < start) nextTo++;
      const hasTo = nextTo < tos.length && tos[nextTo] < end;
      if (!hasTo && !leadingMarker(flat.slice(start, Math.min(end, start + 40)).trimStart())) continue;
    }
    let sentence = flat.slice(start, end);
    let offset = start;
    let mode: Mode = underLabel ? 'labelled' : 'prose';
    let space = 0;
    while (space < sentence.length && sentence.charCodeAt(space) <= 32) space++;
    const marker = /[#[aAtT]/.test(sentence[space] ?? '') ? leadingMarker(sentence.slice(space)) : null;
    if (marker) {
      const lead = space + marker[0].length;
      sentence = sentence.slice(lead);
      offset += lead;
      mode = 'marked';
    }
    const items = clauseItems(sentence, offset, mode, who);
    found.push(...(items.length || mode === 'prose' ? items : namedOwnerItems(sentence, offset, who.known)));
  }
  return found.length > 1 ? found.sort((a, b) => a.offset - b.offset) : found;
}

const NO_ONE: ReadonlySet<string> = new Set();

/** A GitHub task list's box at the text's start: "[ ] …", "[x] …". */
const TASK_BOX = /^\s*\[([ xX])\]\s+(?=\S)/;
/** "… [done]", "… (done)": the writer ticked the task off after it. */
const DONE_NOTE = /\s*[[(]done[\])]\s*$/i;

/** The items with "[done]" taken off their task and, when it or the box said so, marked done. */
function doneNoted(items: FoundAction[], ticked: boolean): FoundAction[] {
  for (const item of items) {
    if (DONE_NOTE.test(item.text)) {
      item.text = item.text.replace(DONE_NOTE, '');
      item.done = true;
    } else if (ticked) item.done = true;
  }
  return items;
}

/**
 * A task list's item: "[ ] @bob write the notes", "[ ] @gibi @bauzas: review", "[x] Governance repo
 * (@ckerr)", "[ ] Matt to book the room". The box is a marker: its owner is whoever it names.
 */
function taskBoxItems(text: string, box: RegExpExecArray, who: Who): FoundAction[] {
  const at = box.index + box[0].length;
  const rest = text.slice(at);
  const handles = LEADING_HANDLES.exec(rest);
  if (handles) {
    const owners = [...handles[1].matchAll(/@([\w-]+)/g)].map((m) => m[1]);
    const task = trimTask(rest.slice(handles[0].length).replace(AUXILIARY, ''));
    return task ? owners.map((owner) => ({ owner, text: task, offset: at, length: rest.trimEnd().length })) : [];
  }
  // an owner set apart ("Governance repo (@ckerr)") before one that starts a clause
  const named = namedOwnerItems(rest, at, who.known);
  // the box names its owner first ("[ ] Matt to book the room"), not in a clause further on
  return named.length ? named : clauseItems(rest, at, 'marked', who).filter((item) => item.offset === at);
}

/** Handles that start a task: "@bob ", "@gibi @bauzas: ", "@a, @b and @c to ". */
const LEADING_HANDLES = /^((?:@[\w-]+(?:\s*(?:,|&|\/|\band\b)\s*|\s+)?)+?)(?:\s*[:\-–—]\s*|\s+to\s+|\s+will\s+|\s+)(?=\S)/;

/** What a speaker takes on: "Action item, I'll update the doc", "I'll take the action item to write this up", "Volunteered to help". */
const SPEAKER_TAKES =
  /(?:^(?:action\s+items?|AI|action)\s*[:,]?\s*(?:I['’]ll|I\s+will|I\s+can)\s+|\bI(?:['’]ll|\s+will)\s+take\s+(?:the|an|this)\s+action(?:\s+items?)?\s+to\s+|^(?:take|taking|took)\s+(?:the\s+|an\s+)?action\s+items?\s+to\s+|^volunteered\s+to\s+)/i;

/**
 * What a speaker takes on in a remark (its speaker tag taken off): "[devlin] … I'll take the action
 * item to write this up", "Jack: Action item, I'll update the doc", "Mark: Volunteered to help";
 * under a speaker's action label ("Sarah: her action items⏎- Make a Discourse post"), each task.
 */
function speakerItems(text: string, speaker: string, underLabel: boolean, known: ReadonlySet<string>): FoundAction[] {
  const tag = speakerTag(text, known);
  const at = tag ? tag.length : text.length - text.trimStart().length;
  const body = text.slice(at);
  const takes = SPEAKER_TAKES.exec(body);
  if (takes) {
    const from = at + takes.index + takes[0].length;
    const end = sentences(text).find(([, e]) => e > from)?.[1] ?? text.length;
    const task = trimTask(text.slice(from, end));
    return task ? [{ owner: tag?.names[0] ?? speaker, text: task, offset: at, length: end - at }] : [];
  }
  if (underLabel) {
    // "[devlin] Propose concrete naming…", or under "Sarah: her action items", "Make a Discourse post…"
    const first = /^\s*([A-Za-z]+)\b/.exec(body)?.[1].toLowerCase();
    const task = trimTask(body);
    if (first && TASK_VERBS.has(first) && task) return [{ owner: tag?.names[0] ?? speaker, text: task, offset: at, length: body.trimEnd().length }];
  }
  return [];
}

/** " to <verb>", where prose puts the owners just before. */
const TO_VERB_ANYWHERE = /\s(?:to|will)\s+[a-z]/g;

/** Who can own an item here: the report's people, and where no one can (code, a link's text). */
interface Who {
  known: ReadonlySet<string>;
  /** Whether the text's offset `at` is inside code or a link's text. */
  noOwnerAt: (at: number) => boolean;
}

/** The sentences of a text, as [start, end) offsets: a full stop, ! or ? and a space end one. */
function sentences(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  const push = (end: number) => {
    for (let i = start; i < end; i++) {
      if (text.charCodeAt(i) > 32) {
        out.push([start, end]);
        break;
      }
    }
    start = end;
  };
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
    if (!ABBREVIATION.test(text.slice(Math.max(0, m.index - 8), m.index + 1))) push(m.index + m[0].length);
  }
  if (start < text.length) push(text.length);
  return out;
}

const SENTENCE_END = /[.!?]+(?=\s)/g;

/** The text with the stretches blanked out (the same length: offsets stay). */
function masked(text: string, stretches: readonly [number, number][]): string {
  if (!stretches.length) return text;
  const parts: string[] = [];
  let at = 0;
  for (const [start, end] of [...stretches].sort((a, b) => a[0] - b[0])) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    parts.push(text.slice(at, from), text.slice(from, end).replace(/[^\n]/g, ' '));
    at = end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** The offset of the `)` that closes the `(` at `open` (the text's end when none does). */
function closingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i;
  }
  return text.length;
}

interface OwnerList {
  owners: string[];
  /** Named only as a marker names owners (markedOwnerName): a task must follow "to", "will", ":" or "-". */
  marked?: boolean;
  /** Offsets in the searched string: the first owner's start, and the end of the last. */
  start: number;
  end: number;
}

/**
 * The items of one sentence (or the inside of an "(action: …)"): each clause that starts with its
 * owners and then "to <verb>" (or, after a marker or under a label, a task as `mode` reads it) is
 * one per owner; its task runs to the next such clause, a semicolon or the sentence's end.
 */
function clauseItems(sentence: string, offset: number, mode: Mode, who: Who): FoundAction[] {
  const starts: { owners: OwnerList; task: number; clause: number }[] = [];
  const leadAt = (clause: number) => {
    LEADERS.lastIndex = clause;
    return clause + (LEADERS.exec(sentence)?.[0].length ?? 0);
  };
  if (mode === 'prose') {
    // the owners end just before a " to <verb>": the clause that ends there is read, from its
    // nearest possible start back, while what it starts with is still a list of owners
    for (const { before, clauses } of clausesBeforeTo(sentence)) {
      const task = taskStart(sentence, before, mode, who.known);
      if (task === undefined) continue;
      let best: { list: OwnerList; clause: number; and?: boolean } | undefined;
      for (const { at: clause, line, and } of clauses) {
        if (starts.length && clause < starts[starts.length - 1].task) break;
        // a line starts a clause of its own only after an item's line ("melwitt to write the notes⏎
        // sean-k-mooney to review them"); in a wrapped sentence it is where the editor broke it
        if (line && !starts.length) continue;
        const at = leadAt(clause);
        const [list] = ownerLists(sentence, at, who, offset, before);
        if (list) best = { list, clause, and };
        // "Miguel and me to …": the writer is one of a list that starts farther back
        else if (!WRITER_WORDS.has(sentence.slice(at, before).trim().toLowerCase())) break;
      }
      // "a 1:1 with the leads and steering liaison to give feedback": after "and", owners begin a
      // clause only where one item came before ("… the spec, and eharney to look into…")
      if (best && !(best.and && !starts.length)) starts.push({ owners: best.list, task, clause: best.clause });
    }
  } else {
    for (const { at: clause, line } of clauseStarts(sentence)) {
      if (starts.length && clause < starts[starts.length - 1].task) continue;
      if (line && !starts.length) continue;
      for (const list of ownerLists(sentence, leadAt(clause), who, offset, undefined, true)) {
        const task = taskStart(sentence, list.end, list.marked ? 'named' : mode, who.known);
        if (task === undefined) continue;
        starts.push({ owners: list, task, clause });
        break;
      }
    }
  }
  const items: FoundAction[] = [];
  starts.forEach((s, i) => {
    const semicolon = sentence.indexOf(';', s.task);
    const next = starts[i + 1]?.clause ?? sentence.length;
    const end = semicolon !== -1 && semicolon < next ? semicolon : next;
    const raw = sentence.slice(s.task, end);
    const text = trimTask(raw.replace(AUXILIARY, ''));
    if (!text) return;
    const length = s.task + raw.trimEnd().replace(/[\s,.;:!?]+$/, '').length - s.owners.start;
    // "Miguel⏎Lavalle": a name wrapped over two lines is one name
    for (const owner of s.owners.owners)
      items.push({ owner: /\s\s|[\n\t]/.test(owner) ? owner.replace(/\s+/g, ' ') : owner, text, offset: offset + s.owners.start, length });
  });
  return items;
}

/** Owners are a few words: how far before its "to" a clause's start is looked for. */
const OWNERS_REACH = 90;

/**
 * For each " to <verb>" in the sentence, where the clause that ends there may start, near enough
 * to hold a few owners: the nearest first ("marios and rlandy to…" may start at "rlandy" or,
 * farther, at "marios").
 */
function clausesBeforeTo(sentence: string): { before: number; clauses: Clause[] }[] {
  const out: { before: number; clauses: Clause[] }[] = [];
  // every clause break of the sentence, once; each "to" takes those within reach before it
  const breaks: Clause[] = [];
  CLAUSE_BREAK.lastIndex = 0;
  for (let b = CLAUSE_BREAK.exec(sentence); b; b = CLAUSE_BREAK.exec(sentence)) {
    const line = b[0].charCodeAt(0) === 10;
    // "reach out to the⏎cloud-init maintainers…": a line that ends on such a word goes on
    if (line && CARRIES_ON.test(sentence.slice(Math.max(0, b.index - 12), b.index))) continue;
    breaks.push({ at: b.index + b[0].length, line, and: /^\s(?:and|while|whereas|but|then)\s/.test(b[0]) });
  }
  const to = /\s+(?:to|will)\s+[a-z]/g;
  for (let m = to.exec(sentence); m; m = to.exec(sentence)) {
    // the owners end before a commitment's first word: "Miguel Lavalle volunteered to", "Yang is going to"
    const commitment = m[0].trimStart().startsWith('to') ? COMMITMENT_END.exec(sentence.slice(Math.max(0, m.index - 40), m.index)) : null;
    const before = commitment ? m.index - commitment[0].length : m.index;
    const from = Math.max(0, before - OWNERS_REACH);
    const clauses = breaks.filter((b) => b.at >= from && b.at <= before).reverse();
    if (from === 0) {
      let at = 0;
      while (at < before && sentence.charCodeAt(at) <= 32) at++;
      clauses.push({ at, line: false });
    }
    if (clauses.length) out.push({ before, clauses });
  }
  return out;
}

/** Where a clause may start: after a line break, after "and" (or "while", "but"…), or after punctuation. */
interface Clause {
  at: number;
  line: boolean;
  and?: boolean;
}

/** The last word of a line that the next line goes on from: an article, a preposition, a conjunction. */
const CARRIES_ON = /\b(?:the|a|an|to|of|in|on|for|with|from|by|at|and|or|as|into|onto|about|that|this|their|his|her|its|our|your|some|any|no|each|every)$/i;

/** The commitment before a "to": "volunteered", "is going", "has offered". */
const COMMITMENT_END =
  /\s+(?:(?:has|have)\s+)?(?:volunteered|volunteers|offered|offers|agreed|agrees|promised|signed\s+up|(?:is|are)\s+(?:going|willing|planning|happy))$/;

/** What ends a clause: , ; : ( and dashes, "and", "while"…, and a line's end. */
const CLAUSE_BREAK = /[,;:(]\s+|\(|\n\s*|\s[-–—]\s+|\s(?:and|while|whereas|but|then)\s+/g;

/** Where clauses may start: the sentence's start, after , ; : ( and dashes, after "and", "while"…, and at a line's start. */
function clauseStarts(sentence: string): { at: number; line: boolean }[] {
  const out = new Map<number, boolean>([[sentence.length - sentence.trimStart().length, false]]);
  const re = CLAUSE_BREAK;
  re.lastIndex = 0;
  for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
    const at = m.index + m[0].length;
    out.set(at, (out.get(at) ?? true) && m[0].startsWith('\n'));
  }
  return [...out].map(([at, line]) => ({ at, line })).sort((a, b) => a.at - b.at);
}

/** Where the task starts after owners that end at `end`: at the verb after "to", or (labelled) after ":", "-" or at any verb. */
function taskStart(sentence: string, end: number, mode: Mode, known: ReadonlySet<string>): number | undefined {
  TO_VERB.lastIndex = end;
  const to = TO_VERB.exec(sentence);
  // "dirs to be watched" is what happens to things, not a task
  const passive = to?.[2] === 'be' && /(?:ed|en)$/.test(to[3] ?? '');
  // "Michael to summarize, we don't…": a way of speaking, not a task
  if (to && /^[,:]/.test(sentence.slice(end + to[0].length - (to[3]?.length ?? 0)).trimStart()) && !to[3]) return undefined;
  if (to && !NOT_VERBS.has(to[2]) && !passive && !isSubject(sentence, end + to[1].length, to[2], known)) return end + to[1].length;
  // "Luca will announce…", "Bence Romsics and Miguel Lavalle volunteered to reach out…"
  COMMITMENT.lastIndex = end;
  const committed = COMMITMENT.exec(sentence);
  // after "will" a verb a task starts with ("will rest" is no task); after "volunteered to" any verb
  const willing = committed && /^\s+will\b/.test(committed[0]);
  if (committed && !NOT_VERBS.has(committed[1]) && !NOT_TASKS.has(committed[1]) && (!willing || TASK_VERBS.has(committed[1])))
    return end + committed[0].length - committed[1].length;
  if (mode === 'prose') return undefined;
  const rest = sentence.slice(end);
  const mark = /^\s*[:\-–—]\s*(?=\S)/.exec(rest);
  if (mark) return end + mark[0].length;
  if (mode === 'named') return undefined;
  // after a marker ("#action dougwig write the spec") any verb; under a label, one that reads as
  // a verb ("will ask", "is looking", "volunteered", "considers"), not a noun ("Ussuri cycle")
  const verb = mode === 'marked' ? /^\s+(?!(?:and|or|of|the|a|an|in|on|for|with|from)\b)(?=[a-z])/.exec(rest) : VERB_AFTER_OWNER.exec(rest);
  return verb ? end + verb[0].length : undefined;
}

/**
 * Whether "X to <word> …" reads as a subject, not an assignment: the word after "to" is a person
 * ("bauzas to sean-k-mooney as well"), or it is no verb a task starts with and a verb of the
 * sentence follows within a few words ("Resize to same host needs a reproducer", "Rebase to
 * master is needed").
 */
function isSubject(sentence: string, at: number, word: string, known: ReadonlySet<string>): boolean {
  if (known.has(word.toLowerCase()) || /[\d_]|^[a-z]+-[a-z]-/.test(word)) return true;
  if (TASK_VERBS.has(word)) return false;
  return FINITE_VERB_SOON.test(sentence.slice(at, at + 60));
}

/** A verb of the sentence within three words: "same host needs…", "master is…". */
const FINITE_VERB_SOON =
  /^(?:\S+\s+){0,3}?(?:is|are|was|were|needs|needed|has|have|had|seems|looks|requires|required|does|did|will|would|should|can|could|must|may|might|works|worked|fails|failed|broke|breaks)\b/;

/** Verbs a task starts with: "to" one of these is an assignment whatever follows. */
const TASK_VERBS = new Set(
  `be become write rewrite update look review check send follow fix propose investigate ensure make add remove test run
  start stop create open close file track document draft prepare ask talk reach contact coordinate discuss clean move
  split merge land release tag cut publish post share sync help work drive lead own take give get put set keep find
  figure come go see organize schedule book plan host chair announce email ping bring collect gather summarize consider
  explore evaluate research prototype implement design build deploy configure enable disable change switch upgrade
  migrate port convert extend improve simplify reduce increase measure benchmark monitor debug reproduce verify validate
  confirm approve sign respond reply answer report raise push pull finish complete continue resume pick call invite
  mentor teach train present demo record reach write-up revisit reconsider rework redo reopen restart retry
  ${TECH_VERBS}`.split(/\s+/),
);

/**
 * A commitment right where owners end, to the verb of the task: "will announce", "volunteered to
 * reach out", "is going to take", "offered to ask", "agreed to review", "is willing to help".
 */
const COMMITMENT =
  /\s+(?:will(?:\s+(?:also|then|now|gladly|happily))?\s+|(?:(?:has|have)\s+)?(?:volunteered|volunteers|offered|offers|agreed|agrees|promised|signed\s+up|(?:is|are)\s+(?:going|willing|planning|happy))\s+to\s+)([a-z][a-z'-]*)/y;

/** Words after "will" that make no task: "will be", "will have", "will not", "will likely…". */
const NOT_TASKS = new Set(
  // "will try to…" is a hope, not a task
  'be have not never likely probably possibly need require depend become remain stay happen come go get show try'.split(' '),
);

/** " to <verb> <word>" right where owners end. */
const TO_VERB = /(\s+to\s+)([a-z][a-z'-]*)(\s+[a-z]+)?/y;

/**
 * How an item is told: "<owner> to <verb>" in prose; after a marker; under an action label; or,
 * `named`, by owners only a marker makes owners ("Matt", "AB"), whose task follows "to", "will",
 * ":" or "-", never a bare word ("Update docs" is no owner "Update").
 */
type Mode = 'prose' | 'marked' | 'labelled' | 'named';

/**
 * A verb as the first word of a task under an action label: a modal or auxiliary, a commitment
 * ("volunteered", "agreed"), or a verb's -s or -ing form; not what someone did ("presented",
 * "merged": a narrative under "Next steps" is not a list of tasks).
 */
const VERB_AFTER_OWNER =
  /^\s+(?=(?:will|shall|should|would|can|could|may|might|must|is|are|has|have|plans?|agreed|volunteered|offered|promised|signed|committed|accepted|[a-z]+(?:ing|[^s'u]s))\b)/;

/** A task as the tree shows it: no trailing punctuation, no unclosed bracket's remains. */
function trimTask(task: string): string {
  // a meeting bot's stamp ends the task: "… emails (rbasak, 20:45)"
  const stamp = task.search(/\s*\([\w.|^-]+, \d\d:\d\d(?::\d\d)?\)/);
  let t = (
    /\s\s|[\n\t]/.test(task) ? task.slice(0, stamp === -1 ? task.length : stamp).replace(/\s+/g, ' ') : task.slice(0, stamp === -1 ? task.length : stamp)
  )
    .trim()
    .replace(/[\s,.;:!?]+$/, '');
  // "(… do X)" cut at its parenthesis: the closing one goes
  if ((t.match(/\)/g)?.length ?? 0) > (t.match(/\(/g)?.length ?? 0)) t = t.replace(/\)+$/, '').trimEnd();
  return t;
}

/**
 * Owner lists that start at `at`, the longest first: owners of one to four words ("Miguel
 * Lavalle", "neutron team") joined by commas, "and", "or", "and/or", "&" or "/".
 */
function ownerLists(s: string, at: number, who: Who, offset: number, before?: number, marked = false): OwnerList[] {
  if (before !== undefined) {
    // owners are a few words: a longer stretch before "to" is a sentence, not a list of them; and
    // one word (most items: "carl_baldwin to …") is weighed as it is
    let words = 1;
    for (let i = at; i < before; i++) {
      const c = s.charCodeAt(i);
      if ((c === 32 || c === 10) && ++words > 12) return [];
    }
    const word = words === 1 ? s.slice(at, before) : '';
    if (word && !/[,&/]/.test(word)) {
      if (who.noOwnerAt(offset + at)) return [];
      const name = ownerName(word, who.known);
      return name && !WRITER_WORDS.has(name.toLowerCase()) ? [{ owners: [name], start: at, end: before }] : [];
    }
  }
  const tokens: { text: string; start: number; end: number; separator: boolean }[] = [];
  const re = /\s*(and\/or|[,&/+]|[^\s,&/+():;]+)/y;
  re.lastIndex = at;
  for (let m = re.exec(s); m && tokens.length < 16; m = re.exec(s)) {
    const text = m[1];
    const start = m.index + m[0].length - text.length;
    if (before !== undefined && start >= before) break;
    // "@gibi @bauzas": mentions one after another are a list too
    if (text.startsWith('@') && tokens.length && !tokens[tokens.length - 1].separator) tokens.push({ text: ',', start, end: start, separator: true });
    tokens.push({ text, start, end: start + text.length, separator: /^(?:and\/or|[,&/+]|and|or)$/i.test(text) });
  }
  // owners are a few words: a long stretch before "to" is a sentence, not a list of them
  if (before !== undefined && (tokens.length > 12 || tokens[tokens.length - 1]?.end !== before)) return [];
  const results: OwnerList[] = [];
  const walk = (i: number, owners: string[], first: number, wasMarked: boolean) => {
    for (let k = Math.min(4, tokens.length - i); k >= 1; k--) {
      const words = tokens.slice(i, i + k);
      if (words.some((w) => w.separator || who.noOwnerAt(offset + w.start))) continue;
      // words of one owner follow each other with a single space (or line break)
      if (words.some((w, j) => j > 0 && !/^\s$/.test(s.slice(words[j - 1].end, w.start)))) continue;
      const phrase = s.slice(words[0].start, words[k - 1].end);
      const writer = k === 1 && WRITER_WORDS.has(phrase.toLowerCase());
      let name = writer ? phrase : ownerName(phrase, who.known);
      let byMarker = false;
      if (!name && marked) {
        name = markedOwnerName(phrase, who.known);
        byMarker = name !== undefined;
      }
      if (!name) continue;
      const list = [...owners, name];
      const start = i === 0 ? words[0].start : first;
      const listMarked = wasMarked || byMarker;
      const people = list.filter((o) => !WRITER_WORDS.has(o.toLowerCase()));
      if (people.length)
        results.push(listMarked ? { owners: people, start, end: words[k - 1].end, marked: true } : { owners: people, start, end: words[k - 1].end });
      // more owners after a separator (", and" is one)
      let j = i + k;
      if (tokens[j]?.separator) {
        j++;
        if (tokens[j - 1].text === ',' && /^(?:and|or)$/i.test(tokens[j]?.text ?? '')) j++;
        if (j < tokens.length && !tokens[j].separator) walk(j, list, start, listMarked);
      }
    }
  };
  walk(0, [], tokens[0]?.start ?? at, false);
  return (before === undefined ? results : results.filter((r) => r.end === before)).sort((a, b) => b.end - a.end);
}

/**
 * Under an action label, an item whose owner stands apart from its task: "[jungleboyj] book the
 * room", "Document the options (whoami-rajat)", "Write the notes - melwitt".
 */
function namedOwnerItems(sentence: string, offset: number, known: ReadonlySet<string>): FoundAction[] {
  const forms: [RegExp, (m: RegExpExecArray) => [number, number]][] = [
    // [owner] anywhere
    [/\[([^\][\n]{2,60})\]/, (m) => [m.index, m.index + m[0].length]],
    // (owner) or - owner at the end
    [/\s*\(([^()\n]{2,60})\)[\s.,;]*$/, (m) => [m.index, sentence.length]],
    [/\s+[-–—]\s+([^-–—\n]{2,60}?)[\s.]*$/, (m) => [m.index, sentence.length]],
  ];
  for (const [re, span] of forms) {
    const m = re.exec(sentence);
    if (!m) continue;
    const owners = m[1].split(/\s*(?:,|&|\/|\band\/or\b|\band\b|\bor\b)\s*/).filter(Boolean);
    const names = owners.map((o) => ownerName(o, known));
    if (!names.length || names.some((n) => !n)) continue;
    const [cutStart, cutEnd] = span(m);
    const text = trimTask(`${sentence.slice(0, cutStart)} ${sentence.slice(cutEnd)}`);
    if (!text) continue;
    const lead = sentence.length - sentence.trimStart().length;
    const length = sentence.trimEnd().replace(/[\s.;,]+$/, '').length - lead;
    return names.map((owner) => ({ owner: owner!, text, offset: offset + lead, length }));
  }
  return [];
}
