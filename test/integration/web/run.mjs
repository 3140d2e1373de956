// `npm run test:web`: the integration suite in VS Code for the Web's web worker extension host.
// 1. packages Midcycle's browser-only .vsix (webPackage.mjs) and the web test runner extension,
//    with the suite and mocha's browser build bundled into it for the browser (no Node built-ins;
//    `assert` is web/assert.ts);
// 2. starts code-server with both installed and a fresh copy of test/fixtures/workspace open;
// 3. opens it in headless chromium, where both run in the page's web worker extension host; the
//    runner writes its result into the workspace folder, read here from the disk; prints the log;
//    exits with the suite's code.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { exitWithError, launchBrowser, setup, startCodeServer } from '../../e2e/codeServer.mjs';
import { packageWebOnly } from './webPackage.mjs';
import { workspaceCopy } from '../suiteFiles.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const out = join(root, 'out', 'web');
const RESULT_FILE = '.midcycle-web-result.json';
const TIMEOUT_MS = Number(process.env.MIDCYCLE_INTEGRATION_TIMEOUT ?? 240_000);
const started = Date.now();
const say = (s) => console.log(`[web ${((Date.now() - started) / 1000).toFixed(1)}s] ${s}`);

mkdirSync(out, { recursive: true });
try {
  setup();
} catch (e) {
  exitWithError(e);
}
say('packaging the browser-only midcycle-web.vsix and the web test runner');
const vsix = packageWebOnly(root, out);
const runner = join(out, 'runner');
rmSync(runner, { recursive: true, force: true });
cpSync(join(here, 'runner'), runner, { recursive: true });
await esbuild.build({
  entryPoints: [join(here, 'index.ts')],
  outfile: join(runner, 'extension.js'),
  bundle: true,
  platform: 'browser',
  mainFields: ['browser', 'module', 'main'],
  format: 'cjs',
  target: 'es2022',
  external: ['vscode'],
  alias: { assert: join(here, 'assert.ts') },
  // the core's lazily required bundles, bundled in: the suite calls the core itself (parseReport)
  plugins: [
    {
      // mocha's browser build as text (web/index.ts runs it as the script it is)
      name: 'mocha-as-text',
      setup(build) {
        build.onResolve({ filter: /^mocha\/mocha\.js$/ }, () => ({ path: join(root, 'node_modules', 'mocha', 'mocha.js'), namespace: 'mocha-text' }));
        build.onLoad({ filter: /.*/, namespace: 'mocha-text' }, (args) => ({ contents: readFileSync(args.path, 'utf8'), loader: 'text' }));
      },
    },
    {
      name: 'core-bundles-in',
      setup(build) {
        build.onResolve({ filter: /^\.\/(actionItems|englishWords|linkFactsModule|yaml|roster)$/ }, (args) =>
          /Bundle\.ts$/.test(args.importer) ? { path: join(args.resolveDir, `${args.path.slice(2)}.ts`) } : undefined,
        );
      },
    },
  ],
  logLevel: 'error',
});
execFileSync(join(root, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--allow-missing-repository', '-o', join(out, 'runner.vsix')], {
  cwd: runner,
  stdio: ['ignore', 'ignore', 'inherit'],
});

const workspace = workspaceCopy('midcycle-web-workspace-');
const result = join(workspace, RESULT_FILE);

say('starting code-server');
const vscode = await startCodeServer({
  folder: workspace,
  extensions: [vsix, join(out, 'runner.vsix')],
  settings: { 'midcycle.linkFacts.enabled': 'off' },
});
const browser = await launchBrowser();
let code = 1;
try {
  const page = await browser.newPage({ permissions: ['clipboard-read', 'clipboard-write'] });
  // the browser's console: where the web worker extension host's errors go (printed on failure)
  const consoleLines = [];
  page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));
  await page.goto(vscode.url);
  say('workbench opening; waiting for the suite');
  while (!existsSync(result)) {
    if (Date.now() - started > TIMEOUT_MS)
      throw new Error(`no result after ${TIMEOUT_MS / 1000} s; the browser's console:\n${consoleLines.slice(-80).join('\n')}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const outcome = JSON.parse(readFileSync(result, 'utf8'));
  console.log(outcome.logs.join('\n'));
  if (outcome.error) console.log(outcome.error);
  if (outcome.code !== 0) console.log(`the browser's console:\n${consoleLines.slice(-80).join('\n')}`);
  code = outcome.code;
} catch (e) {
  console.error(String(e.message ?? e));
} finally {
  await browser.close();
  await vscode.stop();
  rmSync(workspace, { recursive: true, force: true });
}
say(code === 0 ? 'passed' : 'FAILED');
process.exit(code);
