// Bundles the extension and the CLI with esbuild (what each bundle holds: scripts/bundles.mjs), then
// writes the notices of the third-party code the extension's bundles carry (thirdPartyNotices.mjs)
// and checks the budgets of what is loaded first.
import * as esbuild from 'esbuild';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { staleRuleOutputs } from './rules.mjs';
import { BUNDLE, staleL10nBundle } from './l10n.mjs';
import { bundles, EXTENSION_BUNDLES, root } from './bundles.mjs';
import { writeNotices } from './thirdPartyNotices.mjs';

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
const builds = bundles({ production });

if (watch) {
  // the notices are the packaging's business (vscode:prepublish builds without --watch)
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  const results = await Promise.all(builds.map((b) => esbuild.build({ ...b, metafile: true })));
  writeNotices(results.filter((_, i) => EXTENSION_BUNDLES.includes(builds[i].outfile)).map((r) => r.metafile));
}

// what is loaded first stays small (the issues' budgets; docs/performance.md): checked on the
// production build, which is what the .vsix ships. Activation on the desktop and on the web (with
// the action item finder the web entry loads before it registers anything); the first export or copy.
const BUDGETS = {
  'dist/extension.js': 200 * 1024,
  'dist/web/extension.js': 250 * 1024,
  'dist/web/actionItems.js': 32 * 1024,
  'dist/mailExport.js': 200 * 1024,
  'dist/web/mailExport.js': 200 * 1024,
};
if (production) {
  for (const [file, budget] of Object.entries(BUDGETS)) {
    const size = statSync(join(root, file)).size;
    if (size > budget) {
      console.error(`${file} is ${(size / 1024).toFixed(1)} KB, over its ${budget / 1024} KB budget`);
      process.exit(1);
    }
  }
}
