// `npm run package`: midcycle.vsix with vsce, saying in one line what it made. vsce lists every file
// it packs (and runs the production build, which prints its bundles); that listing is kept for when
// packaging fails, so that test runs and the demo stay readable.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withoutRepository } from './vsceFlags.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const vsce = join(root, 'node_modules', '.bin', 'vsce');
const r = spawnSync(vsce, ['package', '--no-dependencies', ...withoutRepository(root), '-o', 'midcycle.vsix', ...process.argv.slice(2)], {
  cwd: root,
  encoding: 'utf8',
});
const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
if (r.status !== 0) {
  process.stderr.write(output || `${r.error?.message ?? 'vsce failed'}\n`);
  process.exit(r.status ?? 1);
}
// vsce's warnings stay visible; its file listing and the build's bundle sizes do not
for (const line of output.split('\n')) if (/\bWARNING\b/.test(line)) console.error(line.trim());
const done = /DONE\s+(Packaged: .*)/.exec(output);
console.log(done ? done[1] : 'Packaged: midcycle.vsix');
