// Midcycle in the desktop's Node extension host only (test/integration/run.mjs): what needs Node
// beside VS Code, or behaves otherwise on the web. Link facts, looked up from fake services this
// process starts (looking links up is off on the web: see src/extension/platform/webPlatform.ts);
// Copy Email for Pasting run from the preview (in code-server's web worker host the preview taking
// the focus did not make activeTextEditor undefined within 30 s, so there the command copies the
// draft instead, which the shared suite's copy test covers); the incremental parse's check, turned
// on by an environment variable.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { startFakeServices, type Fault, type FakeServices } from '../unit/helpers/fakeServices';
import { startFakeEtherpad, type FakeEtherpad } from '../unit/helpers/fakeEtherpad';
import type { MidcycleApi } from '../../src/extension/activation';
import { api, fixture, folder, midcycleDiagnostics, open, setSetting, waitFor } from './helpers';

describe('Copy Email for Pasting, from the preview', () => {
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

describe('Rule pages', () => {
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
});

describe('Localisation', () => {
  it('ships its string bundle (l10n/bundle.l10n.json), where VS Code finds the strings to translate', () => {
    const ext = vscode.extensions.getExtension('midcycle.midcycle')!;
    assert.equal((ext.packageJSON as { l10n?: string }).l10n, './l10n');
    const bundle = JSON.parse(fs.readFileSync(vscode.Uri.joinPath(ext.extensionUri, 'l10n', 'bundle.l10n.json').fsPath, 'utf8')) as Record<string, string>;
    // English: each string its own key, as the tree shows it
    assert.equal(bundle['Action items by owner'], 'Action items by owner');
    assert.equal(bundle['Fix all malformed links in this report'], 'Fix all malformed links in this report');
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

  it('asks before an export folder setting writes outside the workspace, and writes nothing unless told', async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'midcycle-outside-'));
    await setSetting('export.directory', outside);
    try {
      asked.length = 0;
      answer = () => undefined;
      assert.equal(await vscode.commands.executeCommand('midcycle.exportEmail', fixture('short.md')), undefined);
      assert.deepEqual(
        asked.map((a) => [a.modal, a.choices]),
        [[true, ['Export There', 'Save As…']]],
      );
      assert.match(asked[0].message, /leads outside the workspace, to .*short\.html\. Export there\?$/);
      assert.deepEqual(fs.readdirSync(outside), [], 'nothing written, no temporary file');
      answer = (choices) => choices.find((c) => c === 'Export There');
      const target = await vscode.commands.executeCommand<vscode.Uri>('midcycle.exportEmail', fixture('short.md'));
      assert.equal(target.fsPath, path.join(outside, 'short.html'));
      assert.deepEqual(fs.readdirSync(outside), ['short.html']);
    } finally {
      await setSetting('export.directory', undefined);
      fs.rmSync(outside, { recursive: true, force: true });
    }
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

describe('Import from the palette', () => {
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

describe('The incremental updates', () => {
  it('were each what a full parse gives, over every edit this suite made (MIDCYCLE_CHECK_INCREMENTAL=1)', async () => {
    const m = await api();
    assert.equal(process.env.MIDCYCLE_CHECK_INCREMENTAL, '1', 'the runner turns the check on');
    assert.deepEqual(m.store.incrementalErrors, []);
  });
});

describe('New Report from Meeting Notes, from a pad', () => {
  let pad: FakeEtherpad;
  before(async () => {
    // the pad's text as the suite's bundle carries it: the stand-in serves what a PTG pad exports
    pad = await startFakeEtherpad({
      'nova-zed-ptg': [
        'Nova Zed PTG',
        '============',
        '',
        'Attendees:',
        '\t* Balazs Gibizer (gibi)',
        '\t* Sylvain Bauza (bauzas)',
        '',
        'Topic: placement consumer types (gibi)',
        '\t* spec: https://review.opendev.org/c/openstack/nova-specs/+/818283',
        '\t* +1',
        '\t* AI: gibi to update the spec with the quota details',
        'Topic: unified limits (bauzas)',
        '\t* o/',
        '\t* bauzas to write the upgrade doc',
        '',
      ].join('\n'),
    });
    await setSetting('hosts.etherpad', ['etherpad.openstack.org', 'etherpad.opendev.org', pad.host]);
  });
  after(async () => {
    await setSetting('hosts.etherpad', undefined);
    await pad.close();
  });

  it("reads the pad's text export on an etherpad host, without a question, and opens the draft: topics, links, action items, attendees", async () => {
    const m = await api();
    const draft = await vscode.commands.executeCommand<vscode.TextDocument>('midcycle.newReportFromNotes', `${pad.origin}/p/nova-zed-ptg`);
    assert.ok(draft);
    assert.equal(pad.requests.at(-1)?.path, '/p/nova-zed-ptg/export/txt');
    assert.match(pad.requests.at(-1)?.userAgent ?? '', /^midcycle\/\S+ \(VS Code; meeting notes/);
    const text = draft.getText();
    assert.match(text, /^---\nsubject: Nova Zed PTG\nattendees: \[Balazs Gibizer \(gibi\), Sylvain Bauza \(bauzas\)\]\n/);
    assert.ok(text.includes(`Notes: ${pad.origin}/p/nova-zed-ptg`));
    assert.ok(!/^\s*- \+1$|^\s*- o\/$/m.test(text), 'votes and waves dropped');
    const report = await waitFor('its action items', () => {
      const r = m.store.get(draft, true);
      return r && r.actions.length === 2 && r;
    });
    assert.deepEqual(
      report.actions.map((a) => [a.owner, a.text]),
      [
        ['gibi', 'update the spec with the quota details'],
        ['bauzas', 'write the upgrade doc'],
      ],
    );
    assert.ok(report.links.some((l) => l.url === 'https://review.opendev.org/c/openstack/nova-specs/+/818283'));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('says in one line why a pad cannot be read, and opens nothing', async () => {
    const before = vscode.workspace.textDocuments.length;
    const draft = await vscode.commands.executeCommand<vscode.TextDocument | undefined>('midcycle.newReportFromNotes', `${pad.origin}/p/nope`);
    assert.equal(draft, undefined);
    assert.equal(vscode.workspace.textDocuments.length, before);
  });
});
