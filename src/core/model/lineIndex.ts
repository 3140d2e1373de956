// Offsets to line/character positions over one text, computed once per parse. Lines end at
// \r\n, \n or a lone \r, as markdown-it and VS Code count them.
import type { Position, Range } from './basics';

export class LineIndex {
  /** Offset of the first character of each line. */
  readonly starts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    if (text.indexOf('\r') === -1) {
      // the common case, and the faster scan
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      const eol = /\r\n?|\n/g;
      for (let m = eol.exec(text); m; m = eol.exec(text)) starts.push(m.index + m[0].length);
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** The line's text without its line end. */
  lineText(line: number): string {
    const start = this.starts[line];
    if (start === undefined) return '';
    const next = this.starts[line + 1];
    let end = next === undefined ? this.text.length : next;
    if (end > start && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return this.text.slice(start, end);
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: clamped - this.starts[lo] };
  }

  rangeAt(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /**
   * rangeAt for offsets at or after the start of `line`, found by walking on from there: links are
   * located block by block in document order, a line or two from where the last one stood.
   */
  rangeFrom(line: number, start: number, end: number): Range {
    const startLine = this.lineFrom(line, start);
    const endLine = this.lineFrom(startLine, end);
    return { start: { line: startLine, character: start - this.starts[startLine] }, end: { line: endLine, character: end - this.starts[endLine] } };
  }

  /** The line of `offset`, walking on from `line` (a few steps), else by bisection. */
  lineFrom(line: number, offset: number): number {
    const starts = this.starts;
    if (!(starts[line] <= offset) || offset > this.text.length) return this.positionAt(offset).line;
    let l = line;
    for (let steps = 0; steps < 16; steps++) {
      const next = starts[l + 1];
      if (next === undefined || next > offset) return l;
      l++;
    }
    return this.positionAt(offset).line;
  }

  /** The line's length without its line end, without making a string of it. */
  lineLength(line: number): number {
    const start = this.starts[line];
    if (start === undefined) return 0;
    const next = this.starts[line + 1];
    let end = next === undefined ? this.text.length : next;
    if (end > start && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return end - start;
  }

  /** True for a line of nothing but spaces and tabs. */
  isBlank(line: number): boolean {
    const start = this.starts[line];
    if (start === undefined) return true;
    const end = start + this.lineLength(line);
    for (let i = start; i < end; i++) {
      const c = this.text.charCodeAt(i);
      if (c !== 32 && c !== 9) return false;
    }
    return true;
  }

  offsetAt(position: Position): number {
    const start = this.starts[Math.max(0, Math.min(position.line, this.starts.length - 1))];
    return start + position.character;
  }

  /** The range of whole lines [first, last], to the end of the last one. */
  linesRange(first: number, last: number): Range {
    return { start: { line: first, character: 0 }, end: { line: last, character: this.lineLength(last) } };
  }
}
