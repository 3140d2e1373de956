// The other trackers (GitHub, Jira, Bugzilla, Chromium…) in a real VS Code, on the desktop and on the
// web: a draft of W3C-style minutes shows its pull requests and issues in Report Topics, its
// malformed links in Problems with their fixes, hovers that say what an item is, and completions
// after `https://`, `github.com/` and `#`. On the web the other trackers' bundle comes on demand:
// the draft is read again when it is here, so each waits for what it checks.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { api, label, midcycleDiagnostics, waitFor } from './helpers';

const DRAFT = [
  '---',
  'subject: WECG meeting',
  'repository: w3c/webextensions',
  '---',
  '',
  '- Triage: https://github.com/w3c/webextensions/issues/790 and https://github.com/w3c/webextensions/pull/792/files',
  '  - Firefox: https://bugzilla.mozilla.org/show_bug.cgi?id=1876214, Chrome: https://crbug.com/40196501',
  '  - Follow-up to #617, and https://github.com/w3c/webextensions/pulls/793',
  '',
].join('\n');

async function draft(): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: DRAFT });
  return vscode.window.showTextDocument(document);
}

describe('the other trackers', () => {
  // each test's draft is an untitled document: reverted and closed, so that no save is asked for
  afterEach(async () => {
    if (vscode.window.activeTextEditor?.document.isUntitled) await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it("counts a topic's pull requests, issues and bugs in Report Topics", async () => {
    const m = await api();
    const editor = await draft();
    await waitFor('the tree to show the draft', () => m.tree.current === editor.document);
    const triage = await waitFor('the counts', () => {
      const node = m.tree.getChildren().find((n) => label(m, n) === 'Triage');
      const description = node && m.tree.getTreeItem(node).description;
      return description === '2 pull requests · 2 bugs · 2 issues' && node;
    });
    assert.ok(triage);
    const kinds = m.tree.getChildren().find((n) => label(m, n) === 'Links by kind')!;
    assert.deepEqual(
      m.tree.getChildren(kinds).map((k) => label(m, k)),
      ['Pull requests', 'Bugs', 'Issues'],
    );
  });

  it('flags `pulls/` with its fix, and nothing else', async () => {
    const editor = await draft();
    const [d] = await waitFor('the diagnostic', () => midcycleDiagnostics(editor.document.uri).length === 1 && midcycleDiagnostics(editor.document.uri));
    assert.equal(typeof d.code === 'object' ? d.code.value : d.code, 'github-item-path');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, d.range);
    assert.ok(
      actions.some((a) => a.title.includes('https://github.com/w3c/webextensions/pull/793')),
      actions.map((a) => a.title).join(', '),
    );
  });

  it('says in a hover what a pull request, a bug and a short reference are', async () => {
    const editor = await draft();
    const hoverAt = async (text: string) => {
      const line = DRAFT.split('\n').findIndex((l) => l.includes(text));
      const position = new vscode.Position(line, editor.document.lineAt(line).text.indexOf(text) + 2);
      return waitFor(`a hover on ${text}`, async () => {
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position);
        const texts = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)));
        return texts.length > 0 && texts.join('\n');
      });
    };
    assert.match(await hoverAt('https://github.com/w3c/webextensions/pull/792'), /\*\*GitHub pull request \\#792\*\* in w3c\/webextensions/);
    assert.match(await hoverAt('https://crbug.com/40196501'), /\*\*Chromium bug 40196501\*\*/);
    assert.match(await hoverAt('#617'), /\*\*GitHub issue or pull request \\#617\*\*/);
  });

  it("completes `#` with the draft's issues and pull requests, and `https://` with GitHub's forms", async () => {
    const editor = await draft();
    const line = editor.document.lineCount - 1;
    await editor.edit((b) => b.insert(new vscode.Position(line, 0), '- See #'));
    const at = new vscode.Position(line, '- See #'.length);
    const references = await waitFor('the references', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, at, '#');
      const ours = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Reference);
      return ours.length > 0 && ours.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    });
    assert.deepEqual(references, ['#790', '#792', '#617']);
    await editor.edit((b) => b.insert(at, ' https://'));
    const scheme = at.translate(0, ' https://'.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, scheme, '/');
    const forms = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(forms.includes('github.com/w3c/webextensions/pull/…'), forms.join(', '));
  });
});
