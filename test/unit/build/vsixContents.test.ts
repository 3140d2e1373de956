// What the .vsix holds, as `vsce ls` lists it (the files `npm run package` packs): exactly what the
// extension needs (.vscodeignore is an allowlist), and every file the manifest, the bundles and the
// extension's sources point at. Not the CLI, source maps, examples, screenshots or stray files.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULE_RECORDS } from '../../../src/core/rules/ruleRecords';

const root = path.join(__dirname, '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  main: string;
  browser: string;
  icon: string;
  l10n: string;
  contributes: { snippets: { path: string }[]; viewsContainers: Record<string, { icon: string }[]> };
};

/** The extension's own bundles: scripts/bundles.mjs's list, as the build makes them. */
async function extensionBundles(): Promise<string[]> {
  return ((await import(path.join(root, 'scripts', 'bundles.mjs'))) as { EXTENSION_BUNDLES: string[] }).EXTENSION_BUNDLES;
}

const sources = (dir: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));

describe('the .vsix', function () {
  let shipped: string[];

  before(function () {
    // `npm test` builds first; a bare `mocha` run before any build has no dist/ to pack
    if (!fs.existsSync(path.join(root, 'dist', 'extension.js'))) this.skip();
    const vsce = spawnSync(path.join(root, 'node_modules', '.bin', 'vsce'), ['ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' });
    assert.equal(vsce.status, 0, vsce.stderr);
    shipped = vsce.stdout.split('\n').filter((l) => l.trim() !== '');
  });

  it('holds exactly the extension: its bundles and their notices, the files they use, the manifest and its strings, README, CHANGELOG, LICENSE', async () => {
    const strings = (dir: string, pattern: RegExp) =>
      fs
        .readdirSync(path.join(root, dir))
        .filter((f) => pattern.test(f))
        .map((f) => (dir === '.' ? f : `${dir}/${f}`));
    const expected = [
      'package.json',
      ...strings('.', /^package\.nls(\.[\w-]+)?\.json$/),
      'README.md',
      'CHANGELOG.md',
      'LICENSE',
      'dist/THIRD_PARTY_NOTICES.txt',
      ...(await extensionBundles()),
      'media/icon.png',
      'media/topics.svg',
      'media/preview.css',
      'media/preview.js',
      'snippets/markdown.json',
      ...strings('l10n', /^bundle\.l10n(\.[\w-]+)?\.json$/),
      ...RULE_RECORDS.map((r) => `docs/rules/${r.code}.md`),
    ];
    assert.deepEqual([...shipped].sort(), [...expected].sort());
    assert.ok(!shipped.includes('dist/cli.js') && !shipped.some((f) => f.endsWith('.map')));
  });

  it('holds every file the manifest, the bundles and the sources point at', () => {
    const has = (file: string, why: string) => assert.ok(shipped.includes(file), `${file} (${why}) is not in the .vsix`);
    has(manifest.main.replace(/^\.\//, ''), 'main');
    has(manifest.browser.replace(/^\.\//, ''), 'browser');
    has(manifest.icon, 'icon');
    has(`${manifest.l10n.replace(/^\.\//, '')}/bundle.l10n.json`, 'l10n');
    has('package.nls.json', "the manifest's %strings%");
    for (const s of manifest.contributes.snippets) has(s.path.replace(/^\.\//, ''), 'snippets');
    for (const c of Object.values(manifest.contributes.viewsContainers).flat()) has(c.icon, 'a view container');
    // a bundle requires another beside it (the core's lazily loaded ones, the CLI's mail bundles)
    for (const bundle of shipped.filter((f) => /^dist\/[^/]+\.js$/.test(f)))
      for (const m of fs.readFileSync(path.join(root, bundle), 'utf8').matchAll(/require\("\.\/(\w+)"\)/g)) has(`dist/${m[1]}.js`, `required by ${bundle}`);
    // the platform loads a bundle by its name: dist/<name>.js, and dist/web/<name>.js on the web
    // (where link facts are off: their service is never loaded there)
    const code = sources(path.join(root, 'src')).map((f) => fs.readFileSync(f, 'utf8'));
    for (const text of code)
      for (const m of text.matchAll(/\.load(?:<[^>]*>)?\('(\w+)'\)/g)) {
        has(`dist/${m[1]}.js`, 'loaded by the platform');
        if (m[1] !== 'linkFactsService') has(`dist/web/${m[1]}.js`, 'loaded by the web platform');
      }
    // the extension's own files it opens: the preview's page, the snippets, the rules' pages
    for (const text of code) {
      for (const m of text.matchAll(/\bmedia\('([^']+)'\)|joinPath\([^)]*'media', '([^']+)'\)/g)) has(`media/${m[1] ?? m[2]}`, 'the preview');
      for (const m of text.matchAll(/readText\('([^']+)', '([^']+)'\)/g)) has(`${m[1]}/${m[2]}`, 'read by the extension');
    }
    for (const r of RULE_RECORDS) has(`docs/rules/${r.code}.md`, "a diagnostic's code");
  });
});
