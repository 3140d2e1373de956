// `npm run bench`: Midcycle against the baselines a user would compare it with, on realistic drafts
// from ../shared/bench/make-report.mjs (50, 500 and 2000 topics, with malformed links), in one
// process, runs interleaved, medians reported. Prints a table and writes it to bench/RESULTS.md.
// MIDCYCLE_BENCH_QUICK=1 runs fewer rounds (for a smoke test).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import * as esbuild from 'esbuild';
import { markdownItFields } from '../scripts/markdownItFields.mjs';
import { wordListString } from '../scripts/wordListString.mjs';
import MarkdownIt from 'markdown-it';
import { lint as markdownlint } from 'markdownlint/sync';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const quick = process.env.MIDCYCLE_BENCH_QUICK === '1';
const generator = join(root, '..', 'shared', 'bench', 'make-report.mjs');
if (!existsSync(generator)) {
  console.error(`bench: ${generator} is missing: the drafts come from ../shared/bench/make-report.mjs (check out shared/ beside the project)`);
  process.exit(2);
}

// the core as the extension and the CLI ship it: bundled and minified the same way
const out = join(root, 'out', 'bench');
mkdirSync(out, { recursive: true });
await esbuild.build({
  entryPoints: [join(root, 'src', 'core', 'index.ts')],
  outfile: join(out, 'core.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'es2022',
  minify: true,
  charset: 'utf8',
  alias: { 'linkify-it': join(root, 'scripts', 'linkify-stub.mjs') },
  plugins: [markdownItFields, wordListString],
  logLevel: 'error',
});
const core = require(join(out, 'core.cjs'));
const bare = new MarkdownIt({ linkify: true });
// markdown-it as the bundles carry it (its class fields assigned: scripts/markdownItFields.mjs), which
// parses faster than the published one the targets compare with: what Midcycle adds alone is
// measured against it too (no target)
await esbuild.build({
  stdin: { contents: "module.exports = require('markdown-it');", resolveDir: root, loader: 'js' },
  outfile: join(out, 'markdown-it.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'es2022',
  minify: true,
  charset: 'utf8',
  plugins: [markdownItFields, wordListString],
  logLevel: 'error',
});
const BundledMarkdownIt = require(join(out, 'markdown-it.cjs'));
const bundledBare = new BundledMarkdownIt({ linkify: true });

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const now = () => Number(process.hrtime.bigint()) / 1e6;

/** Times each function `rounds` times, interleaved (a, b, c, a, b, c, …), after a warm-up; medians. */
function race(fns, rounds) {
  const times = fns.map(() => []);
  for (let w = 0; w < 3; w++) fns.forEach((f) => f());
  for (let r = 0; r < rounds; r++) {
    fns.forEach((f, i) => {
      const t = now();
      f();
      times[i].push(now() - t);
    });
  }
  return times.map(median);
}

// the full analysis a writer sees: the parse and diagnostics, and the links, topics and action items
// the editor and the tree show (a report works those out when first read: read them, or they are
// not measured)
const analyse = (text) => {
  const report = core.parseReport(text);
  void report.links;
  void report.topics;
  void report.actions;
  // owner-unknown is weighed when the diagnostics are first read
  void report.diagnostics;
  return report;
};

const sizes = [50, 500, 2000];
const rows = [];
const drafts = {};
for (const n of sizes) {
  const text = execFileSync(process.execPath, [generator, String(n), '--bad-links'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  drafts[n] = text;
  // a 50-topic run takes a few ms, where one collection of another's garbage moves the median: more rounds
  const rounds = quick ? 3 : n === 2000 ? 15 : n === 500 ? 21 : 101;
  const [analysis, parse, lint, bundledParse] = race(
    [() => analyse(text), () => bare.parse(text, {}), () => markdownlint({ strings: { draft: text } }), () => bundledBare.parse(text, {})],
    rounds,
  );
  const [exported, render] = race([() => core.exportEmail(core.parseReport(text)), () => bare.render(text)], rounds);
  const report = core.parseReport(text);
  rows.push({
    n,
    lines: text.split('\n').length,
    links: report.links.length,
    problems: report.diagnostics.length,
    analysis,
    parse,
    lint,
    exported,
    render,
    bundledParse,
  });
}

// a one-line edit in the middle of the 2000-topic draft, through the extension's update path
// (its ratio to three places: it sits near its 0.1 line, where two would hide which side)
const big = drafts[2000];
const lines = big.split('\n');
const middle = lines.findIndex((l, i) => i >= lines.length / 2 && /^ {2}- \S/.test(l));
const column = lines[middle].length;
const change = { range: { start: { line: middle, character: column }, end: { line: middle, character: column } }, text: ' (updated)' };
const edited = [...lines.slice(0, middle), lines[middle] + change.text, ...lines.slice(middle + 1)].join('\n');
const editTimes = [];
for (let r = 0; r < (quick ? 3 : 15); r++) {
  // as in the editor: the previous report was read whole, and the tree reads the new one's topics
  const previous = analyse(big);
  const t = now();
  const updated = core.updateReport(previous, edited, [change]);
  void updated.links;
  void updated.topics;
  void updated.actions;
  editTimes.push(now() - t);
  if (r === 0) {
    // the update must be the report a full parse gives, or its speed means nothing
    const full = core.parseReport(edited);
    if (JSON.stringify([updated.links, updated.topics, updated.diagnostics]) !== JSON.stringify([full.links, full.topics, full.diagnostics]))
      throw new Error('bench: the incremental update differs from a full parse');
  }
}
const edit = median(editTimes);
const fullBig = rows.find((r) => r.n === 2000).analysis;

// activation: a fresh node loads dist/extension.js and runs activate() against a stand-in `vscode`
const extension = join(root, 'dist', 'extension.js');
const activations = [];
for (let r = 0; r < (quick ? 3 : 9); r++) {
  const run = spawnSync(process.execPath, [join(root, 'bench', 'activate.cjs'), extension], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`bench: activation failed: ${run.stderr}`);
  activations.push(Number(run.stdout.trim()));
}
const activation = median(activations);
const bundle = statSync(extension).size;

// the CLI as a whole process, against a node process that only loads markdown-it and parses
const file = join(out, 'report-2000.md');
writeFileSync(file, big);
const cli = join(root, 'dist', 'cli.js');
const parseIn = (markdownIt) =>
  `const md = require(${JSON.stringify(markdownIt)})(); md.parse(require('fs').readFileSync(${JSON.stringify(file)}, 'utf8'), {});`;
const baseline = parseIn(require.resolve('markdown-it'));
const bundledBaseline = parseIn(join(out, 'markdown-it.cjs'));
const cliTimes = [];
const nodeTimes = [];
const bundledNodeTimes = [];
// a whole process moves ±10 ms from run to run on a shared machine: enough runs for a steady median
for (let r = 0; r < (quick ? 3 : 21); r++) {
  let t = now();
  const check = spawnSync(process.execPath, [cli, 'check', file], { encoding: 'utf8' });
  cliTimes.push(now() - t);
  if (check.status !== 1) throw new Error(`bench: midcycle check exited ${check.status} on a draft with malformed links`);
  t = now();
  spawnSync(process.execPath, ['-e', baseline]);
  nodeTimes.push(now() - t);
  t = now();
  spawnSync(process.execPath, ['-e', bundledBaseline]);
  bundledNodeTimes.push(now() - t);
}
const cliTime = median(cliTimes);
const nodeTime = median(nodeTimes);
const bundledNodeTime = median(bundledNodeTimes);

// linear growth: the 50- and 2000-topic analyses, and markdown-it's parses of them, each timed in a
// fresh process of its own (bench/linear.cjs), the four interleaved; medians over the processes
const smallFile = join(out, 'report-50.md');
writeFileSync(smallFile, drafts[50]);
const linearProcesses = quick ? 1 : 5;
const growth = { analysis: { small: [], big: [] }, parse: { small: [], big: [] } };
for (let r = 0; r < linearProcesses; r++) {
  for (const what of ['analysis', 'parse']) {
    for (const [size, draft, rounds] of [
      ['small', smallFile, quick ? 5 : 101],
      ['big', file, quick ? 3 : 15],
    ]) {
      const run = spawnSync(
        process.execPath,
        [join(root, 'bench', 'linear.cjs'), what, join(out, 'core.cjs'), join(out, 'markdown-it.cjs'), draft, String(rounds)],
        {
          encoding: 'utf8',
        },
      );
      if (run.status !== 0) throw new Error(`bench: linear growth measure failed: ${run.stderr}`);
      growth[what][size].push(Number(run.stdout));
    }
  }
}
const linearSmall = median(growth.analysis.small);
const linearBig = median(growth.analysis.big);
const linear = linearBig / linearSmall;
const parseLinear = median(growth.parse.big) / median(growth.parse.small);
const small = rows.find((r) => r.n === 50);
const big2000 = rows.find((r) => r.n === 2000);
const sizeGrowth = big2000.lines / small.lines;

// the heap a parsed 2000-topic draft keeps, against markdown-it's own token stream for it
const retained = (mode) => {
  const sizes = [];
  for (let r = 0; r < 3; r++) {
    const run = spawnSync(process.execPath, ['--expose-gc', join(root, 'bench', 'heap.cjs'), mode, join(out, 'core.cjs'), file], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`bench: heap measure (${mode}) failed: ${run.stderr}`);
    sizes.push(Number(run.stdout));
  }
  return median(sizes);
};
const heapTokens = retained('tokens');
const heapReport = retained('report');

// the table
const ms = (x) => `${x < 10 ? x.toFixed(2) : x.toFixed(1)} ms`;
const ratio = (x) => `${x.toFixed(2)}×`;
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const verdict = (ok) => (ok ? 'met' : '**missed**');
const table = [];
table.push(
  '| draft | lines | links | problems | full analysis | bare markdown-it parse (linkify) | ratio (≤ 1.3×) | export | bare render | ratio (≤ 1.5×) | markdownlint | markdownlint ÷ analysis (≥ 5×) |',
);
table.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) {
  table.push(
    `| ${r.n} topics | ${r.lines} | ${r.links} | ${r.problems} | ${ms(r.analysis)} | ${ms(r.parse)} | ${ratio(r.analysis / r.parse)} | ${ms(r.exported)} | ${ms(r.render)} | ${ratio(r.exported / r.render)} | ${ms(r.lint)} | ${ratio(r.lint / r.analysis)} |`,
  );
}
const checks = [
  ['full analysis ≤ 1.3× bare parse (each size)', rows.map((r) => ratio(r.analysis / r.parse)).join(', '), rows.every((r) => r.analysis / r.parse <= 1.3)],
  ['export ≤ 1.5× bare render (each size)', rows.map((r) => ratio(r.exported / r.render)).join(', '), rows.every((r) => r.exported / r.render <= 1.5)],
  ['≥ 5× faster than markdownlint (each size)', rows.map((r) => ratio(r.lint / r.analysis)).join(', '), rows.every((r) => r.lint / r.analysis >= 5)],
  ['one-line edit, 2000 topics ≤ 0.1× full analysis', `${ms(edit)} vs ${ms(fullBig)} = ${(edit / fullBig).toFixed(3)}×`, edit / fullBig <= 0.1],
  [
    // markdown-it's own parse grows ~50× here, warmed (caches and the collector, not its algorithms):
    // the target is that Midcycle adds nothing that grows faster; 1.2 is this measure's spread from
    // run to run (0.8–1.1) and still far below what an n log n part would add (docs/performance.md)
    `linear: growth from 50 to 2000 topics (${sizeGrowth.toFixed(1)}× the lines) ≤ 1.2× markdown-it's own (each size warmed 1.5 s in a process of its own; medians of ${linearProcesses})`,
    `${ms(linearBig)} ÷ ${ms(linearSmall)} = ${ratio(linear)}; markdown-it's parse ${ratio(parseLinear)}; ${ratio(linear / parseLinear)} of it (the first table's figures: ${ratio(fullBig / small.analysis)}, its bare parse ${ratio(big2000.parse / small.parse)})`,
    linear / parseLinear <= 1.2,
  ],
  ['activation ≤ 30 ms', ms(activation), activation <= 30],
  ['dist/extension.js ≤ 200 KB', `${(bundle / 1024).toFixed(1)} KB`, bundle <= 200 * 1024],
  [
    "retained heap of a parsed 2000-topic draft (all read) ≤ 1.5× markdown-it's token stream",
    `${mb(heapReport)} vs ${mb(heapTokens)} = ${ratio(heapReport / heapTokens)}`,
    heapReport / heapTokens <= 1.5,
  ],
  [
    '`midcycle check` (2000 topics) ≤ 1.3× node + markdown-it parse, whole processes',
    `${ms(cliTime)} vs ${ms(nodeTime)} = ${ratio(cliTime / nodeTime)}`,
    cliTime / nodeTime <= 1.3,
  ],
];
table.push('', '| target | measured | |', '| --- | --- | --- |');
for (const [what, measured, ok] of checks) table.push(`| ${what} | ${measured} | ${verdict(ok)} |`);
// what Midcycle adds against markdown-it as the bundles carry it (no target)
const addedAnalysis = rows.map((r) => ratio(r.analysis / r.bundledParse)).join(', ');
const addedCheck = `${ms(cliTime)} vs ${ms(bundledNodeTime)} = ${ratio(cliTime / bundledNodeTime)}`;
table.push(
  '',
  `The targets compare with the published markdown-it. The bundles carry it with its class fields assigned rather than defined through its compiled helper (scripts/markdownItFields.mjs), which parses faster. Against that markdown-it, what Midcycle adds alone (no target): full analysis ${addedAnalysis} of its parse (with linkify, as the bare parse above); \`midcycle check\` ${addedCheck} of a node process that loads it and parses.`,
);

const header = `# Benchmark results\n\nnpm run bench, ${new Date().toISOString().slice(0, 10)}: node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}. Medians of interleaved runs in one process (whole processes for the CLI and activation). Drafts: \`make-report.mjs N --bad-links\`.\n`;
// the editor's figures (npm run bench:editor, which needs a real VS Code) are kept beside these
const editorResults = join(root, 'bench', 'RESULTS-editor.md');
const editor = existsSync(editorResults) ? `\n${readFileSync(editorResults, 'utf8').replace(/^# /, '## ')}` : '';
const text = `${header}\n${table.join('\n')}\n${editor}`;
console.log(text);
if (!quick) writeFileSync(join(root, 'bench', 'RESULTS.md'), text);
process.exitCode = checks.every(([, , ok]) => ok) ? 0 : 1;
