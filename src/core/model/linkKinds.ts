// The kinds of link, in the order counts name them ("3 reviews · 2 pull requests · 1 bug"), with
// their English words (the CLI's; the editor says them through its translations). A tracker gives
// its links one of these kinds: a new tracker whose items are reviews, bugs or issues needs none.

export type LinkKind =
  'review' | 'pull-request' | 'merge-request' | 'bug' | 'issue' | 'task' | 'blueprint' | 'story' | 'commit' | 'discussion' | 'etherpad' | 'other';

/** Every kind, in the order counts and "Links by kind" list them (OpenStack's in their order of before). */
export const LINK_KINDS: readonly LinkKind[] = [
  'review',
  'pull-request',
  'merge-request',
  'bug',
  'issue',
  'task',
  'blueprint',
  'story',
  'commit',
  'discussion',
  'etherpad',
  'other',
];

/** One and many of a kind, in English: "1 pull request", "3 pull requests". */
export const LINK_KIND_WORDS: Readonly<Record<LinkKind, readonly [string, string]>> = {
  review: ['review', 'reviews'],
  'pull-request': ['pull request', 'pull requests'],
  'merge-request': ['merge request', 'merge requests'],
  bug: ['bug', 'bugs'],
  issue: ['issue', 'issues'],
  task: ['task', 'tasks'],
  blueprint: ['blueprint', 'blueprints'],
  story: ['story', 'stories'],
  commit: ['commit', 'commits'],
  discussion: ['discussion', 'discussions'],
  etherpad: ['etherpad', 'etherpads'],
  other: ['link', 'links'],
};

/** "3 pull requests", "1 bug". */
export function kindCountWords(kind: LinkKind, n: number): string {
  return `${n} ${LINK_KIND_WORDS[kind][n === 1 ? 0 : 1]}`;
}
