// The integration suite's entry, run by the test runner extension inside a real VS Code extension
// host: mocha, bundled, with the suite's files loaded after its globals are set.
import Mocha from 'mocha';

export async function run(log: (line: string) => void): Promise<number> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false, reporter: class {} as unknown as Mocha.ReporterConstructor });
  mocha.suite.emit('pre-require', globalThis, 'integration', mocha);
  // loaded here, after pre-require, so that describe/it exist when the files run
  require('./extension.test');

  return new Promise((resolve) => {
    let passed = 0;
    // a run that ran nothing has failed too
    const runner = mocha.run((failures) => resolve(failures || passed === 0 ? 1 : 0));
    let failed = 0;
    runner.on('suite', (s) => s.title && log(`${'  '.repeat(depth(s))}${s.title}`));
    runner.on('pass', (t) => {
      passed++;
      log(`${'  '.repeat(depth(t.parent!) + 1)}✔ ${t.title} (${t.duration} ms)`);
    });
    runner.on('fail', (t, err: Error) => {
      failed++;
      log(`${'  '.repeat(depth(t.parent!) + 1)}✘ ${t.title}\n${err.stack ?? err.message}`);
    });
    runner.on('end', () => log(`\n${passed} passed, ${failed} failed`));
  });
}

function depth(suite: Mocha.Suite): number {
  let d = -1;
  for (let s: Mocha.Suite | undefined = suite; s; s = s.parent) d++;
  return Math.max(0, d - 1);
}
