// Line breaks as a writer means them: drafts hard-wrapped in an editor come out as CommonMark (and
// VS Code's preview) reads them, deliberate short lines stay lines, `keep` and `markdown` do what
// they say, and the text part fills its lines without a ragged one.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { exportEmail, exportText, parseReport } from '../../../../src/core';
import { emailShape, shapeText } from '../../helpers/emailShape';
import { propertyOptions } from '../../helpers/propertyOptions';
import { reflow } from '../../helpers/reflow';

const root = path.join(__dirname, '..', '..', '..', '..');
const fixture = (name: string) => fs.readFileSync(path.join(root, 'test', 'fixtures', 'wrapped', name), 'utf8');
const commonMark = new MarkdownIt({ linkify: true });
/** The lines a reader sees when CommonMark reads the draft (its body, without front matter). */
const commonMarkLines = (md: string) => shapeText(emailShape(commonMark.render(md.replace(/^---\n[\s\S]*?\n---\n/, ''))));
const emailLines = (md: string, options = {}) => shapeText(emailShape(exportEmail(parseReport(md), options)));

/** Lines of `got` that `expected` does not have, and the other way round. */
function difference(expected: string[], got: string[]): { missing: string[]; extra: string[] } {
  return { missing: expected.filter((l) => !got.includes(l)), extra: got.filter((l) => !expected.includes(l)) };
}

/** Pairs of lines in a text part, within one paragraph or item, where the next word would have fitted on the first. */
function raggedJoins(text: string, width = 72): string[] {
  const lines = text.split('\n');
  const ragged: string[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const [a, b] = [lines[i], lines[i + 1]];
    // a new item, a heading's underline, a quote's or code's own lines start afresh
    if (!a.trim() || !b.trim() || /^\s*(- |\d+\. )/.test(b) || /^[-=]{3,}$/.test(b.trim()) || /^(> | {4})/.test(a)) continue;
    const word = b.trim().split(/\s+/)[0];
    if (a.length + 1 + word.length <= width) ragged.push(`${a.trim()} ⏎ ${word}`);
  }
  return ragged;
}

describe('line breaks: drafts wrapped in an editor', () => {
  it('a draft wrapped at 72 columns reads as CommonMark reads it, but for its signature', () => {
    const md = fixture('cinder-ptg-summary.md');
    const { missing, extra } = difference(commonMarkLines(md), emailLines(md));
    // what CommonMark runs together and the writer typed as lines: the sign-off and the signature
    assert.deepEqual(missing, ['Thanks, Jay', 'Jay Bryant (jungleboyj) Cinder PTL']);
    assert.deepEqual(extra, ['Thanks,', 'Jay', 'Jay Bryant (jungleboyj)', 'Cinder PTL']);
    const lines = emailLines(md);
    assert.ok(
      lines.includes(
        'The new reviewer rotation worked. Every patch on the review priorities etherpad got a first look within a week, which we had not managed in any cycle before.'.replace(
          /^/,
          '- ',
        ),
      ),
    );
  });

  it('a draft wrapped unevenly by hand, links over two lines included, reads as CommonMark reads it, but for its typed lines', () => {
    const md = fixture('tripleo-midcycle.md');
    const { missing, extra } = difference(commonMarkLines(md), emailLines(md));
    assert.deepEqual(missing, ['Dates: 9-10 March 2021 Place: online (Bluejeans)', 'Cheers, Wes']);
    assert.deepEqual(extra, ['Dates: 9-10 March 2021', 'Place: online (Bluejeans)', 'Cheers,', 'Wes']);
    // the greeting runs on into its sentence, as it was typed
    assert.ok(emailLines(md).some((l) => l.startsWith('Hello everyone, here are the notes from our CI midcycle')));
  });

  it('the reference draft (one line a paragraph, "Cheers,⏎Armando") is as it was', () => {
    const md = fs.readFileSync(path.join(root, 'examples', 'neutron-mitaka-midcycle.md'), 'utf8');
    const lines = emailLines(md);
    assert.ok(lines.includes('Cheers,') && lines.includes('Armando'));
  });

  it('the text part fills each line of the email to 72 columns: no ragged line, URLs whole, items hanging', () => {
    for (const name of ['cinder-ptg-summary.md', 'tripleo-midcycle.md']) {
      const text = exportText(parseReport(fixture(name)));
      const deliberate = name.startsWith('cinder')
        ? ['Thanks, ⏎ Jay', 'Jay Bryant (jungleboyj) ⏎ Cinder']
        : ['Dates: 9-10 March 2021 ⏎ Place:', 'Cheers, ⏎ Wes'];
      assert.deepEqual(raggedJoins(text), deliberate, name);
      for (const line of text.split('\n'))
        assert.ok(line.length <= 72 || !/\s/.test(line.trim()) || /<?https?:\/\/\S+>?$/.test(line), `over 72 and breakable: ${line}`);
    }
    const text = exportText(parseReport(fixture('cinder-ptg-summary.md')));
    assert.match(text, /^- The new reviewer rotation worked\. Every patch on the review priorities\n {2}etherpad got a first look/m);
    assert.match(text, /^https:\/\/review\.opendev\.org\/c\/openstack\/cinder-specs\/\+\/861234 and the$/m);
  });
});

describe('line breaks: the three modes', () => {
  const wrapped =
    'The component pipeline promotes each component on its own, so that\na broken package in one component does not block the others.\n\nCheers,\nWes\n';

  it('auto joins a wrapped paragraph and keeps a paragraph of short typed lines', () => {
    assert.deepEqual(emailLines(wrapped), [
      'The component pipeline promotes each component on its own, so that a broken package in one component does not block the others.',
      '(blank)',
      'Cheers,',
      'Wes',
    ]);
  });

  it('auto keeps a sign-off before a name in lower case, a nick ("Cheers,⏎gibi", "Thanks⏎dansmith")', () => {
    assert.deepEqual(emailLines('Cheers,\ngibi\n\nThanks\ndansmith\n'), ['Cheers,', 'gibi', '(blank)', 'Thanks', 'dansmith']);
  });

  it('markdown joins every paragraph, as CommonMark does', () => {
    assert.deepEqual(emailLines(wrapped, { lineBreaks: 'markdown' }), commonMarkLines(wrapped));
  });

  it('keep makes each line of the draft a line of the email', () => {
    assert.deepEqual(emailLines(wrapped, { lineBreaks: 'keep' }), [
      'The component pipeline promotes each component on its own, so that',
      'a broken package in one component does not block the others.',
      '(blank)',
      'Cheers,',
      'Wes',
    ]);
  });

  it('a link whose text goes over a kept line break keeps its address in the text part', () => {
    const text = exportText(parseReport('See [the\nspec](https://example.org/spec) for details.\n\nCheers,\n[Jay\nBryant](https://example.org/jay)\n'), {
      lineBreaks: 'keep',
    });
    assert.equal(text, 'See the spec <https://example.org/spec> for details.\n\nCheers,\nJay Bryant <https://example.org/jay>\n');
  });

  it('auto keeps lines typed as lines: labels before their URLs, "Label: value" lines, lists of names, a signature', () => {
    const md = [
      'Patches up for review:',
      'https://review.opendev.org/c/openstack/nova/+/812345',
      'https://review.opendev.org/c/openstack/nova/+/812346',
      '',
      'Etherpad: https://etherpad.opendev.org/p/nova-yoga-ptg-cross-project-sessions',
      'Recording: https://www.youtube.com/watch?v=aaaaaaaaaaa',
      '',
      'Room: Ballroom A (second floor, next to the registration desk and coffee)',
      'Time: 9:00 to 17:00',
      '',
      'Attendees:',
      'gibi',
      'melwitt',
      '',
      'Thanks,',
      'Jay Bryant',
      'irc: jungleboyj',
      '',
      '--',
      'gibi',
      '',
    ].join('\n');
    assert.deepEqual(
      emailLines(md).filter((l) => l !== '(blank)'),
      [
        'Patches up for review:',
        'https://review.opendev.org/c/openstack/nova/+/812345',
        'https://review.opendev.org/c/openstack/nova/+/812346',
        'Etherpad: https://etherpad.opendev.org/p/nova-yoga-ptg-cross-project-sessions',
        'Recording: https://www.youtube.com/watch?v=aaaaaaaaaaa',
        'Room: Ballroom A (second floor, next to the registration desk and coffee)',
        'Time: 9:00 to 17:00',
        'Attendees:',
        'gibi',
        'melwitt',
        'Thanks,',
        'Jay Bryant',
        'irc: jungleboyj',
        '--',
        'gibi',
      ],
    );
  });

  it('hard breaks (two spaces, a backslash) are line ends in every mode', () => {
    for (const lineBreaks of ['auto', 'markdown', 'keep'] as const) {
      assert.deepEqual(
        emailLines('first line of a long sentence that goes on  \nand on\\\nto the end\n', { lineBreaks }),
        ['first line of a long sentence that goes on', 'and on', 'to the end'],
        lineBreaks,
      );
    }
  });

  it('the front matter says it for the draft (line-breaks:), over the setting', () => {
    const md = `---\nline-breaks: keep\n---\n\n${wrapped}`;
    assert.equal(emailLines(md, { lineBreaks: 'markdown' })[0], 'The component pipeline promotes each component on its own, so that');
    assert.equal(exportText(parseReport(md), { lineBreaks: 'markdown' }).split('\n')[0], 'The component pipeline promotes each component on its own, so that');
    assert.deepEqual(parseReport(md).diagnostics, []);
  });

  it('a line-breaks: value it does not know is a warning on its line, and the setting applies', () => {
    const report = parseReport(`---\nsubject: x\nline-breaks: wrap\n---\n\n${wrapped}`);
    assert.deepEqual(
      report.diagnostics.map((d) => [d.code, d.severity, d.range.start.line]),
      [['front-matter-invalid', 'warning', 2]],
    );
    assert.match(report.diagnostics[0].message, /"line-breaks: wrap" is not one Midcycle knows: use auto, markdown, keep/);
  });
});

describe('line breaks: properties', () => {
  const word = fc.stringMatching(/^[a-z]{1,12}$/);

  it('a paragraph an editor wrapped at any width from 60 to 100 is one line of the email (from 72 when no line goes on in lower case)', () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 20, maxLength: 80 }), fc.integer({ min: 60, max: 100 }), fc.boolean(), (words, wide, capitals) => {
        const width = capitals ? Math.max(72, wide) : wide;
        const text = capitals ? words.map((w) => w[0].toUpperCase() + w.slice(1)) : words;
        const md = `${reflow(text, width)}\n`;
        assert.deepEqual(emailLines(md), [text.join(' ')]);
        assert.deepEqual(raggedJoins(exportText(parseReport(md))), []);
      }),
      propertyOptions(200),
    );
  });

  it('in a list item, wrapped under its marker, too', () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 20, maxLength: 60 }), fc.integer({ min: 60, max: 100 }), (words, width) => {
        const md = `- ${reflow(words, width - 2)
          .split('\n')
          .join('\n  ')}\n`;
        assert.deepEqual(emailLines(md), [`- ${words.join(' ')}`]);
      }),
      propertyOptions(200),
    );
  });
});
