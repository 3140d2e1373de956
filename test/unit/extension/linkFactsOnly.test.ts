// Link facts where only some trackers can be asked (VS Code for the Web: GitHub's API alone answers
// a browser's cross-origin request; platform.ts `linkFactsOnly`), against the stand-in `vscode`,
// the built link facts bundle and the fake services: a draft's GitHub links are looked up, its
// Gerrit link beside them is never asked, the writer is told why once, and Refresh Link Facts on a
// draft with no GitHub link says why instead of asking. (In a real VS Code for the Web: test/e2e.)
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { document, extensionContext, resetStandIn, standInVscode, Uri, type StandInState } from '../helpers/standInVscode';
import { startFakeServices, type FakeServices } from '../helpers/fakeServices';
import { activateMidcycle, type MidcycleApi } from '../../../src/extension/activation';
import { nodePlatform } from '../../../src/extension/platform/nodePlatform';
import { createLog } from '../../../src/extension/log';

const root = path.join(__dirname, '..', '..', '..');
const WHY = "looks up GitHub's links only (a test's words)";

async function until<T>(what: string, probe: () => T | undefined | false, ms = 5000): Promise<T> {
  for (const end = Date.now() + ms; Date.now() < end;) {
    const value = probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("link facts where only GitHub's links can be looked up (the web)", function () {
  let dir: string;
  let fake: FakeServices;
  let state: StandInState;
  let context: ReturnType<typeof extensionContext>;
  let api: MidcycleApi;

  beforeEach(async function () {
    // the service is a bundle of its own: `npm test` builds first; a bare `mocha` run before any build has none
    if (!fs.existsSync(path.join(root, 'dist', 'linkFactsService.js'))) this.skip();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midcycle-facts-only-'));
    fake = await startFakeServices({
      github: { 'nodejs/node#58837': { title: 'src: add the permission model audit log', state: 'closed', pull: true, merged: true, user: 'rafaelgss' } },
      changes: { 912345: { subject: 'Unified limits', status: 'NEW', project: 'openstack/nova' } },
    });
  });
  afterEach(async () => {
    context?.subscriptions.forEach((d) => d.dispose());
    await fake?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const start = (...documents: ReturnType<typeof document>[]) => {
    state = resetStandIn({
      folders: [dir],
      documents,
      settings: {
        user: {
          'midcycle.linkFacts.enabled': 'on',
          'midcycle.linkFacts.githubApi': fake.github,
          'midcycle.linkFacts.gerritApi': { 'review.opendev.org': fake.gerrit },
        },
      },
    });
    context = extensionContext(root);
    // the cache in the test's folder, not the repository's
    context.globalStorageUri = Uri.file(path.join(dir, 'storage'));
    const code = standInVscode as unknown as typeof vscode;
    const platform = {
      ...nodePlatform(code, context.extensionUri as unknown as vscode.Uri, createLog(code)),
      linkFactsOnly: { trackers: new Set(['github']), why: WHY },
    };
    api = activateMidcycle(context as unknown as vscode.ExtensionContext, platform);
  };

  it('looks up the GitHub link, never the Gerrit link beside it, and says why once', async () => {
    const draft = document(
      path.join(dir, 'tsc.md'),
      '# TSC\n\n- https://github.com/nodejs/node/pull/58837\n- https://review.opendev.org/c/openstack/nova/+/912345\n',
    );
    start(draft);
    const report = await until('the draft read', () => api.store.get(draft as unknown as vscode.TextDocument));
    const facts = await until('the pull request looked up', () => api.facts.factsOf(report.links[0]));
    assert.equal(facts.state, 'found');
    assert.equal(facts.state === 'found' && facts.facts.title, 'src: add the permission model audit log');
    await new Promise((r) => setTimeout(r, 1200)); // past the lookups' pause: nothing else is asked
    assert.deepEqual(fake.requests, ['/github/repos/nodejs/node/pulls/58837']);
    assert.equal(api.facts.factsOf(report.links[1]), undefined);
    assert.deepEqual(
      state.messages.filter((m) => m === WHY),
      [WHY],
    );
  });

  it('Refresh Link Facts on a draft without GitHub links says why, and asks nothing', async () => {
    const draft = document(path.join(dir, 'nova.md'), '# Nova\n\n- https://review.opendev.org/c/openstack/nova/+/912345\n');
    start(draft);
    state.activeDocument = draft;
    await until('the draft read', () => api.store.get(draft as unknown as vscode.TextDocument));
    state.messages.length = 0;
    await state.commands.get('midcycle.refreshLinkFacts')!();
    assert.deepEqual(state.messages, [WHY]);
    assert.deepEqual(fake.requests, []);
  });
});
