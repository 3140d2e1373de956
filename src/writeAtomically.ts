// The CLI's way to write a file (an export, an import's draft, a fixed draft, the link facts cache).
// The content goes to a new temporary file beside the target, made exclusively under a random name
// (so nothing planted there, a symlink above all, is followed or overwritten), then is renamed
// over the target: a reader never sees half a file, and a failed write changes nothing.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface WriteOptions {
  /**
   * The text the target held when it was read: when it holds something else now (an edit saved
   * meanwhile), nothing is written and the write fails. Undefined: the target is new or replaced.
   */
  expected?: string;
  /**
   * When the target is a symlink, write to the file it points to (a draft kept through a link
   * stays a link). Otherwise a link at the target is replaced by the file, never followed.
   */
  throughLink?: boolean;
  /** The new file's permissions. Default: an existing target's, else 0666 less the umask. */
  mode?: number;
}

/** The file system's answers in words, for one-line messages. */
const WHY: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  ENOENT: 'no such folder',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'it is a folder',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
};

export class ChangedMeanwhile extends Error {}

/** Writes `content` to `file`, whole or not at all. */
export function writeAtomically(file: string, content: string, options: WriteOptions = {}): void {
  let target = file;
  let tmp: string | undefined;
  try {
    if (options.throughLink) target = linkTarget(file);
    // short and fixed in length, whatever the target's name: a name near the file system's limit still works
    tmp = path.join(path.dirname(target), `.midcycle-${crypto.randomBytes(12).toString('base64url')}.tmp`);
    const existing = statOrUndefined(target);
    if (existing?.isDirectory()) throw Object.assign(new Error('it is a folder'), { code: 'EISDIR' });
    const mode = options.mode ?? (existing?.isFile() ? existing.mode & 0o7777 : undefined);
    // 'wx': O_CREAT | O_EXCL, which fails on anything at that name, a dangling symlink included
    const fd = fs.openSync(tmp, 'wx', mode ?? 0o666);
    try {
      fs.writeFileSync(fd, content, 'utf8');
      if (mode !== undefined) fs.fchmodSync(fd, mode); // the umask narrowed it at creation
      if (existing?.isFile() && process.getuid?.() === 0) fs.fchownSync(fd, existing.uid, existing.gid);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (options.expected !== undefined) {
      const now = readRegularFile(target);
      if (now !== options.expected)
        throw new ChangedMeanwhile(`${file} changed while Midcycle was working on it (an edit saved meanwhile?); nothing was written: run again`);
    }
    fs.renameSync(tmp, target);
  } catch (e) {
    if (tmp) {
      try {
        fs.rmSync(tmp, { force: true });
      } catch {
        // nothing to clean up where nothing could be written
      }
    }
    if (e instanceof ChangedMeanwhile) throw e;
    const code = (e as NodeJS.ErrnoException).code ?? '';
    throw new Error(`cannot write ${file}: ${WHY[code] ?? (e as Error).message}; nothing was changed`, { cause: e });
  }
}

/** Whether anything is at `file`: a file, a folder, a FIFO, a symlink, dangling or not. */
export function somethingAt(file: string): boolean {
  try {
    fs.lstatSync(file);
    return true;
  } catch {
    return false; // nothing there, or nothing that can be seen: the write says why it fails
  }
}

/** The file a chain of symlinks ends at (which may not exist yet); the path itself when it is none. */
function linkTarget(file: string): string {
  let at = file;
  for (let hops = 0; hops < 40; hops++) {
    let link: string;
    try {
      link = fs.readlinkSync(at);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EINVAL' || (e as NodeJS.ErrnoException).code === 'ENOENT') return at;
      throw e;
    }
    at = path.resolve(path.dirname(at), link);
  }
  throw Object.assign(new Error('too many symbolic links'), { code: 'ELOOP' });
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

/**
 * A regular file's text, or undefined when nothing, or something else, is there: a FIFO planted at
 * a cache's path would block a plain read forever; a symlink is not followed when `noFollow`.
 */
export function readRegularFile(file: string, options: { noFollow?: boolean; maxBytes?: number } = {}): string | undefined {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | (options.noFollow ? fs.constants.O_NOFOLLOW : 0));
  } catch {
    return undefined;
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile() || (options.maxBytes !== undefined && stat.size > options.maxBytes)) return undefined;
    return fs.readFileSync(fd, 'utf8');
  } finally {
    fs.closeSync(fd);
  }
}
