// The one engine that applies fixes, which are data ({ range, text }): by the CLI's --fix and the
// extension's "fix all". Edits are applied from the end; one that overlaps another is left out.
import { LineIndex } from '../model/lineIndex';
import type { TextEdit } from '../model/model';

export interface AppliedFixes {
  text: string;
  applied: number;
  skipped: number;
}

export function applyFixes(text: string, edits: readonly TextEdit[]): AppliedFixes {
  const lines = new LineIndex(text);
  const kept = nonOverlapping(edits);
  let out = text;
  for (let i = kept.length - 1; i >= 0; i--) {
    out = out.slice(0, lines.offsetAt(kept[i].range.start)) + kept[i].text + out.slice(lines.offsetAt(kept[i].range.end));
  }
  return { text: out, applied: kept.length, skipped: edits.length - kept.length };
}

/** The edits in document order, leaving out any that overlaps one before it: what "fix all" applies. */
export function nonOverlapping(edits: readonly TextEdit[]): TextEdit[] {
  const before = (a: TextEdit['range']['start'], b: TextEdit['range']['start']) => a.line < b.line || (a.line === b.line && a.character < b.character);
  const sorted = [...edits].sort((a, b) => (before(a.range.start, b.range.start) ? -1 : before(b.range.start, a.range.start) ? 1 : 0));
  const kept: TextEdit[] = [];
  for (const e of sorted) {
    const prev = kept[kept.length - 1];
    if (!prev || !before(e.range.start, prev.range.end)) kept.push(e);
  }
  return kept;
}
