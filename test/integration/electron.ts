// The integration suite's entry for a desktop VS Code started by @vscode/test-electron (npm run
// test:electron): the same suite as in code-server, its log on the console, a failure thrown.
import { run as runSuite } from './index';

export async function run(): Promise<void> {
  const code = await runSuite((line) => console.log(line));
  if (code !== 0) throw new Error('the integration suite failed (see above)');
}
