// The extension activated as VS Code would, against the stand-in `vscode` (helpers/standInVscode.ts):
// the commands it registers are the ones the manifest declares, a folder's own settings apply to
// its documents, and what goes wrong where no one sees it is in the Midcycle log.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { extensionContext, resetStandIn, type StandInState } from '../helpers/standInVscode';
import { activate } from '../../../src/extension/extension';

const root = path.join(__dirname, '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  contributes: { commands: { command: string }[]; configuration: { properties: Record<string, { scope?: string }> } };
};

function activated(state: StandInState, extensionPath = root) {
  const context = extensionContext(extensionPath);
  const api = activate(context as unknown as vscode.ExtensionContext);
  return { context, api, state, dispose: () => context.subscriptions.forEach((d) => d.dispose()) };
}

describe('the extension, activated', () => {
  it('registers exactly the commands the manifest declares', () => {
    const run = activated(resetStandIn());
    try {
      const declared = manifest.contributes.commands.map((c) => c.command).sort();
      assert.deepEqual([...run.state.commands.keys()].sort(), declared);
    } finally {
      run.dispose();
    }
  });
});
