// A text's short references (`owner/repo#123`, `#123`, `MAHOUT-123`), as the other trackers read
// them, in order and never two at one place (registry.ts looks first whether the text may hold any).
import type { LinkHosts } from '../linkHosts';
import type { ShortReference, Tracker } from './tracker';

export function shortReferencesOf(text: string, hosts: LinkHosts, trackers: readonly Tracker[]): ShortReference[] {
  let out: ShortReference[] | undefined;
  for (let i = 0; i < trackers.length; i++) {
    const found = trackers[i].references?.(text, hosts);
    if (found?.length) out = out ? [...out, ...found] : found;
  }
  if (!out) return [];
  if (out.length < 2) return out;
  out.sort((a, b) => a.index - b.index || b.raw.length - a.raw.length);
  return out.filter((r, i) => i === 0 || r.index >= out[i - 1].lastIndex);
}
