// The repository's root holds the project and nothing else: a scratch file (`imp.tmp.ts` once
// landed there) fails the tests before it is committed. Untracked files count too, unless
// .gitignore keeps them out; a new top-level entry that belongs to the project goes in this list.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.join(__dirname, '..', '..');

const PROJECT_ROOT = new Set([
  '.ci',
  '.github',
  '.vscode',
  '.gitignore',
  '.mocharc.json',
  '.prettierignore',
  '.prettierrc.json',
  '.vscodeignore',
  'CHANGELOG.md',
  'CONTRIBUTING.md',
  'LICENSE',
  'README.md',
  'bench',
  'docs',
  'eslint.config.mjs',
  'examples',
  'l10n',
  'media',
  'package-lock.json',
  'package.json',
  'package.nls.json',
  'scripts',
  'snippets',
  'src',
  'test',
  'tsconfig.json',
]);

describe('the repository root', () => {
  it("holds only the project's own files: no scratch files, tracked or waiting to be", function () {
    if (!fs.existsSync(path.join(root, '.git'))) this.skip(); // an unpacked archive, not a checkout: nothing can be committed from it
    const git = spawnSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '--deduplicate'], { cwd: root, encoding: 'utf8' });
    assert.equal(git.status, 0, git.stderr);
    const entries = new Set(
      git.stdout
        .split('\n')
        .filter(Boolean)
        .map((f) => f.split('/')[0]),
    );
    const stray = [...entries].filter((e) => !PROJECT_ROOT.has(e)).sort();
    assert.deepEqual(
      stray,
      [],
      `stray files at the repository root: ${stray.join(', ')} (delete them, move scratch work to a temporary folder, or add a project file to PROJECT_ROOT in ${path.relative(root, __filename)})`,
    );
  });

  it('ignores scratch files by name', () => {
    const check = spawnSync('git', ['check-ignore', '--no-index', 'imp.tmp.ts', 'notes.tmp', 'try.scratch.mjs'], { cwd: root, encoding: 'utf8' });
    assert.deepEqual(check.stdout.split('\n').filter(Boolean), ['imp.tmp.ts', 'notes.tmp', 'try.scratch.mjs']);
  });
});
