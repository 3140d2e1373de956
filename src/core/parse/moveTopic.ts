// Reordering topics: the whole block of a topic (its sub-items, or its heading's section) moves
// before or after another, re-indented to its new level, as one edit (so one undo).
import { LineIndex } from '../model/lineIndex';
import type { TextEdit, Topic } from '../model/model';

export type DropPosition = 'before' | 'after';

/**
 * The edit that moves `source` before or after `target`, or undefined when the move means nothing
 * (onto itself, into its own sub-topics, a heading among list items).
 */
export function moveTopicEdit(text: string, source: Topic, target: Topic, where: DropPosition = 'before'): TextEdit | undefined {
  if (source === target || source.kind !== target.kind) return undefined;
  const [s0, s1] = [source.range.start.line, source.range.end.line];
  const [t0, t1] = [target.range.start.line, target.range.end.line];
  if (t0 >= s0 && t0 <= s1) return undefined; // target inside the source's own block
  const at = where === 'before' ? t0 : t1 + 1;

  const lines = new LineIndex(text);
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const all: string[] = [];
  for (let l = 0; l < lines.lineCount; l++) all.push(lines.lineText(l));

  const shift = indentOf(all[t0]) - indentOf(all[s0]);
  if ((at === s0 || at === s1 + 1) && shift === 0) return undefined; // already there
  const block = all.slice(s0, s1 + 1).map((l) => reindent(l, shift));
  const from = Math.min(s0, at);
  const to = Math.max(s1 + 1, at); // exclusive
  const middle = at < s0 ? all.slice(at, s0) : all.slice(s1 + 1, at);
  const replaced = at < s0 ? [...block, ...middle] : [...middle, ...block];

  if (to < lines.lineCount) {
    return { range: { start: { line: from, character: 0 }, end: { line: to, character: 0 } }, text: replaced.map((l) => l + eol).join('') };
  }
  // the span reaches the last line: no line end after it
  const last = lines.lineCount - 1;
  return { range: { start: { line: from, character: 0 }, end: { line: last, character: all[last].length } }, text: replaced.join(eol) };
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

function reindent(line: string, shift: number): string {
  if (shift === 0 || !line.trim()) return line;
  if (shift > 0) return ' '.repeat(shift) + line;
  const remove = Math.min(-shift, indentOf(line));
  return line.slice(remove);
}
