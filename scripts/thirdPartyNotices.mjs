// The notices of the third-party code the extension's bundles carry (dist/THIRD_PARTY_NOTICES.txt,
// shipped in the .vsix): each package esbuild put into a bundle (its metafile's inputs under
// node_modules), with its version, its declared licence and its licence text as the package gives
// it. esbuild's `legalComments` would not do: it keeps only `/*! … */` and `@license` comments, which
// most of these packages do not have (markdown-it's one line names its licence without its text).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { root } from './bundles.mjs';
import { inlinedInputs } from './wordListString.mjs';

export const NOTICES_FILE = 'dist/THIRD_PARTY_NOTICES.txt';

/** A licence file at a package's root: LICENSE, LICENCE, LICENSE-MIT.txt, COPYING, Copyright, NOTICE… */
const LICENCE_FILE = /^(?:licen[cs]e|copying|copyright|notice)(?:[-.].*)?$/i;

/**
 * The MIT licence's text, for a package that declares MIT but ships no licence file (@vscode/l10n):
 * the licence asks that its text go with the code. Any other licence without a file stops the build.
 */
const MIT = (holder) => `MIT License

Copyright (c) ${holder}

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
`;

/** The folders (from the root) of the packages whose files went into the bundles of these metafiles, sorted. */
export function bundledPackages(metafiles) {
  const folders = new Set();
  const add = (input) => {
    const path = relative(root, join(root, input)).split(sep).join('/');
    // the innermost package: node_modules/a/node_modules/@scope/b/… is @scope/b
    const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(path);
    if (m) folders.add(m[1]);
  };
  for (const metafile of metafiles)
    for (const output of Object.values(metafile.outputs))
      for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
        if (bytesInOutput === 0) continue;
        add(input);
        // a module a build plugin replaced with what it made of other files (the word list): those files
        for (const source of inlinedInputs.get(join(root, input)) ?? []) add(source);
      }
  return [...folders].sort();
}

/** A package's name, version, declared licence, address and licence text (with the files it came from). */
export function packageNotice(folder) {
  const dir = join(root, folder);
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const licence = typeof manifest.license === 'string' ? manifest.license : (manifest.license?.type ?? 'UNKNOWN');
  const files = readdirSync(dir)
    .filter((f) => LICENCE_FILE.test(f))
    .sort();
  const author = typeof manifest.author === 'string' ? manifest.author.replace(/\s*[<(].*$/, '') : manifest.author?.name;
  let text = files.map((f) => readFileSync(join(dir, f), 'utf8').trim()).join('\n\n');
  if (!text) {
    if (licence !== 'MIT' || !author)
      throw new Error(`${folder}: no licence file, and its licence (${licence}) has no text here: add it to scripts/thirdPartyNotices.mjs`);
    text = `${MIT(author).trim()}\n\n(${manifest.name} ships no licence file: the MIT License its package.json declares, its author as the holder.)`;
  }
  const url = (typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url) ?? manifest.homepage ?? '';
  return { name: manifest.name, version: manifest.version, licence, url: url.replace(/^git\+/, '').replace(/\.git$/, ''), files, text };
}

/** The notices' text for these packages' folders. */
export function noticesText(folders) {
  const line = '='.repeat(78);
  const parts = folders.map((folder) => {
    const p = packageNotice(folder);
    return [line, `${p.name} ${p.version} (${p.licence})`, ...(p.url ? [p.url] : []), '-'.repeat(78), p.text, ''].join('\n');
  });
  return [
    'Midcycle: third-party notices',
    '',
    "Midcycle's bundles (dist/) carry code and data of the packages below. Each is named with its",
    'version and licence, and followed by its licence as the package gives it.',
    '',
    ...parts,
  ].join('\n');
}

/** Writes the notices for the packages in these metafiles' bundles. */
export function writeNotices(metafiles) {
  const file = join(root, NOTICES_FILE);
  if (!existsSync(dirname(file))) mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, noticesText(bundledPackages(metafiles)));
  return relative(root, file);
}
