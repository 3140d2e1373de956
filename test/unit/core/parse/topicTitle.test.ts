// Short titles, as the outline and the tree show them.
import * as assert from 'node:assert/strict';
import { parseReport, topicTitle } from '../../../../src/core';

describe('topicTitle', () => {
  const cases: [string, string][] = [
    ['MTU cleanups: Implemented all MTU changes in Nova and Neutron', 'MTU cleanups'],
    ['Usability and stability fixes:', 'Usability and stability fixes'],
    ['Routed-networks', 'Routed-networks'],
    [
      'Reduce IP consumptions for router gateway ports (both DVR and non). carl_baldwin to put up model proposal',
      'Reduce IP consumptions for router gateway ports…',
    ],
    // a colon or full stop inside parentheses is not the title's end, and no cut falls inside them
    ['Gate breakages (action: better hand off of current mitigation actions\nbetween timezones)', 'Gate breakages…'],
    ['Weekly bug liaison (action: start doing it again),', 'Weekly bug liaison (action: start doing it again)'],
    ['Gate fixes (see [the pad]. It helps). Then more.', 'Gate fixes (see [the pad]. It helps)'],
    // read across the lines of a wrapped paragraph, with an ellipsis when shortened
    ['Complete 8 blueprints including the\nnova-side of get-me-a-network this cycle', 'Complete 8 blueprints including the nova-side…'],
    ['Consolidate\nperformance subteam meeting: into the weekly one', 'Consolidate performance subteam meeting'],
    ['Nova spec: https://review.openstack.org/#/c/283206/', 'Nova spec'],
    ['Meeting at 10:30 in room B', 'Meeting at 10:30 in room B'],
    ['Keep the API job, e.g. the setup. Then more.', 'Keep the API job, e.g. the setup'],
    ['A number of proposals have been made over time, armax intends to push back', 'A number of proposals have been made over…'],
    ['https://review.openstack.org/#/c/283798/this/is/a/very/long/path/that/goes/on', 'https://review.openstack.org/#/c/283798/this/is/a/very/long…'],
  ];
  for (const [text, title] of cases) it(`"${text}" → "${title}"`, () => assert.equal(topicTitle(text), title));

  it('never returns more than a few words', () => {
    const title = topicTitle('one two three four five six seven eight nine ten eleven twelve');
    assert.equal(title, 'one two three four five six seven eight…');
  });
});

describe('topic titles in a report', () => {
  const titles = (md: string) => parseReport(md).topics.map((t) => t.title);

  it('read on over a wrapped line, not over a line the email keeps, nor past a hard break', () => {
    assert.deepEqual(
      titles(
        [
          '- Cross-project session with Cinder',
          '  Attendees: gibi, bauzas',
          '- Gate status  ',
          '  see the etherpad for details',
          '- Unified limits',
          '  https://review.opendev.org/c/openstack/nova/+/800001',
          '- Complete 8 blueprints including the',
          '  nova side of get-me-a-network',
          '',
        ].join('\n'),
      ),
      ['Cross-project session with Cinder', 'Gate status', 'Unified limits', 'Complete 8 blueprints including the nova side…'],
    );
  });
});
