// `npm run l10n`: l10n/bundle.l10n.json, every string of src/ that goes through `vscode.l10n.t` or
// @vscode/l10n's `t`, as @vscode/l10n-dev exports it (the English bundle VS Code's translations are
// made from). `--check` writes nothing and fails when the committed bundle is not what the sources
// give: the build runs that, as it checks the rule records' outputs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLE = 'l10n/bundle.l10n.json';

/** Writes the bundle of src/ into `outDir`, with l10n-dev's own CLI (its layout of the JSON included). */
function exportBundle(outDir) {
  const cli = join(root, 'node_modules', '@vscode', 'l10n-dev', 'dist', 'cli.js');
  const r = spawnSync(process.execPath, [cli, 'export', '--outDir', outDir, './src'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`@vscode/l10n-dev export failed:\n${r.stdout}${r.stderr}`);
}

/** The bundle as the sources give it. */
export function wantedBundle() {
  const dir = mkdtempSync(join(tmpdir(), 'midcycle-l10n-'));
  try {
    exportBundle(dir);
    return readFileSync(join(dir, 'bundle.l10n.json'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Whether the committed bundle is not what the sources give. */
export function staleL10nBundle() {
  const path = join(root, BUNDLE);
  return !existsSync(path) || readFileSync(path, 'utf8') !== wantedBundle();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--check')) {
    if (staleL10nBundle()) {
      console.error(`${BUNDLE}: not as the sources' strings give it. Run npm run l10n.`);
      process.exit(1);
    }
  } else {
    exportBundle(join(root, 'l10n'));
  }
}
