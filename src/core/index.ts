// The core's public surface, for the extension, the CLI and the tests. It never imports `vscode`.
export * from './model';
export { parseReport, type ReportOptions, type SeveritySetting } from './parseReport';
export { parseReportUpTo } from './parseUpTo';
export { plainText } from './inlineFacts';
export { exportEmail, escapeHtml, escapeAttribute, DEFAULT_FONT, type EmailOptions, type ListNesting } from './exportEmail';
export { exportText, type TextOptions } from './exportText';
export type { LinkNotes } from './emailBlocks';
export type { AnnotateLinks } from './linkNotes';
export { statusWords, DEFAULT_FACTS_APIS, type FactsApis, type LinkFacts, type FactsResult } from './linkFacts';
export { isLineBreaks, lineBreaksOf, LINE_BREAKS, LINE_BREAKS_KEY, type LineBreaks } from './lineBreaks';
export { toOutline, reviewStatuses, diagnosticJson, type FactsOf, type OutlineFacts, type Outline, type OutlineTopic, type OutlineLink, type OutlineAction, type JsonDiagnostic } from './outline';
export { applyFixes, nonOverlapping, type AppliedFixes } from './applyFixes';
export { checkLink, LINK_RULES, LINK_RULE_CODES, type LinkCheck } from './linkRules/checkLink';
export { RULE_DEFAULTS, type RuleCode } from './ruleDefaults';
export { severityOf, diagnosticOf, type SeveritySettings, type RuleProblem } from './ruleSeverity';
export { DEFAULT_LINK_HOSTS, type LinkHosts } from './linkHosts';
export { LineIndex } from './lineIndex';
export { topicTitle } from './topicTitle';
export type { ActionContext, FoundAction } from './actionItems';
import { actionItems } from './actionItemsBundle';
/** Action items in a text (actionItems.ts): its bundle is loaded on first use. */
export const findActionItems: typeof import('./actionItems').findActionItems = (text, context) => actionItems().findActionItems(text, context);
export type { RosterEntry } from './ownerRule';
/** The report's roster where an owner is being typed (ownerRule.ts), in the action items' bundle. */
export const ownerCompletions: typeof import('./actionItems').ownerCompletions = (report, line, prefix) => actionItems().ownerCompletions(report, line, prefix);
export { linkLabel } from './linkLabel';
export { moveTopicEdit, type DropPosition } from './moveTopic';
export { updateReport, type TextChange } from './updateReport';
