// The link facts code (linkFactsModule.ts) is dist/linkFactsModule.js, loaded on first use: a draft
// checked offline, and every activation, never pay for it.
export type LinkFactsModule = typeof import('./linkFactsModule');

let loaded: LinkFactsModule | undefined;

export function linkFactsModule(): LinkFactsModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle beside this one, on purpose not bundled in
  loaded ??= require('./linkFactsModule') as LinkFactsModule;
  return loaded;
}
