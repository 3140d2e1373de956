// The one engine that applies fixes, which are data ({ range, text }): by the CLI's --fix and the
// extension's "fix all". Edits are applied from the end; one that overlaps another is left out.
import { LineIndex } from './lineIndex';
import type { TextEdit } from './model';

export interface AppliedFixes {
  text: string;
  applied: number;
  skipped: number;
}

export function applyFixes(text: string, edits: readonly TextEdit[]): AppliedFixes {
  const lines = new LineIndex(text);
  const spans = edits
    .map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), text: e.text }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: typeof spans = [];
  let skipped = 0;
  for (const s of spans) {
    const prev = kept[kept.length - 1];
    if (prev && s.start < prev.end) skipped++;
    else kept.push(s);
  }
  let out = text;
  for (let i = kept.length - 1; i >= 0; i--) out = out.slice(0, kept[i].start) + kept[i].text + out.slice(kept[i].end);
  return { text: out, applied: kept.length, skipped };
}
