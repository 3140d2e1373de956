// The core's public surface, for the extension, the CLI and the tests. It never imports `vscode`.
export * from './model/model';
export { LINK_KIND_WORDS, kindCountWords } from './model/linkKinds';
export { parseReport, type ReportOptions, type SeveritySetting } from './parse/parseReport';
export { parseReportUpTo } from './parse/parseUpTo';
export { plainText } from './parse/inlineFacts';
export { exportEmail, escapeHtml, escapeAttribute, DEFAULT_FONT, type EmailOptions, type ListNesting } from './export/exportEmail';
export { exportText, type TextOptions } from './export/exportText';
export { actionSummaryMarkdown, ACTION_SUMMARY_TITLE } from './export/actionSummary';
export {
  previousOf,
  followUps,
  followUpLinks,
  followUpDiagnostics,
  PREVIOUS_KEY,
  type FollowUp,
  type FollowUpFacts,
  type PreviousReference,
} from './followUps/followUps';
export { carryOverEdit, CARRY_OVER_HEADING } from './followUps/carryOver';
export type { LinkNotes } from './export/emailBlocks';
export type { AnnotateLinks } from './facts/linkNotes';
export { statusWords, DEFAULT_FACTS_APIS, type FactsApis, type LinkFacts, type FactsResult } from './facts/linkFacts';
export { isLineBreaks, lineBreaksOf, LINE_BREAKS, LINE_BREAKS_KEY, type LineBreaks } from './export/lineBreaks';
export {
  toOutline,
  reviewStatuses,
  diagnosticJson,
  type FactsOf,
  type OutlineFacts,
  type Outline,
  type OutlineTopic,
  type OutlineLink,
  type OutlineAction,
  type OutlineFollowUp,
  followUpsJson,
  type JsonDiagnostic,
} from './parse/outline';
export { applyFixes, nonOverlapping, type AppliedFixes } from './rules/applyFixes';
export { checkLink, linkRules, LINK_RULE_CODES, type LinkCheck } from './rules/linkRules/checkLink';
export { RULE_DEFAULTS, type RuleCode } from './rules/ruleDefaults';
export { severityOf, diagnosticOf, type SeveritySettings, type RuleProblem } from './rules/ruleSeverity';
export { DEFAULT_LINK_HOSTS, type LinkHosts, type ShortReferences } from './rules/linkHosts';
export { LineIndex } from './model/lineIndex';
export { topicTitle } from './parse/topicTitle';
export type { ActionContext, FoundAction } from './people/actionItems';
import { actionItems } from './people/actionItemsBundle';
/** Action items in a text (actionItems.ts): its bundle is loaded on first use. */
export const findActionItems: typeof import('./people/actionItems').findActionItems = (text, context) => actionItems().findActionItems(text, context);
export type { RosterEntry } from './people/ownerRule';
/** The report's roster where an owner is being typed (ownerRule.ts), in the action items' bundle. */
export const ownerCompletions: typeof import('./people/actionItems').ownerCompletions = (report, line, prefix) =>
  actionItems().ownerCompletions(report, line, prefix);
export { itemId, linkLabel } from './rules/linkLabel';
export { allTrackers, trackerById } from './rules/trackers/registry';
export type { Tracker, SnippetForm } from './rules/trackers/tracker';
export { repositoryOf, type Repository } from './rules/trackers/repository';
export { moveTopicEdit, type DropPosition } from './parse/moveTopic';
export { updateReport, updateReportIncrementally, type TextChange } from './parse/updateReport';
