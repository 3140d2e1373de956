// The bundles' markdown-it has its class fields assigned rather than defined through its compiled
// helper (scripts/markdownItFields.mjs): it must parse every draft exactly as the published one, make
// tokens of the same shape, and refuse a build it cannot rewrite safely.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import type * as Fields from '../../../scripts/markdownItFields.mjs';

const root = path.join(__dirname, '..', '..', '..');
const fieldsModule = (): Promise<typeof Fields> => import(path.join(root, 'scripts', 'markdownItFields.mjs'));

/** markdown-it as our bundles carry it (imported as they import it), built in memory: its code and the loaded module. */
async function bundledMarkdownIt(): Promise<{ code: string; MarkdownIt: typeof MarkdownIt }> {
  const { markdownItFields } = await fieldsModule();
  const { outputFiles } = await esbuild.build({
    stdin: { contents: "import MarkdownIt from 'markdown-it'; module.exports = MarkdownIt;", resolveDir: root, loader: 'js' },
    bundle: true,
    write: false,
    platform: 'node',
    format: 'cjs',
    target: 'es2022',
    plugins: [markdownItFields],
    logLevel: 'silent',
  });
  const code = outputFiles[0].text;
  const module = { exports: {} as typeof MarkdownIt };
  new Function('module', 'exports', 'require', code)(module, module.exports, require);
  return { code, MarkdownIt: module.exports };
}

/** Every token of a stream, children included. */
const allTokens = (tokens: readonly Token[]): Token[] => tokens.flatMap((t) => [t, ...allTokens(t.children ?? [])]);

/** A token's own properties, in order, with their attributes (V8 gives objects alike one shape). */
const descriptors = (t: object) => Object.entries(Object.getOwnPropertyDescriptors(t)).map(([k, d]) => [k, d.writable, d.enumerable, d.configurable]);

function drafts(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? drafts(p) : /\.(md|markdown|txt|rst)$/.test(e.name) ? [p] : [];
  });
}

describe('markdown-it in our bundles (fields assigned)', () => {
  it('rewrites every field of the published build, and no other call', async () => {
    const { plainFields } = await fieldsModule();
    const file = require.resolve('markdown-it').replace(/markdown-it\.cjs\.js$/, 'markdown-it.mjs');
    const source = fs.readFileSync(file, 'utf8');
    const { contents, fields } = plainFields(source, file);
    if (!source.includes('function _defineProperty(')) {
      // a markdown-it built with native fields: nothing to do, and nothing done
      assert.equal(contents, source);
      return;
    }
    // Token's fields among them (its type, tag, attrs, nesting and meta are plain assignments already)
    for (const key of ['map', 'level', 'children', 'content', 'markup', 'info', 'block', 'hidden']) assert.ok(fields.includes(key), key);
    assert.doesNotMatch(contents, /_defineProperty\(\s*this\b/);
    assert.match(contents, /\(this\.map =/);
  });

  it('parses every fixture draft to the same tokens as the published markdown-it, of the same shape', async () => {
    const { code, MarkdownIt: Bundled } = await bundledMarkdownIt();
    // the rewrite ran on the file the bundles import: no field left to the helper
    assert.doesNotMatch(code, /_defineProperty\(\s*this\b/);
    assert.match(code, /\bthis\.map = null;/);
    const ours = new Bundled({ linkify: false });
    const published = new MarkdownIt({ linkify: false });
    const files = drafts(path.join(root, 'test', 'fixtures'));
    assert.ok(files.length >= 10, `${files.length} drafts`);
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const a = ours.parse(text, {});
      const b = published.parse(text, {});
      assert.deepEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)), file);
      assert.deepEqual(allTokens(a).map(descriptors), allTokens(b).map(descriptors), file);
      assert.equal(ours.render(text), published.render(text), file);
    }
    // the parser objects too (state, rulers, renderer), which hold the other fields
    assert.deepEqual(descriptors(ours), descriptors(published));
    assert.deepEqual(descriptors(ours.block.ruler), descriptors(published.block.ruler));
  });

  it('stops the build on a markdown-it it cannot rewrite safely', async () => {
    const { plainFields } = await fieldsModule();
    const helper = 'function _defineProperty(e, r, t) { return e; }\n';
    assert.throws(() => plainFields(`${helper}class A extends B { constructor() { super(); _defineProperty(this, "x", 1); } }`), /extends another/);
    assert.throws(() => plainFields(`${helper}var A = class extends B { constructor() { super(); _defineProperty(this, "x", 1); } }`), /extends another/);
    assert.throws(() => plainFields(`${helper}class A { constructor() { _defineProperty(this, "x", 1); }\n  get [k]() { return 2; } }`), /computed accessor/);
    assert.throws(
      () => plainFields(`${helper}class A { constructor() { _defineProperty(this, "x", 1); } }\nObject.defineProperty(A.prototype, "x", {})`),
      /by hand/,
    );
    assert.throws(() => plainFields(`${helper}class A { constructor() { _defineProperty(this, "__proto__", null); } }`), /every object/);
    assert.throws(
      () => plainFields(`${helper}class A { constructor() { _defineProperty(this, "x", 1); }\n  get "x"() { return 2; } }`),
      /"x" is also an accessor/,
    );
    // in an expression, even one that begins a line or sits in a template: left, and the build stopped
    assert.throws(() => plainFields(`${helper}class A { constructor() { const self =\n  _defineProperty(this, "x", 1); } }`), /does not read/);
    assert.throws(() => plainFields(`${helper}class A { constructor() { f(\n_defineProperty(this, "x", 1)); } }`), /does not read/);
    assert.throws(() => plainFields(`${helper}class A { constructor() { s = \`\${_defineProperty(this, "x", 1)}\`; } }`), /does not read/);
    assert.throws(() => plainFields(`${helper}class A { constructor() { _defineProperty(this, key, 1); } }`), /does not read/);
    // its value used: `this` there, the value once assigned
    assert.throws(() => plainFields(`${helper}class A { constructor() { const self = _defineProperty(this, "x", 1); } }`), /does not read/);
    assert.throws(
      () => plainFields(`${helper}class A { constructor() { _defineProperty(this, "x", 1); }\n  get x() { return 2; } }`),
      /"x" is also an accessor/,
    );
    const fine = plainFields(`${helper}class A { constructor() { _defineProperty(this, /** a doc */ "x", [1, 2]); } }`);
    assert.equal(fine.contents, `${helper}class A { constructor() { (this.x = [1, 2]); } }`);
    assert.deepEqual(fine.fields, ['x']);
    // no helper: left alone
    const native = 'class A { x = 1; }';
    assert.equal(plainFields(native).contents, native);
  });
});
