// What every integration runner (code-server desktop and web, Electron) prepares the same way: the
// mocha suite bundled for a Node extension host, and a fresh copy of the fixture workspace.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The suite at `entry` bundled to `outfile` for a Node extension host (`vscode` left to it). */
export function bundleNodeSuite(entry, outfile) {
  return esbuild.build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['vscode'],
    logLevel: 'error',
  });
}

/** A fresh copy of test/fixtures/workspace in a temporary folder (named from `prefix`): its path. */
export function workspaceCopy(prefix = 'midcycle-workspace-') {
  const workspace = mkdtempSync(join(tmpdir(), prefix));
  cpSync(join(root, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  return workspace;
}
