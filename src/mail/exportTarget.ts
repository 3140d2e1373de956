// Where an export goes: `<draft>.html` (or .txt, .eml) beside the draft, or in the folder the settings name.
// Paths are a URI's path (forward slashes), worked out here rather than with node:path, which a
// browser (VS Code for the Web) does not have; a Windows folder in the settings (`C:\mail`) is
// taken with its drive letter, as a URI's path writes it (`/C:/mail`).

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
