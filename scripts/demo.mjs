// The Quick start's main job: outline, check and export the example draft of the reference email,
// writing the email where a person can open it; then Midcycle in a real VS Code (code-server on
// 127.0.0.1, installed on first use by test/e2e/setup.sh) with examples/ open on that draft.
// Run by `npm run demo` (which builds first). `--no-vscode` stops after the command-line part;
// MIDCYCLE_DEMO_PORT picks the port (default 8080, or a free one).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli.js');
const draft = join(root, 'examples', 'neutron-mitaka-midcycle.md');
const outDir = join(root, 'examples', 'out');
mkdirSync(outDir, { recursive: true });
const html = join(outDir, 'neutron-mitaka-midcycle.html');
const text = join(outDir, 'neutron-mitaka-midcycle.txt');

const run = (title, args) => {
  console.log(`\n$ midcycle ${args.map((a) => relative(root, a) || a).join(' ')}    # ${title}`);
  const r = spawnSync(process.execPath, [cli, ...args.map((a) => relative(root, a) || a)], { stdio: 'inherit', cwd: root });
  return r.status ?? 1;
};

run('the topics, links and action items', ['outline', draft]);
run('malformed links: none in this draft', ['check', draft]);
run('the email, as Gmail HTML', ['export', draft, '-o', html, '--force']);
run('and its text/plain alternative', ['export', draft, '--format', 'text', '-o', text, '--force']);
run('a draft with mistakes, for contrast', ['check', join(root, 'examples', 'nova-ptg-summary.md')]);

// The reference email and its shape tool live beside the project when it is checked out with shared/.
const shared = join(root, '..', 'shared');
const shapeTool = join(shared, 'tools', 'email-shape.mjs');
const reference = join(shared, 'reference', 'neutron-mitaka-midcycle-report.html');
if (existsSync(shapeTool) && existsSync(reference)) {
  // run a copy inside node_modules so that it finds parse5 there, without installing anything
  const copy = join(root, 'node_modules', '.cache', 'midcycle', 'email-shape.mjs');
  mkdirSync(dirname(copy), { recursive: true });
  copyFileSync(shapeTool, copy);
  console.log('\n$ email-shape reference.html exported.html    # the export against the email as it went out');
  spawnSync(process.execPath, [copy, reference, html], { stdio: 'inherit' });
}

console.log(`\nOpen the email: file://${html}\nIts text part:  ${text}`);

if (process.argv.includes('--no-vscode')) process.exit(0);

console.log('\nNow Midcycle in a real VS Code: packaging the .vsix and starting code-server.');
console.log("The first time, this installs Debian's chromium and build tools (apt), Node 24 and code-server (into .cache/vscode/): about 3 minutes.");
const packaged = spawnSync(process.execPath, [join(root, 'scripts', 'package.mjs')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
if (packaged.status !== 0) {
  console.error('\nPackaging midcycle.vsix failed (see above).');
  process.exit(1);
}
const { exitWithError, freePort, startCodeServer } = await import('../test/e2e/codeServer.mjs');
const wanted = Number(process.env.MIDCYCLE_DEMO_PORT ?? 8080);
const port = (await isFree(wanted)) ? wanted : await freePort();
const folder = join(root, 'examples');
const vscode = await startCodeServer({ folder, port, extensions: [join(root, 'midcycle.vsix')] }).catch(exitWithError);
const payload = JSON.stringify([['openFile', `vscode-remote://remote${draft}`]]);
console.log(`\nMidcycle is running in VS Code. Open:\n\n  ${vscode.url}&payload=${encodeURIComponent(payload)}\n`);
console.log('Report Topics has its own view (the Midcycle icon in the activity bar); "Export Midcycle Email" is in the command palette (Ctrl+Alt+E).');
console.log('Press Ctrl+C to stop.');
const stop = async () => {
  await vscode.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
setInterval(() => undefined, 1 << 30);

async function isFree(p) {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const server = createServer()
      .once('error', () => resolve(false))
      .listen(p, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
