// The desktop's and the web's bundle loaders (src/extension/platform), with VS Code's API faked:
// the web's runs a CommonJS bundle as VS Code's web worker host runs an extension's `browser` entry.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { onceEach } from '../../../../src/extension/platform/platform';
import { nodePlatform } from '../../../../src/extension/platform/nodePlatform';
import { provideBundle, providedBundle } from '../../../../src/extension/platform/providedBundles';
import { evaluateBundle, webLinkFactsOnlyGitHub, webPlatform } from '../../../../src/extension/platform/webPlatform';

/** Just enough of `vscode` for the loaders: Uri.joinPath, fsPath and toString, workspace.fs.readFile. */
function fakeCode(): typeof vscode {
  const uri = (p: string) => ({ path: p, fsPath: p, toString: () => `vscode-remote://remote${p}` });
  return {
    Uri: { joinPath: (base: { path: string }, ...parts: string[]) => uri(path.posix.join(base.path, ...parts)) },
    workspace: { fs: { readFile: async (u: { fsPath: string }) => new Uint8Array(fs.readFileSync(u.fsPath)) } },
  } as unknown as typeof vscode;
}
const extensionUri = { path: '/ext' } as vscode.Uri;

/** A log that keeps its lines (`[level] message`), as the Midcycle output channel shows them. */
function recordingLog(): vscode.LogOutputChannel & { lines: string[] } {
  const lines: string[] = [];
  const at = (level: string) => (message: string) => void lines.push(`[${level}] ${message}`);
  return { lines, trace: at('trace'), debug: at('debug'), info: at('info'), warn: at('warning'), error: at('error') } as unknown as vscode.LogOutputChannel & {
    lines: string[];
  };
}

describe('the platform: bundles loaded on first use', () => {
  it('loads each bundle once, however many ask at the same time, and tries again after a failure; the log says which failed and why', async () => {
    let loads = 0;
    let fail = true;
    const log = recordingLog();
    const load = onceEach(async (name) => {
      loads++;
      if (fail) throw new Error('offline');
      return { name };
    }, log);
    await assert.rejects(load('mailExport'), /offline/);
    fail = false;
    const [a, b] = await Promise.all([load<{ name: string }>('mailExport'), load<{ name: string }>('mailExport')]);
    assert.equal(a, b);
    assert.equal(a.name, 'mailExport');
    assert.equal(loads, 2);
    assert.deepEqual(
      log.lines.map((l) => l.replace(/\(\d+ ms\)/, '(… ms)')),
      ['[error] could not load the mailExport bundle: offline', '[info] loaded the mailExport bundle (… ms)'],
    );
  });

  it('on the desktop, requires dist/<name>.js from the extension folder and reads its files; link facts are available', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midcycle-bundles-'));
    try {
      fs.mkdirSync(path.join(dir, 'dist'));
      fs.writeFileSync(path.join(dir, 'dist', 'mailExport.js'), 'exports.where = "node";');
      const bundles = nodePlatform(fakeCode(), { path: dir } as vscode.Uri, recordingLog());
      assert.equal((await bundles.load<{ where: string }>('mailExport')).where, 'node');
      assert.equal(bundles.linkFactsOnly, undefined);
      fs.mkdirSync(path.join(dir, 'snippets'));
      fs.writeFileSync(path.join(dir, 'snippets', 'markdown.json'), '{"é": 1}');
      assert.equal(await bundles.readText('snippets', 'markdown.json'), '{"é": 1}');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("on the web, fetches dist/web/<name>.js (and the package's files) from the extension location and runs it as CommonJS; link facts are GitHub's alone, and say why", async () => {
    const asked: string[] = [];
    const code = fakeCode();
    const bundles = webPlatform(code, extensionUri, recordingLog(), async (url) => {
      asked.push(url);
      return 'const vs = require("vscode"); module.exports = { same: vs, words: require("./actionItems").words };';
    });
    provideBundle('actionItems', { words: 3 });
    const mail = await bundles.load<{ same: unknown; words: number }>('mailExport');
    assert.deepEqual(asked, ['vscode-remote://remote/ext/dist/web/mailExport.js']);
    assert.equal(mail.same, code);
    assert.equal(mail.words, 3);
    assert.deepEqual([...bundles.linkFactsOnly!.trackers], ['github']);
    assert.equal(bundles.linkFactsOnly!.why, webLinkFactsOnlyGitHub());
    assert.match(await bundles.readText('snippets', 'markdown.json'), /module\.exports/);
    assert.equal(asked[1], 'vscode-remote://remote/ext/snippets/markdown.json');
    assert.match(webLinkFactsOnlyGitHub(), /looks up GitHub's links only/);
  });

  it('on the web, a bundle that requires what the web does not have fails saying what and where', () => {
    assert.throws(() => evaluateBundle('require("node:fs")', 'https://x/dist/web/mail.js', {}), /mail\.js: cannot require 'node:fs'/);
    assert.equal((evaluateBundle('exports.a = 1;', 'u', {}) as { a: number }).a, 1);
    assert.equal(evaluateBundle('module.exports = 7;', 'u', {}), 7);
  });

  it('a provided bundle asked for before it is loaded says so', () => {
    assert.throws(() => providedBundle('linkFactsModule'), /linkFactsModule bundle is not loaded/);
  });
});
