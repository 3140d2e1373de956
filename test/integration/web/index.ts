// The web test runner extension (a `browser` entry, test runs only): in VS Code for the Web's web
// worker extension host, runs the integration suite both hosts run (../extension.test.ts) and the
// web's own (web.test.ts) with mocha's browser build, then writes { code, error, logs } into the
// workspace folder with vscode.workspace.fs: the worker has no file system of its own, and
// code-server serves the folder from the disk where web/run.mjs waits for the file.
import type Mocha from 'mocha';
// mocha's own browser build, as text (web/run.mjs bundles it so): run as a UMD script it sets
// self.Mocha; bundled as a module, its UMD header took this bundle's `module.exports` for its own
import mochaBrowserBuild from 'mocha/mocha.js';
import * as vscode from 'vscode';
import { MOCHA_OPTIONS, runMocha } from '../runMocha';

export const RESULT_FILE = '.midcycle-web-result.json';

export function activate(): void {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) return;
  const logs: string[] = [];
  const log = (line: string) => {
    logs.push(String(line));
    // also on the worker's console, which web/run.mjs shows when the suite does not finish
    console.log(`[midcycle-web-test] ${line}`);
  };
  log('the web test runner is active');
  const write = async (outcome: { code: number; error?: string }) => {
    const result = vscode.Uri.joinPath(folder, RESULT_FILE);
    const tmp = vscode.Uri.joinPath(folder, `${RESULT_FILE}.partial`);
    // a temporary name, then a rename: the harness never reads half a result
    await vscode.workspace.fs.writeFile(tmp, new TextEncoder().encode(JSON.stringify({ ...outcome, logs })));
    await vscode.workspace.fs.rename(tmp, result, { overwrite: true });
  };
  setTimeout(async () => {
    try {
      new Function('module', 'exports', 'define', mochaBrowserBuild)(undefined, undefined, undefined);
      const MochaClass = (globalThis as unknown as { Mocha: typeof Mocha }).Mocha;
      const code = await runMocha(
        new MochaClass(MOCHA_OPTIONS),
        () => {
          require('../extension.test');
          require('../trackers.test');
          require('./web.test');
        },
        log,
      );
      await write({ code });
    } catch (e) {
      await write({ code: 1, error: String((e as Error)?.stack ?? e) });
    }
  }, 0);
}

export function deactivate(): void {}
