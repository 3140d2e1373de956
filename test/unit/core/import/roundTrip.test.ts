// The round trip, as a property: a draft of the shapes writers use, exported, imported and
// exported again, shows its reader the same text, character for character (no-break spaces
// included), and the same links in the same order. The drafts: front matter; paragraphs of words
// with emphasis, strong, strikethrough, code, links, bare URLs, mail addresses, images, no-break
// spaces and hard breaks; bullet and ordered lists nested three deep (any start number); quotes
// with lists and quotes in them; code blocks; rules; tables; headings; and words that are
// Markdown's markup characters (`*`, `_`, `~`, `#`, `|`, `>`, `&amp;`, `\`, brackets).
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { propertyOptions } from '../../helpers/propertyOptions';
import { visibleText } from '../../helpers/visibleText';
import { exportEmail, parseReport } from '../../../../src/core';
import { importEmailHtml } from '../../../../src/core/import/importEmail';

const NBSP = '\u00a0';
// ordinary words, Markdown's markup characters as words, and any short string
const word = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom('Neutron', 'armax', 'the', 'review', 'MTU', 'carl_baldwin', 'v2.0', 'done.', 'Cheers,', 'é', '日本', '🎉', 'x', '42'),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'a*b',
      '*',
      '_x_',
      '~',
      '~~',
      '#1',
      '1.',
      '>',
      '|',
      '&amp;',
      '&',
      'x<y',
      '[x]',
      '\\',
      '`tick',
      '_under',
      '99%',
      '!',
      '(a)',
      '-',
      '+',
      '=',
      'A:',
      'x\u00a0y',
      '...',
      '"q"',
      "it's",
    ),
  },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 6 }).filter((s) => !/[\n\r]/.test(s) && s.trim() === s && s.length > 0) },
);
const words = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
const url = fc.constantFrom(
  'https://review.openstack.org/#/c/283798/',
  'https://bugs.launchpad.net/neutron/+bug/1507499',
  'https://etherpad.openstack.org/p/neutron-mitaka-midcycle',
  'https://x.org/a_b',
  'https://x.org/a*b',
  'https://x.org/~user/x',
  'https://x.org/p?q=1&r=2',
  'https://x.org/(paren)',
  'https://example.org/page#frag',
  'http://x.org',
);
const plainUrl = fc.constantFrom(
  'https://review.openstack.org/#/c/283798/',
  'https://x.org/a_b',
  'https://x.org/p?q=1&r=2',
  'https://bugs.launchpad.net/neutron/+bug/1507499',
);
// what a line is made of: words, emphasis, code, links and bare URLs, mail, images, no-break spaces
const piece = fc.oneof(
  { weight: 8, arbitrary: words },
  { weight: 2, arbitrary: words.map((w) => `**${w}**`) },
  { weight: 2, arbitrary: words.map((w) => `*${w}*`) },
  { weight: 1, arbitrary: words.map((w) => `~~${w}~~`) },
  { weight: 2, arbitrary: fc.constantFrom('x', 'a b', 'f(x)', '~~', '**', 'a_b', '<br>', '`').map((c) => (c === '`' ? '`` ` ``' : `\`${c}\``)) },
  { weight: 2, arbitrary: fc.tuple(words, url).map(([w, u]) => `[${w.replace(/[[\]\\]/g, '')}](${u.replace(/[()]/g, (c) => `\\${c}`)})`) },
  { weight: 2, arbitrary: url },
  { weight: 1, arbitrary: fc.tuple(words, plainUrl).map(([w, u]) => `**${w} ${u}**`) },
  { weight: 1, arbitrary: fc.constantFrom('mailto:a@b.org', '[Armando](mailto:armando@example.org)', '<a@b.org>') },
  { weight: 1, arbitrary: fc.constantFrom('![team photo](https://example.org/team.png)', '![logo](logo.png)', '![](https://example.org/x.png)') },
  { weight: 1, arbitrary: fc.tuple(words, url).map(([w, u]) => `[**${w.replace(/[[\]\\*]/g, '')}**](${u.replace(/[()]/g, (c) => `\\${c}`)})`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '[![logo](https://example.org/l.png)](https://x.org/a_b)',
      '**a**b',
      'a**b**',
      '_a_',
      '__a__',
      '***both***',
      '`a\u00a0 b`',
      'x\\',
      '<https://x.org/auto>',
      '**[x](https://x.org/a_b)**',
    ),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(`a${NBSP}b`, `a${NBSP}${NBSP}b`, `10${NBSP}km`, `x${NBSP} ${NBSP}y`, `${NBSP}lead`, `trail${NBSP}`, '&nbsp;&nbsp;x'),
  },
);
const line = fc.array(piece, { minLength: 1, maxLength: 4 }).map((p) => p.join(' '));
const lineEnd = fc.constantFrom('\n', '\n', '\n', '  \n', '\\\n');
const paragraph = fc
  .tuple(fc.array(line, { minLength: 1, maxLength: 3 }), fc.array(lineEnd, { minLength: 3, maxLength: 3 }))
  .map(([ls, ends]) => ls.map((l, i) => (i < ls.length - 1 ? l + ends[i] : l)).join(''));

// bullet or ordered (from any start), nested up to three deep
const list: fc.Memo<string> = fc.memo((n) => {
  const item = n > 1 ? fc.tuple(line, fc.option(list(n - 1), { freq: 3 })) : fc.tuple(line, fc.constant(null));
  return fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 12 }), fc.array(item, { minLength: 1, maxLength: 3 })).map(([ordered, start, items]) =>
    items
      .map(([text, sub], i) => {
        const marker = ordered ? `${start + i}.` : '-';
        const indent = ' '.repeat(marker.length + 1);
        const nested = sub
          ? `\n${sub
              .split('\n')
              .map((l) => (l ? indent + l : l))
              .join('\n')}`
          : '';
        return `${marker} ${text}${nested}`;
      })
      .join('\n'),
  );
});
const innerQuote = fc.array(fc.oneof(paragraph, list(2)), { minLength: 1, maxLength: 2 }).map((bs) =>
  bs
    .join('\n\n')
    .split('\n')
    .map((l) => (l ? `> ${l}` : '>'))
    .join('\n'),
);
const quote = fc.array(fc.oneof(paragraph, list(2), innerQuote, fc.constant('```\n  code\n```')), { minLength: 1, maxLength: 3 }).map((bs) =>
  bs
    .join('\n\n')
    .split('\n')
    .map((l) => (l ? `> ${l}` : '>'))
    .join('\n'),
);
const codeLine = fc.oneof(
  fc.constantFrom('def f(a):', '    return a', '  x = 1  # two', '~~x~~', '```', '~~~', '', '\tif x:', 'a   b', '<b>&amp;</b>', `nb${NBSP}sp`),
  words,
);
const code = fc.array(codeLine, { minLength: 1, maxLength: 4 }).map((ls) => `\`\`\`\`\n${ls.join('\n')}\n\`\`\`\``);
const heading = fc.tuple(fc.integer({ min: 1, max: 3 }), line).map(([n, l]) => `${'#'.repeat(n)} ${l}`);
const cell = fc.oneof(words, piece).map((c) => c.replace(/\|/g, '\\|'));
const table = fc
  .integer({ min: 1, max: 3 })
  .chain((cols) =>
    fc
      .array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: 1, maxLength: 3 })
      .map((rows) => [`| ${rows[0].join(' | ')} |`, `|${' --- |'.repeat(cols)}`, ...rows.slice(1).map((r) => `| ${r.join(' | ')} |`)].join('\n')),
  );
const block = fc.oneof(
  { weight: 5, arbitrary: paragraph },
  { weight: 3, arbitrary: list(3) },
  { weight: 1, arbitrary: quote },
  { weight: 1, arbitrary: code },
  { weight: 1, arbitrary: fc.constant('---') },
  { weight: 1, arbitrary: table },
  { weight: 1, arbitrary: heading },
);
const frontMatter = fc.option(
  fc.constantFrom(
    '---\nsubject: "[neutron] Mitaka mid-cycle report"\nto: openstack-dev@lists.openstack.org\n---\n\n',
    '---\nsubject: notes\nline-breaks: markdown\n---\n\n',
  ),
  { nil: '' },
);
const draft = fc.tuple(frontMatter, fc.array(block, { minLength: 1, maxLength: 6 })).map(([fm, bs]) => fm + bs.join('\n\n') + '\n');

describe('the round trip: export, import, export', () => {
  it('keeps the visible text exactly (no-break spaces included) and every link, in order', function () {
    this.timeout(60_000);
    fc.assert(
      fc.property(draft, (markdown) => {
        const once = exportEmail(parseReport(markdown));
        const imported = importEmailHtml(once);
        const twice = exportEmail(parseReport(imported));
        assert.deepEqual(visibleText(twice), visibleText(once), imported);
      }),
      propertyOptions(500),
    );
  });
});
