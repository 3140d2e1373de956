// Rules about the document's Markdown rather than its links: ways Markdown can swallow a report.
// The reference email's separator, a line of tildes, opens a code fence in Markdown that runs to the
// end of the file, hiding every topic after it. A fence being typed is none of that: one with nothing
// after it hides nothing, and one over lines that are no report's (code, in a README) is a code block
// not closed yet, never a separator.
import type { Token } from '../model/markdownTypes';
import type { LineIndex } from '../model/lineIndex';
import type { Range } from '../model/model';
import type { RuleProblem } from './ruleSeverity';
import { LIST_MARKER } from '../model/listMarker';

const LIST_ITEM_LINE = new RegExp(String.raw`^${LIST_MARKER}\s+\S`);

/** A problem of the draft's Markdown or front matter, before its severity is applied (ruleSeverity.ts). */
export type DocumentProblem = RuleProblem;

export interface FenceFindings {
  problems: DocumentProblem[];
  /** Lines whose fence marker Midcycle reads as a text separator (escaped before the next parse). */
  separatorLines: number[];
}

/** Looks at the fences among `tokens` (a parse's tokens, or only its fences). */
export function checkFences(tokens: readonly Token[], lines: LineIndex): FenceFindings {
  const problems: DocumentProblem[] = [];
  const separatorLines: number[] = [];
  // indexed loops over the token stream (docs/performance.md)
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type !== 'fence' || !t.map) continue;
    const [first, end] = t.map;
    const markerLine = lines.lineText(first);
    const indent = markerLine.length - markerLine.trimStart().length;
    const marker = t.markup;
    const closed = end - 1 > first && isClosingFence(lines.lineText(end - 1), marker);
    const info = t.info.trim();
    if (!closed && onlyBlankFrom(end, lines)) {
      // at the end, hiding nothing (yet): nothing to say; one with no language is still read as the
      // text it is (a closing separator line stays in the email)
      if (!t.content.trim()) {
        if (!info) separatorLines.push(first);
        continue;
      }
      const hidden = end - first - 1;
      const items = countTopLevelItems(t.content);
      if (!info && looksLikeReport(t.content)) {
        separatorLines.push(first);
        problems.push({
          code: 'separator-opens-code-block',
          range: { start: { line: first, character: indent }, end: { line: first, character: markerLine.length } },
          message:
            `This line of "${marker[0]}" opens a Markdown code block that runs to the end of the file: in a Markdown preview it hides ` +
            `the ${hidden} line${hidden === 1 ? '' : 's'} after it${items ? ` (${items} topic${items === 1 ? '' : 's'})` : ''}. ` +
            `Midcycle reads it as a separator line; write it as "\\${marker}" so that it stays one everywhere.`,
          fix: { range: { start: { line: first, character: indent }, end: { line: first, character: indent } }, text: '\\' },
        });
      } else {
        const last = lines.lineCount - 1;
        problems.push({
          code: 'code-block-unclosed',
          range: { start: { line: first, character: indent }, end: { line: first, character: markerLine.length } },
          message: `This ${info ? `"${info}" ` : ''}code block is never closed, so the ${hidden} line${hidden === 1 ? '' : 's'} after it ${hidden === 1 ? 'is' : 'are'} code. Close it with "${marker}".`,
          fix: {
            range: { start: { line: last, character: lines.lineText(last).length }, end: { line: last, character: lines.lineText(last).length } },
            text: `\n${marker}`,
          },
        });
      }
      continue;
    }
    if (closed && !info && marker[0] === '~' && looksLikeReport(t.content)) {
      const closing = lines.lineText(end - 1);
      const closingIndent = closing.length - closing.trimStart().length;
      const block: string[] = [];
      for (let l = first; l < end; l++) block.push(lines.lineText(l));
      block[0] = `${markerLine.slice(0, indent)}\\${markerLine.slice(indent)}`;
      block[block.length - 1] = `${closing.slice(0, closingIndent)}\\${closing.slice(closingIndent)}`;
      problems.push({
        code: 'separator-pair',
        range: { start: { line: first, character: indent }, end: { line: first, character: markerLine.length } },
        message:
          `These two lines of "~" (lines ${first + 1} and ${end}) make the ${end - first - 2} lines between them a code block, ` +
          `so their topics and links are not read. Escape both as "\\${marker}" to keep them as separators.`,
        fix: { range: lines.linesRange(first, end - 1), text: block.join('\n') },
      });
    }
  }
  return { problems, separatorLines };
}

/** True when nothing but blank lines follows: markdown-it does not count the line after a final newline. */
function onlyBlankFrom(line: number, lines: LineIndex): boolean {
  for (let l = line; l < lines.lineCount; l++) if (lines.lineText(l).trim()) return false;
  return true;
}

/** Whether a fence's last line closes it (after the quote markers and indentation of the quote or list item it is in). */
function isClosingFence(line: string, marker: string): boolean {
  const m = /^(?:[ \t]*>)*[ \t]*(`{3,}|~{3,})\s*$/.exec(line);
  return !!m && m[1][0] === marker[0] && m[1].length >= marker.length;
}

function countTopLevelItems(content: string): number {
  return content.split('\n').filter((l) => LIST_ITEM_LINE.test(l)).length;
}

function looksLikeReport(content: string): boolean {
  return countTopLevelItems(content) > 0 || /https?:\/\//.test(content);
}

/** Front matter opened and never closed: markdown-it-front-matter takes the whole file. */
export function checkFrontMatter(token: Token, lines: LineIndex): DocumentProblem | undefined {
  const [first, end] = token.map ?? [0, 0];
  const last = lines.lineText(end - 1).trim();
  if (end - 1 > first && /^(-{3,}|\.\.\.)$/.test(last)) return undefined;
  return {
    code: 'front-matter-unclosed',
    range: { start: { line: first, character: 0 }, end: { line: first, character: lines.lineText(first).length } },
    message:
      'The front matter opened by "---" is never closed, so the whole draft is read as front matter. Close it with a "---" line after the subject, to and cc.',
  };
}

export function frontMatterProblem(range: Range, message: string): DocumentProblem {
  return { code: 'front-matter-invalid', range, message };
}
