// The loop in the editor, against the stand-in `vscode` (helpers/standInVscode.ts) and the built
// bundles: a draft naming its last report gets "From the last report" in Report Topics (the
// reference draft's four action items, a click opening it at each), one diagnostic on its
// `previous:` line, and Carry Over inserts the open items once. A draft without `previous:` loads
// nothing of it. (The same in a real VS Code: test/integration.)
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { document, extensionContext, resetStandIn, type StandInState } from '../helpers/standInVscode';
import { activate } from '../../../src/extension/extension';
import { presentNode } from '../../../src/extension/topicNodes';

const root = path.join(__dirname, '..', '..', '..');

async function until<T>(what: string, probe: () => T | undefined | false): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('the loop in the editor', function () {
  let dir: string;
  let state: StandInState;
  let run: { context: ReturnType<typeof extensionContext>; api: ReturnType<typeof activate> };
  const codes = (file: string) => (state.diagnostics.get(`file://${file}`) ?? []).map((d) => d.code?.value);
  const loads = () => state.channels.get('Midcycle')!.lines.filter((l) => / bundle /.test(l));

  beforeEach(function () {
    // the follow-ups are a bundle of their own: `npm test` builds first; a bare `mocha` run before any build has none
    if (!fs.existsSync(path.join(root, 'dist', 'followUpsService.js'))) this.skip();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midcycle-loop-editor-'));
    fs.copyFileSync(path.join(root, 'examples', 'neutron-mitaka-midcycle.md'), path.join(dir, '2016-mitaka.md'));
  });
  afterEach(() => {
    run?.context.subscriptions.forEach((d) => d.dispose());
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });
  const start = (...documents: ReturnType<typeof document>[]) => {
    state = resetStandIn({ folders: [dir], documents });
    const context = extensionContext(root);
    run = { context, api: activate(context as unknown as vscode.ExtensionContext) };
  };

  it('loads nothing of it for a draft without previous:', async () => {
    start(document(path.join(dir, 'plain.md'), '- Gate: all green.\n'));
    await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(loads(), []);
    assert.deepEqual(codes(path.join(dir, 'plain.md')), []);
  });

  it("lists the last report's four action items first in Report Topics, each opening the last report at its line", async () => {
    const draft = document(
      path.join(dir, 'newton.md'),
      '---\nprevious: 2016-mitaka.md\n---\n\n- L3: haleyb followed up with the code for the gateway ports.\n',
    );
    start(draft);
    const tree = run.api.tree;
    const group = await until('the follow-ups group', () => {
      tree.show(draft as unknown as vscode.TextDocument, true);
      const first = tree.getChildren()[0];
      return first?.type === 'group' && first.group === 'followUps' && first;
    });
    assert.deepEqual(
      [presentNode(group).label, presentNode(group).description, presentNode(group).collapsible],
      ['From the last report', '2016-mitaka.md · 4 items · 3 not mentioned', 'expanded'],
    );
    const items = tree.getChildren(group).map((n) => tree.getTreeItem(n));
    assert.deepEqual(
      items.map((i) => [i.label, i.description, (i.iconPath as { id: string }).id]),
      [
        ['carl_baldwin', 'put up model proposal', 'circle-large-outline'],
        ['haleyb', 'follow up with code (mentioned)', 'comment-discussion'],
        ['mlavalle', 'track nova development and put notes together', 'circle-large-outline'],
        ['arnax', 'respin https://review.openstack.org/#/c/281628/ for updates', 'circle-large-outline'],
      ],
    );
    const [uri, range] = items[2].command!.arguments as [{ toString(): string }, { start: { line: number } }];
    assert.equal(uri.toString(), `file://${path.join(dir, '2016-mitaka.md')}`);
    assert.equal(range.start.line, 61);
    assert.deepEqual(
      loads().map((l) => l.replace(/\(\d+ ms\)/, '')),
      ['[info] loaded the followUpsService bundle '],
    );
  });

  it('says on the previous: line how many open items go unmentioned; Carry Over inserts them once, and then nothing is said', async () => {
    const file = path.join(dir, 'newton.md');
    const draft = document(file, '---\nprevious: 2016-mitaka.md\n---\n\nHi all,\n');
    start(draft);
    state.activeDocument = draft;
    await until('the follow-ups diagnostic', () => codes(file).includes('follow-ups-open'));
    const [d] = state.diagnostics.get(`file://${file}`)!;
    assert.equal(d.message, '4 open action items of the last report are not mentioned in this draft: say what became of them, or carry them over.');
    assert.equal(d.range.start.line, 1);
    const carry = state.commands.get('midcycle.carryOverActions')!;
    assert.equal(await carry(), 4);
    assert.match(
      draft.getText(),
      /\n## Action items from the last report\n\n- \[ \] carl_baldwin to put up model proposal\n- \[ \] haleyb to follow up with code\n/,
    );
    assert.equal(await carry(), 0, 'once');
    assert.equal(state.messages.at(-1), 'The open action items of the last report are carried over already.');
    const report = run.api.store.get(draft as unknown as vscode.TextDocument)!;
    assert.deepEqual(run.api.lastReports.diagnostics(draft as unknown as vscode.TextDocument, report), []);
  });

  it('says why when the last report cannot be read', async () => {
    const file = path.join(dir, 'newton.md');
    start(document(file, '---\nprevious: ../nowhere/2015.md\n---\n\nHi\n'));
    await until('the diagnostic', () => codes(file).includes('previous-unreadable'));
    assert.equal(state.diagnostics.get(`file://${file}`)![0].message, 'The last report (../nowhere/2015.md) cannot be read: no such file.');
  });
});
