// GitHub's footnotes (`see the log.[^1]` … `[^1]: https://…`): markdown-it reads a definition whose
// text is an address as a link reference definition, so the email lost the footnote and made the
// marker a link (`^1`). This block rule reads a footnote's definition as the paragraph a reader sees
// (it stays where it stands, its links read as any others); the exporters write the marker and the
// definition as `[1]` (emailBlocks.ts).
import type { MarkdownIt } from '../model/markdownTypes';

/** `[^label]:` at a line's start: a footnote's definition. */
export const FOOTNOTE_DEFINITION = /^\[\^([^\]\s]+)\]:/;

export function footnoteDefinitions(md: MarkdownIt): void {
  md.block.ruler.before('reference', 'midcycle_footnote_definition', (state, startLine, endLine, silent) => {
    if (state.sCount[startLine] - state.blkIndent >= 4) return false;
    const start = state.bMarks[startLine] + state.tShift[startLine];
    // (a cheap test first: most lines start with another character)
    if (state.src.charCodeAt(start) !== 0x5b || state.src.charCodeAt(start + 1) !== 0x5e) return false;
    if (!FOOTNOTE_DEFINITION.test(state.src.slice(start, state.eMarks[startLine]))) return false;
    // like a reference definition, it does not interrupt a paragraph
    if (silent) return false;
    let next = startLine + 1;
    while (next < endLine && !state.isEmpty(next) && state.sCount[next] - state.blkIndent < 4 + 4) {
      const at = state.bMarks[next] + state.tShift[next];
      if (FOOTNOTE_DEFINITION.test(state.src.slice(at, state.eMarks[next]))) break;
      next++;
    }
    const open = state.push('paragraph_open', 'p', 1);
    open.map = [startLine, next];
    const inline = state.push('inline', '', 0);
    inline.content = state.getLines(startLine, next, state.blkIndent, false).trim();
    inline.map = [startLine, next];
    inline.children = [];
    state.push('paragraph_close', 'p', -1);
    state.line = next;
    return true;
  });
}
