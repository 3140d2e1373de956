// The link facts cache's lock (src/factsCacheFile.ts): a live holder is waited for and never taken
// over, however long it holds it; a holder that is gone (its pid not running, or no pid and old) is
// taken over at once; a run lets go of the lock only while it is its own.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FactsCache } from '../../../src/core/facts/factsCache';
import { saveFactsCacheFile } from '../../../src/factsCacheFile';

describe("the link facts cache's lock", () => {
  let dir: string;
  let file: string;
  const lock = () => `${file}.lock`;
  const cacheWith = (url: string) => {
    const cache = FactsCache.fromJson(undefined, 60_000);
    cache.set(url, { state: 'not-found' });
    return cache;
  };
  const saved = () => Object.keys(JSON.parse(fs.readFileSync(file, 'utf8')).entries);

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midcycle-lock-'));
    file = path.join(dir, 'cache', 'link-facts.json');
    fs.mkdirSync(path.dirname(file), { mode: 0o700 });
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('waits for a live holder and never takes its lock over, even an old one', () => {
    fs.writeFileSync(lock(), `${process.pid} live-holder`);
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(lock(), old, old);
    assert.throws(() => saveFactsCacheFile(file, cacheWith('https://x/1'), 200), /locked by another run/);
    assert.equal(fs.readFileSync(lock(), 'utf8'), `${process.pid} live-holder`);
    assert.equal(fs.existsSync(file), false);
  });

  it('takes over at once the lock of a run that is gone, and lets go of its own', () => {
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    fs.writeFileSync(lock(), `${gone.stdout} killed-while-saving`);
    assert.equal(saveFactsCacheFile(file, cacheWith('https://x/1'), 0), 'saved');
    assert.deepEqual(saved(), ['https://x/1']);
    assert.equal(fs.existsSync(lock()), false);
  });

  it('takes over a lock with no pid only once it is old', () => {
    fs.writeFileSync(lock(), '');
    assert.throws(() => saveFactsCacheFile(file, cacheWith('https://x/1'), 100), /locked/);
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(lock(), old, old);
    assert.equal(saveFactsCacheFile(file, cacheWith('https://x/2'), 0), 'saved');
    assert.deepEqual(saved(), ['https://x/2']);
  });
});
