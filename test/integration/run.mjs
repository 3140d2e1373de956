// `npm run test:integration`: runs test/integration inside a real VS Code extension host.
// 1. packages Midcycle's .vsix and the test runner extension's .vsix, bundles the mocha suite;
// 2. starts code-server (VS Code's server, installed by test/e2e/setup.sh) with both installed, a
//    fresh copy of test/fixtures/workspace open, and MIDCYCLE_TEST_SUITE/RESULT in its environment;
// 3. opens it in headless chromium (the extension host starts when a browser connects), where the
//    runner extension runs the suite and writes its result; prints the log; exits with its code.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleNodeSuite, workspaceCopy } from './suiteFiles.mjs';
import { exitWithError, launchBrowser, setup, startCodeServer } from '../e2e/codeServer.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = join(root, 'out', 'integration');
const TIMEOUT_MS = Number(process.env.MIDCYCLE_INTEGRATION_TIMEOUT ?? 240_000);
const started = Date.now();
const say = (s) => console.log(`[integration ${((Date.now() - started) / 1000).toFixed(1)}s] ${s}`);

mkdirSync(out, { recursive: true });
// first, what a real VS Code needs (installed on first use; on failure setup.sh says why)
try {
  setup();
} catch (e) {
  exitWithError(e);
}
say('packaging midcycle.vsix and the test runner');
execFileSync(process.execPath, [join(root, 'scripts', 'package.mjs')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
const vsce = join(root, 'node_modules', '.bin', 'vsce');
execFileSync(vsce, ['package', '--no-dependencies', '--allow-missing-repository', '-o', join(out, 'runner.vsix')], {
  cwd: join(root, 'test', 'integration', 'runner'),
  stdio: ['ignore', 'ignore', 'inherit'],
});
await bundleNodeSuite(join(root, 'test', 'integration', 'index.ts'), join(out, 'suite.js'));

const workspace = workspaceCopy();
const result = join(mkdtempSync(join(tmpdir(), 'midcycle-result-')), 'result.json');

say('starting code-server');
const vscode = await startCodeServer({
  folder: workspace,
  extensions: [join(root, 'midcycle.vsix'), join(out, 'runner.vsix')],
  // MIDCYCLE_CHECK_INCREMENTAL: every incremental update the editing tests cause is checked against a full parse
  env: { MIDCYCLE_TEST_SUITE: join(out, 'suite.js'), MIDCYCLE_TEST_RESULT: result, MIDCYCLE_CHECK_INCREMENTAL: '1' },
  // no test looks links up on the real services: the link facts tests turn it on against a fake one
  settings: { 'midcycle.linkFacts.enabled': 'off' },
});
const browser = await launchBrowser();
let code = 1;
try {
  // as a writer's browser grants a focused page (the copy commands write the clipboard, the tests read it)
  const page = await browser.newPage({ permissions: ['clipboard-read', 'clipboard-write'] });
  await page.goto(vscode.url);
  say('workbench opening; waiting for the suite');
  while (!existsSync(result)) {
    if (Date.now() - started > TIMEOUT_MS)
      throw new Error(`no result after ${TIMEOUT_MS / 1000} s; extension host log:\n${extensionHostLog(vscode.dirs.userData)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const outcome = JSON.parse(readFileSync(result, 'utf8'));
  console.log(outcome.logs.join('\n'));
  if (outcome.error) console.log(outcome.error);
  code = outcome.code;
} catch (e) {
  console.error(String(e.message ?? e));
} finally {
  await browser.close();
  await vscode.stop();
  rmSync(workspace, { recursive: true, force: true });
  rmSync(dirname(result), { recursive: true, force: true });
}
say(code === 0 ? 'passed' : 'FAILED');
process.exit(code);

function extensionHostLog(userData) {
  try {
    const logs = join(userData, 'logs');
    const session = execFileSync('ls', ['-1', logs], { encoding: 'utf8' }).trim().split('\n').pop();
    return execFileSync('bash', ['-c', `cat "${logs}/${session}"/exthost*/remoteexthost.log 2>/dev/null | tail -60`], { encoding: 'utf8' });
  } catch {
    return '(no log)';
  }
}
