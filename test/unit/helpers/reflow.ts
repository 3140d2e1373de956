// Words wrapped greedily at a width, as an editor's "reflow" (Vim's gq, Emacs' fill-paragraph) does:
// how the tests write a hard-wrapped paragraph.
export function reflow(words: readonly string[], width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  return [...lines, line].join('\n');
}
