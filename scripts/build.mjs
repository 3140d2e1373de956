// Bundles the extension and the CLI with esbuild: one CommonJS file each, `vscode` left external.
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import { staleRuleOutputs } from './rules.mjs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

// the README's rule table, the severity schema and the defaults the bundles ship are generated from
// the rule records: a stale one stops the build (it is not rewritten here, so that CI sees it)
const stale = await staleRuleOutputs();
if (stale.length) {
  console.error(`${stale.join(', ')}: not as the rule records (src/core/rules/ruleRecords.ts) give them. Run npm run rules.`);
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
  define: { MIDCYCLE_VERSION: JSON.stringify(version) },
  // markdown-it's linkify is off (Midcycle's own scanner finds links): its linkify-it stays out
  alias: { 'linkify-it': './scripts/linkify-stub.mjs' },
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

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
