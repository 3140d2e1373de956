// What says that action items follow: a label ("Action items:", "## Next steps") or an introduction
// ("We also agreed on some action items:"). Apart from the finder (actionItems.ts), so that the
// owner rule (ownerRule.ts) reads it without the finder importing the rule back.

/** What heads a list of action items: "Action items", "Actions", "AIs", "TODO", "Next steps"… */
export const ACTION_LABEL =
  /^(?:(?:next|potential|open|follow[- ]?up|our|my|his|her|their)\s+)?(?:action\s*items?|action\s*points?|actions?|AIs|ARs|to-?dos?|follow[- ]?ups|next\s+steps)\b/i;

/** A label standing alone: "Actions", "**Action items**:", "Actions to do after this discussion:". */
export function isActionLabel(text: string): boolean {
  const t = text.trim();
  if (!ACTION_LABEL.test(t)) return false;
  return /^[^\n]{0,80}:$/.test(t) || ACTION_LABEL.exec(t)![0].length === t.replace(/[\s:.]+$/, '').length;
}

/** An introduction to a list of action items: "We also agreed on some action items for Wallaby:". */
export function introducesActions(text: string): boolean {
  // most paragraphs are not: a look at their last character first
  let last = text.length - 1;
  while (last >= 0 && text.charCodeAt(last) <= 32) last--;
  if (last < 0 || last > 220 || text[last] !== ':') return false;
  const t = text.trim();
  return isActionLabel(t) || /\b(?:action\s*items?|actions|next\s+steps|to-?dos)\b/i.test(t);
}
