// How both integration runners (the desktop's index.ts, the web's web/index.ts) run mocha and tell
// the result: the suite's files loaded after mocha's globals are set, each test's outcome logged,
// and a run that ran nothing counted as failed.
import type Mocha from 'mocha';

export const MOCHA_OPTIONS = { ui: 'bdd', timeout: 30_000, color: false, reporter: class {} as unknown as Mocha.ReporterConstructor } as const;

export function runMocha(mocha: Mocha, loadFiles: () => void, log: (line: string) => void): Promise<number> {
  mocha.suite.emit('pre-require', globalThis, 'integration', mocha);
  // loaded here, after pre-require, so that describe/it exist when the files run
  loadFiles();

  return new Promise((resolve) => {
    let passed = 0;
    let failed = 0;
    const runner = mocha.run((failures) => resolve(failures || passed === 0 ? 1 : 0));
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
