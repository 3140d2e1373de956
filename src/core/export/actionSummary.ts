// "Action items, by person" at the end of the email, as MeetBot ends its minutes: each owner (in the
// order of their names, owners alike but for case as one, under the first spelling), then their
// items, a done one marked so. Made from the draft's own action items and added to its text, so
// that both the HTML and the text part render it as they render the rest; a draft that has the
// section already (its own, or one kept from imported minutes) is left as it is.
import type { Report } from '../model/model';
import { escapeLineStart, markdownText } from '../parse/markdownText';
import { parseReport } from '../parse/parseReport';

export const ACTION_SUMMARY_TITLE = 'Action items, by person';

/** The report with "Action items, by person" after its last line; the report itself when it has no action items or the section already. */
export function withActionSummary(report: Report): Report {
  const summary = actionSummaryMarkdown(report);
  if (!summary) return report;
  const text = report.text.replace(/\s+$/, '');
  return parseReport(`${text}\n\n${summary}`, report.parse.options);
}

/** The section as Markdown, or undefined when there is nothing to add. */
export function actionSummaryMarkdown(report: Report): string | undefined {
  if (!report.actions.length) return undefined;
  if (/^\s*(?:#+\s*|\*\*)?Action items, by person\b/im.test(report.text)) return undefined;
  const byOwner = new Map<string, string[]>();
  const spelt = new Map<string, string>();
  for (const a of report.actions) {
    const key = a.owner.toLowerCase();
    if (!spelt.has(key)) spelt.set(key, a.owner);
    const owner = spelt.get(key)!;
    const item = `${escapeLineStart(markdownText(a.text))}${a.done ? ' (done)' : ''}`;
    const items = byOwner.get(owner);
    if (items) items.push(item);
    else byOwner.set(owner, [item]);
  }
  const owners = [...byOwner.keys()].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }));
  const lines = [ACTION_SUMMARY_TITLE, ''];
  for (const owner of owners) {
    lines.push(`- ${escapeLineStart(markdownText(owner))}`);
    for (const item of byOwner.get(owner)!) lines.push(`  - ${item}`);
  }
  return `${lines.join('\n')}\n`;
}
