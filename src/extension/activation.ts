// Activation, for both entry points (extension.ts on the desktop, webExtension.ts on the web):
// registers each feature (each in its own file, each returning a Disposable) over one shared
// ReportStore, and puts every Disposable in context.subscriptions. What differs between the two
// hosts comes in as `platform` (platform/platform.ts).
import * as vscode from 'vscode';
import { registerCodeActionSupport } from './codeActionSupport';
import { registerCompletionSupport } from './completionSupport';
import { registerCopyEmailCommand } from './copyEmailCommand';
import { registerDiagnosticsSupport } from './diagnosticsSupport';
import { registerExportEmailCommand } from './exportEmailCommand';
import { registerHoverSupport } from './hoverSupport';
import { registerImportCommand } from './importCommand';
import { LinkFacts } from './linkFacts';
import { registerNewReportCommand } from './newReportCommand';
import { PreviewHolder } from './previewHolder';
import { ReportStore } from './reportStore';
import { registerStatusBarSupport } from './statusBarSupport';
import { registerTopicTreeSupport, TopicTreeProvider } from './topicTreeProvider';
import type { Platform } from './platform/platform';
import type { Mailbox } from './mailboxBundle';

const MARKDOWN: vscode.DocumentSelector = { language: 'markdown' };

/** What activate() returns: read by the integration tests in the real extension host. */
export interface MidcycleApi {
  store: ReportStore;
  tree: TopicTreeProvider;
  facts: LinkFacts;
}

export function activateMidcycle(context: vscode.ExtensionContext, platform: Platform): MidcycleApi {
  const store = new ReportStore();
  const mail = () => platform.load<Mailbox>('mail');
  const preview = new PreviewHolder(context.extensionUri, mail);
  const facts = new LinkFacts(store, context, platform);
  const tree = new TopicTreeProvider(store, facts);
  context.subscriptions.push(
    store,
    preview,
    facts,
    registerDiagnosticsSupport(store, facts),
    registerCodeActionSupport(MARKDOWN, store, facts),
    registerHoverSupport(MARKDOWN, store, facts),
    registerCompletionSupport(MARKDOWN, store),
    registerTopicTreeSupport(tree),
    registerStatusBarSupport(store, facts),
    registerExportEmailCommand(store, preview, facts),
    registerCopyEmailCommand(store, preview, facts),
    vscode.commands.registerCommand('midcycle.refreshLinkFacts', () => facts.refresh(vscode.window.activeTextEditor?.document)),
    registerNewReportCommand(platform),
    registerImportCommand(mail),
  );
  return { store, tree, facts };
}
