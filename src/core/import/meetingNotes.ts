// A meeting's own notes as a draft to write the report from: an etherpad's text export (tab-indented
// `*` bullets and `1.` items, `===`/`---` underlines, `== x ==`), MeetBot or meetingology minutes
// (their text, and their HTML: "Meeting summary", topics, `ACTION:` lines, "Action items", "People
// present"), or any plain notes. The notes' structure becomes Markdown: items nested as indented,
// headings, a line that heads an indented block an item of its own (a topic), so that the notes'
// items are the draft's topics. Every other line and link stays, as text: what the notes say is
// escaped, never Markdown or HTML of its own. Moved, not kept in the body: the attendee list
// (`attendees:` in the front matter, names and nicks) and a MeetBot title (`subject:`). Dropped:
// votes and bot noise that stand alone on a line (`+1`, `o/`, a time stamp, the bot's own lines),
// and MeetBot's lists of action items that only repeat the summary's `ACTION:` lines (Midcycle
// writes "Action items, by person" back at export when asked).
import { parse } from 'parse5';
import { actionItems } from '../people/actionItemsBundle';
import { writeYaml } from './frontMatterYaml';
import { withoutControlCharacters } from '../model/controlCharacters';
import { isMailableHref } from '../rules/webDestination';
import { LINE_BREAKS_KEY } from '../export/lineBreaks';
import { escapeLineStart, escapeText, markdownText, urlText } from '../parse/markdownText';

/** A piece of a line: text, or a link whose text is not its address (HTML minutes' "full logs"). */
type Part = string | { text: string; href: string };

interface Marker {
  ordered: boolean;
  number: number;
}

/** A line of the notes as read: its indentation (a tab four columns), its list marker, its text. */
interface SourceLine {
  indent: number;
  parts: Part[];
  marker?: Marker;
  /** Where an item's text starts (past its marker): a line indented that far goes on with it. */
  content?: number;
  heading?: number;
  rule?: true;
  blank?: true;
}

interface Item {
  ordered: boolean;
  number: number;
  /** Made of a line that heads an indented block, not of a bullet: it never goes on with a list of bullets above it. */
  heads?: true;
  /** The item's own lines: its first, then the lines that go on under it. */
  lines: Part[][];
  children: Block[];
}

type Block =
  | { kind: 'heading'; level: number; parts: Part[] }
  | { kind: 'paragraph'; lines: Part[][] }
  | { kind: 'list'; ordered: boolean; items: Item[] }
  | { kind: 'rule' };

export type NotesKind = 'pad' | 'minutes-text' | 'minutes-html' | 'notes' | 'notes-html';

export interface NotesImport {
  markdown: string;
  kind: NotesKind;
  /** How the notes were read and what was moved or dropped, for the writer: "as MeetBot minutes (text): …". */
  reading: string;
}

export interface NotesOptions {
  /** Where the notes come from: the pad's address, said at the draft's top ("Notes: <pad>"). */
  pad?: string;
  /** Read as HTML (MeetBot's HTML minutes). */
  html?: boolean;
}

/** Whether a text is MeetBot (or meetingology) minutes, as text or HTML: it says who started the meeting and has a summary. */
export function isMeetBotMinutes(raw: string): boolean {
  return /Meeting started by\s+\S+\s+at\s+\d/.test(raw) && /Meeting summary/i.test(raw);
}

export function importMeetingNotes(raw: string, options: NotesOptions = {}): NotesImport {
  const minutes = isMeetBotMinutes(raw);
  const kind: NotesKind = options.html ? (minutes ? 'minutes-html' : 'notes-html') : minutes ? 'minutes-text' : options.pad ? 'pad' : 'notes';
  const dropped = new Map<string, number>();
  const drop = (what: string) => dropped.set(what, (dropped.get(what) ?? 0) + 1);
  const blocks = withoutNoise(structure(options.html ? htmlLines(raw) : textLines(raw, minutes), minutes || options.html === true), drop);
  const front: { subject?: string; attendees: string[] } = { attendees: [] };
  if (minutes) meetBotSections(blocks, front, drop);
  collectAttendees(blocks, front.attendees);
  if (!minutes) front.subject = padTitle(blocks);
  const body = writeBlocks(blocks);
  const top = options.pad ? [`Notes: ${urlText(options.pad)}`, ''] : [];
  const attendees = [...new Set(front.attendees)];
  const data: Record<string, string | string[]> = {};
  if (front.subject) data.subject = front.subject;
  if (attendees.length) data.attendees = attendees;
  if (body.several) data[LINE_BREAKS_KEY] = 'keep';
  const frontMatter = Object.keys(data).length ? `---\n${writeYaml(data)}---\n\n` : '';
  const markdown = `${frontMatter}${[...top, ...body.lines]
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
  return { markdown, kind, reading: readingOf(kind, attendees.length, dropped) };
}

function readingOf(kind: NotesKind, attendees: number, dropped: ReadonlyMap<string, number>): string {
  const how = {
    pad: "as meeting notes (an etherpad's text)",
    'minutes-text': 'as MeetBot minutes (text)',
    'minutes-html': 'as MeetBot minutes (HTML)',
    notes: 'as meeting notes (plain text)',
    'notes-html': 'as meeting notes (HTML)',
  }[kind];
  const said: string[] = [];
  if (attendees) said.push(`${attendees} attendee${attendees === 1 ? '' : 's'} in the front matter`);
  const gone = [...dropped].map(([what, n]) => (n === 1 ? `1 ${what}` : `${n} ${PLURALS[what] ?? `${what}s`}`));
  if (gone.length) said.push(`dropped ${gone.join(', ')}`);
  return said.length ? `${how}: ${said.join('; ')}` : how;
}

const PLURALS: Record<string, string> = {
  vote: 'votes',
  'o/': 'o/s',
  'time stamp': 'time stamps',
  "bot's line": "bot's lines",
  "MeetBot's list of action items": "MeetBot's lists of action items",
};

// ---------------------------------------------------------------------------------------------
// reading lines

/** A bullet (`*`, `-`, `+`, `•`) or a number (`1.`, Etherpad's nested `1.2.`, `3)`) before the text. */
const BULLET = /^([*•·‣◦▪+-])(?:\s+|$)/;
const NUMBER = /^(\d{1,3}(?:\.\d{1,3})*)[.)]\s+/;

/** MeetBot's sections, as its minutes name them (a page's text has them as lines of their own, not underlined). */
const MEETBOT_SECTION = /^(?:meeting summary|action items(?:, by person)?|people present \(lines said\)|vote results|done items)$/i;

function textLines(raw: string, minutes: boolean): SourceLine[] {
  const lines = clean(raw).split('\n');
  const out: SourceLine[] = [];
  let started = false; // MeetBot's "Meeting started by …" seen: what is before it is the title
  for (let i = 0; i < lines.length; i++) {
    const whole = lines[i].replace(/\s+$/, '');
    if (!whole.trim()) {
      out.push({ indent: 0, parts: [], blank: true });
      continue;
    }
    const indent = columns(whole);
    const text = whole.trimStart();
    // the title as a page shows it, on a line of its own above "Meeting started by"
    const title = minutes && !started && !out.some((l) => !l.blank);
    if (/^Meeting started by\b/.test(text)) started = true;
    const heading = indent === 0 ? headingAt(text, lines[i + 1]?.trim() ?? '', lines[i + 2]?.trim() ?? '', minutes, title && !started) : undefined;
    if (heading) {
      out.push({ indent: 0, parts: [heading.text], heading: heading.level });
      i += heading.lines - 1;
    } else out.push(itemOrText(text, indent));
  }
  return out;
}

const UNDERLINE = /^[=-]{3,}$/;

/**
 * The heading a line begins, and how many lines it takes: a title over- and underlined
 * (`====⏎Title⏎====`, as MeetBot writes it), a line underlined with `===` or `---`, `== x ==` as a
 * wiki writes one, `# x` as Markdown does; in minutes, MeetBot's sections and, first, the title.
 */
function headingAt(text: string, next: string, after: string, minutes: boolean, title: boolean): { text: string; level: number; lines: number } | undefined {
  if (/^={3,}$/.test(text) && next && !UNDERLINE.test(next) && /^={3,}$/.test(after)) return { text: next, level: 1, lines: 3 };
  if (!BULLET.test(text) && /^(?:={3,}|-{3,})$/.test(next) && !UNDERLINE.test(text)) return { text, level: next.startsWith('=') ? 1 : 2, lines: 2 };
  if (minutes && !UNDERLINE.test(text) && !UNDERLINE.test(next)) {
    if (MEETBOT_SECTION.test(text)) return { text, level: 2, lines: 1 };
    if (title) return { text, level: 1, lines: 1 };
  }
  const wiki = /^(={1,6})\s*([^=].*?)\s*\1$/.exec(text);
  if (wiki) return { text: wiki[2], level: Math.max(1, Math.min(6, wiki[1].length)), lines: 1 };
  const hashes = /^(#{1,6})\s+(\S.*)$/.exec(text);
  if (hashes) return { text: hashes[2].replace(/\s+#+$/, ''), level: hashes[1].length, lines: 1 };
  return undefined;
}

/** A line that is no heading: a rule, a bullet or numbered item, or text. */
function itemOrText(text: string, indent: number): SourceLine {
  if (/^(?:[-=_*]\s*){3,}$/.test(text)) return { indent, parts: [], rule: true };
  const bullet = BULLET.exec(text);
  if (bullet) return { indent, parts: [text.slice(bullet[0].length)], marker: { ordered: false, number: 1 }, content: indent + bullet[0].length };
  const number = NUMBER.exec(text);
  if (number)
    return {
      indent,
      parts: [text.slice(number[0].length)],
      marker: { ordered: true, number: Number(number[1].split('.').pop()) },
      content: indent + number[0].length,
    };
  return { indent, parts: [text] };
}

/** Line ends, no-break spaces and control characters as text from outside must have them: none of the last. */
function clean(raw: string): string {
  return withoutControlCharacters(
    raw
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n')
      .replace(/\u00a0/g, ' '),
  );
}

/** A line's indentation in columns, a tab to the next multiple of four (Etherpad writes a tab per level). */
function columns(line: string): number {
  let n = 0;
  for (const c of line) {
    if (c === ' ') n++;
    else if (c === '\t') n = n - (n % 4) + 4;
    else break;
  }
  return n;
}

function textOf(parts: readonly Part[]): string {
  return parts.map((p) => (typeof p === 'string' ? p : p.text)).join('');
}

// ---------------------------------------------------------------------------------------------
// what is noise

/** A vote or a wave: `+1`, `-1`, `+2`, `0`, `o/`, `\o/`, `o7`. */
const VOTE = /^(?:[+-][012]|\+\+|o\/|\\o\/?|o7|\\o)[,.!]*$/i;
/** A line said on IRC, pasted: `[14:02] <slaweq> …`, `14:02 <slaweq> …`, `<slaweq> …`. */
const IRC_PREFIX = /^(?:[[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?\s+)?<[^\s<>]{1,40}>\s+/;
const TIME_ALONE = /^[[(]?\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:UTC|GMT|Z))?[\])]?$/i;
/** A bot's stamp with nothing before it: `(rbasak, 21:38)`. */
const STAMP_ALONE = /^\([\w.|^@:-]{1,60}, \d{1,2}:\d{2}(?::\d{2})?\)$/;
/** What a meeting bot says of itself. */
const BOT_LINES = [
  /^Generated by \W*MeetBot\b/i,
  /^\.\. _`MeetBot`:/,
  /^Useful Commands: #action\b/i,
  /^The meeting name has been set to\b/i,
  /^Meeting started .* Information about MeetBot at\b/i,
];

/** What noise a line is, when it is nothing else ("vote", "o/", "time stamp", "bot's line"); undefined for a line of the notes. */
function noiseOf(line: string): string | undefined {
  const text = line.trim().replace(IRC_PREFIX, '');
  if (!text) return undefined;
  if (TIME_ALONE.test(text) || STAMP_ALONE.test(text)) return 'time stamp';
  if (BOT_LINES.some((re) => re.test(text))) return "bot's line";
  const words = text.split(/[\s,]+/).filter(Boolean);
  if (words.length > 3) return undefined;
  const votes = words.filter((w) => VOTE.test(w));
  if (!votes.length) return undefined;
  // a vote signed by one name ("+1 slaweq", "+1 (amotoki)") stands alone; "+1 to this" does not
  const others = words.filter((w) => !VOTE.test(w));
  if (others.length > 1 || (others.length === 1 && !/^[(@]?[\w.|-]{2,40}\)?:?$/.test(others[0]))) return undefined;
  if (others.length === 1 && /^(?:to|for|on|with|but|and|agree|agreed|yes|no)$/i.test(others[0])) return undefined;
  return votes.every((v) => /o/i.test(v)) ? 'o/' : 'vote';
}

/**
 * The blocks without the lines that are noise and nothing else, each said to `drop`: a paragraph's
 * line, an item's line (an item left with no line and nothing under it goes).
 */
function withoutNoise(blocks: Block[], drop: (what: string) => void): Block[] {
  const keep = (lines: Part[][]) =>
    lines.filter((line) => {
      const noise = noiseOf(textOf(line));
      if (noise) drop(noise);
      return !noise;
    });
  const out: Block[] = [];
  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      block.lines = keep(block.lines);
      if (!block.lines.length) continue;
    } else if (block.kind === 'list') {
      block.items = block.items.filter((item) => {
        item.lines = keep(item.lines);
        item.children = withoutNoise(item.children, drop);
        // an item with nothing in it (a bullet typed and left) is nothing to keep
        return item.lines.some((l) => textOf(l).trim()) || item.children.length > 0;
      });
      if (!block.items.length) continue;
    }
    out.push(block);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// structure

/** Items deeper than this are read at this depth: a draft nests lists well only so far. */
const MAX_DEPTH = 8;

/**
 * The lines as blocks: items nested by their indentation (deeper than an item's marker is under
 * it), headings and rules closing every list, a line at the margin that heads an indented block an
 * item (the notes' topic). What goes on under an item depends on who wrote it: MeetBot wraps its
 * lines at 72 columns, so there a line under an item or a paragraph is joined to it; in a pad a
 * line is a note, and one indented under another is nested in it (Etherpad's indented text is a
 * list without bullets), but a line indented to an item's own text goes on with it (notes typed in
 * an editor, wrapped). A note at the margin that holds an action item (`ACTION:`, "gibi to …") or
 * a marker (`AGREED:`) is a paragraph of its own, never run into the lines around it.
 */
function structure(lines: readonly SourceLine[], minutes: boolean): Block[] {
  const root: Block[] = [];
  const open: { item: Item; indent: number; content: number }[] = [];
  let blankBefore = true; // (nothing above the first line)
  const nextShown = (from: number) => {
    for (let j = from; j < lines.length; j++) if (!lines[j].blank) return lines[j];
    return undefined;
  };
  const addLine = (target: Part[][], parts: Part[]) => {
    if (minutes && target.length) target[target.length - 1] = [...target[target.length - 1], ' ', ...parts];
    else target.push(parts);
  };
  const addItem = (container: Block[], item: Item) => {
    const last = container[container.length - 1];
    // (a topic line after an attendee list, say, is no attendee)
    if (last?.kind === 'list' && last.ordered === item.ordered && last.items[last.items.length - 1].heads === item.heads) last.items.push(item);
    else container.push({ kind: 'list', ordered: item.ordered, items: [item] });
  };
  const openItem = (line: SourceLine, marker: Marker, heads?: true) => {
    const item: Item = { ordered: marker.ordered, number: marker.number, lines: [line.parts], children: [], ...(heads && { heads }) };
    addItem(open.length ? open[open.length - 1].item.children : root, item);
    const frame = { item, indent: line.indent, content: line.content ?? line.indent };
    if (open.length < MAX_DEPTH) open.push(frame);
    else open[open.length - 1] = frame;
  };
  const NOTE: Marker = { ordered: false, number: 1 };
  let alone = false; // the paragraph's last line stands alone (an action line): the next starts another
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.blank) {
      blankBefore = true;
      continue;
    }
    if (line.heading || line.rule) {
      open.length = 0;
      root.push(line.heading ? { kind: 'heading', level: line.heading, parts: line.parts } : { kind: 'rule' });
      blankBefore = false;
      continue;
    }
    while (open.length && open[open.length - 1].indent >= line.indent) open.pop();
    const top = open[open.length - 1];
    if (line.marker) openItem(line, line.marker);
    else if (top && !minutes && line.indent > top.content) openItem(line, NOTE);
    else if (top) {
      const item = top.item;
      if (!item.children.length && !blankBefore) addLine(item.lines, line.parts);
      else {
        const last = item.children[item.children.length - 1];
        if (last?.kind === 'paragraph' && !blankBefore) addLine(last.lines, line.parts);
        else item.children.push({ kind: 'paragraph', lines: [line.parts] });
      }
    } else {
      const next = nextShown(i + 1);
      const level = sectionLevel(root, line, lines[i + 1], { minutes, blankBefore });
      if (next && !next.heading && !next.rule && next.indent > line.indent) {
        // a line that heads an indented block ("Topic: routed networks (slaweq)⏎\t* …") is a topic
        openItem(line, NOTE, true);
      } else if (level) {
        // "Open discussion⏎* …" among the pad's "== x ==" sections is a section of its own too
        root.push({ kind: 'heading', level, parts: line.parts });
        alone = false;
      } else {
        const stands = !minutes && standsAlone(textOf(line.parts));
        const last = root[root.length - 1];
        if (last?.kind === 'paragraph' && !blankBefore && !stands && !alone) addLine(last.lines, line.parts);
        else root.push({ kind: 'paragraph', lines: [line.parts] });
        alone = stands;
      }
    }
    blankBefore = false;
  }
  return root;
}

/**
 * The heading level of a line that labels the list right under it ("Open discussion⏎* nothing",
 * "Pros⏎* …", a PTG pad's "Secure RBAC⏎* …" under its day's "== Tuesday ==") in notes that have
 * sections already: a short line of words after a blank line, no sentence, link, action item or
 * noise, one level below the section it is in (its bullets its own, not the section's). Undefined
 * for any other line.
 */
function sectionLevel(
  root: readonly Block[],
  line: SourceLine,
  next: SourceLine | undefined,
  where: { minutes: boolean; blankBefore: boolean },
): number | undefined {
  // (MeetBot's lines are its own; a line that goes on with the paragraph above it is no label)
  if (where.minutes || !where.blankBefore) return undefined;
  if (!next?.marker || next.indent !== line.indent || line.parts.length !== 1) return undefined;
  const text = textOf(line.parts).trim();
  if (text.length > 60 || !/^\p{L}/u.test(text) || /[.,;:!?]$|:\/\//.test(text) || noiseOf(text) || standsAlone(text) || isAttendeeLabel(text)) {
    return undefined;
  }
  const levels = root.flatMap((b) => (b.kind === 'heading' ? [b.level] : []));
  return levels.length ? Math.min(levels[levels.length - 1] + 1, 6) : undefined;
}

/** A note that holds an action item from its start ("ACTION: …", "gibi to …"), or a marker ("AGREED: …"). */
function standsAlone(text: string): boolean {
  const { findActionItems, minutes } = actionItems();
  if (minutes.markerLabelLength(text)) return true;
  const lead = text.length - text.trimStart().length;
  return findActionItems(text).some((a) => a.offset - lead <= 12);
}

// ---------------------------------------------------------------------------------------------
// attendees, MeetBot's sections, the title

/** Nicks that are the meeting bot's, never an attendee: MeetBot counts its own lines among the people present. */
const BOTS = new Set([
  'openstack',
  'opendevmeet',
  'meetingology',
  'meetbot',
  'zodbot',
  'ubottu',
  'ubotu',
  'collabot',
  'linarobot',
  'openstackgerrit',
  'lumosql-meetbot',
]);

function isAttendeeLabel(text: string): boolean {
  return actionItems().minutes.isAttendeeLabel(text.trim().replace(/\*+/g, ''));
}

/** "Attendees: gibi, bauzas": the names after a label on the same line, or undefined when the line is none. */
function inlineAttendees(text: string): string[] | undefined {
  const colon = text.indexOf(':');
  if (colon <= 0 || !isAttendeeLabel(text.slice(0, colon + 1))) return undefined;
  const rest = text.slice(colon + 1).trim();
  return rest ? splitNames(rest) : [];
}

/** A list of names split at its commas and semicolons, not those inside parentheses ("Sean (sean-k-mooney, Red Hat)"). */
function splitNames(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of text) {
    if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth > 0) depth--;
    if ((c === ',' || c === ';') && depth === 0) {
      out.push(current);
      current = '';
    } else current += c;
  }
  out.push(current);
  return out.map((s) => s.trim()).filter(Boolean);
}

/** An attendee entry as the front matter keeps it: "Name (nick)" as written; MeetBot's count of lines said and bots left out. */
function attendeeEntry(text: string): string | undefined {
  const entry = text
    .trim()
    .replace(/\s*\(\d+\)$/, '')
    .replace(/^[-*•]\s+/, '')
    .trim();
  if (!entry || entry.length > 100 || BOTS.has(entry.toLowerCase())) return undefined;
  return entry;
}

/** The entries of an attendee list's items: each item's lines and its children's, each split at its commas. */
function listEntries(list: Extract<Block, { kind: 'list' }>): string[] {
  const out: string[] = [];
  for (const item of list.items) {
    for (const line of item.lines) out.push(...splitNames(textOf(line)));
    for (const child of item.children) {
      if (child.kind === 'list') out.push(...listEntries(child));
      else if (child.kind === 'paragraph') for (const line of child.lines) out.push(...splitNames(textOf(line)));
    }
  }
  return out;
}

/**
 * Moves every attendee list into `attendees`: the list after an "Attendees" heading, after a
 * paragraph that ends with such a label, or under an item that is one; an "Attendees: a, b" line
 * itself. Whatever is not a name stays where it was.
 */
function collectAttendees(blocks: Block[], attendees: string[]): void {
  const take = (entries: readonly string[]) => {
    for (const e of entries) {
      const entry = attendeeEntry(e);
      if (entry) attendees.push(entry);
    }
  };
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    const next = blocks[i + 1];
    if (block.kind === 'heading' && isAttendeeLabel(textOf(block.parts))) {
      if (next?.kind === 'list') {
        take(listEntries(next));
        blocks.splice(i, 2);
        i--;
      }
      continue;
    }
    if (block.kind === 'paragraph') {
      const kept: Part[][] = [];
      let armed = false;
      for (const line of block.lines) {
        const text = textOf(line);
        const inline = inlineAttendees(text);
        if (inline?.length) take(inline);
        else if (isAttendeeLabel(text) || inline) armed = true;
        // names one a line after the label, until the paragraph ends
        else if (armed && text.length <= 60 && !/[.!?]$/.test(text)) take([text]);
        else kept.push(line);
      }
      if (armed && next?.kind === 'list') {
        take(listEntries(next));
        blocks.splice(i + 1, 1);
      }
      if (kept.length) block.lines = kept;
      else {
        blocks.splice(i, 1);
        i--;
      }
      continue;
    }
    if (block.kind === 'list') {
      block.items = block.items.filter((item) => {
        const text = textOf(item.lines[0] ?? []);
        const inline = inlineAttendees(text);
        if (inline?.length) {
          take(inline);
          return false;
        }
        if (!isAttendeeLabel(text) && !inline) {
          for (const child of item.children) if (child.kind === 'list') collectAttendees([child], attendees);
          return true;
        }
        for (const line of item.lines.slice(1)) take(splitNames(textOf(line)));
        for (const child of item.children) {
          if (child.kind === 'list') take(listEntries(child));
          else if (child.kind === 'paragraph') for (const line of child.lines) take(splitNames(textOf(line)));
        }
        return false;
      });
      if (!block.items.length) {
        blocks.splice(i, 1);
        i--;
      }
    }
  }
}

/** The label of a MeetBot section, whether a heading (text, HTML) or a line of its own (a page's text). */
function labelOf(block: Block): string | undefined {
  if (block.kind === 'heading') return textOf(block.parts).trim();
  if (block.kind === 'paragraph' && block.lines.length === 1) return textOf(block.lines[0]).trim();
  return undefined;
}

/** An action line as MeetBot writes it, for comparing its lists: no `ACTION:`, no stamp, spaces as one. */
function actionKey(text: string): string {
  return text
    .replace(/^\s*ACTION:\s*/i, '')
    .replace(/\s*\([\w.|^@:-]+,\s*\d{1,2}:\d{2}(?::\d{2})?\)\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Every ACTION line of the summary's items. */
function summaryActions(blocks: readonly Block[], out: Set<string>): Set<string> {
  for (const block of blocks) {
    if (block.kind !== 'list') continue;
    for (const item of block.items) {
      const text = item.lines.map(textOf).join(' ');
      if (/^\s*ACTION:/i.test(text)) out.add(actionKey(text));
      summaryActions(item.children, out);
    }
  }
  return out;
}

/**
 * MeetBot's scaffolding: its title is the subject; its section headings are lines of their own (the
 * summary's topics are then the draft's top-level topics); its "Action items" list goes when it only
 * repeats the summary's ACTION lines, and "Action items, by person" always (both derived: Midcycle
 * writes the second at export when asked).
 */
function meetBotSections(blocks: Block[], front: { subject?: string }, drop: (what: string) => void): void {
  const first = blocks.findIndex((b) => b.kind === 'heading');
  if (first !== -1 && (blocks[first] as Extract<Block, { kind: 'heading' }>).level === 1 && first === blocks.findIndex((b) => b.kind !== 'rule')) {
    front.subject = textOf((blocks[first] as Extract<Block, { kind: 'heading' }>).parts).trim();
    blocks.splice(first, 1);
  }
  const actions = summaryActions(blocks, new Set());
  for (let i = 0; i < blocks.length; i++) {
    const label = labelOf(blocks[i])?.replace(/:$/, '').toLowerCase();
    const next = blocks[i + 1];
    if (label === 'action items, by person') {
      drop("MeetBot's list of action items");
      blocks.splice(i, next?.kind === 'list' ? 2 : 1);
      i--;
      continue;
    }
    if (label === 'action items' && next?.kind === 'list' && next.items.every((item) => actions.has(actionKey(item.lines.map(textOf).join(' '))))) {
      drop("MeetBot's list of action items");
      blocks.splice(i, 2);
      i--;
      continue;
    }
    const block = blocks[i];
    if (block.kind === 'heading') blocks[i] = { kind: 'paragraph', lines: [block.parts] };
  }
}

/** A pad's title: its first heading when the notes open with it. */
function padTitle(blocks: readonly Block[]): string | undefined {
  const first = blocks[0];
  return first?.kind === 'heading' && first.level === 1 ? textOf(first.parts).trim() : undefined;
}

// ---------------------------------------------------------------------------------------------
// HTML minutes

/** Elements whose text is a line of its own. */
const BLOCK_ELEMENTS = new Set(['p', 'div', 'table', 'tr', 'pre', 'blockquote', 'section', 'body', 'center', 'dl', 'dt', 'dd']);
const SKIPPED = new Set(['head', 'script', 'style', 'template', 'noscript']);

type HtmlNode = { nodeName: string; tagName?: string; value?: string; childNodes?: HtmlNode[]; attrs?: { name: string; value: string }[] };

/**
 * MeetBot's HTML minutes as the lines its text minutes would be: headings, list items nested as
 * deep as their lists, each block's text on a line of its own, links whose text is not their
 * address kept as links (an address relative to the minutes' page, a log's anchor, is text).
 */
function htmlLines(html: string): SourceLine[] {
  const reader = new HtmlLineReader();
  // (walked with a stack of its own: a page nested thousands deep is no stack overflow)
  const stack: Step[] = [{ node: parse(clean(html)) as unknown as HtmlNode }];
  while (stack.length) {
    const step = stack.pop()!;
    if ('leave' in step) {
      reader.leave(step.leave);
      continue;
    }
    const { node } = step;
    if (!reader.enter(node, () => nearestList(stack))) continue;
    if (node.tagName) stack.push({ leave: node.tagName });
    const children = node.childNodes ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i] });
  }
  return reader.done();
}

type Step = { node: HtmlNode } | { leave: string };

/** The lines of an HTML page, as its elements are entered and left. */
class HtmlLineReader {
  private readonly out: SourceLine[] = [];
  private current: SourceLine | undefined;
  /** Lists open around the walk, each with its items so far. */
  private readonly lists: number[] = [];
  /** The open links' starts within the current line. */
  private readonly links: { at: number; href?: string }[] = [];

  /** Reads an element's or a text's start; false when what is inside it is not read (a script, a break). */
  enter(node: HtmlNode, list: () => string | undefined): boolean {
    const tag = node.tagName;
    if (node.nodeName === '#text') {
      const text = (node.value ?? '').replace(/\s+/g, ' ');
      if (text) this.line().parts.push(text);
      return false;
    }
    if (!tag) return true;
    if (SKIPPED.has(tag)) return false;
    if (tag === 'a') {
      const href = attr(node, 'href');
      this.links.push({ at: this.line().parts.length, href: href && /^https?:\/\//i.test(href) && isMailableHref(href) ? href : undefined });
      return true;
    }
    if (!BLOCK_ELEMENTS.has(tag) && !/^(?:h[1-6]|ol|ul|li|br|hr)$/.test(tag)) return true;
    this.flush();
    if (/^h[1-6]$/.test(tag)) this.current = { indent: 0, parts: [], heading: Number(tag[1]) };
    else if (tag === 'ol' || tag === 'ul') {
      const start = Number(attr(node, 'start'));
      this.lists.push(Number.isFinite(start) && start > 0 ? start - 1 : 0);
    } else if (tag === 'li') {
      const n = this.lists.length ? ++this.lists[this.lists.length - 1] : 1;
      this.current = { indent: this.indent(this.lists.length - 1), parts: [], marker: { ordered: list() === 'ol', number: n } };
    } else if (tag === 'hr') this.out.push({ indent: 0, parts: [], rule: true });
    return tag !== 'br' && tag !== 'hr';
  }

  /** Reads an element's end: a block's line ends; a link's text becomes the link. */
  leave(tag: string): void {
    if (tag === 'a') {
      // the link's text was gathered as plain text: made a link part now
      const open = this.links.pop();
      if (open && this.current) {
        const text = textOf(this.current.parts.splice(open.at)).replace(/\s+/g, ' ');
        this.current.parts.push(open.href && text.trim() ? { text, href: open.href } : text);
      }
      return;
    }
    if (tag === 'ol' || tag === 'ul') this.lists.pop();
    if (tag === 'ol' || tag === 'ul' || tag === 'li' || /^h[1-6]$/.test(tag) || BLOCK_ELEMENTS.has(tag)) this.flush();
  }

  done(): SourceLine[] {
    this.flush();
    return this.out;
  }

  /** A list's depth as the columns a text's indentation would be: no deeper than a draft holds. */
  private indent(depth: number): number {
    return Math.max(0, Math.min(depth, MAX_DEPTH)) * 4;
  }

  private line(): SourceLine {
    return (this.current ??= { indent: this.indent(this.lists.length), parts: [] });
  }

  private flush(): void {
    const current = this.current;
    this.current = undefined;
    if (!current) return;
    const parts = trimParts(current.parts);
    if (parts.length || current.marker) this.out.push({ ...current, parts });
  }
}

/** The list an item is in: the nearest list still open on the walk's stack. */
function nearestList(stack: readonly Step[]): string | undefined {
  for (let i = stack.length - 1; i >= 0; i--) {
    const s = stack[i];
    if ('leave' in s && (s.leave === 'ol' || s.leave === 'ul')) return s.leave;
  }
  return undefined;
}

function attr(node: HtmlNode, name: string): string | undefined {
  return node.attrs?.find((a) => a.name === name)?.value;
}

/** A line's parts without the spaces at its ends. */
function trimParts(parts: readonly Part[]): Part[] {
  const out = parts.filter((p) => (typeof p === 'string' ? p !== '' : true));
  while (out.length && typeof out[0] === 'string' && !(out[0] as string).trim()) out.shift();
  while (out.length && typeof out[out.length - 1] === 'string' && !(out[out.length - 1] as string).trim()) out.pop();
  if (typeof out[0] === 'string') out[0] = (out[0] as string).trimStart();
  const last = out.length - 1;
  if (typeof out[last] === 'string') out[last] = (out[last] as string).trimEnd();
  return out;
}

// ---------------------------------------------------------------------------------------------
// writing

/** The blocks as Markdown lines; `several` when some paragraph or item has more than one line (the draft keeps them). */
function writeBlocks(blocks: readonly Block[]): { lines: string[]; several: boolean } {
  const lines: string[] = [];
  let several = false;
  const writeList = (list: Extract<Block, { kind: 'list' }>, indent: string) => {
    const start = list.ordered ? list.items[0]?.number || 1 : 1;
    list.items.forEach((item, n) => {
      const marker = list.ordered ? `${start + n}.` : '-';
      const inner = `${indent}${' '.repeat(marker.length + 1)}`;
      if (item.lines.length > 1) several = true;
      item.lines.forEach((line, k) => {
        const text = inlineLine(line);
        lines.push(k === 0 ? `${indent}${marker}${text ? ` ${text}` : ''}` : `${inner}${text}`);
      });
      let afterList = false;
      for (const child of item.children) {
        if (child.kind === 'list') {
          if (afterList) lines.push('');
          writeList(child, inner);
          afterList = true;
        } else if (child.kind === 'paragraph') {
          // a paragraph under an item: a blank line first, or Markdown runs it on into the line above
          if (child.lines.length > 1) several = true;
          lines.push('');
          for (const line of child.lines) lines.push(`${inner}${inlineLine(line)}`);
          afterList = true;
        }
      }
    });
  };
  for (const block of blocks) {
    if (lines.length) lines.push('');
    switch (block.kind) {
      case 'heading':
        lines.push(`${'#'.repeat(block.level)} ${inlineLine(block.parts).replace(/(^|\s)(#+)$/, '$1\\$2')}`);
        break;
      case 'rule':
        lines.push('***');
        break;
      case 'paragraph':
        if (block.lines.length > 1) several = true;
        for (const line of block.lines) lines.push(inlineLine(line));
        break;
      case 'list':
        writeList(block, '');
        break;
    }
  }
  return { lines, several };
}

/** A line's parts as Markdown text: words escaped, addresses kept whole, links written as links. */
function inlineLine(parts: readonly Part[]): string {
  let out = '';
  for (const part of parts) {
    if (typeof part !== 'string') {
      out += part.text.trim() === part.href ? urlText(part.href) : `[${escapeText(part.text)}](<${part.href.replace(/[<>\\\s]/g, encodeURIComponent)}>)`;
      continue;
    }
    out += markdownText(part);
  }
  return escapeLineStart(out.trim());
}
