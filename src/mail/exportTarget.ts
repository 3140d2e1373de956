// Where an export goes: `<draft>.html` (or .txt, .eml) beside the draft, or in the folder the settings
// name; for a draft not saved yet, a name from its subject (`neutron-mid-cycle-report.html`).
// Paths are a URI's path (forward slashes), worked out here rather than with node:path, which a
// browser (VS Code for the Web) does not have; a Windows folder in the settings (`C:\mail`) is
// taken with its drive letter, as a URI's path writes it (`/C:/mail`).
import type { FrontMatter } from '../core/model/model';

export function exportPath(draftPath: string, directory: string, extension: '.html' | '.txt' | '.eml'): string {
  const draft = draftPath.replace(/\\/g, '/');
  const slash = draft.lastIndexOf('/');
  const base = draft.slice(slash + 1).replace(/\.(md|markdown|mdown|mkd|txt)$/i, '') || 'report';
  const draftFolder = slash > 0 ? draft.slice(0, slash) : slash === 0 ? '/' : '.';
  const wanted = directory.replace(/\\/g, '/');
  const folder = !wanted ? draftFolder : /^([a-z]:)?\//i.test(wanted) ? wanted : `${draftFolder}/${wanted}`;
  return normalize(`${folder}/${base}${extension}`);
}

/** One slash between segments, `.` and `..` resolved, a drive letter after a leading slash. */
function normalize(p: string): string {
  const absolute = p.startsWith('/') || /^[a-z]:\//i.test(p);
  const out: string[] = [];
  for (const segment of p.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..' && out.length && out[out.length - 1] !== '..' && !/^[a-z]:$/i.test(out[out.length - 1])) out.pop();
    else if (segment !== '..' || !absolute) out.push(segment);
  }
  return `${absolute ? '/' : ''}${out.join('/')}`;
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
