// markdown-it 15's published build compiles its class fields with a helper, `_defineProperty(this,
// "map", null)`, which passes every key through toPropertyKey → toPrimitive → _typeof before it
// assigns it. A Token has ten fields and a 2000-topic draft ~150,000 tokens: in a one-shot process
// (`midcycle check`) the helpers are a tenth of the run, before V8 has optimised them. Our bundles
// assign the fields instead (docs/performance.md has the figures).
//
// `this.key = value` does what the helper does whenever `key` is not already on the object or its
// prototypes: a fresh instance of a class that extends nothing gets the same own, enumerable,
// writable property in the same order. The rewrite checks that it can rely on that (no class
// extends another, no accessor or prototype property that could share a field's name, no key of
// Object.prototype such as __proto__) and stops the build otherwise, so that a new markdown-it is
// looked at rather than changed unseen.
import { readFile } from 'node:fs/promises';

/**
 * The helper's calls on `this` that stand as statements (after `;`, `{` or `}`, so their value,
 * `this`, is unused): an optional doc comment, then a string key. A call anywhere else is left as
 * it is, and then stops the build.
 */
const FIELD = /(;|(?<!\$)\{|\})(\s*)_defineProperty\(\s*this,\s*(?:\/\*\*[\s\S]*?\*\/\s*)?"([A-Za-z_$][\w$]*)",/g;

/**
 * markdown-it's built source with its fields assigned: `_defineProperty(this, "key", value)` made
 * `(this.key = value)` (the call's own closing parenthesis closes the assignment's). The source
 * unchanged when it has no such helper (a markdown-it built with native fields needs none).
 */
export function plainFields(source, file = 'markdown-it') {
  if (!/function _defineProperty\(/.test(source)) return { contents: source, fields: [] };
  const fail = (why) => {
    throw new Error(`${file}: ${why}; scripts/markdownItFields.mjs cannot assign its fields safely. Look at the new markdown-it build and update the rewrite.`);
  };
  // `class A extends B`, and `var A = class extends B` as this build writes its classes
  if (/\bclass\b(?:\s+[\w$]+)?\s+extends\b/.test(source)) fail('a class extends another (a base class may define a field as an accessor)');
  // an accessor whose name the checks below cannot read, or one put on a prototype by hand
  if (/(?:^|[\s;{},])(?:get|set)\s*\[/m.test(source)) fail('a class has a computed accessor');
  if (/Object\.definePropert(?:y|ies)\(\s*[\w$.]+\.prototype\b/.test(source)) fail('a prototype gets properties defined by hand');
  const fields = new Set();
  const contents = source.replace(FIELD, (_, before, space, key) => {
    fields.add(key);
    return `${before}${space}(this.${key} =`;
  });
  if (/_defineProperty\(\s*this\b/.test(contents)) fail('a field is defined in a form the rewrite does not read');
  for (const key of fields) {
    // assigning __proto__, say, sets the prototype where the helper defines a property
    if (key in Object.prototype) fail(`the field "${key}" is a property of every object`);
    const name = key.replace(/\$/g, '\\$');
    if (new RegExp(String.raw`(?:^|[\s;{},])(?:get|set|static)\s+(?:${name}|"${name}"|'${name}')\s*\(`, 'm').test(source)) {
      fail(`"${key}" is also an accessor or static method`);
    }
  }
  return { contents, fields: [...fields] };
}

/** The esbuild plugin: markdown-it's dist files, fields assigned. */
export const markdownItFields = {
  name: 'midcycle-markdown-it-fields',
  setup(build) {
    build.onLoad({ filter: /[\\/]markdown-it[\\/]dist[\\/]markdown-it\.(?:mjs|cjs\.js)$/ }, async (args) => ({
      contents: plainFields(await readFile(args.path, 'utf8'), args.path).contents,
      loader: 'js',
    }));
  },
};
