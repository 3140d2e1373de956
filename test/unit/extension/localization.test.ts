// Localisation: the string bundle the .vsix ships is the one the sources give, no string in it or in
// package.nls.json is empty, and a bundle for another language reaches the pure modules (the tree,
// the hovers) and the mail bundle, which go through @vscode/l10n rather than `vscode.l10n`.
import * as l10n from '@vscode/l10n';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { parseReport } from '../../../src/core';
import { hoverMarkdown } from '../../../src/extension/hoverText';
import { evaluateBundle } from '../../../src/extension/platform/webPlatform';
import { buildTopicNodes, presentNode } from '../../../src/extension/topicNodes';
import { previewParts } from '../../../src/mail/emailPreviewHtml';
import { useDisplayLanguage } from '../../../src/mail/localization';

const root = path.join(__dirname, '..', '..', '..');
const bundlePath = path.join(root, 'l10n', 'bundle.l10n.json');
const readJson = (p: string) => JSON.parse(fs.readFileSync(p, 'utf8')) as Record<string, unknown>;

/** A made-up language: each string marked, so that one left in English shows. */
const PSEUDO = {
  'Action items by owner': '⟦Àçţîöñ îţéɱš ƀý öŵñéŕ⟧',
  '{0} items': '⟦{0} îţéɱš⟧',
  'Links by kind': '⟦Ļîñķš ƀý ķîñð⟧',
  '**Launchpad bug {0}**{1}{2}': '⟦**Ɓûĝ {0}**{1}{2}⟧',
  'in {0}': '⟦îñ {0}⟧',
  'Open in browser': '⟦Öþéñ⟧',
  'Saved as {0}': '⟦Šåvéð åš {0}⟧',
};

const report = parseReport('# Notes\n\n- Fix it https://bugs.launchpad.net/nova/+bug/1234\n  - action: alice to look at it\n');
const group = (name: 'owners' | 'kinds') => buildTopicNodes(report).find((n) => n.type === 'group' && n.group === name)!;

describe('localisation', () => {
  after(() => l10n.config({ contents: {} }));

  it('ships l10n/bundle.l10n.json as `npm run l10n` exports it from the sources', () => {
    const check = spawnSync(process.execPath, [path.join(root, 'scripts', 'l10n.mjs'), '--check'], { cwd: root, encoding: 'utf8' });
    assert.equal(check.status, 0, check.stderr);
    assert.equal(readJson(path.join(root, 'package.json')).l10n, './l10n');
  });

  it('has no empty string in package.nls.json or the bundle, and the bundle is English (each string its own key)', () => {
    const nls = readJson(path.join(root, 'package.nls.json'));
    const bundle = readJson(bundlePath);
    assert.ok(Object.keys(bundle).length > 100, 'the bundle has the extension’s strings');
    for (const [key, value] of [...Object.entries(nls), ...Object.entries(bundle)]) {
      assert.equal(typeof value, 'string', key);
      assert.ok(key.trim() && (value as string).trim(), `empty string: ${JSON.stringify(key)}`);
    }
    for (const [key, value] of Object.entries(bundle)) assert.equal(value, key);
  });

  it('names, in the bundle, every string a pseudo-locale below translates', () => {
    const bundle = readJson(bundlePath);
    for (const key of Object.keys(PSEUDO)) assert.ok(key in bundle, key);
  });

  it('gives the tree and the hovers in the language of the bundle @vscode/l10n is configured with, then in English again', () => {
    const link = report.links[0];
    const english = { owners: presentNode(group('owners')), kinds: presentNode(group('kinds')), hover: hoverMarkdown(link) };
    assert.equal(english.owners.label, 'Action items by owner');

    l10n.config({ contents: PSEUDO });
    try {
      const owners = presentNode(group('owners'));
      assert.equal(owners.label, '⟦Àçţîöñ îţéɱš ƀý öŵñéŕ⟧');
      assert.equal(presentNode(group('kinds')).label, '⟦Ļîñķš ƀý ķîñð⟧');
      // a string the bundle does not have stays English
      assert.equal(presentNode(group('kinds')).description, english.kinds.description);
      assert.equal(hoverMarkdown(link), '⟦**Ɓûĝ 1234**' + ' ⟦îñ nova⟧⟧\n\n[⟦Öþéñ⟧](https://bugs.launchpad.net/nova/+bug/1234)');
    } finally {
      l10n.config({ contents: {} });
    }
    assert.deepEqual({ owners: presentNode(group('owners')), kinds: presentNode(group('kinds')), hover: hoverMarkdown(link) }, english);
  });

  it("configures the mail bundle's strings from the VS Code API its entry points are handed", () => {
    const code = (bundle?: Record<string, string>) => ({ l10n: { bundle } }) as unknown as typeof vscode;
    const saved = () => previewParts({ html: '', frontMatter: {}, savedAs: 'r.html' }).saved;
    useDisplayLanguage(code(undefined));
    assert.equal(saved(), 'Saved as r.html');
    try {
      useDisplayLanguage(code(PSEUDO));
      assert.equal(saved(), '⟦Šåvéð åš r.html⟧');
    } finally {
      l10n.config({ contents: {} });
    }
  });

  /** A VS Code API with a bundle that translates the import dialog's title, and what that dialog was asked with. */
  function importApi(): { code: typeof vscode; title: () => string | undefined } {
    let title: string | undefined;
    const code = {
      Uri: class {},
      TabInputText: class {},
      TabInputCustom: class {},
      l10n: { bundle: { 'Import Mailing-List Email': '⟦Ìɱþöŕţ⟧' } },
      window: {
        activeTextEditor: undefined,
        tabGroups: { activeTabGroup: { activeTab: undefined } },
        showOpenDialog: async (options: { title: string }) => {
          title = options.title;
          return undefined;
        },
      },
    } as unknown as typeof vscode;
    return { code, title: () => title };
  }

  // `npm test` builds first; a bare `mocha` run before any build has no dist/ to load
  it('configures the built dist/mailImport.js, which has its own copy of @vscode/l10n, when its import is run', async function () {
    const bundle = path.join(root, 'dist', 'mailImport.js');
    if (!fs.existsSync(bundle)) this.skip();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the built bundle, as the extension loads it
    const mailbox = require(bundle) as typeof import('../../../src/mailImport');
    const api = importApi();
    assert.equal(await mailbox.importDraft(api.code, undefined), undefined);
    assert.equal(api.title(), '⟦Ìɱþöŕţ⟧');
    // the sources' copy (the tree's, in these tests) was not touched by the bundle's
    assert.equal(presentNode(group('owners')).label, 'Action items by owner');
  });

  it('configures dist/web/mailImport.js too, run as the web platform runs it', async function () {
    const bundle = path.join(root, 'dist', 'web', 'mailImport.js');
    if (!fs.existsSync(bundle)) this.skip();
    const api = importApi();
    const mailbox = evaluateBundle(fs.readFileSync(bundle, 'utf8'), bundle, api.code) as typeof import('../../../src/mailImport');
    assert.equal(await mailbox.importDraft(api.code, undefined), undefined);
    assert.equal(api.title(), '⟦Ìɱþöŕţ⟧');
  });
});
