// One parse of a Markdown draft into a Report: front matter, topics, links, action items and
// diagnostics, from markdown-it's token stream. Every feature (outline, tree, diagnostics, export)
// reads this one Report.
import { yaml } from './yamlBundle';
import { frontMatterYaml, getInlineFacts, getItemOutline, setItemOutline, type ItemOutline } from './tokenFacts';
import { checkFences, checkFrontMatter, frontMatterProblem, type DocumentProblem } from '../rules/documentRules';
import { headerLineBreaks } from '../export/frontMatterHeaders';
import { DEFAULT_LINK_HOSTS, type LinkHosts } from '../rules/linkHosts';
import { actionItems } from '../people/actionItemsBundle';
import type { ActionItemsModule } from '../people/actionItemsBundle';

/** How minutes are written (people/minutes.ts), from the action items' bundle. */
type MinutesModule = ActionItemsModule['minutes'];
import { foundLinks, hasProse, inlineActions, inlineLinks, inlineNames, inlineText, inlineTitle, type ActionScope } from './inlineFacts';
import { labelledTitle, topicTitle } from './topicTitle';
import { isMalformed } from './wellFormedLink';
import type { LinkEnv } from './linkPlugin';
import { isLineBreaks, LINE_BREAKS, LINE_BREAKS_KEY } from '../export/lineBreaks';
import { LineIndex } from '../model/lineIndex';
import { createMarkdown } from './markdown';
import type { Token } from '../model/markdownTypes';
import type { ActionItem, Diagnostic, FrontMatter, Link, ParseState, Range, Report, Topic } from '../model/model';
import { linkLabel } from '../rules/linkLabel';
import { attendeesOf } from '../people/attendees';
import { roster } from '../people/rosterBundle';
import { diagnosticOf, severityOf, type SeveritySettings } from '../rules/ruleSeverity';

export type { SeveritySetting } from '../rules/ruleSeverity';

export interface ReportOptions {
  hosts?: LinkHosts;
  /** Per rule code: a severity, or 'off'. Rules not named keep their default. */
  severities?: SeveritySettings;
}

/** Separator lines escaped at most this many times before giving up on recovery. */
const MAX_RECOVERIES = 16;

export function parseReport(input: string, options: ReportOptions = {}): Report {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const hosts = options.hosts ?? DEFAULT_LINK_HOSTS;
  const md = createMarkdown();

  // A separator fence that runs to the end of the file is read as the text the writer meant: the
  // line is escaped and the text parsed again (same lines; only that line's columns shift by one).
  // markdown-it's own normalisation comes first, so that recovery edits the text it parses.
  const normalised = normaliseText(text);
  let source = normalised;
  let env: { midcycle: LinkEnv; references?: ParseState['references'] };
  let tokens: Token[];
  const documentProblems: DocumentProblem[] = [];
  for (let attempt = 0; ; attempt++) {
    env = { midcycle: { hosts, problems: [] } };
    tokens = md.parse(source, env);
    const lines = env.midcycle.lines!;
    const fences = checkFences(env.midcycle.fences ?? tokens, lines);
    const fresh = (p: DocumentProblem) => !documentProblems.some((q) => q.code === p.code && q.range.start.line === p.range.start.line);
    documentProblems.push(...fences.problems.filter(fresh));
    // markdown-it stops at its nesting limit and drops the rest of the line: read it as text instead
    const maxNesting = md.options.maxNesting ?? 100;
    const deep = (env.midcycle.deepest ?? maxNesting) >= maxNesting - 2 ? tooDeep(tokens, maxNesting, lines) : { escapes: [], problems: [] };
    documentProblems.push(...deep.problems.filter(fresh));
    if ((fences.separatorLines.length === 0 && deep.escapes.length === 0) || attempt >= MAX_RECOVERIES) break;
    source = escapeAt(source, [...fences.separatorLines.map((line) => lineMarker(lines, line)), ...deep.escapes]);
  }
  const parse: ParseState = {
    source,
    lines: env.midcycle.lines!,
    recovered: source !== normalised,
    references: env.references ?? {},
    documentProblems,
    options: { hosts, severities: options.severities ?? {} },
    hosts: env.midcycle.hosts,
  };
  return assembleReport(text, tokens, env.midcycle.lines!, parse, env.midcycle.problems);
}

/** markdown-it's normalisation of line ends and NUL characters, which keeps every line and column. */
export function normaliseText(text: string): string {
  // most drafts have neither: no copy of a large draft then
  if (text.indexOf('\r') === -1 && text.indexOf('\0') === -1) return text;
  return text.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD');
}

/**
 * The report of a token stream whose links are recorded: front matter and diagnostics at once;
 * links, topics and action items when first asked for (most of a report's analysis, and nothing
 * `midcycle check` needs but the malformed links, `problemLinks` when the parse collected them).
 * They are read from the tokens as they are then: when updateReport takes the tokens over (see
 * handOverTokens), what is not read yet is read from the text parsed again.
 */
export function assembleReport(text: string, tokens: Token[], lines: LineIndex, parse: ParseState, problemLinks?: Link[]): Report {
  const problems = [...parse.documentProblems];
  let outline: { topics: Topic[]; actions: ActionItem[] } | undefined;
  let links: Link[] | undefined;
  let own: Token[] | undefined = tokens;
  const current = () => (own ??= parseReport(text, parse.options).tokens);
  const read = () => (outline ??= buildTopics(current(), lines, report.frontMatter));
  const report = {
    text,
    lineCount: lines.lineCount,
    frontMatter: {},
    diagnostics: [],
    parse,
  } as Omit<Report, 'topics' | 'actions' | 'links' | 'tokens'> as Report;
  // own, enumerable getters: a copy of the report ({ ...report }) has them too
  Object.defineProperties(report, {
    tokens: { get: current, enumerable: true },
    links: { get: () => (links ??= linksOf(current(), 'all')), enumerable: true },
    topics: { get: () => read().topics, enumerable: true },
    actions: { get: () => read().actions, enumerable: true },
  });
  handOvers.set(report, () => {
    const t = current();
    own = undefined;
    return t;
  });
  // front matter comes first or not at all (markdown-it-front-matter reads it on line 0 only)
  if (tokens[0]?.type === 'front_matter') readFrontMatter(report, tokens[0], lines, problems);
  const malformed = problemLinks ?? linksOf(tokens, 'malformed');
  const severities = parse.options.severities;
  // owners are weighed when the diagnostics are first read: the editor reads them once its edits
  // settle, not on every keystroke's update; set, they are what was set
  let all: Diagnostic[] | undefined;
  Object.defineProperty(report, 'diagnostics', {
    get: () =>
      (all ??= diagnostics(malformed, severityOf('owner-unknown', severities) === 'off' ? problems : [...problems, ...ownerProblems(report)], severities)),
    set: (value: Diagnostic[]) => (all = value),
    enumerable: true,
  });
  return report;
}

const handOvers = new WeakMap<Report, () => Token[]>();

/**
 * The report's tokens, for updateReport to change in place (moving them to new lines) in the next
 * report: copying them costs more than an edit may. The report reads its text again when its
 * tokens, or what it has not read yet of them, are asked for after that.
 */
export function handOverTokens(report: Report): Token[] {
  return handOvers.get(report)?.() ?? report.tokens;
}

/**
 * `owner-unknown` (ownerRule.ts): a word count first (roster.ts), and the action items only when a
 * word used once is near a known one: `midcycle check` on a draft without one never loads the
 * action items' bundle nor reads the topics.
 */
function ownerProblems(report: Report): DocumentProblem[] {
  const { counts, near } = roster().ownerSuspects(report.text, report.frontMatter);
  return near.size ? actionItems().ownerProblems(report, near, counts) : [];
}

/**
 * The links recorded on the tokens' inline facts, in document order: all of them (the well-formed
 * ones made now), or only the malformed ones (made already: nothing more is made for them).
 */
function linksOf(tokens: readonly Token[], which: 'all' | 'malformed'): Link[] {
  const links: Link[] = [];
  // indexed loops over the token stream (docs/performance.md)
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type !== 'inline' || !token.map || !getInlineFacts(token)) continue;
    const found = which === 'all' ? inlineLinks(token) : foundLinks(token);
    for (let j = 0; j < found.length; j++) {
      const link = found[j];
      if (which === 'all' || isMalformed(link)) links.push(link as Link);
    }
  }
  return links;
}

/** Where a separator line's marker starts: after its indentation. */
function lineMarker(lines: LineIndex, line: number): number {
  const text = lines.lineText(line);
  return lines.starts[line] + (text.length - text.trimStart().length);
}

/** The text with a backslash before each offset, so that what starts there is read as text. */
function escapeAt(source: string, offsets: number[]): string {
  // in one pass (one copy of the text, however many lines are escaped)
  const pieces: string[] = [];
  let from = 0;
  for (const at of [...new Set(offsets)].sort((a, b) => a - b)) {
    pieces.push(source.slice(from, at), '\\');
    from = at;
  }
  pieces.push(source.slice(from));
  return pieces.join('');
}

/** Lists and quotes nested deeper than this on one line are read as text from there on. */
export const MAX_READ_NESTING = 32;

/** A list or quote marker at a line's start (after its indentation), and the character that makes it one. */
const MARKER = /^[ \t]*(?:([-*+>])|\d{1,9}([.)]))[ \t]*/;

/**
 * The lines markdown-it drops at its nesting limit: each list item or quote opened at that depth
 * (markdown-it reads nothing inside it), on one line ("- - - … text") or over many (an item nested
 * 50 deep, and what is indented under it). A marker on each is escaped, so that Markdown reads the
 * line as text of the item or quote around it: on the line that opens it, the marker that does
 * (or the one MAX_READ_NESTING in, when that is further), on the lines under it their first. And
 * the warning that says so, once for each.
 */
function tooDeep(tokens: readonly Token[], maxNesting: number, lines: LineIndex): { escapes: number[]; problems: DocumentProblem[] } {
  const escapes: number[] = [];
  const problems: DocumentProblem[] = [];
  const open: Token[] = []; // the blocks open around each token
  let covered = -1; // the last line escaped
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t.block) continue;
    if (t.nesting === -1) open.pop();
    if (t.nesting !== 1) continue;
    open.push(t);
    // an item or a quote whose content would be read at the limit: markdown-it drops all of it
    if ((t.type !== 'list_item_open' && t.type !== 'blockquote_open') || t.level < maxNesting - 1 || !t.map || t.map[0] <= covered) continue;
    const first = t.map[0];
    // which of its line's markers opens it: the items and quotes opened on that line before it
    let n = 0;
    for (const o of open) if (o !== t && o.map?.[0] === first && (o.type === 'list_item_open' || o.type === 'blockquote_open')) n++;
    const own = lineMarkers(lines.lineText(first), n);
    if (own.length === 0) continue;
    escapes.push(lines.starts[first] + own[Math.min(n, MAX_READ_NESTING, own.length - 1)].at);
    // the lines under it: blank, or indented as far as its marker (its siblings are dropped too)
    const column = own[Math.min(n, own.length - 1)].column;
    let last = first;
    for (let line = first + 1; line < lines.lineCount; line++) {
      if (lines.isBlank(line)) continue;
      const text = lines.lineText(line);
      if (text.length - text.trimStart().length < column) break;
      const [marker] = lineMarkers(text, 0);
      if (marker) escapes.push(lines.starts[line] + marker.at);
      last = line;
    }
    covered = last;
    problems.push({
      code: 'nesting-too-deep',
      range: { start: { line: first, character: 0 }, end: { line: last, character: lines.lineText(last).length } },
      message:
        last === first
          ? `Lists or quotes nested too deep: Markdown would drop the rest of this line. Midcycle reads it as text from there (at most ${MAX_READ_NESTING} on a line); nest less deeply.`
          : `Lists or quotes nested too deep: Markdown would drop these ${last - first + 1} lines. Midcycle reads them as text of the item or quote around them; nest less deeply.`,
    });
  }
  return { escapes, problems };
}

/** A line's first markers, up to `upTo` (and MAX_READ_NESTING) in: the offset of the character that makes each one, and its column. */
function lineMarkers(text: string, upTo: number): { at: number; column: number }[] {
  const found: { at: number; column: number }[] = [];
  let at = 0;
  const limit = Math.max(upTo, MAX_READ_NESTING);
  while (found.length <= limit) {
    const m = MARKER.exec(text.slice(at));
    if (!m || !m[0]) break;
    const column = at + m[0].length - m[0].trimStart().length;
    found.push({ at: at + m[0].indexOf(m[1] ?? m[2], column - at), column });
    at += m[0].length;
  }
  return found;
}

interface ItemFrame {
  topic: Topic | undefined;
  parent: Topic | undefined;
  hasProse: boolean;
  /** Content, not a topic, with all below it: a remark, an attendee list, an action line, a marker's item. */
  content?: boolean;
  /** Who speaks this item or the remark it is under: owns what it takes on ("Take action item to…"). */
  speaker?: string;
  /** For a top-level item: where its opening token is, how many action items came before it, and its action scope. */
  top?: { index: number; actionsBefore: number; scope: string };
}

/**
 * What a top-level list item makes of itself, kept on its opening token (`meta.outline`): the
 * next build after an edit elsewhere takes it as it is instead of walking the item's tokens again.
 * An item's outline depends on its own tokens alone (its parent only decides where it goes); an
 * edit inside it parses it anew (new tokens, nothing kept), and updateReport moves copies of kept
 * ranges with the tokens after an edit.
 */
export type { ItemOutline } from './tokenFacts';

export function itemOutline(token: Token): ItemOutline | undefined {
  return getItemOutline(token);
}

function buildTopics(tokens: Token[], lines: LineIndex, frontMatter: FrontMatter): { topics: Topic[]; actions: ActionItem[] } {
  const { ACTION_LABEL, introducesActions, isActionLabel, mayBePerson, minutes } = actionItems();
  const people = reportPeople(tokens, frontMatter, mayBePerson, ACTION_LABEL, minutes);
  const peopleKey = [...people].sort().join(',');
  const scopes = { plain: { underLabel: false, known: people, key: `0|${peopleKey}` }, labelled: { underLabel: true, known: people, key: `1|${peopleKey}` } };
  /** The scopes of what a speaker says, by speaker and label. */
  const spokenScopes = new Map<string, ActionScope>();
  // where action items are listed: a heading's section ("## Action items"), or the block after a
  // label ("Actions to do after this discussion:")
  let labelHeading: number | undefined;
  let armed: number | undefined; // the level of the block a label paragraph introduces
  let labelBlock: { level: number; close: string } | undefined;
  // likewise who was there: an "Attendees" heading's section, or the list after an "Attendees:" paragraph
  let attendeeHeading: number | undefined;
  let attendeesArmed: number | undefined;
  let attendeeList: number | undefined; // the level of that list
  const scope = (): ActionScope => {
    const base = labelHeading !== undefined || labelBlock ? scopes.labelled : scopes.plain;
    const speaker = items[items.length - 1]?.speaker;
    if (!speaker) return base;
    const key = `${base.key}|${speaker}`;
    let spoken = spokenScopes.get(key);
    if (!spoken) spokenScopes.set(key, (spoken = { ...base, speaker, key }));
    return spoken;
  };
  const topics: Topic[] = [];
  const actions: ActionItem[] = [];
  const headings: Topic[] = [];
  const items: ItemFrame[] = [];
  let quoteDepth = 0;
  let titleFor: Topic | undefined;
  /** The inline token that heads each topic: its title comes from there, once the topic is kept. */
  const titleInline = new Map<Topic, Token>();
  /** Topics whose title starts further in than their text: past a proposer's tag, a marker, a task box. */
  const titleFrom = new Map<Topic, number>();
  const headingTopics: Topic[] = [];
  /** Headings that date or name an agenda: their items are topics, a speaker's tag their proposer's. */
  const agendaHeadings = new Set<Topic>();
  let itemDepth = 0; // list items that are topics, open around this point

  const container = (): Topic | undefined => {
    for (let i = items.length - 1; i >= 0; i--) if (items[i].topic) return items[i].topic;
    return headings[headings.length - 1];
  };
  const attach = (parent: Topic | undefined, topic: Topic) => (parent ? parent.children : topics).push(topic);
  /** Where a finished item goes: into its parent's links when it is nothing but a link, else a topic. */
  const place = (topic: Topic, parent: Topic | undefined, hasProse: boolean, inline: Token | undefined) => {
    if (!hasProse && topic.children.length === 0 && parent) {
      for (const link of topic.links) parent.links.push(link);
      for (const action of topic.actions) parent.actions.push(action);
    } else {
      // the title is worked out only for the items that stay topics
      const from = titleFrom.get(topic);
      topic.title ||=
        (inline && (from ? topicTitle(inlineText(inline).slice(from)) : inlineTitle(inline))) || (topic.links[0] ? linkLabel(topic.links[0]) : '(empty item)');
      // its lists are complete: kept at their size (an array grown by push keeps room for 16 more)
      topic.children = fitted(topic.children);
      topic.links = fitted(topic.links);
      topic.actions = fitted(topic.actions);
      attach(parent, topic);
    }
  };
  /**
   * Whether an item whose first text is `inline` is content of the topic around it, not a topic of
   * its own: a remark ("[devlin] …", "Mara: …", a speaker's name alone) outside an agenda, an entry
   * of an attendee list or such a list's label, a marker's item ("Action item: Oliver to…",
   * "AGREED: …", "**Action items**:"), an action line ("rbasak will send…", "[ ] @bob …"), a bot's
   * stamp alone. Sets where the title starts for an item that stays one, past a proposer's tag.
   */
  const isContent = (frame: ItemFrame, inline: Token, found: readonly ActionItem[]): boolean => {
    const topic = frame.topic!;
    const text = inlineText(inline);
    // whoever speaks it speaks what is under it too, whatever it turns out to be; a tag is a
    // bracket or a name before a colon or alone, a look at the start first (most items have none)
    const head = text.slice(0, 48);
    const tag =
      head.includes('[') || head.includes(':') || !/^\s*\S+ \S+ \S+ /.test(head) ? minutes.speakerTag(text.replace(/^\s*\[[ xX]\]\s+/, ''), people) : undefined;
    if (tag) frame.speaker = tag.names[0];
    if (attendeeList !== undefined || (attendeeHeading !== undefined && items.length === 1) || minutes.isAttendeeLabel(text)) return true;
    const box = /^\s*\[[ xX]\]\s+/.exec(text);
    const body = box ? text.slice(box[0].length) : text;
    const lead = box ? box[0].length : 0;
    const stamped = body.replace(minutes.BOT_STAMP, '');
    if (!stamped.trim() || /^\s*\S+:\/\/\S+\s*$/.test(stamped)) return true;
    if (minutes.markerLabelLength(body) || isActionLabel(body)) return true;
    // an action line: the item starts with its owner ("rbasak will…", "@bob to…", "[ ] @bob …")
    // or names it elsewhere in a task box ("[ ] Write the guide (@ckerr)") or under an action label
    const start = body.trimStart().toLowerCase();
    const listed = box !== null || scope().underLabel === true;
    const line = topic.selectionRange.start.line;
    if (found.some((a) => a.range.start.line === line && (listed || start.startsWith(a.owner.toLowerCase()) || start.startsWith(`@${a.owner.toLowerCase()}`))))
      return true;
    if (tag) {
      const parent = items[items.length - 2];
      const agenda = parent
        ? parent.topic !== undefined && minutes.AGENDA_LABEL.test(parent.topic.text.trim())
        : agendaHeadings.has(headings[headings.length - 1]);
      if (!agenda || tag.length >= body.trimEnd().length) return true;
      // a proposer's tag: the item is the agenda's topic, and what it says below is its content
      frame.speaker = undefined;
      titleFrom.set(topic, lead + tag.length);
      return false;
    }
    // "Min (5m): Outreachy for Spring": a proposer and a time before the colon
    const proposer = /^\s*([^:()\n]{1,30}?)\s*\([^)\n]{1,40}\)\s*:\s+(?=\S)/.exec(body);
    if (proposer && minutes.isSpeaker(proposer[1].replace(/\*/g, '').trim(), people)) titleFrom.set(topic, lead + proposer[0].length);
    else if (lead) titleFrom.set(topic, lead);
    return false;
  };

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    // after a label: where the block it introduces opens and closes (or the container closes first)
    if ((armed !== undefined || labelBlock) && token.block) {
      if (token.nesting === 1) {
        if (armed !== undefined && token.level === armed && !labelBlock && token.type !== 'list_item_open') {
          labelBlock = { level: token.level, close: token.type.replace('_open', '_close') };
          armed = undefined;
        } else if (armed !== undefined && token.level < armed) armed = undefined;
      } else if (token.nesting === -1) {
        if (labelBlock && token.level === labelBlock.level && token.type === labelBlock.close) labelBlock = undefined;
        else if (armed !== undefined && token.level < armed) armed = undefined;
      }
    }
    // after an "Attendees:" paragraph: the list that follows it
    if ((attendeesArmed !== undefined || attendeeList !== undefined) && token.block) {
      if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') {
        if (attendeesArmed !== undefined && token.level === attendeesArmed && attendeeList === undefined) attendeeList = token.level;
        attendeesArmed = undefined;
      } else if ((token.type === 'bullet_list_close' || token.type === 'ordered_list_close') && token.level === attendeeList) attendeeList = undefined;
      else if (token.type === 'paragraph_open' && attendeeList === undefined && token.level === attendeesArmed) attendeesArmed = undefined;
      else if (token.type === 'heading_open') attendeesArmed = attendeeList = undefined;
    }
    switch (token.type) {
      case 'blockquote_open':
        quoteDepth++;
        break;
      case 'blockquote_close':
        quoteDepth--;
        break;
      case 'heading_open': {
        armed = undefined;
        if (items.length || quoteDepth || !token.map) break;
        const level = Number(token.tag.slice(1));
        if (labelHeading !== undefined && level <= labelHeading) labelHeading = undefined;
        if (attendeeHeading !== undefined && level <= attendeeHeading) attendeeHeading = undefined;
        const headingText = tokens[i + 1]?.type === 'inline' ? inlineText(tokens[i + 1]).trim() : '';
        if (labelHeading === undefined && ACTION_LABEL.test(headingText)) labelHeading = level;
        if (attendeeHeading === undefined && minutes.isAttendeeLabel(headingText)) attendeeHeading = level;
        while (headings.length && headings[headings.length - 1].level >= level) closeHeading(headings.pop()!, token.map[0] - 1, lines);
        const topic = newTopic('heading', level, token.map[0], lines);
        if (minutes.isAgendaHeading(headingText)) agendaHeadings.add(topic);
        attach(headings[headings.length - 1], topic);
        headings.push(topic);
        titleFor = topic;
        headingTopics.push(topic);
        break;
      }
      case 'list_item_open': {
        if (!token.map) break;
        const parent = container();
        const around = items[items.length - 1];
        if (quoteDepth || around?.content) {
          // inside a quote, or below a remark, an attendee list or an action line: its content
          items.push({ topic: undefined, parent, hasProse: true, content: around?.content, speaker: around?.speaker });
          break;
        }
        const scopeKey = `${scope().key}|${agendaHeadings.has(headings[headings.length - 1]) ? 'a' : ''}|${attendeeHeading ?? ''}|${attendeeList ?? ''}`;
        const kept = items.length === 0 ? itemOutline(token) : undefined;
        if (kept && kept.scope === scopeKey) {
          // a top-level item as the last build left it: its outline, without its tokens
          place(kept.topic, parent, kept.hasProse, kept.inline);
          for (const action of kept.actions) actions.push(action);
          titleFor = undefined;
          i += kept.span;
          break;
        }
        const topic = newTopic('item', itemDepth++, token.map[0], lines);
        topic.range = sharedStart(trimmedRange(token.map, lines), topic.selectionRange);
        items.push({
          topic,
          parent,
          hasProse: false,
          speaker: around?.speaker,
          top: items.length === 0 ? { index: i, actionsBefore: actions.length, scope: scopeKey } : undefined,
        });
        titleFor = topic;
        break;
      }
      case 'list_item_close': {
        const frame = items.pop();
        if (!frame?.topic) break;
        itemDepth--;
        const { topic, parent, hasProse: prose, top } = frame;
        // an item with no text of its own (`-` alone) gives no text to what follows it
        if (titleFor === topic) titleFor = undefined;
        const inline = titleInline.get(topic);
        place(topic, parent, prose, inline);
        if (top) {
          const outline: ItemOutline = { scope: top.scope, topic, hasProse: prose, actions: actions.slice(top.actionsBefore), span: i - top.index, inline };
          setItemOutline(tokens[top.index], outline);
        }
        break;
      }
      case 'inline': {
        if (!token.map) break;
        const frame = items[items.length - 1];
        let found: readonly ActionItem[] | undefined;
        if (titleFor && !titleInline.has(titleFor)) {
          if (titleFor.kind === 'item' && frame?.topic === titleFor) {
            // whether the item is a topic at all is known from its first text (a speaker, a marker…)
            found = inlineActions(token, lines, scope());
            if (isContent(frame, token, found)) {
              frame.topic = undefined;
              frame.content = true;
              frame.hasProse = true;
              itemDepth--;
              // with its speaker known, what it says is read again as theirs
              found = undefined;
            }
          }
          if (frame?.topic === titleFor || titleFor.kind === 'heading') {
            titleFor.text = inlineText(token);
            titleInline.set(titleFor, token);
          }
        }
        titleFor = undefined;
        const owner = container();
        if (frame && !frame.hasProse) frame.hasProse = hasProse(token);
        if (owner) for (const link of inlineLinks(token)) owner.links.push(link);
        for (const action of found ?? inlineActions(token, lines, scope())) {
          owner?.actions.push(action);
          actions.push(action);
        }
        if (tokens[i - 1]?.type === 'paragraph_open') {
          const text = inlineText(token);
          // what a speaker says may be a label: "Sarah: her action items"
          const said = frame?.speaker ? text.slice(minutes.speakerTag(text, people)?.length ?? 0) : text;
          // "Actions to do after this discussion:": the block after it lists action items
          if (!labelBlock && (introducesActions(said) || isActionLabel(said))) armed = tokens[i - 1].level;
          // "Attendees:", "People present (lines said)": the list after it is who was there
          if (attendeeList === undefined && minutes.isAttendeeLabel(text)) attendeesArmed = tokens[i - 1].level;
        }
        break;
      }
    }
  }
  while (headings.length) closeHeading(headings.pop()!, lines.lineCount - 1, lines);
  for (const topic of headingTopics) {
    const inline = titleInline.get(topic);
    topic.title = (inline && inlineTitle(inline)) || '(untitled heading)';
  }
  distinguishSiblings(topics);
  return { topics, actions };
}

/** Titles made distinct where siblings share one, by what a title's cut left out ("PTG: Forum sessions", not four "PTG"). */
const labelTitles = new WeakMap<Topic, string>();

/**
 * Siblings whose titles are alike because each was cut at its colon get the words after it too;
 * a topic given them in an earlier build whose siblings now differ gets its own title back.
 */
function distinguishSiblings(siblings: Topic[]): void {
  if (siblings.length < 2) {
    if (siblings.length) distinguishSiblings(siblings[0].children);
    if (siblings.length && labelTitles.has(siblings[0])) siblings[0].title = labelTitles.get(siblings[0])!;
    return;
  }
  let byTitle: Map<string, Topic[]> | undefined;
  for (const t of siblings) {
    const title = labelTitles.get(t) ?? t.title;
    if (t.children.length) distinguishSiblings(t.children);
    if (labelTitles.has(t)) t.title = title;
    byTitle ??= new Map();
    const alike = byTitle.get(title);
    if (alike) alike.push(t);
    else byTitle.set(title, [t]);
  }
  if (!byTitle || byTitle.size === siblings.length) return;
  for (const [title, alike] of byTitle) {
    if (alike.length < 2) continue;
    for (const t of alike) {
      const whole = labelledTitle(t.text, title);
      if (whole === title) continue;
      labelTitles.set(t, title);
      t.title = whole;
    }
  }
}

/**
 * The people the report names as such, lower case: its front matter's attendees ("Simon Dodsley
 * (simondodsley)" is both; an attendee "mark" makes "mark to review…" the person's), names in bold
 * that are no common word ("**rloo**", "**Mark Wood**"), and what minutes show of who was there:
 * the entries of an attendee list ("Rob Wu (Mozilla)" is "rob wu" and "rob"), the speakers of
 * remarks ("[devlin] …"; "Mara: …" said twice or more), a bot's stamps ("(rbasak, 21:38)"), and
 * capitalised words written as names within sentences, twice or more ("in Chrome", "and Mark").
 */
function reportPeople(
  tokens: readonly Token[],
  frontMatter: FrontMatter,
  mayBePerson: (text: string) => boolean,
  label: RegExp,
  minutes: MinutesModule,
): Set<string> {
  const people = new Set<string>();
  const add = (name: string) => {
    const n = name.trim().replace(/^@/, '').toLowerCase();
    if (n.length >= 2 && n.length <= 60 && !label.test(n)) people.add(n);
  };
  for (const a of attendeesOf(frontMatter)) {
    add(a.nick);
    if (a.name) add(a.name);
  }
  const said = new Map<string, number>();
  const inSentences = new Map<string, number>();
  let attendeeHeading: number | undefined;
  let armedAt: number | undefined; // after an "Attendees:" label, the level of the list it heads
  let listAt: number | undefined; // that list's level while it is open
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type === 'heading_open') {
      const level = Number(token.tag.slice(1));
      if (attendeeHeading !== undefined && level <= attendeeHeading) attendeeHeading = undefined;
      if (tokens[i + 1]?.type === 'inline' && minutes.isAttendeeLabel(inlineText(tokens[i + 1]))) attendeeHeading = level;
      armedAt = listAt = undefined;
      i++;
      continue;
    }
    if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') {
      if (listAt === undefined && armedAt !== undefined && token.level <= armedAt) listAt = token.level;
      armedAt = undefined;
    } else if ((token.type === 'bullet_list_close' || token.type === 'ordered_list_close') && token.level === listAt) listAt = undefined;
    const children = token.type === 'inline' ? token.children : null;
    if (!children) continue;
    const text = inlineText(token);
    if (attendeeHeading !== undefined || listAt !== undefined) for (const name of minutes.attendeeNames(text)) add(name);
    // "Attendees:", "People present (lines said)", "Steering Committee Attendees:": the list after it
    if (listAt === undefined && text.length < 400 && minutes.isAttendeeLabel(tokens[i - 1]?.type === 'paragraph_open' ? lastLabel(text) : text))
      armedAt = token.level;
    const facts = namesOf(token, minutes);
    for (const n of facts.bracket) if (minutes.isBracketSpeaker(n, people)) add(n);
    if (facts.named) said.set(facts.named, (said.get(facts.named) ?? 0) + 1);
    if (facts.stamp) add(facts.stamp);
    for (const w of facts.inSentences) inSentences.set(w, (inSentences.get(w) ?? 0) + 1);
    for (let j = 0; j + 2 < children.length; j++) {
      if (children[j].type !== 'strong_open' || children[j + 1].type !== 'text' || children[j + 2].type !== 'strong_close') continue;
      const bold = children[j + 1].content.trim();
      if (mayBePerson(bold)) add(bold);
    }
  }
  // "JoshG:", "Eric Holk:" twice or more, someone by the owners' rules ("Proposal:" is a word)
  for (const [name, n] of said)
    if (n >= 2 && !people.has(name.toLowerCase()) && (minutes.isSpeaker(name, people) || minutes.isBracketSpeaker(name, people))) add(name);
  for (const [name, n] of inSentences) if (n >= 2) add(name);
  return people;
}

/** What an inline's text says of people, whatever its place. */
interface TextNames {
  /** "[devlin] …", "[Jordan/Bob] …": the names of a speaker's tag. */
  bracket: readonly string[];
  /** "Mara: …": a name before a colon (a label's word too: "Kuryr: …"). */
  named?: string;
  /** A bot's stamp's nick. */
  stamp?: string;
  /** Capitalised words written within sentences. */
  inSentences: readonly string[];
}

const NO_WORDS: readonly string[] = [];
const NO_NAMES: TextNames = { bracket: NO_WORDS, inSentences: NO_WORDS };

function namesOf(token: Token, minutes: MinutesModule): TextNames {
  return inlineNames(token, (text): TextNames => {
    const bracket = text.trimStart().startsWith('[') ? /^\s*\[([^\][\n]{2,40})\]\s/.exec(text) : null;
    const named = /^\s*([A-Za-z][\w'’-]*(?: [A-Z][\w'’-]*)?):(?:\s|$)/.exec(text);
    const stamp = text.endsWith(')') ? minutes.BOT_STAMP.exec(text) : null;
    const inSentences: string[] = [];
    NAME_IN_SENTENCE.lastIndex = 0;
    // only words that would not be someone by themselves ("Chrome", "Mark"): a name that is no word already is
    for (let m = NAME_IN_SENTENCE.exec(text); m; m = NAME_IN_SENTENCE.exec(text)) if (minutes.mayNameSomeone(m[1])) inSentences.push(m[1]);
    // most texts say nothing of anyone: one shared answer for them
    return bracket || named || stamp || inSentences.length
      ? {
          bracket: bracket ? bracket[1].split(/\s*(?:\/|,|&)\s*/) : NO_WORDS,
          named: named?.[1],
          stamp: stamp?.[1],
          inSentences: inSentences.length ? inSentences : NO_WORDS,
        }
      : NO_NAMES;
  });
}

/** "in Chrome", "and Mark": a capitalised word (not all capitals) after a lower-case word and a space. */
const NAME_IN_SENTENCE = /[a-z,] ([A-Z][a-z]{2,})\b(?![.-]\w)/g;

/** A paragraph's last words after its last sentence: "… who was here. Roll call:" is "Roll call:". */
function lastLabel(text: string): string {
  return /(?:^|[.!?]\s+)([^.!?]*)$/.exec(text.trim())?.[1] ?? text;
}

/** A finished list at its own size: a report keeps thousands of short lists (docs/performance.md). */
function fitted<T>(list: T[]): T[] {
  return list.length ? list.slice() : list;
}

function newTopic(kind: Topic['kind'], level: number, line: number, lines: LineIndex): Topic {
  const range = lines.linesRange(line, line);
  return { kind, title: '', text: '', level, range, selectionRange: range, children: [], links: [], actions: [] };
}

/** A heading's section runs to the line before the next heading of its level or above. */
function closeHeading(topic: Topic, lastLine: number, lines: LineIndex): void {
  let last = Math.max(lastLine, topic.range.start.line);
  while (last > topic.range.start.line && lines.isBlank(last)) last--;
  topic.range = sharedStart(lines.linesRange(topic.range.start.line, last), topic.selectionRange);
}

/**
 * A topic's block starts where its title line does: one Position object for both (ranges are never
 * changed in place), and the range itself when it is that one line. A 2000-topic draft keeps ~12,000
 * fewer objects.
 */
function sharedStart(range: Range, title: Range): Range {
  if (range.start.line !== title.start.line || range.start.character !== title.start.character) return range;
  if (range.end.line === title.end.line && range.end.character === title.end.character) return title;
  return { start: title.start, end: range.end };
}

function trimmedRange(map: [number, number], lines: LineIndex): Range {
  let last = Math.max(map[0], map[1] - 1);
  while (last > map[0] && lines.isBlank(last)) last--;
  return lines.linesRange(map[0], last);
}

function readFrontMatter(report: Report, token: Token, lines: LineIndex, problems: DocumentProblem[]): void {
  if (!token.map) return;
  report.frontMatterRange = lines.linesRange(token.map[0], Math.max(token.map[0], token.map[1] - 1));
  const unclosed = checkFrontMatter(token, lines);
  if (unclosed) {
    problems.push(unclosed);
    return;
  }
  const yamlRange = lines.linesRange(token.map[0], token.map[0]);
  const reading = yaml().readYaml(frontMatterYaml(token));
  if ('reason' in reading) {
    // js-yaml says where: the line within the front matter, after its opening `---`
    const at = reading.line !== undefined ? token.map[0] + 1 + reading.line : token.map[0];
    const line = Math.min(at, token.map[1] - 1);
    problems.push(frontMatterProblem(lines.linesRange(line, line), `The front matter is not valid YAML: ${reading.reason}.`));
    return;
  }
  const { data } = reading;
  if (data === null || data === undefined) return;
  if (typeof data !== 'object' || Array.isArray(data)) {
    problems.push(frontMatterProblem(yamlRange, 'The front matter should be keys and values (subject:, to:, cc:), not a single value or a list.'));
    return;
  }
  report.frontMatter = data as FrontMatter;
  const lineBreaks = (data as FrontMatter)[LINE_BREAKS_KEY];
  if (lineBreaks !== undefined && !isLineBreaks(lineBreaks)) {
    // the key's own line, so that the writer sees which value is not understood
    const at = frontMatterYaml(token)
      .split('\n')
      .findIndex((l) => l.startsWith(`${LINE_BREAKS_KEY}:`));
    const line = at === -1 ? token.map[0] : token.map[0] + 1 + at;
    problems.push(
      frontMatterProblem(
        lines.linesRange(line, line),
        `"${LINE_BREAKS_KEY}: ${String(lineBreaks)}" is not one Midcycle knows: use ${LINE_BREAKS.join(', ')}. The email's line breaks follow the setting (auto by default).`,
      ),
    );
  }
  problems.push(...headerLineBreaks(report.frontMatter, lines, token.map[0], token.map[1]));
}

function diagnostics(links: readonly Link[], documentProblems: readonly DocumentProblem[], severities: SeveritySettings): Diagnostic[] {
  const out: Diagnostic[] = [];
  const push = (d: Diagnostic | undefined) => d && out.push(d);
  for (let i = 0; i < links.length; i++) {
    const link = links[i];
    if (link.problem) push(diagnosticOf({ ...link.problem, range: link.range }, severities));
  }
  for (const p of documentProblems) push(diagnosticOf(p, severities));
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
