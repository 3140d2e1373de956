// The link snippets follow the draft's own forms, and one tabbed through is always flagged.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseReport } from '../../../src/core';
import { linkSnippets } from '../../../src/extension/linkSnippets';
import { assertSnippetsFlaggedUntilFilled } from '../helpers/snippetChecks';

const root = path.join(__dirname, '..', '..', '..');
const reference = fs.readFileSync(path.join(root, 'examples', 'neutron-mitaka-midcycle.md'), 'utf8');
const byKind = (md: string) => Object.fromEntries(linkSnippets(parseReport(md)).map((s) => [s.kind, s]));

describe('link snippets', () => {
  it("write reviews in the form the draft uses: the reference's review.openstack.org /#/c/ links", () => {
    const s = byKind(reference);
    assert.equal(s.review.body, 'https://review.openstack.org/#/c/$1');
    assert.match(s.review.detail, /^review\.openstack\.org\/#\/c\/… \(as \d+ links in this draft\)$/);
    assert.equal(s.bug.body, 'https://bugs.launchpad.net/${1:neutron}/+bug/$2');
  });

  it('take the host, project and form most used, and the opendev forms in a draft with none', () => {
    const s = byKind(
      [
        '- A: https://review.opendev.org/c/openstack/nova/+/700001',
        '- B: https://review.opendev.org/c/openstack/nova/+/700002 https://review.opendev.org/700003',
        '- C: https://bugs.launchpad.net/nova/+bug/1 https://bugs.launchpad.net/cinder/+bug/2 https://bugs.launchpad.net/nova/+bug/3',
        '- D: https://etherpad.openstack.org/p/x',
      ].join('\n'),
    );
    assert.equal(s.review.body, 'https://review.opendev.org/c/${1:openstack/nova}/+/$2');
    assert.equal(s.bug.body, 'https://bugs.launchpad.net/${1:nova}/+bug/$2');
    assert.equal(s.blueprint.body, 'https://blueprints.launchpad.net/${1:nova}/+spec/$2');
    assert.equal(s.etherpad.body, 'https://etherpad.openstack.org/p/$1');
    const empty = byKind('Hi all,\n');
    assert.equal(empty.review.body, 'https://review.opendev.org/c/${1:openstack/PROJECT}/+/$2');
    assert.equal(empty.bug.body, 'https://bugs.launchpad.net/${1:PROJECT}/+bug/$2', 'a placeholder, not a real project, where the draft names none');
    assert.equal(empty.story.body, 'https://storyboard.openstack.org/#!/story/$1');
    assert.equal(empty.etherpad.body, 'https://etherpad.opendev.org/p/$1');
  });

  it('never leave a well-formed link when tabbed through: the change, bug, blueprint, story or pad is to be typed', () => {
    assertSnippetsFlaggedUntilFilled([reference, 'Hi all,\n', '- https://review.openstack.org/283798\n']);
  });
});
