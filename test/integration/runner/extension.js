// The test runner extension: in a real VS Code extension host, runs the compiled mocha suite named
// by MIDCYCLE_TEST_SUITE and writes { code, error, logs } to MIDCYCLE_TEST_RESULT. Those variables
// are set only for test runs; without them it does nothing.
const fs = require('fs');

exports.activate = function activate() {
  const suite = process.env.MIDCYCLE_TEST_SUITE;
  const result = process.env.MIDCYCLE_TEST_RESULT;
  if (!suite || !result) return;
  const logs = [];
  const log = (line) => logs.push(String(line));
  const write = (outcome) => {
    // a temporary name, then a rename: the harness never reads half a result
    fs.writeFileSync(`${result}.tmp`, JSON.stringify({ ...outcome, logs }));
    fs.renameSync(`${result}.tmp`, result);
  };
  setTimeout(async () => {
    try {
      const code = await require(suite).run(log);
      write({ code });
    } catch (e) {
      write({ code: 1, error: String((e && e.stack) || e) });
    }
  }, 0);
};

exports.deactivate = function deactivate() {};
