// Text as Markdown that shows it as itself, for hovers and the tree's tooltips: a leaf, so that the
// follow-ups' bundle escapes as the tree does without carrying the tree.

/** Text as Markdown that shows it as itself: every character Markdown (or HTML, or an entity) could read escaped. */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!<>|~&:$]/g, '\\$&').replace(/[\r\n]+/g, ' ');
}
