// Where an export goes: `<draft>.html` (or .txt, .eml) beside the draft, or in the folder the settings name.
import * as path from 'node:path';

export function exportPath(draftPath: string, directory: string, extension: '.html' | '.txt' | '.eml'): string {
  const base = path.basename(draftPath).replace(/\.(md|markdown|mdown|mkd|txt)$/i, '') || 'report';
  const folder = !directory ? path.dirname(draftPath) : path.isAbsolute(directory) ? directory : path.join(path.dirname(draftPath), directory);
  return path.join(folder, `${base}${extension}`);
}
