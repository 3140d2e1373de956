// Activation, for both entry points (extension.ts on the desktop, webExtension.ts on the web):
// registers each feature (each in its own file, each returning a Disposable) over one shared
// ReportStore, and puts every Disposable in context.subscriptions. What differs between the two
// hosts comes in as `platform` (platform/platform.ts).
import * as vscode from 'vscode';
import type { ExportQuestions } from '../mail/exportDraft';
import { activeMarkdown } from './activeDraft';
import { registerCodeActionSupport } from './codeActionSupport';
import { registerCompletionSupport } from './completionSupport';
import { registerCopyEmailCommand } from './copyEmailCommand';
import { registerDiagnosticsSupport } from './diagnosticsSupport';
import { registerExportEmailCommand } from './exportEmailCommand';
import { workspaceExportMemory } from './exportMemory';
import { registerHoverSupport } from './hoverSupport';
import { registerImportCommand } from './importCommand';
import { LastReports } from './lastReports';
import { LinkFacts } from './linkFacts';
import { configureLocalization } from './localization';
import type { MailExport, MailImport } from './mailboxBundle';
import { registerNewReportCommand } from './newReportCommand';
import type { Platform } from './platform/platform';
import { PreviewHolder } from './previewHolder';
import { vscodeQuestions } from './questions';
import { ReportStore } from './reportStore';
import { registerRuleDocsSupport } from './ruleDocsSupport';
import { registerStatusBarSupport } from './statusBarSupport';
import { registerSymbolSupport } from './symbolSupport';
import { registerTopicTreeSupport, TopicTreeProvider } from './topicTreeProvider';

const MARKDOWN: vscode.DocumentSelector = { language: 'markdown' };

/** What activate() returns: read by the integration tests in the real extension host. */
export interface MidcycleApi {
  store: ReportStore;
  tree: TopicTreeProvider;
  facts: LinkFacts;
  status: vscode.StatusBarItem;
  preview: PreviewHolder;
  /** What the export and copy commands ask: the tests answer instead. */
  questions: ExportQuestions;
  /** The drafts' last reports (`previous:`) and their follow-ups. */
  lastReports: LastReports;
}

export function activateMidcycle(context: vscode.ExtensionContext, platform: Platform): MidcycleApi {
  configureLocalization();
  // the log first: whatever is made after it may log
  context.subscriptions.push(platform.log);
  platform.log.info(`Midcycle ${String((context.extension.packageJSON as { version?: unknown }).version)} activated`);
  const store = new ReportStore(platform.gitRemotes);
  const preview = new PreviewHolder(context.extensionUri, () => platform.load<MailExport>('mailExport'), store);
  const questions = vscodeQuestions(platform.homeFolder);
  const facts = new LinkFacts(store, context, platform);
  const loadImport = () => platform.load<MailImport>('mailImport');
  const lastReports = new LastReports(store, facts, platform, loadImport);
  const tree = new TopicTreeProvider(store, facts, lastReports);
  const status = registerStatusBarSupport(store, facts);
  context.subscriptions.push(
    store,
    preview,
    facts,
    lastReports,
    registerDiagnosticsSupport(store, facts, context.extensionUri, lastReports),
    registerRuleDocsSupport(context.extensionUri),
    registerCodeActionSupport(MARKDOWN, store, facts),
    registerHoverSupport(MARKDOWN, store, facts, platform),
    registerCompletionSupport(MARKDOWN, store, platform),
    registerSymbolSupport(MARKDOWN, store),
    registerTopicTreeSupport(tree, preview),
    status,
    registerExportEmailCommand(store, preview, facts, questions, workspaceExportMemory(context.workspaceState)),
    registerCopyEmailCommand(store, preview, facts, questions),
    vscode.commands.registerCommand('midcycle.refreshLinkFacts', () => facts.refresh(activeMarkdown())),
    registerNewReportCommand(platform),
    registerImportCommand(loadImport),
    // "New Report from Meeting Notes…": its work (mail/notesDraft.ts) in the import bundle; a pad's address or a file may be handed in
    vscode.commands.registerCommand('midcycle.newReportFromNotes', async (source?: unknown) =>
      (await loadImport()).notesDraft(vscode, source, platform.readsPads !== false),
    ),
    // "Carry Over Open Action Items": the follow-ups service's work, with a draft's URI or the one in view
    vscode.commands.registerCommand('midcycle.carryOverActions', async (target?: unknown) => (await lastReports.start()).carryOver(target, () => tree.current)),
  );
  return { store, tree, facts, status: status.item, preview, questions, lastReports };
}
