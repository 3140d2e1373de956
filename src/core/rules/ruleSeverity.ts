// Every diagnostic's severity comes from here: the `midcycle.severity` setting for its rule, else the
// rule's default (ruleDefaults.ts, generated from the records). Rules find problems; this makes them
// diagnostics, or nothing when their rule is off.
import type { Diagnostic, Range, Severity, TextEdit } from '../model/basics';
import { RULE_DEFAULTS, type RuleCode } from './ruleDefaults';

export type SeveritySetting = Severity | 'off';

/** Per rule code: a severity, or 'off'. Rules not named keep their default. */
export type SeveritySettings = Readonly<Record<string, SeveritySetting>>;

/** A problem a rule found, before its severity is applied. */
export interface RuleProblem {
  code: RuleCode;
  range: Range;
  message: string;
  fix?: TextEdit;
}

/** A rule's severity: the setting's, else its default; 'off' when it is not to be reported. */
export function severityOf(code: RuleCode, settings: SeveritySettings = {}): SeveritySetting {
  return settings[code] ?? RULE_DEFAULTS[code];
}

/** The diagnostic of a problem, with its rule's severity; undefined when the rule is off. */
export function diagnosticOf(problem: RuleProblem, settings: SeveritySettings = {}): Diagnostic | undefined {
  const severity = severityOf(problem.code, settings);
  if (severity === 'off') return undefined;
  const d: Diagnostic = { range: problem.range, severity, code: problem.code, message: problem.message };
  if (problem.fix) d.fix = problem.fix;
  return d;
}
