// What a writer does to a topic from the Report Topics view (its context menu, or Alt+Up/Down
// while the view has the focus): move it up or down among its siblings as one undoable edit, copy
// its links, copy it as email for pasting, show it in the editor. Each command takes the node it
// was run on, or the view's selection when run from a key.
import * as vscode from 'vscode';
import { moveTopicEdit, parseReport, type Topic } from '../core';
import { toPosition, toRange } from './convert';
import type { Preview } from './previewHolder';
import type { ReportStore } from './reportStore';
import { nodeSelection, subtreeLinks, type TopicNode, type TopicItemNode } from './topicNodes';

/** What the commands need of the tree (TopicTreeProvider): the draft it shows and its nodes. */
export interface ShownTopics {
  readonly current: vscode.TextDocument | undefined;
  getChildren(): TopicNode[];
  find(id: string): TopicNode | undefined;
  show(document: vscode.TextDocument | undefined): void;
}

export function registerTopicCommands(view: vscode.TreeView<TopicNode>, provider: ShownTopics, store: ReportStore, preview: Preview): vscode.Disposable {
  const topicOf = (node?: TopicNode): TopicItemNode | undefined => {
    const n = node ?? view.selection[0];
    return n?.type === 'topic' ? n : undefined;
  };
  const move = async (node: TopicNode | undefined, by: -1 | 1) => {
    const source = topicOf(node);
    const document = provider.current;
    if (!source || !document) return;
    const siblings = (source.parent?.children ?? provider.getChildren()).filter(
      (n): n is TopicItemNode => n.type === 'topic' && n.topic.kind === source.topic.kind,
    );
    const target = siblings[siblings.indexOf(source) + by];
    if (!target) return; // first or last already: nothing to do, as Alt+Up on a file's first line
    const edit = moveTopicEdit(document.getText(), source.topic, target.topic, by < 0 ? 'before' : 'after');
    if (!edit) return;
    const workspaceEdit = new vscode.WorkspaceEdit();
    workspaceEdit.replace(document.uri, toRange(edit.range), edit.text);
    if (!(await vscode.workspace.applyEdit(workspaceEdit))) return;
    // the moved topic keeps its id (ids follow titles), so it is selected again for the next Alt+Up;
    // the cursor goes with it, else the view would follow the cursor to whatever moved under it
    provider.show(document);
    const moved = provider.find(source.id);
    if (!moved) return;
    const at = nodeSelection(moved, (line) => (line < document.lineCount ? document.lineAt(line).text : ''));
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
    if (at && editor) {
      editor.selection = new vscode.Selection(toPosition(at.start), toPosition(at.start));
      editor.revealRange(toRange(at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
    await view.reveal(moved, { select: true, focus: true }).then(undefined, () => undefined);
  };

  return vscode.Disposable.from(
    vscode.commands.registerCommand('midcycle.moveTopicUp', (node?: TopicNode) => move(node, -1)),
    vscode.commands.registerCommand('midcycle.moveTopicDown', (node?: TopicNode) => move(node, 1)),
    vscode.commands.registerCommand('midcycle.copyTopicLinks', async (node?: TopicNode) => {
      const topic = topicOf(node)?.topic;
      if (!topic) return;
      const urls = [...new Set(subtreeLinks(topic).map((l) => l.url))];
      // nothing to copy: the clipboard keeps what the writer had on it
      if (!urls.length) return void vscode.window.setStatusBarMessage(vscode.l10n.t('{0} has no links', topic.title), 3000);
      await vscode.env.clipboard.writeText(urls.join('\n'));
      void vscode.window.setStatusBarMessage(
        urls.length === 1 ? vscode.l10n.t('Copied 1 link of {0}', topic.title) : vscode.l10n.t('Copied {0} links of {1}', urls.length, topic.title),
        3000,
      );
    }),
    vscode.commands.registerCommand('midcycle.copyTopicEmail', async (node?: TopicNode) => {
      const topic = topicOf(node)?.topic;
      const document = provider.current;
      if (!topic || !document) return;
      // the topic alone, as its own little draft: rendered and copied as the whole draft would be
      const settings = store.settingsFor(document);
      const report = parseReport(topicSource(document, topic), settings.report);
      const mailbox = await preview.mail();
      // one topic is no email's end: no "Action items, by person" after it
      const style = { ...settings.export, actionSummary: false };
      preview.show({
        html: mailbox.exportEmail(report, style),
        text: mailbox.exportText(report, style),
        frontMatter: {},
        title: vscode.l10n.t('Email: {0}', topic.title),
      });
      await preview.copyForPasting();
    }),
  );
}

/** A topic's lines, its own indentation taken off so that a sub-topic reads as a top-level one. */
export function topicSource(document: vscode.TextDocument, topic: Topic): string {
  const lines: string[] = [];
  for (let l = topic.range.start.line; l <= topic.range.end.line && l < document.lineCount; l++) lines.push(document.lineAt(l).text);
  const indent = /^\s*/.exec(lines[0] ?? '')![0].length;
  return lines.map((l) => l.slice(Math.min(indent, /^\s*/.exec(l)![0].length))).join('\n') + '\n';
}
