// Quick fixes as data: one per diagnostic that has a fix, and "fix all" over a report. The
// CodeActionProvider only wraps these in CodeActions; the edits come from the core's fixes.
import * as l10n from '@vscode/l10n';
import { nonOverlapping, type Diagnostic, type Range, type Report, type TextEdit } from '../core';

export interface QuickFix {
  title: string;
  diagnostic: Diagnostic;
  edit: TextEdit;
}

export function quickFixFor(diagnostic: Diagnostic): QuickFix | undefined {
  if (!diagnostic.fix) return undefined;
  const text = diagnostic.fix.text;
  const title =
    /^https?:\/\//.test(text) || diagnostic.code === 'owner-unknown'
      ? l10n.t('Change to {0}', text)
      : diagnostic.code.startsWith('separator')
        ? l10n.t('Escape the separator line so that it stays text')
        : l10n.t('Fix this');
  return { title, diagnostic, edit: diagnostic.fix };
}

/**
 * Fixes for the diagnostics on the lines of `range`: Ctrl+. anywhere on the line offers them.
 * `more`: diagnostics from outside the parse (link facts).
 */
export function quickFixesAt(report: Report, range: Range, more: readonly Diagnostic[] = []): QuickFix[] {
  return [...report.diagnostics, ...more]
    .filter((d) => d.range.start.line <= range.end.line && d.range.end.line >= range.start.line)
    .map(quickFixFor)
    .filter((f): f is QuickFix => f !== undefined);
}

/**
 * Every fix in the report that does not overlap another: what "fix all" applies, as one edit set.
 * Not an owner's: the nick meant is a guess to take one at a time, never on save.
 */
export function fixAllEdits(report: Report): TextEdit[] {
  return nonOverlapping(report.diagnostics.flatMap((d) => (d.fix && d.code !== 'owner-unknown' ? [d.fix] : [])));
}
