// What the editor's link facts service (src/extension/linkFactsService.ts) leaves in the Midcycle log
// when something goes wrong that no message shows: a service that could not be asked, a cache that
// could not be saved. Against the fake services, with the stand-in vscode's files.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { standInVscode, Uri } from '../helpers/standInVscode';
import { startFakeServices } from '../helpers/fakeServices';
import { DEFAULT_FACTS_APIS, parseReport } from '../../../src/core';
import { LinkFactsService } from '../../../src/extension/linkFactsService';
import { nodePlatform } from '../../../src/extension/platform/nodePlatform';

async function until(done: () => boolean, ms = 5000): Promise<void> {
  for (const end = Date.now() + ms; !done() && Date.now() < end;) await new Promise((r) => setTimeout(r, 20));
}

describe('link facts in the editor, in the log', () => {
  it('say which service could not be asked and why, and that the cache could not be saved', async () => {
    const services = await startFakeServices({ changes: { 1: { subject: 'Fix it', status: 'MERGED', project: 'openstack/nova' } } });
    services.faults.set('/gerrit/changes/2', { type: 'malformed' });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midcycle-facts-log-'));
    // the storage folder cannot be made: a file stands where it would be
    fs.writeFileSync(path.join(dir, 'storage'), '');
    const lines: string[] = [];
    const at = (level: string) => (message: string) => void lines.push(`[${level}] ${message}`);
    const service = new LinkFactsService(standInVscode as unknown as typeof vscode, {
      apis: { ...DEFAULT_FACTS_APIS, gerrit: { 'review.opendev.org': services.gerrit } },
      timeoutMs: 2000,
      cacheFile: Uri.file(path.join(dir, 'storage', 'midcycle', 'link-facts.json')) as unknown as vscode.Uri,
      changed: () => undefined,
      log: { trace: at('trace'), debug: at('debug'), info: at('info'), warn: at('warning'), error: at('error') },
    });
    try {
      await service.refresh(parseReport('- https://review.opendev.org/c/openstack/nova/+/1\n- https://review.opendev.org/c/openstack/nova/+/2\n'));
      await until(() => lines.some((l) => l.includes('could not save')));
      const warnings = lines.filter((l) => l.startsWith('[warning]'));
      assert.equal(warnings.length, 2, lines.join('\n'));
      assert.match(warnings[0], /^\[warning\] could not look links up: Gerrit at 127\.0\.0\.1:\d+\/gerrit: unreadable answer/);
      assert.match(warnings[1], /^\[warning\] could not save the link facts cache to .*link-facts\.json: /);
      assert.ok(lines.includes('[info] looked up 2 link(s), 1 failed'), lines.join('\n'));
    } finally {
      service.dispose();
      await services.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("keeps the cache the user's alone, merged with what another window saved meanwhile", async () => {
    const services = await startFakeServices({
      changes: { 1: { subject: 'One', status: 'MERGED', project: 'openstack/nova' }, 2: { subject: 'Two', status: 'NEW', project: 'openstack/nova' } },
    });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midcycle-facts-cache-'));
    const folder = path.join(dir, 'globalStorage', 'midcycle.midcycle');
    fs.mkdirSync(folder, { recursive: true, mode: 0o755 });
    fs.chmodSync(folder, 0o755);
    const file = path.join(folder, 'link-facts.json');
    const log = { trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
    const platform = nodePlatform(standInVscode as unknown as typeof vscode, Uri.file(dir) as unknown as vscode.Uri, log as unknown as vscode.LogOutputChannel);
    const window = (n: number) =>
      new LinkFactsService(standInVscode as unknown as typeof vscode, {
        apis: { ...DEFAULT_FACTS_APIS, gerrit: { 'review.opendev.org': services.gerrit } },
        timeoutMs: 2000,
        cacheFile: Uri.file(file) as unknown as vscode.Uri,
        changed: () => undefined,
        log,
        localCache: platform.factsCacheFile,
      }).refresh(parseReport(`- https://review.opendev.org/c/openstack/nova/+/${n}\n`));
    try {
      // two windows read the (empty) cache, then each saves its own answer
      await Promise.all([window(1), window(2)]);
      const kept = () => (fs.existsSync(file) ? Object.keys((JSON.parse(fs.readFileSync(file, 'utf8')) as { entries: object }).entries).length : 0);
      await until(() => kept() === 2);
      assert.equal(kept(), 2, "the first window's answer kept");
      assert.equal(fs.statSync(folder).mode & 0o777, 0o700);
      assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    } finally {
      await services.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
