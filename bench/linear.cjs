// Whether the analysis grows linearly with the draft: run by bench.mjs as `node linear.cjs CORE
// MARKDOWN_IT SMALL BIG`, it times the full analysis of each draft alone (a race of its own, so that
// no other function's garbage, markdownlint's above all, is collected during it), and markdown-it's
// parse of each the same way for comparison; prints the medians as JSON. bench.mjs runs it in several
// fresh processes: how V8 compiles the code differs from process to process, and moves a 4 ms time
// by a quarter.
const fs = require('node:fs');
const [corePath, markdownItPath, smallFile, bigFile] = process.argv.slice(2);
const core = require(corePath);
const markdownIt = new (require(markdownItPath))({ linkify: true });
const small = fs.readFileSync(smallFile, 'utf8');
const big = fs.readFileSync(bigFile, 'utf8');

const now = () => Number(process.hrtime.bigint()) / 1e6;
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const timed = (f, rounds) => {
  for (let w = 0; w < 3; w++) f();
  const times = [];
  for (let r = 0; r < rounds; r++) {
    const t = now();
    f();
    times.push(now() - t);
  }
  return median(times);
};
// as bench.mjs's analyse: the parse, the diagnostics, and what the editor and the tree read
const analyse = (text) => {
  const report = core.parseReport(text);
  void [report.links, report.topics, report.actions, report.diagnostics];
};
const result = {
  small: timed(() => analyse(small), 101),
  big: timed(() => analyse(big), 15),
  parseSmall: timed(() => markdownIt.parse(small, {}), 101),
  parseBig: timed(() => markdownIt.parse(big, {}), 15),
};
process.stdout.write(JSON.stringify(result));
