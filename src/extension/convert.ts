// Between the core's plain positions and VS Code's classes.
import * as vscode from 'vscode';
import type { Position, Range, Severity } from '../core';

export const toPosition = (p: Position) => new vscode.Position(p.line, p.character);
export const toRange = (r: Range) => new vscode.Range(toPosition(r.start), toPosition(r.end));
export const fromPosition = (p: vscode.Position): Position => ({ line: p.line, character: p.character });
export const fromRange = (r: vscode.Range): Range => ({ start: fromPosition(r.start), end: fromPosition(r.end) });

export function toSeverity(s: Severity): vscode.DiagnosticSeverity {
  return s === 'error' ? vscode.DiagnosticSeverity.Error : s === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
}

export function sameRange(a: vscode.Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
