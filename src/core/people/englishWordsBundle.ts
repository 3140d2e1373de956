// The dictionary (englishWords.ts, ~500 KB) is dist/englishWords.js, loaded the first time an owner
// is weighed. On the desktop and in the CLI it is required then; VS Code for the Web cannot require
// a file, so there the first ask starts fetching it (src/extension/platform/providedBundles.ts) and
// gets nothing until it is here: owners are weighed without it for that moment, and every draft is
// read again when it comes.
export type EnglishWordsModule = typeof import('./englishWords');

let loaded: EnglishWordsModule | undefined;

/** The dictionary's words, or undefined while VS Code for the Web is still fetching them. */
export function englishWords(): ReadonlySet<string> | undefined {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle beside this one, on purpose not bundled in
  loaded ??= require('./englishWords') as EnglishWordsModule | undefined;
  return loaded?.ENGLISH_WORDS;
}

/** First names, capitalised, from the same bundle; undefined while the web is still fetching it. */
export function firstNames(): ReadonlySet<string> | undefined {
  englishWords();
  return loaded?.FIRST_NAMES;
}
