// The test helper emailShape is ../shared/tools/email-shape.mjs done again in TypeScript (so that
// the tests need nothing beside the clone): where the tool is there, both read every mail fixture,
// and the export of each one's imported draft, to the same shape; and the tool's own figure for
// each round trip is 100% of lines and links.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { exportEmail, parseReport } from '../../../../src/core';
import { importMessage } from '../../../../src/core/import/importMessage';
import { emailShape } from '../../helpers/emailShape';

const root = path.join(__dirname, '..', '..', '..', '..');
const tool = path.join(root, '..', 'shared', 'tools', 'email-shape.mjs');
const mail = path.join(root, 'test', 'fixtures', 'mail');
const html = ['gmail-br.html', 'thunderbird-br.html', 'thunderbird.html', 'apple-mail.html', 'roundcube.html', 'outlook.html', 'outlook-word.html'];

/** The tool's own functions, loaded from where it stands (with its own parse5). */
interface Tool {
  shape(html: string): unknown;
  compare(a: string, b: string): { equal: boolean; lineSim: number; linkSim: number; diffs: string[] };
}

describe('emailShape is email-shape.mjs', function () {
  let the: Tool;
  before(async function () {
    // the tool lives beside the project (../shared, with its own parse5), not in a clone: where it
    // is not there (CI, a contributor's checkout) there is nothing to compare with
    if (!fs.existsSync(tool) || !fs.existsSync(path.join(path.dirname(tool), 'node_modules', 'parse5'))) this.skip();
    the = (await import(pathToFileURL(tool).href)) as Tool;
  });

  const files = [path.join(root, 'test', 'fixtures', 'reference', 'neutron-mitaka-midcycle-report.html'), ...html.map((f) => path.join(mail, f))];
  for (const file of files) {
    it(`reads ${path.basename(file)}, and the export of its draft, as the tool does`, async () => {
      const original = fs.readFileSync(file, 'utf8');
      const exported = exportEmail(parseReport((await importMessage(original, path.basename(file))).markdown));
      assert.deepEqual(emailShape(original), the.shape(original));
      assert.deepEqual(emailShape(exported), the.shape(exported));
    });
  }

  for (const file of html) {
    it(`round trip of ${file}: the tool's figure is 100% lines, 100% links`, async () => {
      let original = fs.readFileSync(path.join(mail, file), 'utf8');
      // (Outlook's empty lines, <o:p>&nbsp;</o:p>, are blank lines a browser shows and the tool does not
      // count: compared in the form it counts, <br>; see importEmail.test.ts)
      original = original.replace(/<o:p>&nbsp;<\/o:p>/g, '<br>');
      const r = the.compare(original, exportEmail(parseReport((await importMessage(original, file)).markdown)));
      assert.deepEqual([r.lineSim, r.linkSim, r.diffs], [1, 1, []]);
      assert.ok(r.equal);
    });
  }
});
