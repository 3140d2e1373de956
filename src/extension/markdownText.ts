// Text as Markdown for hovers and the tree's tooltips: a link's facts as lines, every string escaped
// (escapeMarkdown.ts, a leaf the follow-ups' bundle takes alone). Apart from the tree (topicNodes.ts) so that the
// hovers' bundle (editorHelp.ts) takes it without the tree.
import * as l10n from '@vscode/l10n';
import { statusWords, type LinkFacts } from '../core/facts/linkFacts';
import { escapeMarkdown } from './escapeMarkdown';

export { escapeMarkdown } from './escapeMarkdown';

/** A link's facts as hover and tooltip lines: every string from the service escaped, never markup. */
export function factsMarkdown(facts: LinkFacts): string {
  const lines: string[] = [];
  if (facts.title) lines.push(l10n.t('“{0}”', escapeMarkdown(facts.title)));
  const about = [statusWords(facts), facts.project && l10n.t('in {0}', facts.project), facts.owner && l10n.t('by {0}', facts.owner)]
    .filter(Boolean)
    .map((s) => escapeMarkdown(s as string));
  if (about.length) lines.push(about.join(' '));
  if (facts.tasks && facts.tasks.length > 1)
    lines.push(l10n.t('Affects {0}', facts.tasks.map((t) => escapeMarkdown(l10n.t('{0} ({1})', t.name, t.status ?? l10n.t('unknown')))).join(', ')));
  return lines.join('\n\n');
}
