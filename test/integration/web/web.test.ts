// What is true of Midcycle on the web only, in VS Code for the Web's web worker extension host
// (test/integration/web/run.mjs installs a browser-only package of it).
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { api, open, setSetting, waitFor } from '../helpers';

describe('VS Code for the Web', () => {
  it('runs the browser build in a web worker: no Node, no main', async () => {
    const ext = vscode.extensions.getExtension('midcycle.midcycle')!;
    assert.equal(ext.packageJSON.main, undefined);
    assert.equal(ext.packageJSON.browser, './dist/web/extension.js');
    assert.equal(typeof (globalThis as { process?: unknown }).process, 'undefined');
    assert.equal(typeof (globalThis as { importScripts?: unknown }).importScripts, 'function', 'a worker');
    assert.ok((await api()).store);
  });

  it('looks no link up, even when the setting says on, and asks nothing', async () => {
    const m = await api();
    const asked: string[] = [];
    m.facts.question = async (message) => {
      asked.push(message);
      return 'Look Up Links';
    };
    await setSetting('linkFacts.enabled', 'on');
    try {
      const editor = await open('reference.md');
      await waitFor('the draft to be read', () => m.tree.current === editor.document);
      await vscode.commands.executeCommand('midcycle.refreshLinkFacts');
      await new Promise((r) => setTimeout(r, 1500));
      const report = m.store.get(editor.document)!;
      assert.deepEqual(asked, []);
      assert.equal(m.facts.troubleText(), undefined);
      assert.ok(report.links.every((l) => m.facts.factsOf(l) === undefined));
    } finally {
      await setSetting('linkFacts.enabled', undefined);
    }
  });
});
