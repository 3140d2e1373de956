// A link's short name as a reader says it: "change 283798", "bug 1507499", "blueprint get-me-a-network",
// "story 2004567", another tracker's as it says it ("nodejs/node#58837", "MAHOUT-2200").
import type { Link } from '../model/model';
import { trackerById } from './trackers/registry';

export function linkLabel(link: Link): string {
  if (link.item) {
    // a short reference reads as the writer wrote it ("#58837")
    if (link.item.short) return link.raw;
    const label = trackerById(link.item.tracker)?.label?.(link.item, link.kind);
    if (label) return label;
  }
  if (link.review?.change !== undefined) return `change ${link.review.change}`;
  if (link.review?.query !== undefined) return `Gerrit query ${link.review.query}`;
  if (link.bug?.id !== undefined) return `bug ${link.bug.id}`;
  if (link.bug?.project) return `${link.bug.project} bugs`;
  if (link.blueprint?.name) return `blueprint ${link.blueprint.name}`;
  if (link.blueprint) return `${link.blueprint.project} blueprints`;
  if (link.story) return link.story.task !== undefined ? `task ${link.story.task}` : `story ${link.story.story}`;
  if (link.etherpad) return `etherpad ${link.etherpad.name}`;
  return link.raw.replace(/^[a-z][a-z0-9+.-]*:(\/\/)?/i, '').replace(/\/$/, '');
}

/** What names another tracker's item within its repository or tracker: `#123`, `!12`, `MAHOUT-2200`, `T123`, `1921631`, `abc1234`. */
export function itemId(link: Link): string | undefined {
  const item = link.item;
  if (!item) return undefined;
  return trackerById(item.tracker)?.itemId?.(item, link.kind) ?? item.key ?? (item.commit ? item.commit.slice(0, 8) : String(item.number));
}
