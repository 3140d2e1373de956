// "Action items, by person" at the end of the email, as MeetBot ends its minutes: each owner (in the
// order of their names, owners alike but for case as one, under the first spelling), then their
// items, a done one marked so. Made from the draft's own action items as Markdown, read by the same
// markdown-it (the section alone: the draft is not parsed again) and rendered by the exporters as
// they render the rest; a draft that has the section already (its own, or one kept from imported
// minutes) is left as it is.
import type { Token } from '../model/markdownTypes';
import type { Report } from '../model/model';
import { createMarkdown } from '../parse/markdown';
import { escapeLineStart, markdownText } from '../parse/markdownText';
import { emailBlocks, type Block, type LinkNotes } from './emailBlocks';

export const ACTION_SUMMARY_TITLE = 'Action items, by person';

/** The section's blocks for the exporters, after the draft's own; none when there is nothing to add. */
export function actionSummaryBlocks(report: Report, notes?: LinkNotes): Block[] {
  const markdown = actionSummaryMarkdown(report);
  if (!markdown) return [];
  const hosts = report.parse.options.hosts;
  const tokens: Token[] = createMarkdown().parse(markdown, { midcycle: { hosts, problems: [] } });
  return emailBlocks(tokens, hosts, () => false, notes);
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
