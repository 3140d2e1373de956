// Positions in the text: rangeFrom (which walks on from a line the caller knows, as the link pass
// does block by block) must give what rangeAt gives, from any line at or before the offset, and
// fall back to a search from a line after it, with any line ends.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineIndex } from '../../../../src/core/model/lineIndex';
import { propertyOptions } from '../../helpers/propertyOptions';

describe('LineIndex', () => {
  it('finds a range from a nearby line as from the whole text', () => {
    const text = fc.array(fc.oneof(fc.constantFrom('\n', '\r\n', '\r', ''), fc.string({ maxLength: 30 })), { maxLength: 60 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), fc.nat(), (t, a, b, l) => {
        const lines = new LineIndex(t);
        const start = t.length ? a % (t.length + 1) : 0;
        const end = start + (t.length - start ? b % (t.length - start + 1) : 0);
        const line = l % (lines.lineCount + 2); // at, before or after the offset's line, or past the end
        assert.deepEqual(lines.rangeFrom(line, start, end), lines.rangeAt(start, end));
      }),
      propertyOptions(1000),
    );
  });

  it('counts lines as markdown-it and VS Code do', () => {
    const lines = new LineIndex('a\r\nb\rc\n\nd');
    assert.equal(lines.lineCount, 5);
    assert.deepEqual(lines.rangeFrom(0, 6, 7), { start: { line: 2, character: 1 }, end: { line: 3, character: 0 } });
    assert.deepEqual(lines.rangeFrom(3, 8, 9), { start: { line: 4, character: 0 }, end: { line: 4, character: 1 } });
  });
});
