// The link facts cache as a file on a local disk, for the CLI and the desktop extension: read only
// when it is a regular file of a sane size (a FIFO planted at its path would block), saved merged
// with what the file holds then (other runs and windows save theirs there too), under a lock file,
// in a folder and a file that are the user's alone (titles of private changes are in it).
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FactsCache } from './core/facts/factsCache';
import { readRegularFile, writeAtomically } from './writeAtomically';

/** A lock whose holder cannot be told (no pid in it) is taken over when older than this. */
const STALE_LOCK_MS = 10_000;

/** 5,000 answers of a few hundred bytes each; a larger file is not ours. */
const MAX_CACHE_BYTES = 32 << 20;

/** The cache file's text, or undefined: none there, or not a regular file, or too large to be ours. */
export function readFactsCacheFile(file: string): string | undefined {
  return readRegularFile(file, { noFollow: true, maxBytes: MAX_CACHE_BYTES });
}

/**
 * Saves `cache` merged with the file's answers: `saved`; `newer` when the file is a newer
 * Midcycle's (left as it is); `not-ours` when something else stands at the file's or the folder's
 * path. Throws when it cannot write, or the lock stays taken for `waitMs` (0: not waited for, as
 * the editor's thread must not block). The CLI waits past the lock's staleness: a run that gave up
 * on a live holder (10 runs at once on a loaded machine took seconds) lost its answers.
 */
export function saveFactsCacheFile(file: string, cache: FactsCache, waitMs = STALE_LOCK_MS + 1000): 'saved' | 'newer' | 'not-ours' {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stat = fs.lstatSync(dir);
  if (!stat.isDirectory()) return 'not-ours'; // a symlink or a file where the folder should be
  if ((stat.mode & 0o077) !== 0 && stat.uid === process.getuid?.()) fs.chmodSync(dir, 0o700);
  const at = fs.lstatSync(file, { throwIfNoEntry: false });
  if (at && !at.isFile()) return 'not-ours'; // a FIFO, a link, a folder where the file should be
  return withLock(`${file}.lock`, waitMs, () => {
    const json = cache.mergedJson(readFactsCacheFile(file));
    if (json === undefined) return 'newer';
    writeAtomically(file, json, { mode: 0o600 });
    cache.dirty = false;
    return 'saved';
  });
}

/**
 * Runs `fn` holding the lock file `lock`: made exclusively, holding the holder's pid and a nonce.
 * A lock is taken over only when its holder is gone: its pid no longer runs (a run killed while
 * saving), or, when no pid can be read (one being written, or another machine's), it is older than
 * `staleMs`. A live holder, however slow, is waited for, never taken over: two runs both taking it
 * over would each save its own merge, and the last would drop the other's answers. The lock is let
 * go only while it is still ours.
 */
function withLock<T>(lock: string, waitMs: number, fn: () => T, staleMs = STALE_LOCK_MS): T {
  const until = Date.now() + waitMs;
  const mine = `${process.pid} ${crypto.randomBytes(9).toString('base64url')}`;
  for (;;) {
    try {
      const fd = fs.openSync(lock, 'wx', 0o600);
      try {
        fs.writeSync(fd, mine);
      } finally {
        fs.closeSync(fd);
      }
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      try {
        if (holderGone(lock, staleMs)) {
          fs.rmSync(lock, { force: true });
          continue;
        }
      } catch {
        continue; // gone meanwhile: try again
      }
      if (Date.now() >= until) throw new Error('the cache is locked by another run', { cause: e });
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    }
  }
  try {
    return fn();
  } finally {
    if (readLock(lock) === mine) fs.rmSync(lock, { force: true });
  }
}

/** Whether the lock's holder is gone: its pid is not running, or (no pid to read) the lock is older than `staleMs`. */
function holderGone(lock: string, staleMs: number): boolean {
  const pid = Number(/^(\d+) /.exec(readLock(lock) ?? '')?.[1]);
  if (pid > 0) {
    try {
      process.kill(pid, 0);
      return false;
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'ESRCH';
    }
  }
  return Date.now() - fs.lstatSync(lock).mtimeMs > staleMs;
}

function readLock(lock: string): string | undefined {
  return readRegularFile(lock, { noFollow: true, maxBytes: 256 });
}
