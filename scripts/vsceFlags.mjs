// vsce's flags for how this project packages (scripts/package.mjs, the web-only package of the tests).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * For a manifest without `repository` (the project has no public home yet; package.json's
 * `repository` is the one place its address goes): packaged without asking, and the README's
 * relative links left as they are instead of pointing at an address that is not the project's.
 */
export function withoutRepository(folder) {
  return JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')).repository ? [] : ['--allow-missing-repository', '--no-rewrite-relative-links'];
}
