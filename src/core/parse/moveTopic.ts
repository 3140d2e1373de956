// Reordering topics: the whole block of a topic (its sub-items, or its heading's section) moves
// before or after another, re-indented to its new level, as one edit (so one undo).
import { LineIndex } from '../model/lineIndex';
import { LIST_MARKER } from '../model/listMarker';
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
  const lines = new LineIndex(text);
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const all: string[] = [];
  for (let l = 0; l < lines.lineCount; l++) all.push(lines.lineText(l));
  // the lines of the draft, the empty "line" after a final line end left out
  const end = lines.lineCount - (/\r?\n$/.test(text) ? 1 : 0);
  // the blank lines between a block and the next of its kind (a heading; an item at its indentation):
  // after the last item of a list they are the list's, not the item's
  const sibling = (first: number) => (source.kind === 'heading' ? /^#{1,6}(\s|$)/ : new RegExp(`^ {${indentOf(all[first])}}${LIST_MARKER}(\\s|$)`));
  /** The blank lines after a block, and whether the next of its kind follows them. */
  const after = (first: number, line: number) => {
    let n = 0;
    while (line + 1 + n < end && !all[line + 1 + n].trim()) n++;
    const followed = line + 1 + n < end && sibling(first).test(all[line + 1 + n]);
    return { blanks: followed ? n : 0, followed };
  };
  // a block moves with the blank lines after it, so that sections and loose items stay apart where
  // they go and no double blank line is left where they were; a block that had none (the last one)
  // takes its new neighbour's spacing, and the blank lines before it go with it
  const sa = after(s0, s1);
  const [sb, tb] = [sa.blanks, after(t0, t1).blanks];
  const gap = sb || tb;
  let r0 = s0;
  const r1 = s1 + sb;
  // the last of its kind (of the draft, or of a loose list or its sections) leaves with the blank
  // lines before it: those were between it and the one before
  if (sb === 0 && !sa.followed && (r1 === end - 1 || gap > 0)) while (r0 > 0 && !all[r0 - 1].trim()) r0--;
  const at = where === 'before' ? t0 : t1 + 1 + tb;

  const shift = indentOf(all[t0]) - indentOf(all[s0]);
  if (at >= r0 && at <= r1 + 1 && shift === 0) return undefined; // already there
  const body = all.slice(s0, s1 + 1).map((l) => reindent(l, shift));
  const blanks: string[] = Array.from({ length: gap }, () => '');
  // after a last target with no blank line after it: the blank lines go between it and the block
  const block = where === 'after' && tb === 0 && at === end ? [...blanks, ...body] : [...body, ...blanks];
  const from = Math.min(r0, at);
  const to = Math.max(r1 + 1, at); // exclusive
  const middle = at < r0 ? all.slice(at, r0) : all.slice(r1 + 1, at);
  const replaced = at < r0 ? [...block, ...middle] : [...middle, ...block];

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
