// The text/plain part, as a reader of a list that strips HTML sees it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { exportText, parseReport } from '../../../../src/core';

const text = (md: string, width?: number) => exportText(parseReport(md), { width });

describe('exportText', () => {
  it('writes bullets indented by nesting, wrapping under the text, URLs whole', () => {
    const out = text(
      '- Topic: a fairly long line that must wrap somewhere around here, with https://review.openstack.org/#/c/283798/ in it\n  - Sub\n    - https://bugs.launchpad.net/neutron/+bug/1507499\n',
      40,
    );
    assert.equal(
      out,
      [
        '- Topic: a fairly long line that must',
        '  wrap somewhere around here, with',
        '  https://review.openstack.org/#/c/283798/',
        '  in it',
        '  - Sub',
        '    - https://bugs.launchpad.net/neutron/+bug/1507499',
        '',
      ].join('\n'),
    );
  });

  it('writes a link with its own text as "text <url>", and a bare URL as itself', () => {
    assert.equal(
      text('See [the spec](https://review.openstack.org/#/c/225384/) and https://x.org/a.', 0),
      'See the spec <https://review.openstack.org/#/c/225384/> and https://x.org/a.\n',
    );
  });

  it('keeps the separator, the blank lines and each line of the example draft', () => {
    const draft = fs.readFileSync(path.join(__dirname, '..', '..', '..', '..', 'examples', 'neutron-mitaka-midcycle.md'), 'utf8');
    const out = exportText(parseReport(draft), { width: 0 });
    assert.ok(out.startsWith('Hi Neutrinos,\n\nFor those of you'));
    assert.ok(out.includes('Cheers,\nArmando\n\n~~~~~~~\n\nWe touched on these topics'));
    assert.ok(out.includes('\n  - MTU cleanups: Implemented all MTU changes'));
    assert.ok(out.includes('\n    - https://review.openstack.org/#/c/282876/14\n'));
    assert.ok(out.endsWith("We didn't cover everything as planned, but that's the beauty of reality shows.\n"));
  });

  it('keeps the indentation of code in a list item (never filled as words)', () => {
    assert.equal(text('- item:\n\n  ```\n  def f():\n      return  1\n  ```\n- next'), '- item:\n      def f():\n          return  1\n- next\n');
  });

  it('numbers ordered lists and underlines headings', () => {
    assert.equal(text('# Day one\n\n1. a\n2. b'), 'Day one\n=======\n\n1. a\n2. b\n');
  });
});
