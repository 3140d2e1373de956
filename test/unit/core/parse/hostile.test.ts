// Hostile and odd drafts: what the writer sees for each. Nothing throws, nothing of the draft becomes
// markup or a script link, no text is lost, and the odd characters come through as they were.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { exportEmail, exportText, parseReport, toOutline } from '../../../../src/core';
import { emailShape, shapeText } from '../../helpers/emailShape';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '..', '..', '..', 'fixtures', 'hostile', name), 'utf8');
/** The element and attribute names a parser finds in the HTML. */
function markupOf(html: string): { tags: Set<string>; attributes: Set<string>; hrefs: string[] } {
  const tags = new Set<string>();
  const attributes = new Set<string>();
  const hrefs: string[] = [];
  const visit = (node: DefaultTreeAdapterMap['childNode'] | DefaultTreeAdapterMap['documentFragment']) => {
    if ('tagName' in node) {
      tags.add(node.tagName);
      for (const a of node.attrs) {
        attributes.add(a.name);
        if (a.name === 'href') hrefs.push(a.value);
      }
    }
    if ('childNodes' in node) node.childNodes.forEach(visit);
  };
  visit(parseFragment(html));
  return { tags, attributes, hrefs };
}

const hrefs = (html: string) => markupOf(html).hrefs;

describe('hostile drafts', () => {
  it('<script>, <img onerror>, javascript: and data: links: shown as text, never markup or links', () => {
    const report = parseReport(fixture('script-and-links.md'));
    const html = exportEmail(report, { font: '' });
    // as a mail client reads it: only the export's own elements and attributes
    const { tags, attributes } = markupOf(html);
    assert.deepEqual([...tags].sort(), ['a', 'br', 'div', 'li', 'ul']);
    assert.deepEqual([...attributes].sort(), ['dir', 'href']);
    // the URLs the writer typed are links, and only those with http(s)
    assert.deepEqual(hrefs(html), ['https://review.openstack.org/#/c/283798/', 'https://evil.example/', 'https://x.org/?q=']);
    assert.ok(html.includes('Hi &lt;script&gt;alert(1)&lt;/script&gt; all,'));
    assert.ok(html.includes('[click](javascript:alert(3))'), "the writer's text is kept, as text");
    assert.ok(
      html.includes('&lt;a href="<a href="https://evil.example/">https://evil.example/</a>"&gt;an HTML link&lt;/a&gt; &amp; &amp; &lt;b&gt;'),
      'the HTML the writer typed, as text',
    );
    assert.equal(report.frontMatter.subject, '<script>alert("subject")</script>');
    assert.ok(!report.links.some((l) => /^(javascript|data):/i.test(l.url)), 'no script link is a link');
    assert.ok(exportText(report).includes('Hi <script>alert(1)</script> all,'), 'the text part keeps the words as typed');
  });

  it('a 10 MB single line: read whole, one paragraph, its links found', () => {
    const line = 'word https://review.openstack.org/#/c/1x/ '.repeat(250_000).slice(0, 10 * 1024 * 1024);
    const report = parseReport(line);
    assert.equal(report.topics.length, 0);
    assert.ok(report.links.length > 200_000);
    assert.equal(report.diagnostics[0].code, 'review-change-not-numeric');
    assert.ok(exportText(report, { width: 0 }).startsWith('word https://review.openstack.org/#/c/1x/ word'));
  });

  it("100,000 nested list levels and quotes: no stack overflow; nesting past markdown-it's limit is text", () => {
    const text = `${'- '.repeat(100_000)}deep\n\n${'> '.repeat(100_000)}quoted\n\n- after: https://bugs.launchpad.net/nova/+bug/1\n`;
    const report = parseReport(text);
    let depth = 0;
    for (let t = report.topics[0]; t?.children.length; t = t.children[0]) depth++;
    assert.ok(depth > 10 && depth < 200, `depth ${depth}`);
    assert.equal(report.topics[report.topics.length - 1].title, 'after');
    const html = exportEmail(report);
    assert.ok(html.includes('deep') && html.includes('quoted'), 'no text is lost');
  });

  it("items nested one in another past markdown-it's limit: the email keeps them (49, 50, 51…), and check says so", () => {
    for (const n of [51, 2000]) {
      const lines = Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- item ${i + 1}`);
      const report = parseReport(`${lines.join('\n')}\nafter\n`);
      const shown = shapeText(emailShape(exportEmail(report, { lineBreaks: 'keep' }))).map((l) => l.trim());
      for (const i of [48, 49, 50, 51, n])
        assert.ok(
          shown.some((l) => l.endsWith(`- item ${i}`) || l === `item ${i}`),
          `item ${i} of ${n}`,
        );
      assert.ok(!shown.some((l) => l.includes('\\')), 'no escape shows');
      assert.deepEqual(
        report.diagnostics.map((d) => [d.code, d.range.start.line, d.range.end.line]),
        [['nesting-too-deep', 49, n - 1]],
      );
      assert.match(report.diagnostics[0].message, /^Lists or quotes nested too deep: Markdown would drop these \d+ lines\./);
    }
  });

  it('NUL bytes: shown as U+FFFD, never a crash or a lost line', () => {
    const report = parseReport('- Topic\u0000one: https://bugs.launchpad.net/nova/+bug/1\u0000\n- Two\n');
    assert.deepEqual(
      report.topics.map((t) => t.title),
      ['Topic\uFFFDone', 'Two'],
    );
    assert.ok(exportEmail(report).includes('Topic\uFFFDone'));
  });

  it('CRLF, LF and lone CR line ends: the same topics, lines and ranges', () => {
    const report = parseReport(fixture('mixed-line-ends.md'));
    assert.deepEqual(
      report.topics.map((t) => [t.title, t.range.start.line]),
      [
        ['First', 2],
        ['Second', 3],
        ['Third', 4],
      ],
    );
    assert.deepEqual(
      report.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]),
      [['link-missing-scheme', 4, 9]],
    );
  });

  it('a byte-order mark: the front matter is still front matter', () => {
    const report = parseReport(fixture('bom.md'));
    assert.equal(report.frontMatter.subject, 'With a BOM');
    assert.deepEqual(
      toOutline(report).topics.map((t) => t.title),
      ['Topic'],
    );
  });

  it('right-to-left text and emoji in titles: kept whole, never half a character', () => {
    const report = parseReport(fixture('rtl-and-emoji.md'));
    const [party, update, reversed] = report.topics.map((t) => t.title);
    assert.equal(party, '🎉 Release party');
    assert.equal(update, 'تحديث الشبكة');
    assert.equal(reversed, '\u202ereversed\u202c text');
    const long = parseReport(`- ${'🚀'.repeat(100)}\n`).topics[0].title;
    assert.ok(!/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(long), 'no lone surrogate');
    assert.ok(long.endsWith('…'));
    assert.ok(exportEmail(report).includes('👩‍👩‍👧‍👦 families'));
  });
});
