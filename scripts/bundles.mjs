// What scripts/build.mjs bundles, with esbuild: the options of each bundle, for the build and for the
// tests that look at what goes into them (the third-party notices, what an export loads). One
// CommonJS file each, `vscode` left external. The extension twice: for Node (dist/, the package's
// `main`) and for VS Code for the Web's web worker (dist/web/, its `browser`).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { markdownItFields } from './markdownItFields.mjs';
import { wordListString } from './wordListString.mjs';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const { version, repository } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
// the project's address for the link facts' User-Agent: package.json's `repository`, the one place
// it is set (none while the project has no public home: src/core/facts/userAgent.ts)
const repositoryUrl = (typeof repository === 'string' ? repository : (repository?.url ?? '')).replace(/^git\+/, '').replace(/\.git$/, '');

// the action item finder with its owners' rules (src/core/people/actionItemsBundle.ts): a bundle of
// its own, required by the others the first time a report's action items are read
const actionItems = './actionItems';
// its dictionary, ~500 KB (src/core/people/englishWordsBundle.ts): required the first time an owner is weighed
const englishWords = './englishWords';
// the link facts client and rules (src/core/facts/linkFactsBundle.ts): loaded by `--online` and by the
// extension once the writer allows looking links up
const linkFacts = './linkFactsModule';
// js-yaml for the front matter (src/core/parse/yamlBundle.ts): required by the first parse of a draft that has one
const yaml = './yaml';
// the first look for owner-unknown (src/core/people/rosterBundle.ts): required when diagnostics are first read
const roster = './roster';
// the trackers beyond OpenStack's (src/core/rules/trackers/otherTrackersBundle.ts): required the first
// time a draft has a link on another host, or a text that may hold a short reference
const otherTrackers = './otherTrackers';
const lazy = [actionItems, englishWords, linkFacts, yaml, roster, otherTrackers];

// VS Code for the Web: the core's lazily required bundles. js-yaml and the roster are bundled in
// (small); the action item finder is dist/web/actionItems.js, provided by the web entry before the
// first parse, its dictionary dist/web/englishWords.js, fetched when an owner is first weighed, and
// the other trackers dist/web/otherTrackers.js, fetched when a draft first needs them
// (src/extension/platform/providedBundles.ts); the link facts code is never reached there (looking
// links up is off on the web). `provided`: the core's require('./actionItems') reads the
// extension's provided bundles (the entry is run by VS Code's loader, whose `require` knows only
// `vscode`); otherwise left a require, which webPlatform.ts answers with the same provided bundles
// when it runs a lazily loaded bundle.
const providedModule = join(root, 'src', 'extension', 'platform', 'providedBundles.ts');
const webLazyBundles = (bundledIn, how) => ({
  name: 'midcycle-web-bundles',
  setup(build) {
    build.onResolve({ filter: /^\.\/(actionItems|englishWords|linkFactsModule|yaml|roster|otherTrackers)$/ }, (args) => {
      const name = args.path.slice(2);
      if (!/Bundle\.ts$/.test(args.importer)) return undefined;
      if (bundledIn.includes(name)) return { path: join(args.resolveDir, `${name}.ts`) };
      return how === 'provided' ? { path: name, namespace: 'midcycle-provided' } : { path: args.path, external: true };
    });
    // `exports` asked each time the core requires the bundle (esbuild keeps the module, and reads
    // its `exports` at each require): a bundle that comes on demand is undefined until it is here
    build.onLoad({ filter: /.*/, namespace: 'midcycle-provided' }, (args) => ({
      contents: `Object.defineProperty(module, 'exports', { get: () => require(${JSON.stringify(providedModule)}).providedBundle(${JSON.stringify(args.path)}) });`,
      resolveDir: root,
      loader: 'js',
    }));
  },
});

/** Every bundle's esbuild options; `outfile` relative to the root. */
export function bundles({ production = false } = {}) {
  const common = {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    target: 'es2022',
    format: 'cjs',
    sourcemap: !production,
    minify: production,
    logLevel: 'info',
    // the licences are in the notices the build writes (thirdPartyNotices.mjs), whole
    legalComments: 'none',
    // raw UTF-8 instead of \\u escapes: markdown-it's entity and Unicode tables are a third smaller
    charset: 'utf8',
    define: { MIDCYCLE_VERSION: JSON.stringify(version), MIDCYCLE_REPOSITORY: JSON.stringify(repositoryUrl) },
    // markdown-it's linkify is off (Midcycle's own scanner finds links): its linkify-it stays out
    alias: { 'linkify-it': './scripts/linkify-stub.mjs' },
    // markdown-it's class fields assigned, not defined through its helpers (scripts/markdownItFields.mjs);
    // the dictionary as one string (scripts/wordListString.mjs)
    plugins: [markdownItFields, wordListString],
  };
  const web = { ...common, platform: 'browser', mainFields: ['browser', 'module', 'main'] };
  const webLazy = webLazyBundles(['yaml', 'roster'], 'required');
  return [
    { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode', ...lazy] },
    // the CLI requires ./mailExport when it writes a .eml, ./mailImport when it imports: not bundled in
    {
      ...common,
      entryPoints: ['src/cli.ts'],
      outfile: 'dist/cli.js',
      banner: { js: '#!/usr/bin/env node' },
      external: ['./mailExport', './mailImport', ...lazy],
    },
    // the mail code in two: the exporters and the preview, loaded by export and copy (and the CLI's
    // .eml export); the importers with their HTML and MIME parsers, loaded by import alone
    { ...common, entryPoints: ['src/mailExport.ts'], outfile: 'dist/mailExport.js', external: lazy },
    { ...common, entryPoints: ['src/mailImport.ts'], outfile: 'dist/mailImport.js', external: lazy },
    { ...common, entryPoints: ['src/core/people/actionItems.ts'], outfile: 'dist/actionItems.js', external: lazy.filter((b) => b !== actionItems) },
    { ...common, entryPoints: ['src/core/people/englishWords.ts'], outfile: 'dist/englishWords.js' },
    { ...common, entryPoints: ['src/core/people/roster.ts'], outfile: 'dist/roster.js', external: lazy.filter((b) => b !== roster) },
    { ...common, entryPoints: ['src/core/facts/linkFactsModule.ts'], outfile: 'dist/linkFactsModule.js', external: lazy.filter((b) => b !== linkFacts) },
    // the extension's side of link facts, required (VS Code's API handed in) once the writer allows lookups
    { ...common, entryPoints: ['src/extension/linkFactsService.ts'], outfile: 'dist/linkFactsService.js', external: lazy },
    // the completions (snippets, link paths, short references, owners) and the links' hovers, required on the first ask, VS Code's API handed in
    { ...common, entryPoints: ['src/extension/editorHelp.ts'], outfile: 'dist/editorHelp.js', external: lazy },
    // the follow-ups (a draft's last report, `previous:`), required by the first draft that names one
    { ...common, entryPoints: ['src/extension/followUpsService.ts'], outfile: 'dist/followUpsService.js', external: lazy },
    { ...common, entryPoints: ['src/core/parse/yaml.ts'], outfile: 'dist/yaml.js' },
    {
      ...common,
      entryPoints: ['src/core/rules/trackers/otherTrackers.ts'],
      outfile: 'dist/otherTrackers.js',
      external: lazy.filter((b) => b !== otherTrackers),
    },
    {
      ...web,
      entryPoints: ['src/extension/webExtension.ts'],
      outfile: 'dist/web/extension.js',
      external: ['vscode'],
      plugins: [...common.plugins, webLazyBundles(['yaml', 'roster'], 'provided')],
    },
    { ...web, entryPoints: ['src/mailExport.ts'], outfile: 'dist/web/mailExport.js', plugins: [...common.plugins, webLazy] },
    { ...web, entryPoints: ['src/mailImport.ts'], outfile: 'dist/web/mailImport.js', plugins: [...common.plugins, webLazy] },
    { ...web, entryPoints: ['src/extension/followUpsService.ts'], outfile: 'dist/web/followUpsService.js', plugins: [...common.plugins, webLazy] },
    { ...web, entryPoints: ['src/core/people/actionItems.ts'], outfile: 'dist/web/actionItems.js', plugins: [...common.plugins, webLazy] },
    { ...web, entryPoints: ['src/core/people/englishWords.ts'], outfile: 'dist/web/englishWords.js' },
    // the other trackers and the editor's help read js-yaml from the web entry (which provides it), never a copy of their own
    {
      ...web,
      entryPoints: ['src/core/rules/trackers/otherTrackers.ts'],
      outfile: 'dist/web/otherTrackers.js',
      plugins: [...common.plugins, webLazyBundles([], 'required')],
    },
    { ...web, entryPoints: ['src/extension/editorHelp.ts'], outfile: 'dist/web/editorHelp.js', plugins: [...common.plugins, webLazyBundles([], 'required')] },
    // GitHub's link facts (its API answers a browser's request from another site; the other trackers' do not): loaded once the writer allows lookups
    {
      ...web,
      entryPoints: ['src/extension/linkFactsService.ts'],
      outfile: 'dist/web/linkFactsService.js',
      plugins: [...common.plugins, webLazyBundles([], 'required')],
    },
  ];
}

/** The bundles the .vsix ships: the extension's (`main`, `browser`, and what they load on first use), not the CLI's. */
export const EXTENSION_BUNDLES = bundles()
  .map((b) => b.outfile)
  .filter((f) => f !== 'dist/cli.js');
