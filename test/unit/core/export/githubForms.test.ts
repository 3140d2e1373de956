// GitHub-flavoured Markdown as teams write notes in it, and as an email shows it: task boxes, struck
// out words, footnotes, <details>, www. addresses, links to the draft's own headings, links in
// tables. Fixture: test/fixtures/gfm/github-notes.md, written as a project's release notes are.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { exportEmail, exportText, parseReport, updateReport } from '../../../../src/core';

const root = path.join(__dirname, '..', '..', '..', '..');
const draft = fs.readFileSync(path.join(root, 'test', 'fixtures', 'gfm', 'github-notes.md'), 'utf8');

describe('GitHub-flavoured Markdown in the email', () => {
  const report = parseReport(draft);
  const html = exportEmail(report);
  const text = exportText(report);

  it('shows task boxes as ☐ and ☑, in the HTML and the text part', () => {
    assert.match(html, /☐ @maria cut the 2\.4 branch/);
    assert.match(html, /☑ @li_wei publish the changelog/);
    assert.match(text, /^- ☐ @maria cut the 2\.4 branch$/m);
    assert.match(text, /^- ☑ @li_wei publish the changelog/m);
    assert.doesNotMatch(html + text, /\[[ x]\] /);
  });

  it('keeps struck-out words struck out: <strike> in the HTML, ~~ in the text part', () => {
    assert.match(html, /<strike>Remove it in 2\.4<\/strike> Deprecate it/);
    assert.match(text, /~~Remove it in 2\.4~~ Deprecate it/);
  });

  it('writes footnotes as [label], and keeps a definition that is an address (Markdown took it for a link definition)', () => {
    assert.match(text, /review the migration guide\.\[guide\]/);
    assert.match(text, /^\[guide\] https:\/\/github\.com\/example\/proj\/blob\/main\/docs\/migration\.md$/m);
    assert.match(html, /\[guide\] <a href="https:\/\/github\.com\/example\/proj\/blob\/main\/docs\/migration\.md">/);
    assert.ok(report.links.some((l) => l.url === 'https://github.com/example/proj/blob/main/docs/migration.md'));
    // a [^x] with no definition is the writer's text
    assert.match(exportText(parseReport('Odd [^x] text\n')), /Odd \[\^x\] text/);
  });

  it('drops <details> tags and shows the summary in bold, the content as it is', () => {
    assert.doesNotMatch(html + text, /details|&lt;summary/);
    assert.match(html, /<b>Raw notes<\/b>/);
    assert.match(text, /\*Raw notes\*/);
    assert.match(text, /maria: branch cut Thursday/);
  });

  it('makes www. addresses links', () => {
    assert.match(html, /<a href="https:\/\/www\.example\.org\/docs">www\.example\.org\/docs<\/a>/);
  });

  it("names the heading a link to the draft's own place points at, and flags only one to no heading", () => {
    const words = text.replace(/\s+/g, ' '); // the text part is wrapped
    assert.match(words, /the appendix \(see “Appendix: raw notes \(2\)” below\)/);
    assert.match(words, /are below \(see “Open questions” below\)/);
    assert.match(html, /<a[^>]*>the appendix<\/a>|the appendix \(see/);
    assert.doesNotMatch(html + text, /https:\/\/#/);
    const outline = report.links.filter((l) => l.url.startsWith('#')).map((l) => l.url);
    assert.deepEqual(outline, ['#appendix-raw-notes-2', '#open-questions', '#roadmap']);
    const flagged = report.diagnostics.filter((d) => d.code === 'link-not-web');
    assert.deepEqual(
      flagged.map((d) => d.range.start.line + 1),
      [19],
    );
    assert.match(flagged[0].message, /\(#roadmap\) where no heading is/);
  });

  it('reads, checks and lists a link in a table cell like any other', () => {
    assert.ok(report.links.some((l) => l.url === 'https://github.com/example/proj/issues/790' && l.range.start.line === 32));
    assert.match(html, /<td[^>]*><font[^>]*><a href="https:\/\/github\.com\/example\/proj\/issues\/790">/);
  });

  it('an edit that renames a heading flags the links to it, as a full parse does', () => {
    const lines = draft.split('\n');
    const at = lines.indexOf('## Open questions');
    const renamed = [...lines.slice(0, at), '## Questions', ...lines.slice(at + 1)].join('\n');
    const updated = updateReport(report, renamed, [{ range: { start: { line: at, character: 3 }, end: { line: at, character: 8 } }, text: '' }]);
    const codes = (r: typeof report) => r.diagnostics.filter((d) => d.code === 'link-not-web').map((d) => d.range.start.line + 1);
    assert.deepEqual(codes(updated), codes(parseReport(renamed)));
    assert.deepEqual(codes(updated), [7, 19]);
  });
});
