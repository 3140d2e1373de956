// Where an export goes: `<draft>.html` (or .txt, .eml) beside the draft, or in the folder the settings
// name; for a draft not saved yet, a name from its subject (`neutron-mid-cycle-report.html`).
import * as path from 'node:path';
import type { FrontMatter } from '../core/model/model';

export function exportPath(draftPath: string, directory: string, extension: '.html' | '.txt' | '.eml'): string {
  const base = path.basename(draftPath).replace(/\.(md|markdown|mdown|mkd|txt)$/i, '') || 'report';
  const folder = !directory ? path.dirname(draftPath) : path.isAbsolute(directory) ? directory : path.join(path.dirname(draftPath), directory);
  return path.join(folder, `${base}${extension}`);
}

/**
 * The file name an untitled draft's export is offered: its subject (`subject:`, else `title:`),
 * else its first heading or line, as a slug; `report` when it has none.
 */
export function exportFileName(frontMatter: FrontMatter, text: string, extension: '.html' | '.txt' | '.eml'): string {
  const subject = String(frontMatter.subject || frontMatter.title || '') || firstLine(text);
  // the list's tags ("[openstack-dev] [neutron] ") say nothing of this report
  const words = subject.replace(/^(\s*\[[^\]]*\])+\s*/, '') || subject;
  const slug = words
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  // a long subject: cut at a word, not in one
  const short = slug.length > 60 ? slug.slice(0, 61).replace(/-[^-]*$/, '') : slug;
  return `${short || 'report'}${extension}`;
}

/** The first line with words, after any front matter: a heading's or list item's text, not its marker. */
function firstLine(text: string): string {
  const lines = text.split(/\r?\n/);
  let start = 0;
  if (/^---\s*$/.test(lines[0] ?? '')) {
    const end = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
    start = end === -1 ? lines.length : end + 1;
  }
  const line = lines.slice(start).find((l) => /\w/.test(l)) ?? '';
  return line.replace(/^\s*(#{1,6}\s+|[-*+]\s+|\d+[.)]\s+)/, '').replace(/[*_`[\]()]/g, ' ');
}
