// The first look for `owner-unknown` (roster.ts): dist/roster.js, a small bundle of its own, loaded
// the first time a report's diagnostics are read, so that the extension's own bundle stays small.
export type RosterModule = typeof import('./roster');

let loaded: RosterModule | undefined;

export function roster(): RosterModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle beside this one, on purpose not bundled in
  loaded ??= require('./roster') as RosterModule;
  return loaded;
}
