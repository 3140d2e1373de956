// The extension activated as VS Code would, against the stand-in `vscode` (helpers/standInVscode.ts):
// the commands it registers are the ones the manifest declares, a folder's own settings apply to
// its documents, and what goes wrong where no one sees it is in the Midcycle log.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { builtBundles, bundleInputs } from '../helpers/builtBundles';
import { changeSettings, document, extensionContext, resetStandIn, type StandInState } from '../helpers/standInVscode';
import { activate } from '../../../src/extension/extension';

const root = path.join(__dirname, '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  contributes: { commands: { command: string }[]; configuration: { properties: Record<string, { scope?: string }> } };
};

/** A draft with one mistake: a bug link written `+bugs` (bug-plural). */
const draft = '- Gate\n  - https://bugs.launchpad.net/nova/+bugs/1963617\n';

function activated(state: StandInState, extensionPath = root) {
  const context = extensionContext(extensionPath);
  const api = activate(context as unknown as vscode.ExtensionContext);
  return { context, api, state, dispose: () => context.subscriptions.forEach((d) => d.dispose()) };
}
const codes = (state: StandInState, file: string) => (state.diagnostics.get(`file://${file}`) ?? []).map((d) => d.code?.value);

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

describe('settings in a multi-root workspace', () => {
  const folders = ['/w/nova', '/w/neutron'];
  const documents = () => [document('/w/nova/report.md', draft), document('/w/neutron/report.md', draft)];

  it("applies a folder's own severity to the documents in that folder, and not to the others", () => {
    const state = resetStandIn({ folders, documents: documents(), settings: { folders: { '/w/neutron': { 'midcycle.severity': { 'bug-plural': 'off' } } } } });
    const run = activated(state);
    try {
      assert.deepEqual(codes(state, '/w/nova/report.md'), ['bug-plural']);
      assert.deepEqual(codes(state, '/w/neutron/report.md'), []);
    } finally {
      run.dispose();
    }
  });

  it("checks only the files a folder's `midcycle.files` names, and follows a change of it", () => {
    const state = resetStandIn({ folders, documents: documents(), settings: { folders: { '/w/nova': { 'midcycle.files': ['reports/*.md'] } } } });
    const run = activated(state);
    try {
      assert.deepEqual(codes(state, '/w/nova/report.md'), []);
      assert.deepEqual(codes(state, '/w/neutron/report.md'), ['bug-plural']);
      changeSettings({ folders: { '/w/neutron': { 'midcycle.files': ['reports/*.md'] } } });
      assert.ok(run.api.store.get(state.documents[0] as unknown as vscode.TextDocument));
      assert.equal(run.api.store.get(state.documents[1] as unknown as vscode.TextDocument), undefined);
    } finally {
      run.dispose();
    }
  });

  it('declares where each setting may be set: per document, or for the window where one service serves every draft', () => {
    const scopes = Object.fromEntries(Object.entries(manifest.contributes.configuration.properties).map(([key, p]) => [key, p.scope]));
    for (const [key, scope] of Object.entries(scopes)) {
      assert.equal(scope, key.startsWith('midcycle.linkFacts.') ? 'window' : 'resource', key);
    }
  });
});

describe('the Midcycle log', () => {
  it('is one log output channel named Midcycle, disposed with the extension', () => {
    const run = activated(resetStandIn());
    try {
      const channel = run.state.channels.get('Midcycle');
      assert.ok(channel?.log, 'a LogOutputChannel named Midcycle');
      assert.deepEqual([...run.state.channels.keys()], ['Midcycle']);
      assert.ok(run.context.subscriptions.some((d) => (d as { name?: string }).name === 'Midcycle'));
    } finally {
      run.dispose();
    }
  });

  it('says which bundle could not be loaded when a command needs it', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'midcycle-no-bundles-'));
    const run = activated(resetStandIn(), empty);
    try {
      await assert.rejects(async () => run.state.commands.get('midcycle.importEmail')!(undefined));
      const lines = run.state.channels.get('Midcycle')!.lines;
      assert.ok(
        lines.some((l) => l.startsWith('[error] could not load the mailImport bundle: ')),
        lines.join('\n'),
      );
    } finally {
      run.dispose();
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('the mail bundles', () => {
  const parsers = /node_modules\/(parse5|postal-mime)\//;

  it("the export bundle carries none of the importers' HTML and MIME parsers, on the desktop and the web; the import bundle does", async () => {
    const { metafiles } = await builtBundles();
    for (const bundle of ['dist/mailExport.js', 'dist/web/mailExport.js'])
      assert.deepEqual(
        bundleInputs(metafiles.get(bundle)!).filter((f) => parsers.test(f)),
        [],
        bundle,
      );
    for (const bundle of ['dist/mailImport.js', 'dist/web/mailImport.js'])
      assert.ok(
        bundleInputs(metafiles.get(bundle)!).some((f) => parsers.test(f)),
        bundle,
      );
  });

  it('the first export or copy loads the export bundle alone', async function () {
    // `npm test` builds first; a bare `mocha` run before any build has no dist/ to load
    if (!fs.existsSync(path.join(root, 'dist', 'mailExport.js'))) this.skip();
    const run = activated(resetStandIn());
    try {
      const all = run.state.channels.get('Midcycle')!.lines;
      const loads = () => all.filter((l) => / bundle /.test(l));
      assert.match(all[0] ?? '', /^\[info\] Midcycle \d+\.\d+\.\d+\S* activated$/, 'the log says it is there');
      assert.deepEqual(loads(), [], 'nothing loaded at activation');
      // what the export and copy commands (and Copy Topic as Email) await before they show an email
      const exporters = await run.api.preview.mail();
      assert.equal(typeof exporters.exportEmail, 'function');
      assert.equal('importDraft' in exporters || 'importMessage' in exporters, false);
      assert.deepEqual(
        loads().map((l) => l.replace(/\(\d+ ms\)/, '(… ms)')),
        ['[info] loaded the mailExport bundle (… ms)'],
      );
    } finally {
      run.dispose();
    }
  });
});
