// Bundles the extension and the CLI with esbuild: one CommonJS file each, `vscode` left external.
// The extension twice: for Node (dist/, the package's `main`) and for VS Code for the Web's web
// worker (dist/web/, its `browser`).
import * as esbuild from 'esbuild';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { staleRuleOutputs } from './rules.mjs';
import { BUNDLE, staleL10nBundle } from './l10n.mjs';
import { markdownItFields } from './markdownItFields.mjs';

const { version, repository } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
// the project's address for the link facts' User-Agent: package.json's `repository`, the one place
// it is set (none while the project has no public home: src/core/facts/userAgent.ts)
const repositoryUrl = (typeof repository === 'string' ? repository : (repository?.url ?? '')).replace(/^git\+/, '').replace(/\.git$/, '');

// the README's rule table, the severity schema and the defaults the bundles ship are generated from
// the rule records: a stale one stops the build (it is not rewritten here, so that CI sees it)
const stale = await staleRuleOutputs();
if (stale.length) {
  console.error(`${stale.join(', ')}: not as the rule records (src/core/rules/ruleRecords.ts) give them. Run npm run rules.`);
  process.exit(1);
}
// so is the string bundle the .vsix ships (l10n/bundle.l10n.json), exported from the sources' strings
if (staleL10nBundle()) {
  console.error(`${BUNDLE}: not as the sources' strings give it. Run npm run l10n.`);
  process.exit(1);
}

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'es2022',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'info',
  legalComments: 'none',
  // raw UTF-8 instead of \\u escapes: markdown-it's entity and Unicode tables are a third smaller
  charset: 'utf8',
  define: { MIDCYCLE_VERSION: JSON.stringify(version), MIDCYCLE_REPOSITORY: JSON.stringify(repositoryUrl) },
  // markdown-it's linkify is off (Midcycle's own scanner finds links): its linkify-it stays out
  alias: { 'linkify-it': './scripts/linkify-stub.mjs' },
  // markdown-it's class fields assigned, not defined through its helpers (scripts/markdownItFields.mjs)
  plugins: [markdownItFields],
};

// the action item finder with its owners' rules and dictionary (src/core/people/actionItemsBundle.ts):
// a bundle of its own, required by the others the first time a report's action items are read
const actionItems = './actionItems';
// the link facts client and rules (src/core/facts/linkFactsBundle.ts): loaded by `--online` and by the
// extension once the writer allows looking links up
const linkFacts = './linkFactsModule';
// js-yaml for the front matter (src/core/parse/yamlBundle.ts): required by the first parse of a draft that has one
const yaml = './yaml';
// the first look for owner-unknown (src/core/people/rosterBundle.ts): required when diagnostics are first read
const roster = './roster';
const lazy = [actionItems, linkFacts, yaml, roster];

const builds = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode', ...lazy] },
  // the CLI requires ./mail (dist/mail.js) when it imports or writes a .eml: not bundled in
  { ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, external: ['./mail', ...lazy] },
  // loaded by the extension's mail commands (export, copy, import) and the CLI's import and eml export
  { ...common, entryPoints: ['src/mail/index.ts'], outfile: 'dist/mail.js', external: lazy },
  { ...common, entryPoints: ['src/core/people/actionItems.ts'], outfile: 'dist/actionItems.js', external: lazy.filter((b) => b !== actionItems) },
  { ...common, entryPoints: ['src/core/people/roster.ts'], outfile: 'dist/roster.js', external: lazy.filter((b) => b !== roster) },
  { ...common, entryPoints: ['src/core/facts/linkFactsModule.ts'], outfile: 'dist/linkFactsModule.js', external: lazy.filter((b) => b !== linkFacts) },
  // the extension's side of link facts, required (VS Code's API handed in) once the writer allows lookups
  { ...common, entryPoints: ['src/extension/linkFactsService.ts'], outfile: 'dist/linkFactsService.js', external: lazy },
  { ...common, entryPoints: ['src/core/parse/yaml.ts'], outfile: 'dist/yaml.js' },
];

// VS Code for the Web: the same extension for a browser's web worker (CommonJS, as its extension
// host runs a `browser` entry; no Node built-ins: an import of one fails the build). The core's
// lazily required bundles: js-yaml and the roster are bundled in (small); the action item finder's
// words (~500 KB) are dist/web/actionItems.js, provided by the web entry before the first parse
// (src/extension/platform/providedBundles.ts); the link facts code is never reached there (looking
// links up is off on the web). The mail code is dist/web/mail.js, loaded by the first mail command
// (src/extension/platform/webPlatform.ts).
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const provided = join(root, 'src', 'extension', 'platform', 'providedBundles.ts');
// `provided`: the core's require('./actionItems') reads the extension's provided bundles (the
// entry is run by VS Code's loader, whose `require` knows only `vscode`); otherwise left a require,
// which webPlatform.ts answers with the same provided bundles when it runs a lazily loaded bundle
const webLazyBundles = (bundledIn, how) => ({
  name: 'midcycle-web-bundles',
  setup(build) {
    build.onResolve({ filter: /^\.\/(actionItems|linkFactsModule|yaml|roster)$/ }, (args) => {
      const name = args.path.slice(2);
      if (!/Bundle\.ts$/.test(args.importer)) return undefined;
      if (bundledIn.includes(name)) return { path: join(args.resolveDir, `${name}.ts`) };
      return how === 'provided' ? { path: name, namespace: 'midcycle-provided' } : { path: args.path, external: true };
    });
    build.onLoad({ filter: /.*/, namespace: 'midcycle-provided' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(provided)}).providedBundle(${JSON.stringify(args.path)});`,
      resolveDir: root,
      loader: 'js',
    }));
  },
});
const web = { ...common, platform: 'browser', mainFields: ['browser', 'module', 'main'] };
const webLazy = webLazyBundles(['yaml', 'roster'], 'required');
builds.push(
  {
    ...web,
    entryPoints: ['src/extension/webExtension.ts'],
    outfile: 'dist/web/extension.js',
    external: ['vscode'],
    plugins: [...common.plugins, webLazyBundles(['yaml', 'roster'], 'provided')],
  },
  { ...web, entryPoints: ['src/mail/index.ts'], outfile: 'dist/web/mail.js', plugins: [...common.plugins, webLazy] },
  { ...web, entryPoints: ['src/core/people/actionItems.ts'], outfile: 'dist/web/actionItems.js', plugins: [...common.plugins, webLazy] },
);

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}

// what is loaded at activation stays small (the issues' budgets; docs/performance.md): checked on
// the production build, which is what the .vsix ships
const BUDGETS = { 'dist/extension.js': 200 * 1024, 'dist/web/extension.js': 250 * 1024 };
if (production) {
  for (const [file, budget] of Object.entries(BUDGETS)) {
    const size = statSync(join(root, file)).size;
    if (size > budget) {
      console.error(`${file} is ${(size / 1024).toFixed(1)} KB, over its ${budget / 1024} KB budget`);
      process.exit(1);
    }
  }
}
