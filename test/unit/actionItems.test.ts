// Action items as writers put them in prose, and the sentences that only look like them.
import * as assert from 'node:assert/strict';
import { findActionItems } from '../../src/core';

const items = (s: string) => findActionItems(s).map((a) => [a.owner, a.text]);

describe('findActionItems', () => {
  const cases: [string, string[][]][] = [
    ['carl_baldwin to put up model proposal, haleyb to follow up with code.', [['carl_baldwin', 'put up model proposal'], ['haleyb', 'follow up with code']]],
    ['Talked about cells v2. mlavalle to track nova development and put notes together.', [['mlavalle', 'track nova development and put notes together']]],
    ['governance; arnax to respin https://review.openstack.org/#/c/281628/ for updates.', [['arnax', 'respin https://review.openstack.org/#/c/281628/ for updates']]],
    ['AI: armax, kevinbenton and haleyb to fix the gate, docs and tests.', [['armax', 'fix the gate, docs and tests'], ['kevinbenton', 'fix the gate, docs and tests'], ['haleyb', 'fix the gate, docs and tests']]],
    ['#action dougwig to write the spec', [['dougwig', 'write the spec']]],
    ['Richard to follow up', [['Richard', 'follow up']]],
    ['melwitt to write the notes\nsean-k-mooney to review them', [['melwitt', 'write the notes'], ['sean-k-mooney', 'review them']]],
  ];
  for (const [text, expected] of cases) it(`finds ${expected.length} in "${text.replace(/\n/g, ' / ')}"`, () => assert.deepEqual(items(text), expected));

  const none = [
    'A number of proposals have been made over time, armax intends to push back on them all',
    'Richard and armax sat down to finalize transition plan',
    'How to deal with destination MAC that OVN does not recognize',
    'More to follow/baking in',
    'thanks to Matt Riedemann for kickstarting the nova side',
    'Changes to the API were discussed',
    'Provide validation api to reduce amount of api calls',
    'We need to switch to python3',
    'Upgrade to the new release',
    '[Resize to same host](https://bugs.launchpad.net/nova/+bug/ 1958636) needs a reproducer',
  ];
  for (const text of none) it(`finds none in "${text}"`, () => assert.deepEqual(items(text), []));

  it('gives the offset and length of each item in the text', () => {
    const text = 'Reduce IP consumptions. carl_baldwin to put up model proposal, haleyb to follow up.';
    const [a, b] = findActionItems(text);
    assert.equal(text.substr(a.offset, a.length), 'carl_baldwin to put up model proposal');
    assert.equal(text.substr(b.offset, b.length), 'haleyb to follow up');
  });
});
