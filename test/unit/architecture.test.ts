// The layout as src/core/README.md says it: no import cycles (type imports included), a core that
// never reaches VS Code, its localisation (@vscode/l10n: the core's messages are the CLI's too, and
// stay English), the extension or the mail bundle, a mail bundle that never reaches the extension,
// and a README in every folder that says what enters and leaves it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.join(__dirname, '..', '..');
const src = path.join(root, 'src');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : p.endsWith('.ts') && !p.endsWith('.d.ts') ? [p] : [];
  });
}

/** Every module a file names: `import … from`, `export … from`, `import('…')`, `require('…')`. */
function imports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const found = [...text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*|^import\s+)'([^']+)'/gm)].map((m) => m[1]);
  return found.map((spec) => {
    if (!spec.startsWith('.')) return spec;
    const target = path.resolve(path.dirname(file), spec);
    for (const candidate of [`${target}.ts`, path.join(target, 'index.ts')]) if (fs.existsSync(candidate)) return candidate;
    return target; // a lazily loaded bundle's name in dist/, resolved beside its loader
  });
}

const files = sources(src);
const graph = new Map(files.map((f) => [f, imports(f)]));
const rel = (f: string) => path.relative(root, f);

describe('the architecture', () => {
  it('has no import cycles, type imports included', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (f: string) => {
      state.set(f, 'open');
      stack.push(f);
      for (const g of graph.get(f) ?? []) {
        if (!graph.has(g)) continue;
        if (state.get(g) === 'open') cycles.push([...stack.slice(stack.indexOf(g)), g].map(rel).join(' → '));
        else if (!state.has(g)) visit(g);
      }
      stack.pop();
      state.set(f, 'done');
    };
    for (const f of files) if (!state.has(f)) visit(f);
    assert.deepEqual(cycles, []);
  });

  it('keeps the core free of VS Code, @vscode/l10n, the extension and the mail bundle, and the mail bundle free of the extension', () => {
    const reaches = (from: string, forbidden: (target: string) => boolean) =>
      files
        .filter((f) => f.startsWith(path.join(src, from) + path.sep))
        .flatMap((f) =>
          graph
            .get(f)!
            .filter(forbidden)
            .map((t) => `${rel(f)} → ${t.startsWith(root) ? rel(t) : t}`),
        );
    assert.deepEqual(
      reaches(
        'core',
        (t) => t === 'vscode' || t.startsWith('@vscode/l10n') || t.startsWith(path.join(src, 'extension')) || t.startsWith(path.join(src, 'mail')),
      ),
      [],
    );
    assert.deepEqual(
      reaches('mail', (t) => t.startsWith(path.join(src, 'extension'))),
      [],
    );
    // the mail bundles' entries, beside the CLI's so that `require('./mailExport')` finds them from src/ and dist/ alike
    for (const entry of ['mailExport.ts', 'mailImport.ts'])
      assert.deepEqual(
        graph.get(path.join(src, entry))!.filter((t) => t === 'vscode' || t.startsWith(path.join(src, 'extension'))),
        [],
        entry,
      );
  });

  it("has a README in each folder of src, naming each of src/core's folders in the pipeline's table", () => {
    const folders = [...new Set(files.map((f) => path.dirname(f)))].filter((d) => d !== src && path.dirname(d) !== path.join(src, 'core', 'rules'));
    for (const d of folders) assert.ok(fs.existsSync(path.join(d, 'README.md')), `${rel(d)}/README.md`);
    const table = fs.readFileSync(path.join(src, 'core', 'README.md'), 'utf8');
    const coreFolders = fs
      .readdirSync(path.join(src, 'core'), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    for (const name of coreFolders) assert.match(table, new RegExp(`\\| \`${name}/\` \\|`), name);
  });

  it("mirrors src/core's folders in test/unit/core", () => {
    const coreFolders = fs
      .readdirSync(path.join(src, 'core'), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    const testFolders = fs
      .readdirSync(path.join(root, 'test', 'unit', 'core'), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    assert.deepEqual(testFolders, coreFolders);
  });
});
