// VS Code for the Web and the trackers beyond OpenStack's (dist/web/otherTrackers.js): fetched the
// first time a draft needs them, not at activation; the draft is read again when they come.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { document, extensionContext, resetStandIn, standInVscode } from '../../helpers/standInVscode';
import { evaluateBundle } from '../../../../src/extension/platform/webPlatform';
import type { MidcycleApi } from '../../../../src/extension/activation';

const root = path.join(__dirname, '..', '..', '..', '..');
const entry = path.join(root, 'dist', 'web', 'extension.js');

async function until(done: () => boolean, ms = 5000): Promise<void> {
  for (const end = Date.now() + ms; !done() && Date.now() < end;) await new Promise((r) => setTimeout(r, 10));
}

describe('VS Code for the Web, a draft of GitHub links', () => {
  const realFetch = globalThis.fetch;
  let fetched: string[];

  beforeEach(function () {
    // `npm test` builds first; a bare `mocha` run before any build has no dist/ to load
    if (!fs.existsSync(entry)) this.skip();
    fetched = [];
    globalThis.fetch = (async (url: string) => {
      const file = new URL(url).pathname;
      fetched.push(path.relative(root, file));
      const text = fs.readFileSync(file, 'utf8');
      return { ok: true, status: 200, statusText: 'OK', text: async () => text };
    }) as unknown as typeof fetch;
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('fetches the other trackers when a draft first has such a link, and reads it again with them', async () => {
    const state = resetStandIn();
    const web = evaluateBundle(fs.readFileSync(entry, 'utf8'), entry, standInVscode) as { activate(context: vscode.ExtensionContext): Promise<MidcycleApi> };
    const context = extensionContext(root);
    const api = await web.activate(context as unknown as vscode.ExtensionContext);
    try {
      assert.ok(!fetched.includes('dist/web/otherTrackers.js'), 'not at activation');
      const openstack = document('/w/neutron.md', '- Gate: https://review.opendev.org/c/openstack/neutron/+/283798\n');
      state.documents.push(openstack);
      assert.equal(api.store.get(openstack as unknown as vscode.TextDocument)!.links[0].kind, 'review');
      assert.ok(!fetched.includes('dist/web/otherTrackers.js'), 'not for a draft of OpenStack links');
      const draft = document('/w/tsc.md', '- doc: improve transparency https://github.com/nodejs/node/pull/58837\n');
      state.documents.push(draft);
      const kinds = () => api.store.get(draft as unknown as vscode.TextDocument)!.links.map((l) => l.kind);
      // read before the trackers are here: a link, then a pull request once they come
      assert.deepEqual(kinds(), ['other']);
      await until(() => kinds()[0] === 'pull-request');
      assert.deepEqual(kinds(), ['pull-request']);
      assert.equal(fetched.filter((f) => f === 'dist/web/otherTrackers.js').length, 1);
    } finally {
      context.subscriptions.forEach((d) => d.dispose());
    }
  });
});
