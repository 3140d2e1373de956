// The model's smallest parts, which the rules and the line index share with it: positions and
// ranges (0-based lines and UTF-16 columns, as in VS Code and markdown-it), edits and diagnostics.
// A leaf: it imports nothing, so that nothing that uses it imports the rest of the model.

export interface Position {
  line: number;
  /** UTF-16 code units from the start of the line. */
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'info';

/** A text edit, as data: replace `range` with `text`. */
export interface TextEdit {
  range: Range;
  text: string;
}

export interface Diagnostic {
  range: Range;
  severity: Severity;
  /** Stable rule code, e.g. `bug-plural`; see README "Rules". */
  code: string;
  message: string;
  /** The edit that makes the intended text, when it is clear. */
  fix?: TextEdit;
}
