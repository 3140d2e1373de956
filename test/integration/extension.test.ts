// Midcycle in a real VS Code extension host, against the fixture workspace (test/fixtures/workspace):
// the tree for a report, navigation, diagnostics and their quick fixes through VS Code's own
// commands, hovers, the export command writing its files, and settings taking effect. The same suite
// runs on the desktop (test/integration/run.mjs, the Node extension host) and on the web
// (test/integration/web/run.mjs, the web worker extension host of a browser-only package): files
// are read through vscode.workspace.fs, never node:fs. What only the desktop has is in node.test.ts.
import { strict as assert } from 'assert';
import PostalMime from 'postal-mime';
import * as vscode from 'vscode';
import { exportText, parseReport } from '../../src/core';
import { api, baseName, fixture, folder, label, midcycleDiagnostics, open, read, remove, setSetting, waitFor } from './helpers';

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
    // on the web the owners' dictionary is fetched by this first draft's parse, and the draft read
    // again when it comes: its action items may come a moment after its topics
    await waitFor('the action items', () => m.tree.getTreeItem(m.tree.getChildren()[3]).description === '6 reviews · 2 bugs · 2 actions');
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
    // on the web, the action items whose owners are weighed come once the word list has been fetched
    const symbols = await waitFor('symbols with their action items', async () => {
      const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
      return s?.[3]?.detail === '6 reviews · 2 bugs · 2 actions' ? s : undefined;
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
    // a draft written in headings: VS Code's Markdown support lists them, Midcycle adds nothing (no
    // second group in the Outline, no item shown apart from its heading); its top-level items it lists
    const document = await vscode.workspace.openTextDocument({
      language: 'markdown',
      content: '# Report\n\n## Nova\n\n- Placement: ok\n  - Quotas\n',
    });
    await vscode.window.showTextDocument(document);
    const names = async (d: vscode.TextDocument) => {
      const s = await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[]>('vscode.executeDocumentSymbolProvider', d.uri);
      return (s ?? []).flatMap(function flat(x: vscode.DocumentSymbol | vscode.SymbolInformation): string[] {
        return [x.name, ...('children' in x ? x.children.flatMap(flat) : [])];
      });
    };
    const headed = await waitFor('the headings', async () => {
      const n = await names(document);
      return n.some((x) => /Nova/.test(x)) ? n : undefined;
    });
    assert.deepEqual(
      headed.filter((n) => /Placement|Quotas/.test(n)),
      [],
      headed.join(', '),
    );
    assert.equal(headed.filter((n) => /Nova/.test(n)).length, 1);
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
    const cursor = vscode.window.activeTextEditor!.selection.active;
    assert.deepEqual([cursor.line, cursor.character], [0, 2], 'the cursor goes with the topic: the view keeps it selected for the next move');
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

  it('follows a keystroke at once; an edit that needs the whole draft read again is read after the keystroke, not in it', async () => {
    const m = await api();
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'Hi,\n\n- First: one\n- Second\n\nBye\n' });
    const editor = await vscode.window.showTextDocument(document);
    await waitFor('the tree', () => m.tree.current === document && m.tree.getChildren().length === 2);
    // the store's own listener runs first (it was registered at activation): what it did is seen here
    const seen: boolean[] = [];
    const listener = vscode.workspace.onDidChangeTextDocument((e) => e.document === document && seen.push(m.store.isCurrent(document)));
    try {
      await editor.edit((b) => b.insert(new vscode.Position(2, 12), ' two'));
      // a reference definition can change links anywhere: the whole draft is read again
      await editor.edit((b) => b.insert(new vscode.Position(5, 0), '[spec]: https://review.opendev.org/c/openstack/nova/+/1\n'));
    } finally {
      listener.dispose();
    }
    assert.deepEqual(seen, [true, false], 'the first edit followed in the keystroke, the second left for later');
    // read when the views next ask, after the pause
    await waitFor('the whole draft read again', () => m.store.isCurrent(document));
    assert.equal(m.store.get(document)?.text.includes('[spec]:'), true);
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
    const text = await read(fixture('mistakes.md'));
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

describe('With the focus in the Output panel', () => {
  it('the tree keeps the draft on screen, and Export exports it', async () => {
    const m = await api();
    const editor = await open('short.md');
    await waitFor('the tree', () => m.tree.current === editor.document);
    await vscode.commands.executeCommand('workbench.action.output.toggleOutput');
    await vscode.commands.executeCommand('workbench.panel.output.focus');
    await waitFor("the Output panel's text as the active editor", () => vscode.window.activeTextEditor?.document.uri.scheme === 'output');
    assert.equal(m.tree.current, editor.document, 'the tree still shows the draft');
    const target = await vscode.commands.executeCommand<vscode.Uri>('midcycle.exportEmail');
    assert.equal(baseName(target), 'short.html');
    await vscode.commands.executeCommand('workbench.action.closePanel');
  });
});

describe('Export Midcycle Email', () => {
  it('writes <draft>.html beside the draft and returns where', async () => {
    const draft = fixture('reference.md');
    const target = await vscode.commands.executeCommand<vscode.Uri>('midcycle.exportEmail', draft);
    assert.equal(target?.toString(), fixture('reference.html').toString());
    const html = await read(target);
    assert.ok(html.startsWith('<div dir="ltr">'));
    assert.ok(html.includes('<a href="https://review.openstack.org/#/c/282876/14">https://review.openstack.org/#/c/282876/14</a>'));
    assert.deepEqual(
      (await vscode.workspace.fs.readDirectory(folder())).filter(([f]) => f.endsWith('.tmp')),
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
      assert.equal(target.toString(), vscode.Uri.joinPath(folder(), 'mail', 'short.html').toString());
      const html = await read(target);
      assert.ok(!html.includes('<font face'), 'no font');
      const text = await read(vscode.Uri.joinPath(folder(), 'mail', 'short.txt'));
      assert.ok(text.includes('~~~~~~~\n\n- Topic one: https://review.openstack.org/#/c/283798/\n- Topic two'));
    } finally {
      for (const key of ['export.directory', 'export.plainText', 'export.listNesting', 'export.font']) await setSetting(key, undefined);
    }
  });
});

describe('Line breaks', () => {
  it('a wrapped paragraph is one line of the email, short typed lines stay lines; the setting and the front matter change that at once', async () => {
    const lines = async () => {
      // an export never replaces a file unasked: the last one goes first
      await remove(fixture('wrapped.html'));
      const target = await vscode.commands.executeCommand<vscode.Uri>('midcycle.exportEmail', fixture('wrapped.md'));
      return [...(await read(target)).matchAll(/<div>(?:<font[^>]*>)?([^<]+)/g)].map((m) => m[1]);
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
    await remove(fixture('reference.html'));
    const htmlTarget = await vscode.commands.executeCommand<vscode.Uri>('midcycle.exportEmail', draft);
    const target = await vscode.commands.executeCommand<vscode.Uri>('midcycle.exportMessage', draft);
    assert.equal(target?.toString(), fixture('reference.eml').toString());
    const mail = await PostalMime.parse(await vscode.workspace.fs.readFile(target));
    assert.equal(mail.subject, 'Neutron Mitaka mid-cycle report');
    assert.deepEqual(
      mail.to?.map((a) => ('address' in a ? a.address : '')),
      ['openstack-dev@lists.openstack.org'],
    );
    assert.equal(mail.html?.trimEnd(), (await read(htmlTarget)).trimEnd());
    assert.equal(mail.text?.trimEnd(), exportText(parseReport(await read(draft))).trimEnd());
  });

  it('is what "Export Midcycle Email" writes when the export.format setting says eml', async () => {
    await setSetting('export.format', 'eml');
    try {
      const target = await vscode.commands.executeCommand<vscode.Uri>('midcycle.exportEmail', fixture('short.md'));
      assert.equal(baseName(target), 'short.eml');
      assert.match(await read(target), /^Content-Type: multipart\/alternative;/m);
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
});

describe('New Report Draft', () => {
  it("opens an untitled Markdown draft with the report skeleton, read from the package's snippet file", async () => {
    await vscode.commands.executeCommand('midcycle.newReport');
    const editor = await waitFor('the new draft', () => vscode.window.activeTextEditor?.document.isUntitled && vscode.window.activeTextEditor);
    assert.equal(editor.document.languageId, 'markdown');
    assert.match(editor.document.getText(), /^---\nsubject: Neutron Mitaka mid-cycle report\nto: openstack-discuss@lists\.openstack\.org\n---/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});

describe('Import Mailing-List Email', () => {
  it('turns a sent .eml into a draft beside it, never over a file, and opens it', async () => {
    const eml = fixture('weekly.eml');
    const first = await vscode.commands.executeCommand<vscode.Uri>('midcycle.importEmail', eml);
    assert.equal(baseName(first), 'weekly.md');
    const draft = await read(first);
    assert.match(draft, /^---\nsubject: "\[keystone\] Weekly meeting summary — Zed"/);
    assert.ok(draft.includes('- OAuth 2.0 support: spec merged, https://review.opendev.org/c/openstack/keystone-specs/+/813152'));
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), first.toString());
    const second = await vscode.commands.executeCommand<vscode.Uri>('midcycle.importEmail', eml);
    assert.equal(baseName(second), 'weekly-2.md', 'the first draft is kept');
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
});

describe('New Report from Meeting Notes', () => {
  it("makes MeetBot's minutes a new draft: its topics in Report Topics, its action items, its people in the front matter", async () => {
    const m = await api();
    const draft = await vscode.commands.executeCommand<vscode.TextDocument>('midcycle.newReportFromNotes', fixture('releng-minutes.txt'));
    assert.ok(draft, 'a draft');
    assert.equal(draft.languageId, 'markdown');
    assert.ok(draft.isUntitled, 'a new draft, to save where the writer likes');
    assert.equal(vscode.window.activeTextEditor?.document, draft);
    assert.match(
      draft.getText(),
      /^---\nsubject: "#fedora-meeting-1: RELENG \(2015-02-09\)"\nattendees: \[dgilmore, bochecha, tyll, pbrobinson, janeznemanic, masta, nirik, sharkcz\]\n---/,
    );
    await waitFor('the tree to show the draft', () => m.tree.current === draft);
    const topics = await waitFor('its topics', () => {
      const t = m.tree.getChildren().map((n) => label(m, n));
      return t.length >= 12 && t;
    });
    assert.deepEqual(topics.slice(0, 3), ['init process', 'Secondary Architectures updates', 'Secondary Architectures update - ppc']);
    const report = await waitFor('its action items', () => {
      const r = m.store.get(draft, true);
      return r && r.actions.length === 3 && r;
    });
    assert.deepEqual(
      report.actions.map((a) => a.owner),
      ['pbrobinson', 'dgilmore', 'dgilmore'],
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});

describe('The last report (previous:)', () => {
  it("lists the reference draft's four action items first in Report Topics, a click opening the reference at each", async () => {
    const m = await api();
    const editor = await open('next.md');
    await waitFor('the tree to show the draft', () => m.tree.current === editor.document);
    const group = await waitFor('From the last report', () => {
      const first = m.tree.getChildren()[0];
      return first && label(m, first) === 'From the last report' && first;
    });
    assert.equal(m.tree.getTreeItem(group).description, 'reference.md · 4 items · 3 not mentioned');
    const items = m.tree.getChildren(group).map((n) => m.tree.getTreeItem(n));
    assert.deepEqual(
      items.map((i) => [typeof i.label === 'string' ? i.label : i.label?.label, i.description]),
      [
        ['carl_baldwin', 'put up model proposal'],
        ['haleyb', 'follow up with code (mentioned)'],
        ['mlavalle', 'track nova development and put notes together'],
        ['arnax', 'respin https://review.openstack.org/#/c/281628/ for updates'],
      ],
    );
    const command = items[2].command!;
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const active = vscode.window.activeTextEditor!;
    assert.equal(baseName(active.document.uri), 'reference.md');
    assert.equal(active.selection.active.line, 61);
    assert.match(active.document.lineAt(61).text, /mlavalle to track nova development/);
  });

  it('says once, on the previous: line, how many open items the draft does not mention', async () => {
    const editor = await open('next.md');
    const [d] = await waitFor('the follow-ups diagnostic', () => {
      const found = midcycleDiagnostics(editor.document.uri).filter((x) => (x.code as { value: string }).value === 'follow-ups-open');
      return found.length > 0 && found;
    });
    assert.equal(d.severity, vscode.DiagnosticSeverity.Information);
    assert.equal(d.range.start.line, 2);
    assert.equal(d.message, '3 open action items of the last report are not mentioned in this draft: say what became of them, or carry them over.');
  });

  it('Carry Over Open Action Items inserts them as a task list under their heading, once; then nothing is said', async () => {
    const m = await api();
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '---\nprevious: reference.md\n---\n\nHi all,\n' });
    await vscode.window.showTextDocument(document);
    await waitFor('the diagnostic', () => midcycleDiagnostics(document.uri).some((x) => (x.code as { value: string }).value === 'follow-ups-open'));
    assert.equal(await vscode.commands.executeCommand<number>('midcycle.carryOverActions'), 4);
    assert.equal(
      document.getText(),
      [
        '---',
        'previous: reference.md',
        '---',
        '',
        'Hi all,',
        '',
        '## Action items from the last report',
        '',
        '- [ ] carl_baldwin to put up model proposal',
        '- [ ] haleyb to follow up with code',
        '- [ ] mlavalle to track nova development and put notes together',
        '- [ ] arnax to respin https://review.openstack.org/#/c/281628/ for updates',
        '',
      ].join('\n'),
    );
    assert.equal(await vscode.commands.executeCommand<number>('midcycle.carryOverActions'), 0, 'once');
    await waitFor('the diagnostic to go', () => !midcycleDiagnostics(document.uri).some((x) => (x.code as { value: string }).value === 'follow-ups-open'));
    await waitFor("the carried items as the draft's own", () => m.store.get(document, true)?.actions.length === 4);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
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

  // a folder's own settings (declared `resource`) apply to its drafts; link facts' (declared `window`) cannot be a folder's
  it("a folder's own setting applies to its drafts; link facts' settings are the window's", async () => {
    const editor = await open('mistakes.md');
    const uri = editor.document.uri;
    await waitFor('diagnostics', () => midcycleDiagnostics(uri).length === 5);
    const config = () => vscode.workspace.getConfiguration('midcycle', uri);
    try {
      await config().update('severity', { 'bug-plural': 'off' }, vscode.ConfigurationTarget.WorkspaceFolder);
      await waitFor("the folder's severity", () => midcycleDiagnostics(uri).length === 4);
      // a window setting cannot be a folder's (the web's assert has no rejects)
      const refused = await config()
        .update('linkFacts.timeout', 20, vscode.ConfigurationTarget.WorkspaceFolder)
        .then(
          () => false,
          () => true,
        );
      assert.equal(refused, true);
    } finally {
      await config().update('severity', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
    }
    await waitFor('the defaults again', () => midcycleDiagnostics(uri).length === 5);
  });
});

describe('The manifest', () => {
  it('declares every command the extension registers, and registers every command it declares', async () => {
    await api();
    const declared = (vscode.extensions.getExtension('midcycle.midcycle')!.packageJSON.contributes.commands as { command: string }[]).map((c) => c.command);
    // VS Code's own commands for the view (midcycle.topics.focus…) have a dot more
    const registered = (await vscode.commands.getCommands(true)).filter((c) => /^midcycle\.\w+$/.test(c));
    assert.deepEqual([...new Set(registered)].sort(), [...declared].sort());
  });
});

describe('People', () => {
  it('says which owner is a typo of a nick, as information, and its quick fix writes the nick meant', async () => {
    const text = await read(fixture('reference.md'));
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

  it('shows a ticked task box as a done action item, and an open one as open', async () => {
    const m = await api();
    const document = await vscode.workspace.openTextDocument({
      language: 'markdown',
      content: '## Action items\n\n- [x] @maria cut the 2.4 branch\n- [ ] @li_wei publish the changelog\n',
    });
    await vscode.window.showTextDocument(document);
    const owners = await waitFor(
      'the owners group',
      () => m.tree.current === document && m.tree.getChildren().find((n) => label(m, n) === 'Action items by owner'),
    );
    const items = m.tree.getChildren(owners).flatMap((owner) => m.tree.getChildren(owner).map((n) => m.tree.getTreeItem(n)));
    const shown = items.map((i) => [typeof i.label === 'string' ? i.label : i.label?.label, i.description, (i.iconPath as vscode.ThemeIcon | undefined)?.id]);
    assert.deepEqual(
      shown.sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
      [
        ['cut the 2.4 branch', 'line 3 (done)', 'pass'],
        ['publish the changelog', 'line 4', 'tasklist'],
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
