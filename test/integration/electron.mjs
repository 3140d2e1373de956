// `npm run test:electron`: the integration suite in a desktop VS Code (Electron), for contributors
// whose machine can download one: @vscode/test-electron fetches the latest stable VS Code from
// update.code.visualstudio.com into .vscode-test/ (once) and runs the suite in it, with Midcycle
// loaded from this folder (dist/). CI and `npm test` use `npm run test:integration` instead, which
// needs nothing beyond the npm registry (code-server). Set MIDCYCLE_VSCODE_EXECUTABLE to use a
// VS Code you already have, with no download.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { bundleNodeSuite, workspaceCopy } from './suiteFiles.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = join(root, 'out', 'integration');
mkdirSync(out, { recursive: true });
execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'pipe' });
await bundleNodeSuite(join(root, 'test', 'integration', 'electron.ts'), join(out, 'electron-suite.js'));

const workspace = workspaceCopy();
// a profile of its own: the suite's settings, no other extension, no link looked up on the real services
const userData = mkdtempSync(join(tmpdir(), 'midcycle-electron-user-'));
mkdirSync(join(userData, 'User'), { recursive: true });
writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify({ 'midcycle.linkFacts.enabled': 'off', 'security.workspace.trust.enabled': false }));

let code = 1;
try {
  const { runTests } = await import('@vscode/test-electron');
  await runTests({
    vscodeExecutablePath: process.env.MIDCYCLE_VSCODE_EXECUTABLE || undefined,
    extensionDevelopmentPath: root,
    extensionTestsPath: join(out, 'electron-suite.js'),
    extensionTestsEnv: { MIDCYCLE_CHECK_INCREMENTAL: '1' },
    launchArgs: [workspace, '--disable-extensions', '--user-data-dir', userData, '--skip-welcome', '--skip-release-notes'],
  });
  code = 0;
} catch (e) {
  const message = String(e?.message ?? e);
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|getaddrinfo|Failed to get|download/i.test(message))
    console.error(
      `test:electron: could not download VS Code (${message.split('\n')[0]}).\n` +
        'It needs update.code.visualstudio.com; offline, run `npm run test:integration` (code-server, from the npm registry),\n' +
        'or point MIDCYCLE_VSCODE_EXECUTABLE at a VS Code you have.',
    );
  else console.error(`test:electron: ${message}`);
} finally {
  rmSync(workspace, { recursive: true, force: true });
  rmSync(userData, { recursive: true, force: true });
}
process.exit(code);
