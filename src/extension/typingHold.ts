// Diagnostics that wait while a line is typed: a half-typed link (or fence) is not an error yet.
// The new diagnostics of a line edited less than HOLD_MS ago are held back until the writer pauses;
// those already shown there stay (with their new range and words), and those that are gone go at
// once, so that a fix is seen at once. Other lines' diagnostics are never held. Pure: the clock and
// the edits are handed in (diagnosticsSupport.ts).
import type { Diagnostic } from '../core';

/** How long after the last keystroke on a line its new diagnostics wait. */
export const HOLD_MS = 800;

/** An edit as lines: the lines it replaced (start to oldEnd) and the lines its text now fills (start to newEnd). */
export interface LineEdit {
  start: number;
  oldEnd: number;
  newEnd: number;
}

interface DocumentState {
  /** Line → when it was last edited. */
  edited: Map<number, number>;
  /** `code@line` of the diagnostics last shown. */
  shown: Set<string>;
}

const key = (d: Diagnostic) => `${d.code}@${d.range.start.line}`;

export class TypingHold {
  private readonly documents = new Map<string, DocumentState>();

  /** Records an edit of a document at `now`, moving what it knows of the lines after it. */
  edit(document: string, { start, oldEnd, newEnd }: LineEdit, now: number): void {
    const state = this.state(document);
    const delta = newEnd - oldEnd;
    const move = (line: number) => (line > oldEnd ? line + delta : line < start ? line : undefined);
    const edited = new Map<number, number>();
    for (const [line, at] of state.edited) {
      const moved = move(line);
      if (moved !== undefined && now - at < HOLD_MS) edited.set(moved, at);
    }
    for (let line = start; line <= newEnd; line++) edited.set(line, now);
    state.edited = edited;
    const shown = new Set<string>();
    for (const k of state.shown) {
      const at = k.lastIndexOf('@');
      const line = Number(k.slice(at + 1));
      // a diagnostic shown on a line the edit touched stays shown while it is there
      const moved = line >= start && line <= oldEnd ? Math.min(line, newEnd) : move(line);
      if (moved !== undefined) shown.add(`${k.slice(0, at)}@${moved}`);
    }
    state.shown = shown;
  }

  /**
   * What to show of `diagnostics` at `now`, and in how many ms to ask again when some are held.
   * Remembers what it returns as shown.
   */
  filter(document: string, diagnostics: readonly Diagnostic[], now: number): { show: Diagnostic[]; recheckIn?: number } {
    const state = this.state(document);
    let recheckIn: number | undefined;
    const show = diagnostics.filter((d) => {
      const at = state.edited.get(d.range.start.line);
      if (at === undefined || now - at >= HOLD_MS || state.shown.has(key(d))) return true;
      recheckIn = Math.min(recheckIn ?? HOLD_MS, at + HOLD_MS - now);
      return false;
    });
    state.shown = new Set(show.map(key));
    return { show, recheckIn };
  }

  forget(document: string): void {
    this.documents.delete(document);
  }

  private state(document: string): DocumentState {
    let state = this.documents.get(document);
    if (!state) this.documents.set(document, (state = { edited: new Map(), shown: new Set() }));
    return state;
  }
}
