// One parse of a Markdown draft into a Report: front matter, topics, links, action items and
// diagnostics, from markdown-it's token stream. Every feature (outline, tree, diagnostics, export)
// reads this one Report.
import { parse as parseYaml } from 'yaml';
import { findActionItems } from './actionItems';
import { checkFences, checkFrontMatter, frontMatterProblem, type DocumentProblem } from './documentRules';
import { DEFAULT_LINK_HOSTS, type LinkHosts } from './linkHosts';
import { inlineLinks, type LinkEnv } from './linkPlugin';
import { LineIndex } from './lineIndex';
import { createMarkdown } from './markdown';
import type { Token } from './markdownTypes';
import type { ActionItem, Diagnostic, FrontMatter, Link, Range, Report, Severity, Topic } from './model';
import { linkLabel } from './linkLabel';
import { topicTitle } from './topicTitle';

export type SeveritySetting = Severity | 'off';

export interface ReportOptions {
  hosts?: LinkHosts;
  /** Per rule code: a severity, or 'off'. Rules not named keep their default. */
  severities?: Readonly<Record<string, SeveritySetting>>;
}

/** Separator lines escaped at most this many times before giving up on recovery. */
const MAX_RECOVERIES = 16;

export function parseReport(input: string, options: ReportOptions = {}): Report {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const hosts = options.hosts ?? DEFAULT_LINK_HOSTS;
  const md = createMarkdown();

  // A separator fence that runs to the end of the file is read as the text the writer meant: the
  // line is escaped and the text parsed again (same lines; only that line's columns shift by one).
  // markdown-it's own normalisation, done first so that recovery edits the text it parses
  let source = text.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD');
  let env: { midcycle: LinkEnv };
  let tokens: Token[];
  const documentProblems: DocumentProblem[] = [];
  for (let attempt = 0; ; attempt++) {
    env = { midcycle: { hosts, links: [] } };
    tokens = md.parse(source, env);
    const fences = checkFences(tokens, env.midcycle.lines!);
    documentProblems.push(...fences.problems.filter((p) => !documentProblems.some((q) => q.code === p.code && q.range.start.line === p.range.start.line)));
    if (fences.separatorLines.length === 0 || attempt >= MAX_RECOVERIES) break;
    source = escapeLines(source, env.midcycle.lines!, fences.separatorLines);
  }
  const lines = env.midcycle.lines!;

  const report: Report = {
    text,
    lineCount: lines.lineCount,
    frontMatter: {},
    topics: [],
    links: env.midcycle.links,
    actions: [],
    diagnostics: [],
    tokens,
  };
  buildTopics(report, tokens, lines, documentProblems);
  report.diagnostics = diagnostics(report.links, documentProblems, options.severities ?? {});
  return report;
}

function escapeLines(source: string, lines: LineIndex, which: number[]): string {
  let out = source;
  // from the last, so that earlier offsets stay valid
  for (const line of [...which].sort((a, b) => b - a)) {
    const text = lines.lineText(line);
    const at = lines.starts[line] + (text.length - text.trimStart().length);
    out = `${out.slice(0, at)}\\${out.slice(at)}`;
  }
  return out;
}

interface ItemFrame {
  topic: Topic | undefined;
  parent: Topic | undefined;
  hasProse: boolean;
}

function buildTopics(report: Report, tokens: Token[], lines: LineIndex, problems: DocumentProblem[]): void {
  const headings: Topic[] = [];
  const items: ItemFrame[] = [];
  let quoteDepth = 0;
  let titleFor: Topic | undefined;

  const container = (): Topic | undefined => {
    for (let i = items.length - 1; i >= 0; i--) if (items[i].topic) return items[i].topic;
    return headings[headings.length - 1];
  };
  const attach = (parent: Topic | undefined, topic: Topic) => (parent ? parent.children : report.topics).push(topic);

  for (const token of tokens) {
    switch (token.type) {
      case 'front_matter':
        readFrontMatter(report, token, lines, problems);
        break;
      case 'blockquote_open':
        quoteDepth++;
        break;
      case 'blockquote_close':
        quoteDepth--;
        break;
      case 'heading_open': {
        if (items.length || quoteDepth || !token.map) break;
        const level = Number(token.tag.slice(1));
        while (headings.length && headings[headings.length - 1].level >= level) closeHeading(headings.pop()!, token.map[0] - 1, lines);
        const topic = newTopic('heading', level, token.map[0], lines);
        attach(headings[headings.length - 1], topic);
        headings.push(topic);
        titleFor = topic;
        break;
      }
      case 'list_item_open': {
        if (!token.map) break;
        const parent = container();
        if (quoteDepth) {
          items.push({ topic: undefined, parent, hasProse: true });
          break;
        }
        const topic = newTopic('item', items.filter((f) => f.topic).length, token.map[0], lines);
        topic.range = trimmedRange(token.map, lines);
        items.push({ topic, parent, hasProse: false });
        titleFor = topic;
        break;
      }
      case 'list_item_close': {
        const frame = items.pop();
        if (!frame?.topic) break;
        const { topic, parent } = frame;
        // an item that is nothing but a link belongs to the topic above it, as one of its links
        if (!frame.hasProse && topic.children.length === 0 && parent) {
          parent.links.push(...topic.links);
          parent.actions.push(...topic.actions);
        } else {
          if (!topic.title) topic.title = topic.links[0] ? linkLabel(topic.links[0]) : '(empty item)';
          attach(parent, topic);
        }
        break;
      }
      case 'inline': {
        if (!token.map) break;
        const text = plainText(token);
        const links = inlineLinks(token);
        const owner = container();
        if (titleFor && !titleFor.title) {
          titleFor.text = text;
          titleFor.title = topicTitle(readableText(text, links)) || (titleFor.kind === 'heading' ? '(untitled heading)' : '');
        }
        titleFor = undefined;
        const frame = items[items.length - 1];
        if (frame && !frame.hasProse) frame.hasProse = hasProse(text, links);
        owner?.links.push(...links);
        for (const found of findActionItems(text)) {
          const action: ActionItem = { owner: found.owner, text: found.text, range: locate(text, found.offset, found.length, token.map[0], lines) };
          owner?.actions.push(action);
          report.actions.push(action);
        }
        break;
      }
    }
  }
  while (headings.length) closeHeading(headings.pop()!, lines.lineCount - 1, lines);
}

function newTopic(kind: Topic['kind'], level: number, line: number, lines: LineIndex): Topic {
  const range = lines.linesRange(line, line);
  return { kind, title: '', text: '', level, range, selectionRange: range, children: [], links: [], actions: [] };
}

/** A heading's section runs to the line before the next heading of its level or above. */
function closeHeading(topic: Topic, lastLine: number, lines: LineIndex): void {
  let last = Math.max(lastLine, topic.range.start.line);
  while (last > topic.range.start.line && !lines.lineText(last).trim()) last--;
  topic.range = lines.linesRange(topic.range.start.line, last);
}

function trimmedRange(map: [number, number], lines: LineIndex): Range {
  let last = Math.max(map[0], map[1] - 1);
  while (last > map[0] && !lines.lineText(last).trim()) last--;
  return lines.linesRange(map[0], last);
}

/** The inline content as a reader sees it: text, code and link text; line breaks kept. */
export function plainText(inline: Token): string {
  let out = '';
  for (const child of inline.children ?? []) {
    switch (child.type) {
      case 'text':
      case 'code_inline':
      case 'html_inline':
        out += child.content;
        break;
      case 'softbreak':
      case 'hardbreak':
        out += '\n';
        break;
      case 'image':
        out += child.content;
        break;
    }
  }
  return out;
}

/** Text for a title: a link's short name in place of its URL, a broken `[text](url)` as its text. */
function readableText(text: string, links: readonly Link[]): string {
  let out = text;
  for (const link of links) {
    const at = out.indexOf(link.raw);
    if (at === -1) continue;
    // `[text](url…)` that Markdown left as text (a destination broken by a space): the text
    const open = out.lastIndexOf('](', at);
    if (open !== -1 && open >= at - 3 && /^\]\(<?$/.test(out.slice(open, at))) {
      const start = out.lastIndexOf('[', open);
      const close = out.indexOf(')', at + link.raw.length);
      if (start !== -1 && close !== -1) {
        out = out.slice(0, start) + out.slice(start + 1, open) + out.slice(close + 1);
        continue;
      }
    }
    out = out.slice(0, at) + linkLabel(link) + out.slice(at + link.raw.length);
  }
  return out;
}

function hasProse(text: string, links: readonly Link[]): boolean {
  let rest = text;
  for (const link of links) rest = rest.split(link.raw).join(' ');
  rest = rest.replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, ' ');
  return /[\p{L}\p{N}]/u.test(rest);
}

/** The source range of a stretch of an inline's plain text, found line by line in the source. */
function locate(text: string, offset: number, length: number, firstLine: number, lines: LineIndex): Range {
  const before = text.slice(0, offset);
  const startLine = firstLine + countNewlines(before);
  const startCol = before.length - before.lastIndexOf('\n') - 1;
  const body = text.slice(offset, offset + length);
  const endLine = startLine + countNewlines(body);
  const lastPart = body.slice(body.lastIndexOf('\n') + 1);
  const startText = lines.lineText(startLine);
  // the plain text lacks markup and indentation: find the words themselves in the source line
  const firstWord = body.split(/\s/)[0];
  const foundStart = startText.indexOf(firstWord);
  const start = foundStart >= 0 ? foundStart : Math.min(startCol, startText.length);
  const endText = lines.lineText(endLine);
  const foundEnd = endText.indexOf(lastPart, endLine === startLine ? start : 0);
  const end = foundEnd >= 0 ? foundEnd + lastPart.length : endText.length;
  return { start: { line: startLine, character: start }, end: { line: endLine, character: Math.max(end, endLine === startLine ? start : 0) } };
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
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
  let data: unknown;
  try {
    data = parseYaml(String(token.meta ?? ''), { prettyErrors: false });
  } catch (e) {
    problems.push(frontMatterProblem(yamlRange, `The front matter is not valid YAML: ${(e as Error).message.split('\n')[0]}`));
    return;
  }
  if (data === null || data === undefined) return;
  if (typeof data !== 'object' || Array.isArray(data)) {
    problems.push(frontMatterProblem(yamlRange, 'The front matter should be keys and values (subject:, to:, cc:), not a single value or a list.'));
    return;
  }
  report.frontMatter = data as FrontMatter;
}

function diagnostics(links: readonly Link[], documentProblems: readonly DocumentProblem[], severities: Readonly<Record<string, SeveritySetting>>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const push = (d: Diagnostic) => {
    const setting = severities[d.code];
    if (setting === 'off') return;
    out.push(setting ? { ...d, severity: setting } : d);
  };
  for (const link of links) {
    if (!link.problem) continue;
    const d: Diagnostic = { range: link.range, severity: 'error', code: link.problem.code, message: link.problem.message };
    if (link.problem.fix) d.fix = link.problem.fix;
    push(d);
  }
  for (const p of documentProblems) {
    const d: Diagnostic = { range: p.range, severity: p.severity, code: p.code, message: p.message };
    if (p.fix) d.fix = p.fix;
    push(d);
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
