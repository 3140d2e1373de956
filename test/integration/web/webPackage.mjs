// Midcycle as VS Code for the Web installs it with no Node extension host to run `main`: a package
// with the `browser` entry only (out/web/midcycle-web.vsix), made from the production build's
// dist/web/ and the manifest without `main`. code-server then runs it in the browser's web worker
// extension host, as vscode.dev and github.dev would.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withoutRepository } from '../../../scripts/vsceFlags.mjs';

export function packageWebOnly(root, out) {
  // the build's bundle sizes are noise here; its errors are not
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--production'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`the production build failed:\n${build.stdout}${build.stderr}`);
  const stage = join(out, 'midcycle-web');
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(join(stage, 'dist'), { recursive: true });
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  // no Node entry, no CLI, nothing to build or install
  for (const key of ['main', 'bin', 'scripts', 'dependencies', 'devDependencies', 'allowScripts']) delete manifest[key];
  writeFileSync(join(stage, 'package.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(stage, '.vscodeignore'), '**/*.map\n');
  for (const f of ['package.nls.json', 'README.md', 'LICENSE', 'CHANGELOG.md']) cpSync(join(root, f), join(stage, f));
  for (const d of ['media', 'snippets']) cpSync(join(root, d), join(stage, d), { recursive: true, filter: (f) => !/screenshot-/.test(f) });
  cpSync(join(root, 'dist', 'web'), join(stage, 'dist', 'web'), { recursive: true, filter: (f) => !f.endsWith('.map') });
  cpSync(join(root, 'dist', 'THIRD_PARTY_NOTICES.txt'), join(stage, 'dist', 'THIRD_PARTY_NOTICES.txt'));
  const vsix = join(out, 'midcycle-web.vsix');
  execFileSync(join(root, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', ...withoutRepository(stage), '-o', vsix], {
    cwd: stage,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return vsix;
}
