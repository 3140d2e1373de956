// VS Code for the Web as it runs Midcycle: the built dist/web/extension.js evaluated as its web
// worker host evaluates a `browser` entry, with the stand-in `vscode` and a fetch that serves the
// package's files. What it fetches, and when, is what a writer on vscode.dev waits for.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { document, extensionContext, resetStandIn, standInVscode } from '../../helpers/standInVscode';
import { evaluateBundle } from '../../../../src/extension/platform/webPlatform';
import type { MidcycleApi } from '../../../../src/extension/activation';
import { ENGLISH_WORDS } from '../../../../src/core/people/englishWords';

const root = path.join(__dirname, '..', '..', '..', '..');
const entry = path.join(root, 'dist', 'web', 'extension.js');

async function until(done: () => boolean, ms = 5000): Promise<void> {
  for (const end = Date.now() + ms; !done() && Date.now() < end;) await new Promise((r) => setTimeout(r, 10));
}

describe('VS Code for the Web, from the built dist/web/extension.js', () => {
  const realFetch = globalThis.fetch;
  let fetched: { file: string; bytes: number }[];

  beforeEach(function () {
    // `npm test` builds first; a bare `mocha` run before any build has no dist/ to load
    if (!fs.existsSync(entry)) this.skip();
    fetched = [];
    globalThis.fetch = (async (url: string) => {
      const file = new URL(url).pathname;
      const text = fs.readFileSync(file, 'utf8');
      fetched.push({ file: path.relative(root, file), bytes: Buffer.byteLength(text) });
      return { ok: true, status: 200, statusText: 'OK', text: async () => text };
    }) as unknown as typeof fetch;
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('fetches only the small action item finder at activation, and the dictionary, as one string, when an owner is first weighed', async () => {
    const state = resetStandIn();
    const web = evaluateBundle(fs.readFileSync(entry, 'utf8'), entry, standInVscode) as { activate(context: vscode.ExtensionContext): Promise<MidcycleApi> };
    const context = extensionContext(root);
    const api = await web.activate(context as unknown as vscode.ExtensionContext);
    try {
      assert.deepEqual(
        fetched.map((f) => f.file),
        ['dist/web/actionItems.js'],
      );
      assert.ok(fetched[0].bytes < 64 * 1024, `activation fetched ${fetched[0].bytes} bytes`);

      // a draft whose action items name owners: "armax" is no word, so someone; "patches" is a word
      const draft = document(
        '/w/report.md',
        '- Gate\n  - carl_baldwin to put up model proposal\n  - armax to write the spec\n  - patches to be reviewed by Friday\n',
      );
      state.documents.push(draft);
      const owners = () => api.store.get(draft as unknown as vscode.TextDocument)!.actions.map((a) => a.owner);
      // weighed before the dictionary is here: no word is taken for a person, nor a nick without a nick's marks
      assert.deepEqual(owners(), ['carl_baldwin']);
      await until(() => fetched.length === 2);
      assert.deepEqual(
        fetched.map((f) => f.file),
        ['dist/web/actionItems.js', 'dist/web/englishWords.js'],
      );
      await until(() => state.channels.get('Midcycle')!.lines.some((l) => l.includes('loaded the englishWords bundle')));
      // and every draft read again with it
      assert.deepEqual(owners(), ['carl_baldwin', 'armax']);
      const words = fs.readFileSync(path.join(root, 'dist', 'web', 'englishWords.js'), 'utf8');
      assert.doesNotMatch(words, /\["[a-z]+",\s*"[a-z]+"/, 'no array of words');
    } finally {
      context.subscriptions.forEach((d) => d.dispose());
    }
  });
});

describe('the dictionary as built (dist/englishWords.js)', () => {
  it('holds the words of the sources, as one string', function () {
    const bundle = path.join(root, 'dist', 'englishWords.js');
    if (!fs.existsSync(bundle)) this.skip();
    assert.doesNotMatch(fs.readFileSync(bundle, 'utf8'), /\["[a-z]+",\s*"[a-z]+"/, 'no array of words');
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the built bundle, as the core requires it
    const built = require(bundle) as { ENGLISH_WORDS: ReadonlySet<string> };
    assert.equal(built.ENGLISH_WORDS.size, ENGLISH_WORDS.size);
    for (const w of ENGLISH_WORDS) if (!built.ENGLISH_WORDS.has(w)) assert.fail(`${w} is not in the built dictionary`);
  });
});
