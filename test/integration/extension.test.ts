// Midcycle in a real VS Code extension host, against the fixture workspace (test/fixtures/workspace):
// the tree for a report, navigation, diagnostics and their quick fixes through VS Code's own
// commands, hovers, the export command writing its files, and settings taking effect.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import PostalMime from 'postal-mime';
import * as vscode from 'vscode';
import { exportText, parseReport } from '../../src/core';
import type { MidcycleApi } from '../../src/extension/extension';
import type { TopicNode } from '../../src/extension/topicNodes';
import { startFakeServices, type Fault, type FakeServices } from '../unit/helpers/fakeServices';

const folder = () => vscode.workspace.workspaceFolders![0].uri;
const fixture = (name: string) => vscode.Uri.joinPath(folder(), name);

async function api(): Promise<MidcycleApi> {
  const ext = vscode.extensions.getExtension<MidcycleApi>('midcycle.midcycle');
  assert.ok(ext, 'Midcycle is installed');
  return ext.activate();
}

async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeout = 30_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function open(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fixture(name));
  return vscode.window.showTextDocument(document);
}

const label = (m: MidcycleApi, n: TopicNode) => {
  const l = m.tree.getTreeItem(n).label;
  return typeof l === 'string' ? l : l?.label;
};

const midcycleDiagnostics = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'midcycle');

async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('midcycle').update(key, value, vscode.ConfigurationTarget.Global);
}

describe('Report Topics tree', () => {
  it("shows the reference email's ten topics, then action items by owner and links by kind", async () => {
    const m = await api();
    const editor = await open('reference.md');
    await waitFor('the tree to show the draft', () => m.tree.current === editor.document);
    assert.deepEqual(
      m.tree.getChildren().map((n) => label(m, n)),
      [
        'Neutron-lib',
        'Routed-networks',
        'Troubleshooting',
        'Usability and stability fixes',
        'CI jobs cleanup',
        'Nova integration aspects',
        'OpenStack client transition plan',
        'OVN and OVS integration',
        'API docs and docs in general',
        'Stadium',
        'Action items by owner',
        'Links by kind',
      ],
    );
    const usability = m.tree.getChildren()[3];
    assert.equal(m.tree.getTreeItem(usability).description, '6 reviews · 2 bugs · 2 actions');
    assert.equal((m.tree.getTreeItem(usability).iconPath as vscode.ThemeIcon).id, 'list-tree');
  });

  it("puts the cursor at a topic's title when its node is clicked, selecting nothing a keystroke could replace", async () => {
    const m = await api();
    const editor = await open('reference.md');
    await waitFor('the tree', () => m.tree.current === editor.document);
    const troubleshooting = m.tree.getChildren().find((n) => label(m, n) === 'Troubleshooting')!;
    const command = m.tree.getTreeItem(troubleshooting).command!;
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const active = vscode.window.activeTextEditor!;
    assert.equal(active.document.uri.toString(), editor.document.uri.toString());
    assert.ok(active.selection.isEmpty, 'no selection');
    assert.deepEqual([active.selection.active.line, active.selection.active.character], [28, 2]);
    assert.equal(active.document.lineAt(28).text.slice(2), 'Troubleshooting');
  });

  it('lists the topics as symbols: Outline, breadcrumbs and Go to Symbol, beside the headings VS Code lists, none twice', async () => {
    const editor = await open('reference.md');
    const symbols = await waitFor('symbols', async () => {
      const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
      return s?.length ? s : undefined;
    });
    assert.deepEqual(
      symbols.map((s) => s.name),
      [
        'Neutron-lib',
        'Routed-networks',
        'Troubleshooting',
        'Usability and stability fixes',
        'CI jobs cleanup',
        'Nova integration aspects',
        'OpenStack client transition plan',
        'OVN and OVS integration',
        'API docs and docs in general',
        'Stadium',
      ],
    );
    const usability = symbols[3];
    assert.equal(usability.detail, '6 reviews · 2 bugs · 2 actions');
    assert.ok(usability.children.some((c) => c.name === 'L3 HA'));
    assert.equal(usability.selectionRange.start.line, usability.range.start.line);
    // a draft with headings: VS Code's Markdown support lists them, Midcycle the list-item topics under them
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# Report\n\n## Nova\n\n- Placement: ok\n  - Quotas\n' });
    await vscode.window.showTextDocument(document);
    const all = await waitFor('both providers', async () => {
      const s = await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[]>(
        'vscode.executeDocumentSymbolProvider',
        document.uri,
      );
      const names = (s ?? []).flatMap(function flat(x: vscode.DocumentSymbol | vscode.SymbolInformation): string[] {
        return [x.name, ...('children' in x ? x.children.flatMap(flat) : [])];
      });
      return names.includes('Placement') && names.some((n) => /Nova/.test(n)) ? names : undefined;
    });
    assert.equal(all.filter((n) => n === 'Placement').length, 1);
    assert.equal(all.filter((n) => /Nova/.test(n)).length, 1, `headings listed once: ${all.join(', ')}`);
  });

  it("names nodes by topic within their draft: another draft's topics in the same places are other nodes", async () => {
    const m = await api();
    const a = await vscode.workspace.openTextDocument({ language: 'markdown', content: '- One\n  - one.a\n- Two\n' });
    await vscode.window.showTextDocument(a);
    await waitFor('the tree', () => m.tree.current === a && m.tree.getChildren().length === 2);
    const idsA = m.tree.getChildren().map((n) => n.id);
    const b = await vscode.workspace.openTextDocument({ language: 'markdown', content: '- One\n  - one.a\n- Two\n' });
    await vscode.window.showTextDocument(b);
    await waitFor('the other draft', () => m.tree.current === b && m.tree.getChildren().length === 2);
    const idsB = m.tree.getChildren().map((n) => n.id);
    assert.equal(idsA.filter((id) => idsB.includes(id)).length, 0);
  });

  it('moves a topic up and down from its context menu (or Alt+Up/Down in the view), each one undoable edit', async () => {
    const m = await api();
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '- One\n  - one.a\n- Two\n- Three\n' });
    await vscode.window.showTextDocument(document);
    await waitFor('the tree', () => m.tree.current === document && m.tree.getChildren().length === 3);
    await vscode.commands.executeCommand('midcycle.moveTopicUp', m.tree.getChildren()[1]);
    assert.equal(document.getText(), '- Two\n- One\n  - one.a\n- Three\n');
    assert.equal(label(m, m.tree.getChildren()[0]), 'Two', 'the tree shows the move at once');
    await vscode.commands.executeCommand('midcycle.moveTopicDown', m.tree.getChildren()[0]);
    assert.equal(document.getText(), '- One\n  - one.a\n- Two\n- Three\n');
    await vscode.commands.executeCommand('midcycle.moveTopicUp', m.tree.getChildren()[0]);
    assert.equal(document.getText(), '- One\n  - one.a\n- Two\n- Three\n', 'the first topic stays first');
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), '- Two\n- One\n  - one.a\n- Three\n');
  });

  it("copies a topic's links, its sub-topics' included", async () => {
    const m = await api();
    const editor = await open('reference.md');
    await waitFor('the tree', () => m.tree.current === editor.document);
    const troubleshooting = m.tree.getChildren().find((n) => label(m, n) === 'Troubleshooting')!;
    await vscode.commands.executeCommand('midcycle.copyTopicLinks', troubleshooting);
    const copied = (await vscode.env.clipboard.readText()).split('\n');
    assert.ok(copied.includes('https://bugs.launchpad.net/neutron/+bug/1507499'), copied.join(' '));
    assert.ok(copied.every((u) => /^https:\/\//.test(u)));
  });

  it('knows the node under the cursor, with its parents for reveal', async () => {
    const m = await api();
    const editor = await open('reference.md');
    await waitFor('the tree', () => m.tree.current === editor.document);
    const node = m.tree.nodeAt(new vscode.Position(42, 10))!;
    assert.equal(label(m, node), 'change 282876');
    assert.equal(label(m, m.tree.getParent(node)!), 'L3 HA');
    assert.equal(label(m, m.tree.getParent(m.tree.getParent(node)!)!), 'Usability and stability fixes');
  });

  it('follows edits', async () => {
    const m = await api();
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '- First: one\n- Second\n' });
    const editor = await vscode.window.showTextDocument(document);
    await waitFor('the tree', () => m.tree.current === document && m.tree.getChildren().length === 2);
    await editor.edit((b) => b.insert(new vscode.Position(2, 0), '- Third: https://bugs.launchpad.net/nova/+bug/1\n'));
    await waitFor('the new topic', () => m.tree.getChildren().filter((n) => n.type === 'topic').length === 3);
    assert.deepEqual(
      m.tree.getChildren().map((n) => label(m, n)),
      ['First', 'Second', 'Third', 'Links by kind'],
    );
  });

  it('reorders topics by drag and drop, as one undoable edit', async () => {
    const m = await api();
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '- One\n  - one.a\n- Two\n- Three\n' });
    await vscode.window.showTextDocument(document);
    await waitFor('the tree', () => m.tree.current === document && m.tree.getChildren().length === 3);
    const [one, , three] = m.tree.getChildren();
    const data = new vscode.DataTransfer();
    m.tree.handleDrag([three], data);
    await m.tree.handleDrop(one, data);
    assert.equal(document.getText(), '- Three\n- One\n  - one.a\n- Two\n');
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), '- One\n  - one.a\n- Two\n- Three\n');
  });
});

describe('Diagnostics and quick fixes', () => {
  it('reports the malformed links of a draft in the Problems panel', async () => {
    const editor = await open('mistakes.md');
    const diagnostics = await waitFor('diagnostics', () => midcycleDiagnostics(editor.document.uri).length === 5 && midcycleDiagnostics(editor.document.uri));
    assert.deepEqual(
      diagnostics.map((d) => [d.range.start.line, (d.code as { value: string }).value, d.severity]),
      [
        [20, 'review-missing-plus', vscode.DiagnosticSeverity.Error],
        [23, 'bug-plural', vscode.DiagnosticSeverity.Error],
        [24, 'link-space', vscode.DiagnosticSeverity.Error],
        [27, 'blueprint-missing-plus', vscode.DiagnosticSeverity.Error],
        [28, 'link-host-misspelt', vscode.DiagnosticSeverity.Error],
      ],
    );
    for (const d of diagnostics) {
      // one style: a sentence from a capital, no space before "?", the corrected link whole
      assert.match(d.message, /^[A-Z]/, d.message);
      assert.doesNotMatch(d.message, / \?/, d.message);
    }
    assert.match(diagnostics[1].message, /Did you mean <https:\/\/bugs\.launchpad\.net\/nova\/\+bug\/1963617>\?$/);
  });

  it("opens a code's rule page, shipped with the extension, in the Markdown preview", async () => {
    const editor = await open('mistakes.md');
    const [, plural] = await waitFor('diagnostics', () => midcycleDiagnostics(editor.document.uri).length === 5 && midcycleDiagnostics(editor.document.uri));
    const target = (plural.code as { value: string; target: vscode.Uri }).target;
    const ext = vscode.extensions.getExtension('midcycle.midcycle')!;
    assert.equal(target.toString(), vscode.Uri.joinPath(ext.extensionUri, 'docs', 'rules', 'bug-plural.md').toString());
    assert.match(fs.readFileSync(target.fsPath, 'utf8'), /^# Midcycle rule `bug-plural`$/m);
    // as a click on the code in Problems does
    await vscode.commands.executeCommand('vscode.open', target);
    const previewTab = () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .find((t) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType) && t.label.includes('bug-plural'));
    const tab = await waitFor('the rule page in the Markdown preview', previewTab);
    const source = vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .find((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === target.toString());
    assert.equal(source, undefined, 'not its source');
    await vscode.window.tabGroups.close(tab);
  });

  it('holds back the diagnostics of a line being typed until a pause; says nothing of a fence being typed', async () => {
    const m = await api();
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '- Gate: https://review.openstack.org/#/c/283798/\n' });
    const editor = await vscode.window.showTextDocument(document);
    await waitFor('the report', () => m.store.get(document));
    const edited = Date.now();
    await editor.edit((b) => b.insert(new vscode.Position(1, 0), '- Bugs: https://bugs.launchpad.net/nova/+bugs/1'));
    await waitFor('the parse of the half-typed link', () => m.store.get(document)?.diagnostics.length === 1);
    await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual(midcycleDiagnostics(document.uri), [], 'not while typing');
    await waitFor('the diagnostic after the pause', () => midcycleDiagnostics(document.uri).length === 1);
    assert.ok(Date.now() - edited >= 700, `held ${Date.now() - edited} ms`);
    // a fence typed at the end, with or without its language, is no separator: nothing said, even after the pause
    await editor.edit((b) => b.replace(new vscode.Range(1, 0, 2, 0), '\n```python\n'));
    await waitFor('the bug line gone', () => midcycleDiagnostics(document.uri).length === 0);
    await new Promise((r) => setTimeout(r, 1200));
    assert.deepEqual(midcycleDiagnostics(document.uri), []);
    // nor is an unclosed fence over code in a Markdown file that is no report: at most a warning
    const readme = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# Build\n\nRun:\n\n```\nnpm ci\nnpm run build\n' });
    await vscode.window.showTextDocument(readme);
    const [d] = await waitFor('its diagnostic', () => midcycleDiagnostics(readme.uri).length === 1 && midcycleDiagnostics(readme.uri));
    assert.equal((d.code as { value: string }).value, 'code-block-unclosed');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
  });

  it('counts problems in the status bar as VS Code does, with no error background', async () => {
    const m = await api();
    await open('mistakes.md');
    await waitFor('the counts', () => m.status.text.includes('$(error) 5 $(warning) 0'));
    assert.equal(m.status.backgroundColor, undefined);
    assert.equal(m.status.command, 'workbench.actions.view.problems');
  });

  it('offers the corrected link as a quick fix, which fixes it', async () => {
    const document = await vscode.workspace.openTextDocument({
      language: 'markdown',
      content: '- Bugs: https://bugs.launchpad.net/nova/+bugs/1963617 is a blocker\n',
    });
    await vscode.window.showTextDocument(document);
    const [diagnostic] = await waitFor('the diagnostic', () => midcycleDiagnostics(document.uri).length === 1 && midcycleDiagnostics(document.uri));
    // as the light bulb does, ask until the editor's code action support answers for the new document
    const fix = await waitFor('the quick fix', async () => {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        document.uri,
        diagnostic.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      return actions.find((a) => a.title === 'Change to https://bugs.launchpad.net/nova/+bug/1963617');
    });
    assert.ok(fix.isPreferred);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.equal(document.getText(), '- Bugs: https://bugs.launchpad.net/nova/+bug/1963617 is a blocker\n');
    await waitFor('the diagnostic to go', () => midcycleDiagnostics(document.uri).length === 0);
  });

  it('fixes every malformed link at once with source.fixAll.midcycle', async () => {
    const text = fs.readFileSync(fixture('mistakes.md').fsPath, 'utf8');
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
    await vscode.window.showTextDocument(document);
    await waitFor('diagnostics', () => midcycleDiagnostics(document.uri).length === 5);
    const whole = new vscode.Range(0, 0, document.lineCount, 0);
    const fixAll = await waitFor('the fix-all action', async () => {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        document.uri,
        whole,
        'source.fixAll.midcycle',
      );
      return actions.find((a) => a.title === 'Fix all malformed links in this report');
    });
    assert.ok(fixAll.edit);
    await vscode.workspace.applyEdit(fixAll.edit);
    await waitFor('a clean draft', () => midcycleDiagnostics(document.uri).length === 0);
    assert.ok(document.getText().includes('[Resize to same host](https://bugs.launchpad.net/nova/+bug/1958636)'));
  });

  it('says what a bug link is on hover', async () => {
    const editor = await open('reference.md');
    const line = editor.document
      .getText()
      .split('\n')
      .findIndex((l) => l.includes('+bug/1507499'));
    const column = editor.document.lineAt(line).text.indexOf('https://') + 10;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(line, column));
    const texts = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)));
    assert.ok(
      texts.some((t) => t.includes('**Launchpad bug 1507499** in neutron')),
      texts.join('\n---\n'),
    );
  });

  it("does not say again in a malformed link's hover what its diagnostic says there", async () => {
    const editor = await open('mistakes.md');
    const [, plural] = await waitFor('diagnostics', () => midcycleDiagnostics(editor.document.uri).length === 5 && midcycleDiagnostics(editor.document.uri));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      editor.document.uri,
      plural.range.start.translate(0, 10),
    );
    const texts = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)));
    assert.ok(
      texts.some((t) => t.includes('**Launchpad bug 1963617** in nova')),
      texts.join('\n---\n'),
    );
    for (const t of texts) {
      assert.ok(!t.includes('+bugs'), t);
      assert.ok(!t.includes('$(error)'), t);
    }
  });
});

describe('Export Midcycle Email', () => {
  it('writes <draft>.html beside the draft and returns where', async () => {
    const draft = fixture('reference.md');
    const target = await vscode.commands.executeCommand<vscode.Uri>('midcycle.exportEmail', draft);
    assert.equal(target?.fsPath, path.join(path.dirname(draft.fsPath), 'reference.html'));
    const html = fs.readFileSync(target.fsPath, 'utf8');
    assert.ok(html.startsWith('<div dir="ltr">'));
    assert.ok(html.includes('<a href="https://review.openstack.org/#/c/282876/14">https://review.openstack.org/#/c/282876/14</a>'));
    assert.deepEqual(
      fs.readdirSync(path.dirname(target.fsPath)).filter((f) => f.endsWith('.tmp')),
      [],
      'no temporary file left',
    );
  });

  it('follows the export settings: folder, plain text, nesting, font', async () => {
    await setSetting('export.directory', 'mail');
    await setSetting('export.plainText', true);
    await setSetting('export.listNesting', 'standard');
    await setSetting('export.font', '');
    try {
      const target = await vscode.commands.executeCommand<vscode.Uri>('midcycle.exportEmail', fixture('short.md'));
      assert.equal(target.fsPath, path.join(folder().fsPath, 'mail', 'short.html'));
      const html = fs.readFileSync(target.fsPath, 'utf8');
      assert.ok(!html.includes('<font face'), 'no font');
      const text = fs.readFileSync(path.join(folder().fsPath, 'mail', 'short.txt'), 'utf8');
      assert.ok(text.includes('~~~~~~~\n\n- Topic one: https://review.openstack.org/#/c/283798/\n- Topic two'));
    } finally {
      for (const key of ['export.directory', 'export.plainText', 'export.listNesting', 'export.font']) await setSetting(key, undefined);
    }
  });
});

describe('The export loop', () => {
  let m: MidcycleApi;
  let original: MidcycleApi['questions'];
  const asked: { message: string; modal: boolean; choices: string[] }[] = [];
  let answer = (_choices: string[]): string | undefined => undefined;

  before(async () => {
    m = await api();
    original = { ...m.questions };
    m.questions.warning = async (message, modal, ...choices) => {
      asked.push({ message, modal, choices });
      return answer(choices);
    };
    fs.writeFileSync(fixture('loop.md').fsPath, fs.readFileSync(fixture('mistakes.md').fsPath, 'utf8'));
  });

  after(() => Object.assign(m.questions, original));

  it('"Fix All and Export" mends the draft, leaving no errors, and writes the email', async () => {
    asked.length = 0;
    answer = (choices) => choices.find((c) => c === 'Fix All and Export');
    const document = await vscode.workspace.openTextDocument(fixture('loop.md'));
    await vscode.window.showTextDocument(document);
    const target = await vscode.commands.executeCommand<vscode.Uri>('midcycle.exportEmail', document.uri);
    assert.deepEqual(
      asked.map((a) => [a.modal, a.choices]),
      [[false, ['Fix All and Export', 'Export Anyway', 'Go to First Problem']]],
    );
    assert.match(asked[0].message, /^This draft has 5 errors \(line 21: /);
    assert.equal(path.basename(target.fsPath), 'loop.html');
    assert.deepEqual(m.store.get(document)!.diagnostics, []);
    await waitFor('no problems', () => midcycleDiagnostics(document.uri).length === 0);
    assert.ok(fs.readFileSync(target.fsPath, 'utf8').includes('https://bugs.launchpad.net/nova/+bug/1963617'));
    await document.save();
  });

  it("re-exports over the draft's own last export without asking; asks when that file was changed since", async () => {
    asked.length = 0;
    const draft = fixture('loop.md');
    const target = await vscode.commands.executeCommand<vscode.Uri>('midcycle.exportEmail', draft);
    assert.equal(path.basename(target.fsPath), 'loop.html');
    assert.equal(asked.length, 0, 'no question for its own export');
    const exported = fs.readFileSync(target.fsPath, 'utf8');
    fs.writeFileSync(target.fsPath, '<p>edited by hand</p>');
    answer = () => undefined;
    assert.equal(await vscode.commands.executeCommand('midcycle.exportEmail', draft), undefined, 'not replaced unasked');
    assert.deepEqual(
      asked.map((a) => [a.message, a.modal, a.choices]),
      [['loop.html has changed since this draft was last exported to it.', true, ['Replace', 'Save As…']]],
    );
    assert.equal(fs.readFileSync(target.fsPath, 'utf8'), '<p>edited by hand</p>');
    answer = (choices) => choices.find((c) => c === 'Replace');
    await vscode.commands.executeCommand('midcycle.exportEmail', draft);
    assert.equal(fs.readFileSync(target.fsPath, 'utf8'), exported);
  });

  it('the preview follows the edits of the draft it shows', async () => {
    const document = await vscode.workspace.openTextDocument(fixture('loop.md'));
    const editor = await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('midcycle.exportEmail', document.uri);
    assert.ok(!m.preview.shown?.html.includes('Late topic'));
    await editor.edit((b) => b.insert(new vscode.Position(document.lineCount - 1, 0), '- Late topic: added while the preview is open\n'));
    const shown = await waitFor('the preview to show the edit', () => m.preview.shown?.html.includes('Late topic') && m.preview.shown);
    assert.equal(shown.savedAs, 'loop.html, before the latest edits');
    await vscode.commands.executeCommand('undo');
  });

  it('offers an untitled draft a file name from its subject', async () => {
    let offered: vscode.Uri | undefined;
    m.questions.saveDialog = async (options) => {
      offered = options.defaultUri;
      return vscode.Uri.joinPath(folder(), 'from-untitled.html');
    };
    const document = await vscode.workspace.openTextDocument({
      language: 'markdown',
      content: '---\nsubject: "[openstack-dev] [neutron] Neutron mid-cycle report"\n---\n\n- Topic: https://review.opendev.org/c/openstack/neutron/+/283798\n',
    });
    await vscode.window.showTextDocument(document);
    const target = await vscode.commands.executeCommand<vscode.Uri>('midcycle.exportEmail');
    assert.equal(offered?.fsPath, path.join(folder().fsPath, 'neutron-mid-cycle-report.html'));
    assert.equal(path.basename(target.fsPath), 'from-untitled.html');
    assert.ok(fs.existsSync(target.fsPath));
  });
});

describe('Line breaks', () => {
  it('a wrapped paragraph is one line of the email, short typed lines stay lines; the setting and the front matter change that at once', async () => {
    const lines = async () => {
      // an export never replaces a file unasked: the last one goes first
      fs.rmSync(path.join(folder().fsPath, 'wrapped.html'), { force: true });
      const target = await vscode.commands.executeCommand<vscode.Uri>('midcycle.exportEmail', fixture('wrapped.md'));
      return [...fs.readFileSync(target.fsPath, 'utf8').matchAll(/<div>(?:<font[^>]*>)?([^<]+)/g)].map((m) => m[1]);
    };
    const joined =
      'We talked about the placement consumer types for a while, and agreed that the spec needs one more revision before we can approve it. melwitt to update the spec with the quota details.';
    assert.deepEqual(await lines(), [joined, 'Cheers,', 'gibi']);
    // the action item reads across the wrapped lines, with its whole task
    const m = await api();
    const report = m.store.get(await vscode.workspace.openTextDocument(fixture('wrapped.md')), true)!;
    assert.deepEqual(
      report.actions.map((a) => [a.owner, a.text]),
      [['melwitt', 'update the spec with the quota details']],
    );
    await setSetting('export.lineBreaks', 'keep');
    try {
      assert.deepEqual((await lines()).slice(0, 2), [
        'We talked about the placement consumer types for a while, and agreed that',
        'the spec needs one more revision before we can approve it. melwitt to',
      ]);
      await setSetting('export.lineBreaks', 'markdown');
      assert.deepEqual(await lines(), [joined, 'Cheers, gibi']);
    } finally {
      await setSetting('export.lineBreaks', undefined);
    }
  });
});

describe('Export Midcycle Email as Message (.eml)', () => {
  it('writes <draft>.eml, which a MIME parser reads back to the exported HTML and text, headers from the front matter', async () => {
    const draft = fixture('reference.md');
    // an earlier test's export: replacing it would ask
    fs.rmSync(path.join(folder().fsPath, 'reference.html'), { force: true });
    const htmlTarget = await vscode.commands.executeCommand<vscode.Uri>('midcycle.exportEmail', draft);
    const target = await vscode.commands.executeCommand<vscode.Uri>('midcycle.exportMessage', draft);
    assert.equal(target?.fsPath, path.join(path.dirname(draft.fsPath), 'reference.eml'));
    const mail = await PostalMime.parse(fs.readFileSync(target.fsPath));
    assert.equal(mail.subject, 'Neutron Mitaka mid-cycle report');
    assert.deepEqual(
      mail.to?.map((a) => ('address' in a ? a.address : '')),
      ['openstack-dev@lists.openstack.org'],
    );
    assert.equal(mail.html?.trimEnd(), fs.readFileSync(htmlTarget.fsPath, 'utf8').trimEnd());
    assert.equal(mail.text?.trimEnd(), exportText(parseReport(fs.readFileSync(draft.fsPath, 'utf8'))).trimEnd());
  });

  it('is what "Export Midcycle Email" writes when the export.format setting says eml', async () => {
    await setSetting('export.format', 'eml');
    try {
      const target = await vscode.commands.executeCommand<vscode.Uri>('midcycle.exportEmail', fixture('short.md'));
      assert.equal(path.basename(target.fsPath), 'short.eml');
      assert.match(fs.readFileSync(target.fsPath, 'utf8'), /^Content-Type: multipart\/alternative;/m);
    } finally {
      await setSetting('export.format', undefined);
    }
  });
});

describe('Copy Email for Pasting', () => {
  it("puts the draft's email on the clipboard as rich text, its text/plain part beside the HTML", async () => {
    const editor = await open('reference.md');
    await vscode.env.clipboard.writeText('before');
    const outcome = await vscode.commands.executeCommand<string>('midcycle.copyEmail');
    assert.equal(outcome, 'rich');
    // VS Code reads the clipboard as plain text: the email's text/plain alternative, not its HTML
    assert.equal((await vscode.env.clipboard.readText()).trimEnd(), exportText(parseReport(editor.document.getText())).trimEnd());
  });

  it('from the preview, copies the email it shows', async () => {
    await open('short.md');
    assert.equal(await vscode.commands.executeCommand<string>('midcycle.copyEmail'), 'rich');
    // the preview is the active editor now: no Markdown editor to read
    assert.equal(vscode.window.activeTextEditor, undefined);
    await vscode.env.clipboard.writeText('before');
    assert.equal(await vscode.commands.executeCommand<string>('midcycle.copyEmail'), 'rich');
    assert.match(await vscode.env.clipboard.readText(), /Topic one: https:\/\/review\.openstack\.org\/#\/c\/283798\//);
  });
});

describe('Import Mailing-List Email', () => {
  it('turns a sent .eml into a draft beside it, never over a file, and opens it', async () => {
    const eml = fixture('weekly.eml');
    const first = await vscode.commands.executeCommand<vscode.Uri>('midcycle.importEmail', eml);
    assert.equal(path.basename(first.fsPath), 'weekly.md');
    const draft = fs.readFileSync(first.fsPath, 'utf8');
    assert.match(draft, /^---\nsubject: "\[keystone\] Weekly meeting summary — Zed"/);
    assert.ok(draft.includes('- OAuth 2.0 support: spec merged, https://review.opendev.org/c/openstack/keystone-specs/+/813152'));
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, first.fsPath);
    const second = await vscode.commands.executeCommand<vscode.Uri>('midcycle.importEmail', eml);
    assert.equal(path.basename(second.fsPath), 'weekly-2.md', 'the first draft is kept');
  });

  it('opens the draft in the active editor group, adding none', async () => {
    await open('short.md');
    const groups = vscode.window.tabGroups.all.length;
    const active = vscode.window.tabGroups.activeTabGroup.viewColumn;
    const draft = await vscode.commands.executeCommand<vscode.Uri>('midcycle.importEmail', fixture('weekly.eml'));
    assert.equal(vscode.window.tabGroups.all.length, groups);
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, draft.fsPath);
    assert.equal(vscode.window.activeTextEditor?.viewColumn, active);
  });

  it('from the palette, imports the .html that is open rather than asking for a file', async () => {
    fs.writeFileSync(
      fixture('sent.html').fsPath,
      '<div dir="ltr"><div>Hi all,</div><ul><li>Gate: https://review.opendev.org/c/openstack/nova/+/828325</li></ul></div>\n',
    );
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fixture('sent.html')));
    const draft = await vscode.commands.executeCommand<vscode.Uri>('midcycle.importEmail');
    assert.equal(path.basename(draft.fsPath), 'sent.md');
    assert.match(fs.readFileSync(draft.fsPath, 'utf8'), /^Hi all,\n\n- Gate: https:\/\/review\.opendev\.org\/c\/openstack\/nova\/\+\/828325\n/);
  });
});

describe('Settings', () => {
  it("apply at once: a rule's severity, then turning it off", async () => {
    const editor = await open('mistakes.md');
    const uri = editor.document.uri;
    await waitFor('diagnostics', () => midcycleDiagnostics(uri).length === 5);
    try {
      await setSetting('severity', { 'bug-plural': 'warning', 'link-space': 'off' });
      const diagnostics = await waitFor('new severities', () => midcycleDiagnostics(uri).length === 4 && midcycleDiagnostics(uri));
      const plural = diagnostics.find((d) => (d.code as { value: string }).value === 'bug-plural')!;
      assert.equal(plural.severity, vscode.DiagnosticSeverity.Warning);
    } finally {
      await setSetting('severity', undefined);
    }
    await waitFor('the defaults again', () => midcycleDiagnostics(uri).length === 5);
  });

  it('midcycle.files narrows which drafts are reports', async () => {
    const editor = await open('mistakes.md');
    const uri = editor.document.uri;
    await waitFor('diagnostics', () => midcycleDiagnostics(uri).length === 5);
    try {
      await setSetting('files', ['**/reports/*.md']);
      await waitFor('no diagnostics for a non-report', () => midcycleDiagnostics(uri).length === 0);
    } finally {
      await setSetting('files', undefined);
    }
    await waitFor('diagnostics again', () => midcycleDiagnostics(uri).length === 5);
  });
});

describe('Link facts', () => {
  let services: FakeServices;
  const draft = [
    '- Routed networks: https://review.openstack.org/#/c/283798/ and https://review.openstack.org/#/c/270000/',
    '- DVR: https://bugs.launchpad.net/nova/+bug/1507499',
    '- Gone: https://review.openstack.org/#/c/999999/',
    '',
  ].join('\n');
  const hostile = 'Add <img src=x onerror=alert(1)> [x](command:workbench.action.quit)';

  before(async () => {
    services = await startFakeServices({
      changes: {
        283798: { subject: hostile, status: 'MERGED', project: 'openstack/neutron', owner: 'Carl Baldwin' },
        270000: { subject: 'Old idea', status: 'ABANDONED', project: 'openstack/neutron' },
      },
      bugs: { 1507499: { title: 'DVR flows missing', tasks: [{ target: 'neutron', status: 'Fix Released' }] } },
    });
    await setSetting('linkFacts.gerritApi', { 'review.openstack.org': services.gerrit });
    await setSetting('linkFacts.launchpadApi', services.launchpad);
    await setSetting('linkFacts.storyboardApi', { 'storyboard.openstack.org': services.storyboard });
    fs.writeFileSync(fixture('facts.md').fsPath, draft);
  });

  after(async () => {
    await setSetting('linkFacts.enabled', undefined);
    await setSetting('linkFacts.gerritApi', undefined);
    await setSetting('linkFacts.launchpadApi', undefined);
    await setSetting('linkFacts.storyboardApi', undefined);
    await services.close();
  });

  it('asks once before looking anything up, and looks nothing up when the writer does not answer', async () => {
    const m = await api();
    const asked: string[] = [];
    m.facts.question = async (message) => {
      asked.push(message);
      return undefined;
    };
    await setSetting('linkFacts.enabled', 'ask');
    const editor = await open('facts.md');
    await waitFor('the question', () => asked.length === 1);
    assert.match(asked[0], /Only their numbers are sent, never the draft/);
    await editor.edit((b) => b.insert(new vscode.Position(3, 0), '- More: https://review.openstack.org/#/c/283798/\n'));
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(asked.length, 1, 'asked once');
    assert.deepEqual(services.requests, [], 'nothing fetched without an answer');
    await vscode.commands.executeCommand('undo');
  });

  it('once allowed: hovers, the tree and Problems show what the services say, escaped; the bug fix names its project', async () => {
    const m = await api();
    m.facts.question = async () => 'Look Up Links';
    const editor = await open('facts.md');
    await vscode.commands.executeCommand('midcycle.refreshLinkFacts');
    const uri = editor.document.uri;
    const diagnostics = await waitFor('the facts diagnostics', () => {
      const d = midcycleDiagnostics(uri);
      return d.length === 3 && d;
    });
    assert.deepEqual(
      diagnostics.map((d) => [d.range.start.line, typeof d.code === 'object' ? d.code.value : d.code, d.severity]),
      [
        [0, 'review-abandoned', vscode.DiagnosticSeverity.Information],
        [1, 'bug-other-project', vscode.DiagnosticSeverity.Warning],
        [2, 'review-not-found', vscode.DiagnosticSeverity.Warning],
      ],
    );
    // the hover: the subject as text, no HTML, no command link
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(0, 30));
    const shown = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(shown, /merged in openstack\/neutron by Carl Baldwin/);
    assert.ok(shown.includes('\\<img src=x onerror=alert\\(1\\)\\>'), shown);
    for (const h of hovers) for (const c of h.contents) if (c instanceof vscode.MarkdownString) assert.ok(!c.isTrusted && !c.supportHtml);
    // a change that is not there: its diagnostic says so in the same hover, ours does not again
    const gone = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(2, 12));
    const goneText = gone.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(goneText, /Gerrit change 999999/);
    assert.doesNotMatch(goneText, /not found/i);
    // the tree: status and title beside each link, the topic's reviews by status
    await waitFor('the tree to show the draft', () => m.tree.current?.uri.toString() === uri.toString());
    const topic = await waitFor('the topic with facts', () => {
      const t = m.tree.getChildren()[0];
      return String(m.tree.getTreeItem(t).description).includes('merged') && t;
    });
    assert.equal(m.tree.getTreeItem(topic).description, '2 reviews · 1 merged · 1 abandoned');
    const [merged] = m.tree.getChildren(topic);
    assert.equal(m.tree.getTreeItem(merged).description, `merged · ${hostile}`);
    assert.equal((m.tree.getTreeItem(merged).iconPath as vscode.ThemeIcon).id, 'git-merge');
    // the quick fix on the bug of another project
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      new vscode.Range(1, 10, 1, 10),
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.title === 'Change to https://bugs.launchpad.net/neutron/+bug/1507499');
    assert.ok(fix, actions.map((a) => a.title).join(', '));
    await vscode.workspace.applyEdit(fix.edit!);
    await waitFor('the bug diagnostic to go', () => !midcycleDiagnostics(uri).some((d) => typeof d.code === 'object' && d.code.value === 'bug-other-project'));
    await vscode.commands.executeCommand('undo');
  });

  it('a service that does not answer: its links get nothing, the reason is told once, links of the other services still get theirs', async () => {
    const m = await api();
    await setSetting('linkFacts.enabled', 'on');
    await setSetting('linkFacts.timeout', 1);
    services.faults.set('/gerrit/*', { type: 'slow', ms: 10_000 });
    const editor = await open('facts.md');
    await vscode.commands.executeCommand('midcycle.refreshLinkFacts');
    await waitFor('the trouble to be known', () => m.facts.troubleText()?.includes('no answer within 1 s'));
    const codes = midcycleDiagnostics(editor.document.uri).map((d) => (typeof d.code === 'object' ? d.code.value : d.code));
    assert.deepEqual(codes, ['bug-other-project']);
    services.faults.clear();
    await setSetting('linkFacts.timeout', undefined);
  });

  it('every other fault of a service: its links get nothing, the status bar says why, the others still get theirs', async () => {
    const m = await api();
    await setSetting('linkFacts.enabled', 'on');
    const faults: [Fault, string][] = [
      [{ type: 'status', status: 500 }, 'HTTP 500'],
      [{ type: 'status', status: 429, retryAfter: '120' }, 'too many requests (HTTP 429)'],
      [{ type: 'malformed' }, 'unreadable answer (not JSON)'],
      [{ type: 'huge', bytes: 2_000_000 }, 'over the 1048576-byte limit'],
      [{ type: 'redirect', location: 'http://example.invalid/changes/1' }, 'redirected to example.invalid, which Midcycle does not follow'],
    ];
    for (const [fault, reason] of faults) {
      services.faults.clear();
      services.faults.set('/gerrit/*', fault);
      const editor = await open('facts.md');
      await vscode.commands.executeCommand('midcycle.refreshLinkFacts');
      await waitFor(`"${reason}" in the status bar's tooltip`, () => m.facts.troubleText()?.includes(reason));
      const codes = midcycleDiagnostics(editor.document.uri).map((d) => (typeof d.code === 'object' ? d.code.value : d.code));
      assert.deepEqual(codes, ['bug-other-project'], reason);
    }
    services.faults.clear();
  });

  it('turned off: no facts, no facts diagnostics', async () => {
    const m = await api();
    await setSetting('linkFacts.enabled', 'off');
    const editor = await open('facts.md');
    await waitFor('the facts diagnostics to go', () => midcycleDiagnostics(editor.document.uri).length === 0);
    assert.equal(m.facts.factsOf(m.store.get(editor.document)!.links[0]), undefined);
  });
});

describe('People', () => {
  it('says which owner is a typo of a nick, as information, and its quick fix writes the nick meant', async () => {
    const text = fs.readFileSync(fixture('reference.md').fsPath, 'utf8');
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
    await vscode.window.showTextDocument(document);
    const [diagnostic] = await waitFor(
      'the owner-unknown diagnostic',
      () => midcycleDiagnostics(document.uri).length === 1 && midcycleDiagnostics(document.uri),
    );
    assert.equal((diagnostic.code as { value: string }).value, 'owner-unknown');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Information);
    assert.equal(diagnostic.message, 'The owner arnax is named only here: did you mean armax (named 3 times in this report)?');
    assert.equal(document.getText(diagnostic.range), 'arnax');
    const fix = await waitFor('the quick fix', async () => {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        document.uri,
        diagnostic.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      return actions.find((a) => a.title === 'Change to armax');
    });
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.equal(document.getText(), text.replace('arnax to respin', 'armax to respin'));
    await waitFor('the diagnostic to go', () => midcycleDiagnostics(document.uri).length === 0);
  });

  it('lists owners that differ only in case as one owner in "Action items by owner"', async () => {
    const m = await api();
    const document = await vscode.workspace.openTextDocument({
      language: 'markdown',
      content: '- Gate: Armax to respin the patch.\n- Docs: armax to review the spec; haleyb to follow up.\n',
    });
    await vscode.window.showTextDocument(document);
    await waitFor('the tree', () => m.tree.current === document && m.tree.getChildren().length === 3);
    const owners = m.tree.getChildren().find((n) => label(m, n) === 'Action items by owner')!;
    assert.deepEqual(
      m.tree.getChildren(owners).map((n) => [label(m, n), m.tree.getTreeItem(n).description]),
      [
        ['Armax', '2 items'],
        ['haleyb', '1 item'],
      ],
    );
  });

  it("offers the roster's nicks where an owner is typed", async () => {
    const content =
      '---\nattendees: ["Mark McClain (mark)", "Assaf Muller (amuller)"]\n---\n\n- Gate: armax and haleyb met; armax to fix it, haleyb to review.\n- AI: \n';
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
    await vscode.window.showTextDocument(document);
    const at = new vscode.Position(5, '- AI: '.length);
    const list = await waitFor('the completions', async () => {
      const result = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, at);
      const ours = result.items.filter((i) => i.kind === vscode.CompletionItemKind.User).sort((a, b) => String(a.sortText).localeCompare(String(b.sortText)));
      return ours.length > 0 && ours;
    });
    assert.deepEqual(
      list.map((i) => [typeof i.label === 'string' ? i.label : i.label.label, i.detail]),
      [
        ['mark', 'attendee'],
        ['amuller', 'attendee'],
        ['armax', 'named 2 times in this report'],
        ['haleyb', 'named 2 times in this report'],
      ],
    );
  });
});

describe('Link snippets', () => {
  it("come after https:// as one types, in the draft's own form, and leave a flagged link when tabbed through", async () => {
    const editor = await open('reference.md');
    const line = editor.document.lineCount - 1;
    await editor.edit((b) => b.insert(new vscode.Position(line, 0), '\n- Later: https://'));
    const at = new vscode.Position(line + 1, '- Later: https://'.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, at, '/');
    const labels = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.equal(labels[0], 'review.openstack.org/#/c/…', labels.join(', '));
    editor.selection = new vscode.Selection(at, at);
    await editor.insertSnippet(
      list.items.find((i) => i.kind === vscode.CompletionItemKind.Snippet)!.insertText as vscode.SnippetString,
      new vscode.Range(at.translate(0, -8), at),
    );
    await vscode.commands.executeCommand('leaveSnippet');
    assert.equal(editor.document.lineAt(line + 1).text, '- Later: https://review.openstack.org/#/c/');
    await waitFor('the flag on the link left', () =>
      midcycleDiagnostics(editor.document.uri).some((d) => d.range.start.line === line + 1 && (d.code as { value: string }).value === 'review-change-missing'),
    );
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});

describe('The incremental updates', () => {
  it('were each what a full parse gives, over every edit this suite made (MIDCYCLE_CHECK_INCREMENTAL=1)', async () => {
    const m = await api();
    assert.equal(process.env.MIDCYCLE_CHECK_INCREMENTAL, '1', 'the runner turns the check on');
    assert.deepEqual(m.store.incrementalErrors, []);
  });
});
