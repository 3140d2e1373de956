// The integration suite's entry on the desktop, run by the test runner extension inside VS Code's
// Node extension host: mocha, bundled, running the suite both hosts run, then what only the
// desktop has.
import Mocha from 'mocha';
import { MOCHA_OPTIONS, runMocha } from './runMocha';

export function run(log: (line: string) => void): Promise<number> {
  return runMocha(
    new Mocha(MOCHA_OPTIONS),
    () => {
      require('./extension.test');
      require('./trackers.test');
      require('./node.test');
    },
    log,
  );
}
