// The heap a parsed draft keeps: run by bench.mjs as `node --expose-gc heap.cjs MODE CORE FILE`, it
// prints the bytes retained after a full collection by what MODE keeps alive: `tokens`, markdown-it's
// own token stream for the text; `report`, Midcycle's report with everything a view reads of it made
// (topics, links, action items, diagnostics). The text itself is read before the first measure.
const fs = require('node:fs');
const [mode, corePath, file] = process.argv.slice(2);
const text = fs.readFileSync(file, 'utf8');
const core = require(corePath);
const MarkdownIt = require('markdown-it');
const md = new MarkdownIt();
// warm both paths on a small text, so that what they build once (tables, regular expressions,
// bundles loaded on first use) is not counted as the draft's
md.parse('- a https://review.openstack.org/#/c/1/\n', {});
// (an owner that is a word, "Patches", weighs the word list, which loads when an owner is first weighed)
const warm = core.parseReport('---\nsubject: x\n---\n- a https://review.openstack.org/#/c/1/ armax to go\n- Patches to fix it\n');
void [warm.topics, warm.links, warm.actions, warm.diagnostics];
global.gc();
global.gc();
const before = process.memoryUsage().heapUsed;
let kept;
if (mode === 'tokens') kept = md.parse(text, {});
else {
  kept = core.parseReport(text);
  void kept.topics;
  void kept.links;
  void kept.actions;
  void kept.diagnostics;
}
global.gc();
global.gc();
const after = process.memoryUsage().heapUsed;
process.stdout.write(String(after - before));
if (!kept) process.exitCode = 1;
