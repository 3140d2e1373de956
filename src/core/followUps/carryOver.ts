// "Carry Over Open Action Items": the last report's open items (not done there, nor since) as a task
// list under an "Action items from the last report" heading, which the draft then reads as its own
// action items ("- [ ] carl_baldwin to put up model proposal"), each following up the one it came
// from. Once: an item already under that heading is not added again; with none left to add, no edit.
import type { Report, TextEdit, Topic } from '../model/model';
import { markdownText } from '../parse/markdownText';
import type { FollowUp } from './followUps';

export const CARRY_OVER_HEADING = 'Action items from the last report';

/** The edit that carries the open follow-ups over, or undefined when every one of them is there already (or none is open). */
export function carryOverEdit(report: Report, ups: readonly FollowUp[]): { edit: TextEdit; count: number } | undefined {
  const section = findSection(report.topics);
  const there = new Set(
    report.actions
      .filter((a) => section && a.range.start.line >= section.range.start.line && a.range.start.line <= section.range.end.line)
      .map((a) => itemKey(a.owner, a.text)),
  );
  const seen = new Set<string>();
  const wanted = ups.filter((u) => {
    const key = itemKey(u.owner, u.text);
    if (u.done || there.has(key) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (!wanted.length) return undefined;
  const items = wanted.map((u) => `- [ ] ${markdownText(u.owner)} to ${markdownText(u.text)}`);
  const lines = report.parse.lines;
  if (section) {
    // after the section's last line: its list goes on
    const at = { line: section.range.end.line, character: lines.lineText(section.range.end.line).length };
    return { edit: { range: { start: at, end: at }, text: `\n${items.join('\n')}` }, count: wanted.length };
  }
  // at the end of the draft, a blank line before the heading
  const last = lines.lineCount - 1;
  const end = { line: last, character: lines.lineText(last).length };
  const text = report.text;
  const before = !text.trim() || text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : '\n\n';
  return { edit: { range: { start: end, end }, text: `${before}## ${CARRY_OVER_HEADING}\n\n${items.join('\n')}\n` }, count: wanted.length };
}

/** An item as carried over: its owner and task, case and spaces aside. */
function itemKey(owner: string, text: string): string {
  return `${owner} ${text}`.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The carry-over's heading among the report's headings, at any depth. */
function findSection(topics: readonly Topic[]): Topic | undefined {
  for (const t of topics) {
    if (t.kind === 'heading' && t.text.trim().toLowerCase() === CARRY_OVER_HEADING.toLowerCase()) return t;
    const inner = findSection(t.children);
    if (inner) return inner;
  }
  return undefined;
}
