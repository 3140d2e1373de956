// Reordering topics by drag and drop: the whole block moves, as one edit.
import * as assert from 'node:assert/strict';
import { applyFixes, moveTopicEdit, parseReport } from '../../../../src/core';

const draft = ['Intro', '', '- One', '  - one.a', '- Two', '  - two.a', '    - two.a.i', '- Three', '', 'Bye', ''].join('\n');
const move = (
  text: string,
  from: (r: ReturnType<typeof parseReport>) => unknown,
  to: (r: ReturnType<typeof parseReport>) => unknown,
  where: 'before' | 'after' = 'before',
) => {
  const r = parseReport(text);
  const edit = moveTopicEdit(text, from(r) as never, to(r) as never, where);
  return edit && applyFixes(text, [edit]).text;
};

describe('moveTopicEdit', () => {
  it('moves a topic with its sub-items before another', () => {
    assert.equal(
      move(
        draft,
        (r) => r.topics[1],
        (r) => r.topics[0],
      ),
      ['Intro', '', '- Two', '  - two.a', '    - two.a.i', '- One', '  - one.a', '- Three', '', 'Bye', ''].join('\n'),
    );
  });

  it('moves a topic after the last one', () => {
    assert.equal(
      move(
        draft,
        (r) => r.topics[0],
        (r) => r.topics[2],
        'after',
      ),
      ['Intro', '', '- Two', '  - two.a', '    - two.a.i', '- Three', '- One', '  - one.a', '', 'Bye', ''].join('\n'),
    );
  });

  it('re-indents a sub-topic moved to the top level', () => {
    assert.equal(
      move(
        draft,
        (r) => r.topics[1].children[0],
        (r) => r.topics[2],
      ),
      ['Intro', '', '- One', '  - one.a', '- Two', '- two.a', '  - two.a.i', '- Three', '', 'Bye', ''].join('\n'),
    );
  });

  it('keeps CRLF line ends', () => {
    const crlf = draft.replace(/\n/g, '\r\n');
    assert.equal(
      move(
        crlf,
        (r) => r.topics[2],
        (r) => r.topics[0],
      ),
      ['Intro', '', '- Three', '- One', '  - one.a', '- Two', '  - two.a', '    - two.a.i', '', 'Bye', ''].join('\r\n'),
    );
  });

  it('moves heading sections', () => {
    const text = '# A\n\n- a\n\n# B\n\n- b\n';
    assert.equal(
      move(
        text,
        (r) => r.topics[1],
        (r) => r.topics[0],
      ),
      '# B\n\n- b\n\n# A\n\n- a\n',
    );
  });

  it('keeps sections and loose items apart by their blank lines: none lost where they go, none doubled where they were', () => {
    const sections = '# Report\n\n## A\n\n- a\n\n## B\n\n- b,\n\n## C\n\ntext\n\n## D\n\n- d\n';
    const up = move(
      sections,
      (r) => r.topics[0].children[2],
      (r) => r.topics[0].children[1],
    );
    assert.equal(up, '# Report\n\n## A\n\n- a\n\n## C\n\ntext\n\n## B\n\n- b,\n\n## D\n\n- d\n');
    const last = move(
      sections,
      (r) => r.topics[0].children[3],
      (r) => r.topics[0].children[0],
    );
    assert.equal(last, '# Report\n\n## D\n\n- d\n\n## A\n\n- a\n\n## B\n\n- b,\n\n## C\n\ntext\n');
    const down = move(
      sections,
      (r) => r.topics[0].children[0],
      (r) => r.topics[0].children[3],
      'after',
    );
    assert.equal(down, '# Report\n\n## B\n\n- b,\n\n## C\n\ntext\n\n## D\n\n- d\n\n## A\n\n- a\n');
    const loose = '- One\n\n- Two\n\n- Three\n\nBye\n';
    assert.equal(
      move(
        loose,
        (r) => r.topics[2],
        (r) => r.topics[0],
      ),
      '- Three\n\n- One\n\n- Two\n\nBye\n',
    );
    for (const text of [up, last, down]) assert.doesNotMatch(text!, /\n\n\n|[^\n]\n## /, 'no double blank line, no heading without one before it');
  });

  it('refuses moves that mean nothing', () => {
    const r = parseReport(draft);
    assert.equal(moveTopicEdit(draft, r.topics[1], r.topics[1]), undefined);
    assert.equal(moveTopicEdit(draft, r.topics[1], r.topics[1].children[0]), undefined, 'into itself');
    assert.equal(moveTopicEdit(draft, r.topics[0], r.topics[1]), undefined, 'already before it');
  });
});
