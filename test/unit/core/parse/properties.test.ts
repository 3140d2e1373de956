// Properties over arbitrary text and Markdown-like reports: parsing, checking and exporting never
// throw, ranges stay inside the document, fixes remove their diagnostic and change nothing else,
// the export never lets the writer's text become markup, and an incremental update after any edit
// is a full parse's report and leaves the report it was given as it was. More runs:
// MIDCYCLE_PROPERTY_RUNS (10000 for the nightly size).
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { propertyOptions } from '../../helpers/propertyOptions';
import { applyFixes, exportEmail, exportText, LineIndex, parseReport, updateReport, type Range } from '../../../../src/core';
import { apply, changes, checkingIncremental, snapshot, visible } from '../../helpers/edits';

const url = fc.oneof(
  fc.constantFrom(
    'https://review.openstack.org/#/c/283798/',
    'https://review.openstack.org/#c/283798/',
    'https://review.openstack.org/c/283798',
    'https://review.opendev.org/c/openstack/neutron/283798',
    'https://bugs.launchpad.net/neutron/+bugs/1507499',
    'https://bugs.launchpad.net/neutron/+bug/1507499a',
    'bugs.launchpad.net/neutron/+bug/1507499',
    'https://reviews.openstack.org/#/c/1/',
    'https://etherpad.openstack.org/neutron',
    'https://blueprints.launchpad.net/neutron/spec/x',
    'javascript:alert(1)',
    'https://x.org/"onmouseover="x',
  ),
  fc.webUrl(),
);
const inline = fc.oneof(
  fc.string({ maxLength: 20 }),
  url,
  url.map((u) => `[link](${u})`),
  url.map((u) => `<${u}>`),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '**bold**',
    '`code`',
    'armax to fix it',
    '&amp; &lt;',
    '\u202eRTL',
    '🎉',
    '![photo](https://x.org/a.png)',
    '![x" onerror="alert(1)](javascript:alert(1))',
    '![a](data:image/png;base64,AAAA)',
  ),
);
const line = fc.array(inline, { maxLength: 4 }).map((parts) => parts.join(' '));
// the line ends drawn with the lines, so that the seed decides them too
const markdownish = fc
  .tuple(
    fc.array(fc.tuple(fc.constantFrom('', '', '- ', '  - ', '    - ', '# ', '> ', '1. ', '~~~~~~~', '```', '---', '    '), line), { maxLength: 12 }),
    fc.constantFrom('\n', '\r\n'),
  )
  .map(([ls, eol]) => ls.map(([prefix, text]) => prefix + text).join(eol));
const anyText = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 100 }), markdownish);

function inside(r: Range, lines: LineIndex): boolean {
  const ok = (p: Range['start']) => p.line >= 0 && p.line < lines.lineCount && p.character >= 0 && p.character <= lines.lineText(p.line).length + 1;
  return ok(r.start) && ok(r.end) && (r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character));
}

describe('properties', () => {
  it('parsing, checking and exporting never throw, and every range lies inside the document', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const report = parseReport(text);
        exportEmail(report);
        exportText(report);
        const lines = new LineIndex(text);
        for (const d of report.diagnostics) {
          assert.ok(inside(d.range, lines), `diagnostic range ${JSON.stringify(d.range)}`);
          if (d.fix) assert.ok(inside(d.fix.range, lines), `fix range ${JSON.stringify(d.fix.range)}`);
        }
        for (const l of report.links) assert.ok(inside(l.range, lines));
      }),
      propertyOptions(300),
    );
  });

  it('a fix removes its diagnostic and changes nothing outside its range', () => {
    fc.assert(
      fc.property(markdownish, (text) => {
        const report = parseReport(text);
        for (const d of report.diagnostics) {
          if (!d.fix) continue;
          const fixed = applyFixes(text, [d.fix]).text;
          const lines = new LineIndex(text);
          const start = lines.offsetAt(d.fix.range.start);
          const end = lines.offsetAt(d.fix.range.end);
          assert.equal(fixed.slice(0, start), text.slice(0, start));
          assert.equal(fixed.slice(start + d.fix.text.length), text.slice(end));
          const after = parseReport(fixed).diagnostics;
          assert.ok(
            !after.some((a) => a.code === d.code && a.range.start.line === d.range.start.line && a.range.start.character === d.range.start.character),
            `${d.code} is gone after its fix`,
          );
        }
      }),
      propertyOptions(300),
    );
  });

  it('the export lets no tag or attribute of the writer through, and links only http(s) and mailto', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const html = exportEmail(parseReport(text));
        const tags = [...html.matchAll(/<\/?([a-zA-Z]+)([^>]*)>/g)];
        for (const [, tag, attrs] of tags) {
          assert.ok(
            ['div', 'br', 'font', 'ul', 'ol', 'li', 'a', 'b', 'i', 'strike', 'blockquote', 'hr', 'table', 'tr', 'td', 'img'].includes(tag),
            `tag ${tag}`,
          );
          for (const [, name] of attrs.matchAll(/\s([a-zA-Z-]+)=/g))
            assert.ok(['dir', 'face', 'size', 'href', 'class', 'style', 'start', 'src', 'alt'].includes(name), `attribute ${name}`);
        }
        for (const [, href] of html.matchAll(/href="([^"]*)"/g)) assert.match(href, /^(https?:|mailto:)/i);
        for (const [, src] of html.matchAll(/src="([^"]*)"/g)) assert.match(src, /^https?:/i);
      }),
      propertyOptions(300),
    );
  });

  it('an update after any edit is the report a full parse gives, and the report it was given stays as it was', () => {
    // the tokens too (what the exporters render), through the debug check
    checkingIncremental(() =>
      fc.assert(
        fc.property(
          markdownish.chain((text) => fc.tuple(fc.constant(text), changes(text), fc.boolean())),
          ([text, edit, read]) => {
            const before = snapshot(parseReport(text));
            const previous = parseReport(text);
            // what the editor had read of it, or nothing (its getters then read after the update)
            if (read) visible(previous);
            const after = apply(text, edit);
            const next = updateReport(previous, after, edit);
            assert.deepEqual(visible(next), visible(parseReport(after)));
            assert.deepEqual(visible(previous), before);
          },
        ),
        propertyOptions(300),
      ),
    );
  });
});
