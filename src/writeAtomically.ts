// The CLI's way to write a file (an export, an import's draft, a fixed draft, the link facts cache).
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Writes to a temporary file beside the target, then renames it: never a half-written file. */
export function writeAtomically(file: string, content: string): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, content, 'utf8');
    fs.renameSync(tmp, file);
  } catch (e) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // nothing to clean up where nothing could be written
    }
    const code = (e as NodeJS.ErrnoException).code ?? '';
    const why = {
      EACCES: 'permission denied',
      EPERM: 'permission denied',
      EROFS: 'the file system is read-only',
      ENOSPC: 'the disk is full',
      ENOENT: 'no such folder',
      ENOTDIR: 'a part of the path is not a folder',
      EISDIR: 'it is a folder',
    }[code];
    throw new Error(`cannot write ${file}: ${why ?? (e as Error).message}; nothing was changed`, { cause: e });
  }
}
