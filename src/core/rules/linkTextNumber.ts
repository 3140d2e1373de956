// `link-text-number`: a Markdown link whose text is one item's short name (`#1234`, `PR #1234`,
// `owner/repo#1234`, `!12`, `MAHOUT-2200`, `bug 1921631`, `Issue 790`) and whose address is another
// item of the same tracker. One of the two was mistyped; which one, only the writer knows, so there
// is no fix. Only a text that is nothing but the name is read: a title that mentions another item
// ("Revert #1234") says nothing of the link's own.
import type { LinkKind, TrackerItem } from '../model/model';

/** The whole text: a word for the item at most, its name, a "(comment)" at most. */
const ITEM_NAME =
  /^\s*(?:(?:issue|pr|pull request|pull|merge request|mr|bug|discussion|ticket|task)\s*)?(?:([A-Za-z0-9][\w.-]*\/[\w./-]+)?([#!])|([A-Za-z][A-Za-z0-9_]*)-|(?:crbug\.com\/))(\d+)\s*(?:\((?:comment|comments)\))?\s*$/i;
/** A word for the item and its number alone: `Issue 790`, `PR 792`, `bug 1921631`. */
const WORD_NAME = /^\s*(?:issue|pr|pull request|merge request|mr|bug|discussion|ticket|task)\s+#?(\d+)\s*(?:\((?:comment|comments)\))?\s*$/i;

/** The problem's message when the text names another item than the link's, else undefined. */
export function textNumberProblem(text: string, kind: LinkKind, item: TrackerItem): string | undefined {
  if (item.number === undefined || !/\d/.test(text)) return undefined;
  const m = ITEM_NAME.exec(text) ?? WORD_NAME.exec(text);
  if (!m) return undefined;
  const named = Number(m.length > 2 ? m[4] : m[1]);
  const project = m.length > 2 ? m[3] : undefined;
  // a Jira key names its project too: `MAHOUT-12` for FLINK-12 is another issue
  const sameProject = project === undefined || item.key === undefined || project.toUpperCase() === item.repository?.toUpperCase();
  if (named === item.number && sameProject) return undefined;
  const written = text.trim();
  const address = item.key ?? `${kind === 'merge-request' ? '!' : item.tracker === 'github' || item.tracker === 'gitlab' ? '#' : ''}${item.number}`;
  return `The link's text says "${written}", its address ${address}: one of the two is mistyped.`;
}
