// `npm run bench:editor`: what a writer waits for in the real VS Code (code-server in headless
// chromium), from a keystroke to the Problems count in the status bar and the Report Topics view
// both showing it. A letter typed into a bug link's number makes it malformed (one more error);
// Backspace mends it (one fewer). On the reference draft (78 lines) and on a 2000-topic draft
// (../shared/bench/make-report.mjs 2000). Measured against a floor: the same keystrokes in the same
// code-server with, instead of Midcycle, an extension that runs one regular expression per change
// and sets Problems at once (bench/floor/); what Midcycle adds to that is the figure, run after run
// (the two are measured in turns, MIDCYCLE_LATENCY_TURNS times). Writes the figures to
// bench/RESULTS-editor.md, which bench/RESULTS.md points to. Never run beside another VS Code.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, startCodeServer } from '../test/e2e/codeServer.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ROUNDS = Number(process.env.MIDCYCLE_LATENCY_ROUNDS ?? 9);
const TURNS = Number(process.env.MIDCYCLE_LATENCY_TURNS ?? 2);
/** What Midcycle may add to the floor's mending keystroke, on either draft. */
const TARGET_MS = 300;
const generator = join(root, '..', 'shared', 'bench', 'make-report.mjs');
if (!existsSync(generator)) {
  console.error(`bench: ${generator} is missing: the big draft comes from ../shared/bench/make-report.mjs`);
  process.exit(1);
}

execFileSync(process.execPath, [join(root, 'scripts', 'package.mjs')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
const workspace = mkdtempSync(join(tmpdir(), 'midcycle-latency-'));
copyFileSync(join(root, 'examples', 'neutron-mitaka-midcycle.md'), join(workspace, 'small.md'));
writeFileSync(join(workspace, 'big.md'), execFileSync(process.execPath, [generator, '2000'], { encoding: 'utf8', maxBuffer: 64 << 20 }));
const vsce = join(root, 'node_modules', '.bin', 'vsce');
const floorVsix = join(workspace, '..', `midcycle-floor-${process.pid}.vsix`);
execFileSync(vsce, ['package', '--no-dependencies', '--allow-missing-repository', '-o', floorVsix], { cwd: join(root, 'bench', 'floor'), stdio: 'ignore' });

// MIDCYCLE_LATENCY_PROFILE=1: also a CPU profile of the extension host over the big draft's
// keystrokes (bench/profiler/), written to test-results/editor-latency.cpuprofile
const profile = process.env.MIDCYCLE_LATENCY_PROFILE === '1' ? join(root, 'test-results', 'editor-latency.cpuprofile') : undefined;
let profilerVsix;
if (profile) {
  mkdirSync(dirname(profile), { recursive: true });
  profilerVsix = join(workspace, '..', `midcycle-profiler-${process.pid}.vsix`);
  execFileSync(vsce, ['package', '--no-dependencies', '--allow-missing-repository', '-o', profilerVsix], {
    cwd: join(root, 'bench', 'profiler'),
    stdio: 'ignore',
  });
}

/** One code-server with `extension` installed; each draft's keystrokes; the times by draft. */
async function measure(extension, withTree) {
  const extensions = [extension];
  if (profile && withTree) {
    rmSync(profile, { force: true });
    rmSync(`${profile}.stop`, { force: true });
    rmSync(`${profile}.start`, { force: true });
    extensions.push(profilerVsix);
  }
  const vscode = await startCodeServer({
    folder: workspace,
    extensions,
    env: profile && withTree ? { MIDCYCLE_PROFILE_OUT: profile } : {},
    // MIDCYCLE_LATENCY_SETTINGS: more user settings, as JSON, to see what a part of the workbench costs
    settings: { 'midcycle.linkFacts.enabled': 'off', 'workbench.startupEditor': 'none', ...JSON.parse(process.env.MIDCYCLE_LATENCY_SETTINGS ?? '{}') },
  });
  const browser = await launchBrowser();
  const results = {};
  try {
    const page = await (await browser.newContext({ viewport: { width: 1500, height: 950 } })).newPage();
    await page.goto(vscode.url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 120_000 });
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 120_000 });

    const palette = async (prefix, text, rowText) => {
      await page.keyboard.press(prefix);
      await page.locator('.quick-input-widget input').waitFor();
      await page.keyboard.type(text);
      if (rowText) await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: rowText }).waitFor({ timeout: 60_000 });
      await page.keyboard.press('Enter');
    };
    const problems = () => page.evaluate(() => document.getElementById('status.problems')?.textContent?.replace(/\s+/g, ' ').trim() ?? '');
    // the error icon on the link node the view selected (it follows the cursor)
    const treeShowsError = () =>
      page.evaluate(() => {
        const view = document.getElementById('workbench.view.extension.midcycle');
        return !!view?.querySelector('.monaco-list-row.selected .codicon-error');
      });

    for (const name of ['small.md', 'big.md']) {
      await palette('Control+p', name, name);
      await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: 60_000 });
      if (withTree) await palette('F1', '>Midcycle: Focus on Report Topics View', 'Report Topics');
      const lines = readFileSync(join(workspace, name), 'utf8').split('\n');
      const line = lines.findIndex((l) => /bugs\.launchpad\.net\/\w+\/\+bug\/\d+/.test(l));
      const column = lines[line].search(/\+bug\/\d/) + '+bug/'.length + 2;
      await page.locator('.monaco-editor').first().click();
      await palette('Control+g', `${line + 1}:${column}`);
      await page.waitForFunction((l) => new RegExp(`Ln ${l}, Col`).test(document.querySelector('.statusbar')?.textContent ?? ''), line + 1, {
        timeout: 60_000,
      });
      // settled: the draft read and checked, the views drawn
      await page.waitForTimeout(3000);
      if (profile && withTree && name === 'big.md') {
        writeFileSync(`${profile}.start`, '');
        await page.waitForTimeout(500);
      }
      const times = { break: [], fix: [] };
      for (let r = 0; r < ROUNDS; r++) {
        for (const [key, broken] of [
          ['x', true],
          ['Backspace', false],
        ]) {
          const before = await problems();
          const t0 = Date.now();
          await page.keyboard.press(key);
          await page.waitForFunction(
            ([b, want, tree]) => {
              const now = document.getElementById('status.problems')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
              const view = document.getElementById('workbench.view.extension.midcycle');
              return now !== b && (!tree || !!view?.querySelector('.monaco-list-row.selected .codicon-error') === want);
            },
            [before, broken, withTree],
            { polling: 'raf', timeout: 30_000 },
          );
          times[broken ? 'break' : 'fix'].push(Date.now() - t0);
          await page.waitForTimeout(400);
        }
      }
      if (withTree && (await treeShowsError())) throw new Error('the link was left malformed');
      if (profile && withTree && name === 'big.md') {
        writeFileSync(`${profile}.stop`, '');
        for (let i = 0; i < 50 && !existsSync(profile); i++) await page.waitForTimeout(200);
        console.log(`extension host profile: ${profile}`);
        console.log(`extension host CPU by extension (the big draft's keystrokes): ${cpuByExtension(JSON.parse(readFileSync(profile, 'utf8')))}`);
      }
      results[name] = { lines: lines.length, fix: times.fix, break: times.break };
    }
  } finally {
    await browser.close();
    await vscode.stop();
  }
  return results;
}

const median = (t) => [...t].sort((a, b) => a - b)[Math.floor(t.length / 2)];
const stats = (t) => {
  const s = [...t].sort((a, b) => a - b);
  return { median: median(s), min: s[0], max: s.at(-1), n: s.length };
};
const DRAFTS = ['small.md', 'big.md'];
/** By draft and turn: { floor: { fix, break }, midcycle: { fix, break } }. */
const turns = [];
try {
  for (let t = 0; t < TURNS; t++) {
    const floor = await measure(floorVsix, false);
    const midcycle = await measure(join(root, 'midcycle.vsix'), true);
    turns.push({ floor, midcycle });
    for (const name of DRAFTS)
      console.log(
        `turn ${t + 1}, ${name}: mending floor ${median(floor[name].fix)} ms, Midcycle ${median(midcycle[name].fix)} ms (+${median(midcycle[name].fix) - median(floor[name].fix)}); breaking floor ${median(floor[name].break)} ms, Midcycle ${median(midcycle[name].break)} ms`,
      );
  }
} finally {
  rmSync(workspace, { recursive: true, force: true });
  rmSync(floorVsix, { force: true });
  if (profilerVsix) rmSync(profilerVsix, { force: true });
}

// the target is on the mending keystroke: a new problem on the line being typed is held back 0.8 s
// by design (diagnosticsSupport), which would hide what the editor path costs
const added = (name) => turns.map((t) => median(t.midcycle[name].fix) - median(t.floor[name].fix));
const worst = Math.max(...DRAFTS.flatMap(added));
const met = worst <= TARGET_MS;
const date = new Date().toISOString().slice(0, 10);
const all = (who, name, what) => stats(turns.flatMap((t) => t[who][name][what]));
const cell = (s) => `${s.median} ms (${s.min}–${s.max})`;
const label = { 'small.md': 'reference draft', 'big.md': '2000 topics (`make-report.mjs 2000`)' };
const rows = DRAFTS.map(
  (name) =>
    `| ${label[name]} | ${cell(all('floor', name, 'fix'))} | ${cell(all('midcycle', name, 'fix'))} | ${added(name)
      .map((a) => `${a > 0 ? '+' : ''}${a} ms`)
      .join(', ')} | ${cell(all('floor', name, 'break'))} | ${cell(all('midcycle', name, 'break'))} |`,
);
if (process.env.MIDCYCLE_LATENCY_SETTINGS) {
  console.log(`Midcycle adds at most ${worst} ms to the floor's mending keystroke`);
  process.exit(met ? 0 : 1); // an experiment: RESULTS-editor.md keeps the default set-up's figures
}
writeFileSync(
  join(root, 'bench', 'RESULTS-editor.md'),
  [
    '# Latency in the editor',
    '',
    `npm run bench:editor, ${date}: code-server 4.139.1 in headless Debian chromium, 2 × AMD EPYC. From a keystroke in a bug link's number until the status bar's Problems count (and, for Midcycle, the Report Topics view) shows it: Backspace mending the link (a problem goes), and a letter breaking it (a problem comes; Midcycle holds a new problem on the line being typed back 0.8 s after its last keystroke, by design). The floor is the same code-server with, instead of Midcycle, an extension that runs one regular expression over the draft per change and sets Problems at once (bench/floor/). ${TURNS} turns, each a fresh code-server for the floor then one for Midcycle, ${ROUNDS} keystrokes of each kind per draft. Medians (range) over all turns; "added" is Midcycle's median less the floor's, each turn.`,
    '',
    '| draft | floor, mending | Midcycle, mending | added (each turn) | floor, breaking | Midcycle, breaking (0.8 s hold) |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    `Target: Midcycle adds at most ${TARGET_MS} ms to the floor's mending keystroke, on both drafts, every turn: ${met ? 'met' : '**missed**'} (at most ${worst} ms).`,
    '',
    'Where the time goes (`MIDCYCLE_LATENCY_PROFILE=1` profiles the extension host, by extension): [docs/performance.md](../docs/performance.md#latency-in-the-editor).',
    '',
  ].join('\n'),
);
// and beside the in-process figures in bench/RESULTS.md, in place of the section the last run put there
const resultsFile = join(root, 'bench', 'RESULTS.md');
if (existsSync(resultsFile)) {
  const results = readFileSync(resultsFile, 'utf8').split('\n## Latency in the editor')[0].trimEnd();
  writeFileSync(resultsFile, `${results}\n\n${readFileSync(join(root, 'bench', 'RESULTS-editor.md'), 'utf8').replace(/^# /, '## ')}`);
}
console.log(`Midcycle adds at most ${worst} ms to the floor's mending keystroke (target ${TARGET_MS} ms: ${met ? 'met' : 'missed'})`);
process.exitCode = met ? 0 : 1;

/** A CPU profile's samples by the extension whose code is outermost on their stack: "markdown-language-features 2.94 s, …". */
function cpuByExtension(p) {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const by = new Map();
  p.samples.forEach((id, i) => {
    let owner;
    for (let x = id; x !== undefined; x = parent.get(x)) owner = /extensions\/([^/]+)\//.exec(byId.get(x).callFrame.url)?.[1] ?? owner;
    const name = byId.get(id).callFrame.functionName;
    const key = owner ?? (name.startsWith('(') ? name : 'extension host');
    by.set(key, (by.get(key) ?? 0) + (p.timeDeltas[i] ?? 0));
  });
  by.delete('(idle)');
  return [...by]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([k, us]) => `${k} ${(us / 1e6).toFixed(2)} s`)
    .join(', ');
}
