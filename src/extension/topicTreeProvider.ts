// The "Report Topics" view: the active draft's topics, links and action items. It follows the
// active editor and its edits (through the store's debounced event), moves the editor on click,
// selects the node under the cursor, and reorders topics by drag and drop as one undoable edit.
import * as vscode from 'vscode';
import { moveTopicEdit, type Report, type Topic } from '../core';
import { toRange } from './convert';
import type { Preview } from './previewHolder';
import { registerTopicCommands } from './topicCommands';
import type { LinkFacts } from './linkFacts';
import type { ReportStore } from './reportStore';
import type { MidcycleSettings } from './settings';
import { isPanelEditor } from './activeDraft';
import { buildTopicNodes, nodeAt, nodeSelection, presentNode, renewNode, sameNode, type TopicNode } from './topicNodes';
import type { LastReports } from './lastReports';

export const TOPICS_VIEW = 'midcycle.topics';
const REVEAL_COMMAND = 'midcycle.revealRange';
/** Two clicks on one node within this long are a double click: the second moves the focus to the editor. */
const DOUBLE_CLICK_MS = 500;
const DRAG_MIME = 'application/vnd.code.tree.midcycle.topics';

export class TopicTreeProvider implements vscode.TreeDataProvider<TopicNode>, vscode.TreeDragAndDropController<TopicNode>, vscode.Disposable {
  readonly dragMimeTypes = [DRAG_MIME];
  readonly dropMimeTypes = [DRAG_MIME];
  private readonly changed = new vscode.EventEmitter<TopicNode | TopicNode[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private document: vscode.TextDocument | undefined;
  private roots: TopicNode[] = [];
  /** The report the roots were built from, and the settings it was read with. */
  private shown: { report: Report; settings: MidcycleSettings } | undefined;

  constructor(
    readonly store: ReportStore,
    readonly facts?: LinkFacts,
    readonly lastReports?: LastReports,
  ) {}

  /** The document the tree shows. */
  get current(): vscode.TextDocument | undefined {
    return this.document;
  }

  /**
   * Shows a document's report. For a new version of the draft already shown, only the nodes whose
   * topic changed are refreshed (VS Code otherwise asks again for every root's item: 2000 topics'
   * presentation on each keystroke); `full` when what every node shows may have changed (facts).
   */
  show(document: vscode.TextDocument | undefined, full = false): void {
    const previous = this.document;
    const before = this.shown;
    this.document = document && this.store.isReport(document) ? document : undefined;
    const report = this.document && this.store.get(this.document);
    const roots = report && this.document ? buildTopicNodes(report, this.document.uri.toString(), this.lastReports?.shown(this.document, report)) : [];
    const settings = this.document && this.store.settingsFor(this.document);
    this.shown = report && settings && { report, settings };
    if (!full && report && before && previous === this.document && before.settings === settings && sameIds(this.roots, roots)) {
      if (before.report === report) return;
      const changed: TopicNode[] = [];
      for (let i = 0; i < roots.length; i++) {
        if (sameNode(this.roots[i], before.report, roots[i], report)) continue;
        renewNode(this.roots[i], roots[i]);
        changed.push(this.roots[i]);
      }
      if (changed.length) this.changed.fire(changed);
      return;
    }
    this.roots = roots;
    this.changed.fire(undefined);
  }

  getTreeItem(node: TopicNode): vscode.TreeItem {
    const p = presentNode(node, this.facts?.factsOf);
    const state = {
      none: vscode.TreeItemCollapsibleState.None,
      collapsed: vscode.TreeItemCollapsibleState.Collapsed,
      expanded: vscode.TreeItemCollapsibleState.Expanded,
    }[p.collapsible];
    const item = new vscode.TreeItem(p.label, state);
    item.id = node.id;
    item.description = p.description;
    item.contextValue = p.contextValue;
    item.iconPath = new vscode.ThemeIcon(p.icon, p.iconColor ? new vscode.ThemeColor(p.iconColor) : undefined);
    if (p.tooltip) {
      const tooltip = new vscode.MarkdownString(p.tooltip, true);
      item.tooltip = tooltip;
    }
    const document = this.document;
    const selection = document && nodeSelection(node, (line) => (line < document.lineCount ? document.lineAt(line).text : ''));
    // a follow-up opens the last report at its item
    const target = node.type === 'followUp' ? vscode.Uri.parse(node.shown.target, true) : document?.uri;
    if (selection && target) {
      item.command = { command: REVEAL_COMMAND, title: vscode.l10n.t('Go to'), arguments: [target, toRange(selection)] };
    }
    return item;
  }

  getChildren(node?: TopicNode): TopicNode[] {
    return node ? node.children : this.roots;
  }

  getParent(node: TopicNode): TopicNode | undefined {
    return node.parent;
  }

  /** The deepest node at a position of the shown document. */
  nodeAt(position: vscode.Position): TopicNode | undefined {
    return nodeAt(this.roots, position.line, position.character);
  }

  /**
   * The node of an id. A node's id begins with its parent's and a separator (`/` a sub-topic, `:` a
   * link or action item), so only the branch that leads to it is walked: the others' children are
   * not made (they are made when first asked for).
   */
  find(id: string): TopicNode | undefined {
    let level: readonly TopicNode[] = this.roots;
    for (;;) {
      const exact = level.find((n) => n.id === id);
      if (exact) return exact;
      const parent = level.find((n) => id.startsWith(`${n.id}/`) || id.startsWith(`${n.id}:`));
      if (!parent) return undefined;
      level = parent.children;
    }
  }

  handleDrag(source: readonly TopicNode[], data: vscode.DataTransfer): void {
    const topics = source.filter((n) => n.type === 'topic');
    if (topics.length) data.set(DRAG_MIME, new vscode.DataTransferItem(topics.map((n) => n.id)));
  }

  async handleDrop(target: TopicNode | undefined, data: vscode.DataTransfer): Promise<void> {
    const ids = data.get(DRAG_MIME)?.value as string[] | undefined;
    const document = this.document;
    const source = ids?.length === 1 ? this.find(ids[0]) : undefined;
    if (!document || source?.type !== 'topic') return;
    let edit;
    if (target?.type === 'topic') edit = moveTopicEdit(document.getText(), source.topic, target.topic, 'before');
    else if (!target) {
      // dropped below the last topic: after the last top-level topic of its kind
      const last = [...this.roots].reverse().find((n): n is TopicNode & { topic: Topic } => n.type === 'topic' && n.topic.kind === source.topic.kind);
      if (last) edit = moveTopicEdit(document.getText(), source.topic, last.topic, 'after');
    }
    if (!edit) return;
    const workspaceEdit = new vscode.WorkspaceEdit();
    workspaceEdit.replace(document.uri, toRange(edit.range), edit.text);
    await vscode.workspace.applyEdit(workspaceEdit);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** The draft at `range` with the cursor there, the focus in the editor only when asked. */
async function revealInEditor(uri: vscode.Uri, range: vscode.Range, focus: boolean): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document, { preserveFocus: !focus, preview: false, selection: range });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

function sameIds(a: readonly TopicNode[], b: readonly TopicNode[]): boolean {
  return a.length === b.length && a.every((n, i) => n.id === b[i].id);
}

export function registerTopicTreeSupport(provider: TopicTreeProvider, preview: Preview): vscode.Disposable {
  const store = provider.store;
  const view = vscode.window.createTreeView(TOPICS_VIEW, { treeDataProvider: provider, dragAndDropController: provider, showCollapseAll: true });
  provider.show(vscode.window.activeTextEditor?.document);

  let lastClick: { key: string; at: number } | undefined;

  // the node under the cursor is selected, without taking the focus from the editor
  const follow = (editor: vscode.TextEditor | undefined) => {
    if (!view.visible || !editor || editor.document !== provider.current) return;
    const node = provider.nodeAt(editor.selection.active);
    if (node && view.selection[0]?.id !== node.id) void view.reveal(node, { select: true, focus: false, expand: true }).then(undefined, () => undefined);
  };

  return vscode.Disposable.from(
    provider,
    view,
    registerTopicCommands(view, provider, store, preview),
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      // keep showing the last draft while focus is in a non-editor (the tree, a webview) or a panel's text (Output)
      if (editor && !isPanelEditor(editor)) provider.show(editor.document);
      follow(editor);
    }),
    store.onDidChange((document) => {
      if (document === provider.current || document === vscode.window.activeTextEditor?.document) provider.show(document);
    }),
    ...(provider.facts ? [provider.facts.onDidChange(() => provider.show(provider.current, true))] : []),
    ...(provider.lastReports ? [provider.lastReports.onDidChange(() => provider.show(provider.current, true))] : []),
    vscode.window.onDidChangeTextEditorSelection((e) => follow(e.textEditor)),
    view.onDidChangeVisibility(() => follow(vscode.window.activeTextEditor)),
    // a click shows the place and keeps the focus in the tree, as the Outline does; a double click
    // or Enter (midcycle.focusTopic) moves the focus to the editor
    vscode.commands.registerCommand(REVEAL_COMMAND, async (uri: vscode.Uri, range: vscode.Range, focus = false) => {
      const key = `${uri.toString()}:${range.start.line}:${range.start.character}`;
      const double = lastClick?.key === key && Date.now() - lastClick.at < DOUBLE_CLICK_MS;
      lastClick = { key, at: Date.now() };
      await revealInEditor(uri, range, focus || double);
    }),
    vscode.commands.registerCommand('midcycle.focusTopic', async (node?: TopicNode) => {
      const target = node ?? view.selection[0];
      const command = target && provider.getTreeItem(target).command;
      if (command?.arguments) await revealInEditor(command.arguments[0] as vscode.Uri, command.arguments[1] as vscode.Range, true);
    }),
    vscode.commands.registerCommand('midcycle.openLink', (node?: TopicNode) => {
      const url = node?.type === 'link' ? node.link.url : undefined;
      // (a link-not-web address, `notes.md` or `#section`, has no scheme: nothing to open outside)
      if (url && /^[a-z][a-z0-9+.-]*:/i.test(url)) void vscode.env.openExternal(vscode.Uri.parse(url, true));
    }),
  );
}
