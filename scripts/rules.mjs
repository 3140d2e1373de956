// `npm run rules`: writes what is generated from the rule records (src/core/rules/ruleRecords.ts, through
// scripts/ruleOutputs.ts): the README's rule table, the `midcycle.severity` schema in package.json,
// src/core/rules/ruleDefaults.ts and the rules' pages in docs/rules/. `--check` writes nothing and fails when one is stale: the build runs
// that, so that a stale file stops it (in CI too) rather than being rewritten unseen.
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The outputs' paths and texts, now and as the records give them. */
export async function ruleOutputs() {
  // the records are TypeScript: bundled in memory and loaded from there
  const { outputFiles } = await esbuild.build({
    entryPoints: [join(root, 'scripts', 'ruleOutputs.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    logLevel: 'silent',
  });
  const { RULE_OUTPUTS } = await import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);
  return RULE_OUTPUTS.map(({ path, generate }) => {
    const current = existsSync(join(root, path)) ? readFileSync(join(root, path), 'utf8') : '';
    return { path, current, wanted: generate(current) };
  });
}

/** Rule pages in docs/rules/ of no rule the records have (a rule removed or renamed). */
function orphanRulePages(outputs) {
  const folder = join(root, 'docs', 'rules');
  const wanted = new Set(outputs.map((o) => o.path));
  return existsSync(folder)
    ? readdirSync(folder)
        .map((f) => `docs/rules/${f}`)
        .filter((p) => !wanted.has(p))
    : [];
}

/** The outputs that are not what the records give, and rule pages of no rule. */
export async function staleRuleOutputs() {
  const outputs = await ruleOutputs();
  return [...outputs.filter((o) => o.current !== o.wanted).map((o) => o.path), ...orphanRulePages(outputs)];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--check')) {
    const stale = await staleRuleOutputs();
    if (stale.length) {
      console.error(`${stale.join(', ')}: not as the rule records give them. Run npm run rules.`);
      process.exit(1);
    }
  } else {
    const outputs = await ruleOutputs();
    for (const path of orphanRulePages(outputs)) {
      rmSync(join(root, path));
      console.log(`removed ${path}`);
    }
    for (const o of outputs) {
      if (o.current === o.wanted) continue;
      mkdirSync(dirname(join(root, o.path)), { recursive: true });
      writeFileSync(join(root, o.path), o.wanted);
      console.log(`wrote ${o.path}`);
    }
  }
}
