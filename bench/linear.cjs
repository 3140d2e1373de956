// Whether the analysis grows linearly with the draft: run by bench.mjs as `node linear.cjs WHAT CORE
// MARKDOWN_IT FILE ROUNDS`, it times one thing on one draft in a process of its own and prints the
// median in milliseconds. WHAT: `analysis` (Midcycle's full analysis, as bench.mjs's analyse) or
// `parse` (markdown-it's parse, for comparison). A process per draft, so that neither size is timed
// while the other's garbage (or markdownlint's) is collected; bench.mjs runs each several times: how
// V8 compiles the code differs from process to process and moves a 4 ms time by a quarter.
const fs = require('node:fs');
const [what, corePath, markdownItPath, file, rounds] = process.argv.slice(2);
const text = fs.readFileSync(file, 'utf8');

let run;
if (what === 'analysis') {
  const core = require(corePath);
  run = () => {
    const report = core.parseReport(text);
    void [report.links, report.topics, report.actions, report.diagnostics];
  };
} else {
  const markdownIt = new (require(markdownItPath))({ linkify: true });
  run = () => markdownIt.parse(text, {});
}

const now = () => Number(process.hrtime.bigint()) / 1e6;
// warmed for a time, not a number of runs: a few runs of the small draft leave V8 optimising less of
// the code than a few runs of the big one, which would favour the small draft's time
const warmUntil = now() + 1500;
for (let w = 0; w < 3 || now() < warmUntil; w++) run();
const times = [];
for (let r = 0; r < Number(rounds); r++) {
  const t = now();
  run();
  times.push(now() - t);
}
process.stdout.write(String([...times].sort((a, b) => a - b)[times.length >> 1]));
