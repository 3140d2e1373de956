import * as assert from 'node:assert/strict';
import { parseReport, type Link } from '../../../../src/core';
import { FactsCache } from '../../../../src/core/facts/factsCache';
import { FactsClient, type FactsClientOptions } from '../../../../src/core/facts/factsClient';
import { factDiagnostics } from '../../../../src/core/facts/factRules';
import { reviewStatuses } from '../../../../src/core/parse/outline';
import { factsRequest, linkFacts, type FactsApis, type FactsResult } from '../../../../src/core/facts/linkFacts';
import { startFakeServices, type FakeServices } from '../../helpers/fakeServices';

const DRAFT = `- Routed networks: https://review.openstack.org/#/c/283798/ and https://review.opendev.org/c/openstack/neutron/+/282876
- Gone: https://review.openstack.org/#/c/999999/
- Old idea: https://review.openstack.org/#/c/270000/
- Bugs: https://bugs.launchpad.net/nova/+bug/1507499 and https://bugs.launchpad.net/neutron/+bug/1500000
- Missing bug https://launchpad.net/bugs/4242424
- Spec https://blueprints.launchpad.net/neutron/+spec/routed-networks and https://blueprints.launchpad.net/neutron/+spec/nope
- Story https://storyboard.openstack.org/#!/story/2004567
`;

const DATA = {
  changes: {
    283798: { subject: 'Add routed networks', status: 'MERGED' as const, project: 'openstack/neutron', owner: 'Carl Baldwin' },
    282876: { subject: 'IPAM: segments', status: 'NEW' as const, project: 'openstack/neutron' },
    270000: { subject: 'Old idea', status: 'ABANDONED' as const, project: 'openstack/neutron' },
  },
  bugs: {
    1507499: { title: 'DVR flows missing', tasks: [{ target: 'neutron', status: 'Fix Released', importance: 'High' }] },
    1500000: {
      title: 'Two projects',
      tasks: [
        { target: 'neutron', status: 'In Progress' },
        { target: 'nova', status: 'New' },
      ],
    },
  },
  specs: { 'neutron/routed-networks': { title: 'Routed networks', implementation_status: 'Implemented' } },
  stories: { 2004567: { title: 'Port the client', status: 'active' } },
};

function apis(s: FakeServices): FactsApis {
  return {
    gerrit: { 'review.openstack.org': s.gerrit, 'review.opendev.org': s.gerrit },
    launchpad: s.launchpad,
    storyboard: { 'storyboard.openstack.org': s.storyboard },
  };
}

async function lookUp(s: FakeServices, text: string, options: Partial<FactsClientOptions> = {}) {
  const report = parseReport(text);
  const requests = report.links.flatMap((l) => factsRequest(l, apis(s)) ?? []);
  const client = new FactsClient({ fetch, timeoutMs: 2000, backoffMs: 10, ...options });
  const run = await client.lookup(requests);
  const resultOf = (l: Link): FactsResult | undefined => {
    const r = factsRequest(l, apis(s));
    return r && run.results.get(r.url);
  };
  return { report, run, resultOf };
}

describe('link facts', () => {
  let s: FakeServices;
  beforeEach(async () => {
    s = await startFakeServices(DATA);
  });
  afterEach(() => s.close());

  it("reads a change's subject, status, project and owner, a bug's title and tasks, a blueprint and a story", async () => {
    const { report, resultOf } = await lookUp(s, DRAFT);
    const facts = report.links.map((l) => {
      const r = resultOf(l);
      return r?.state === 'found' ? linkFacts(l, r.facts) : r?.state;
    });
    assert.deepEqual(facts[0], { kind: 'review', title: 'Add routed networks', status: 'MERGED', project: 'openstack/neutron', owner: 'Carl Baldwin' });
    assert.deepEqual(facts[1], { kind: 'review', title: 'IPAM: segments', status: 'NEW', project: 'openstack/neutron' });
    assert.equal(facts[2], 'not-found');
    assert.deepEqual(facts[5], {
      kind: 'bug',
      title: 'Two projects',
      status: 'In Progress',
      project: 'neutron',
      tasks: [
        { target: 'neutron', name: 'neutron', status: 'In Progress', importance: 'Undecided' },
        { target: 'nova', name: 'nova', status: 'New', importance: 'Undecided' },
      ],
    });
    assert.equal(facts[6], 'not-found');
    assert.deepEqual(facts[7], { kind: 'blueprint', title: 'Routed networks', status: 'Implemented', project: 'neutron' });
    assert.equal(facts[8], 'not-found');
    assert.deepEqual(facts[9], { kind: 'story', title: 'Port the client', status: 'active' });
    assert.equal(reviewStatuses(report.links.slice(0, 4), resultOf), '1 merged · 1 open · 1 abandoned');
  });

  it('reports changes and bugs that are not there, abandoned changes, and bugs of another project with the fix', async () => {
    const { report, resultOf } = await lookUp(s, DRAFT);
    const found = factDiagnostics(report.links, resultOf).map((d) => [d.range.start.line + 1, d.code, d.severity, d.message, d.fix?.text]);
    assert.deepEqual(found, [
      [2, 'review-not-found', 'warning', 'Change 999999 was not found on review.openstack.org: a mistyped number, or a private change.', undefined],
      [3, 'review-abandoned', 'info', 'Change 270000 was abandoned (“Old idea”).', undefined],
      [
        4,
        'bug-other-project',
        'warning',
        'Bug 1507499 (“DVR flows missing”) is filed against neutron, not nova. Did you mean <https://bugs.launchpad.net/neutron/+bug/1507499>?',
        'https://bugs.launchpad.net/neutron/+bug/1507499',
      ],
      [5, 'bug-not-found', 'warning', 'Bug 4242424 was not found on Launchpad: a mistyped number, or a private bug.', undefined],
      [6, 'blueprint-not-found', 'warning', 'Blueprint nope was not found in neutron on Launchpad.', undefined],
    ]);
    const quiet = factDiagnostics(report.links, resultOf, { 'review-abandoned': 'off', 'bug-other-project': 'error' });
    assert.deepEqual(
      quiet.map((d) => [d.code, d.severity]),
      [
        ['review-not-found', 'warning'],
        ['bug-other-project', 'error'],
        ['bug-not-found', 'warning'],
        ['blueprint-not-found', 'warning'],
      ],
    );
  });

  it('never asks about a malformed link, and asks about each change once', async () => {
    await lookUp(s, '- https://review.openstack.org/#c/283798/\n- https://review.openstack.org/#/c/283798/ again https://review.openstack.org/#/c/283798/1\n');
    assert.deepEqual(s.requests, ['/gerrit/changes/283798']);
  });

  it('gives up on a host that does not answer in time, and asks it nothing more', async () => {
    s.faults.set('/gerrit/changes/283798', { type: 'slow', ms: 5000 });
    const started = Date.now();
    const { run, report, resultOf } = await lookUp(s, DRAFT, { timeoutMs: 300, perHost: 1 });
    assert.ok(Date.now() - started < 3000);
    assert.deepEqual(run.trouble.get(`Gerrit at ${new URL(s.origin).host}/gerrit`), 'no answer within 0.3 s');
    assert.equal(s.requests.filter((p) => p.startsWith('/gerrit')).length, 1);
    // no facts, so no diagnostics for its links; the other services' links still checked
    assert.deepEqual(
      factDiagnostics(report.links, resultOf).map((d) => d.code),
      ['bug-other-project', 'bug-not-found', 'blueprint-not-found'],
    );
  });

  it('retries a 500 twice with growing pauses, then counts the host out', async () => {
    s.faults.set('/gerrit/*', { type: 'status', status: 500 });
    const { run } = await lookUp(s, '- https://review.openstack.org/#/c/283798/\n- https://review.openstack.org/#/c/282876/\n', { perHost: 1 });
    assert.equal(run.trouble.get(`Gerrit at ${new URL(s.origin).host}/gerrit`), 'HTTP 500');
    assert.deepEqual(s.requests, ['/gerrit/changes/283798', '/gerrit/changes/283798', '/gerrit/changes/283798']);
  });

  it('waits as long as Retry-After says after a 429, then reads the answer', async () => {
    s.faults.set('/gerrit/changes/283798', { type: 'status', status: 429, times: 1, retryAfter: '1' });
    const started = Date.now();
    const { run } = await lookUp(s, '- https://review.openstack.org/#/c/283798/\n');
    assert.ok(Date.now() - started >= 950, 'waited for Retry-After');
    assert.equal(run.trouble.size, 0);
    assert.equal([...run.results.values()][0].state, 'found');
  });

  it('does not wait for a Retry-After longer than its limit', async () => {
    s.faults.set('/gerrit/changes/283798', { type: 'status', status: 429, retryAfter: '3600' });
    const { run } = await lookUp(s, '- https://review.openstack.org/#/c/283798/\n');
    assert.equal(run.trouble.get(`Gerrit at ${new URL(s.origin).host}/gerrit`), 'too many requests (HTTP 429)');
    assert.equal(s.requests.length, 1);
  });

  it('fails one link, not its host, on malformed JSON or an answer over the size cap', async () => {
    s.faults.set('/gerrit/changes/283798', { type: 'malformed' });
    s.faults.set('/launchpad/bugs/1507499', { type: 'huge', bytes: 3000 });
    const { run } = await lookUp(
      s,
      '- https://review.openstack.org/#/c/283798/ https://review.openstack.org/#/c/270000/\n- https://bugs.launchpad.net/nova/+bug/1507499\n',
      { maxBytes: 2000 },
    );
    const states = [...run.results.values()].map((r) => (r.state === 'failed' ? r.reason : r.state));
    assert.deepEqual(states.sort(), ['answer over the 2000-byte limit', 'found', 'unreadable answer (not JSON)'].sort());
  });

  it('refuses a redirect to another host, and follows one within the host', async () => {
    s.faults.set('/gerrit/changes/283798', { type: 'redirect', location: 'http://example.invalid/changes/283798' });
    s.faults.set('/storyboard/stories/2004567', { type: 'redirect', location: '/storyboard/tasks/1' });
    const sb = await lookUp(s, '- https://storyboard.openstack.org/#!/story/2004567\n');
    assert.equal([...sb.run.results.values()][0].state, 'not-found', 'followed to /storyboard/tasks/1, which is not there');
    const { run } = await lookUp(s, '- https://review.openstack.org/#/c/283798/\n');
    assert.equal(run.trouble.get(`Gerrit at ${new URL(s.origin).host}/gerrit`), 'redirected to example.invalid, which Midcycle does not follow');
  });

  it('keeps answers for their time to live, never failures, and reads its own file back', async () => {
    let now = 1_000_000;
    const cache = new FactsCache(60_000);
    const options = { cache, now: () => now };
    s.faults.set('/gerrit/changes/282876', { type: 'status', status: 404 });
    s.faults.set('/gerrit/changes/270000', { type: 'malformed' });
    const text = '- https://review.openstack.org/#/c/283798/ https://review.openstack.org/#/c/282876/ https://review.openstack.org/#/c/270000/\n';
    await lookUp(s, text, options);
    assert.equal(s.requests.length, 3);
    await lookUp(s, text, options);
    assert.deepEqual(s.requests.slice(3), ['/gerrit/changes/270000'], 'only the failure asked again');
    const copy = FactsCache.fromJson(cache.toJson(), 60_000, now);
    await lookUp(s, text, { cache: copy, now: () => now });
    assert.deepEqual(s.requests.slice(4), ['/gerrit/changes/270000']);
    now += 60_000;
    await lookUp(s, text, options);
    assert.equal(s.requests.length, 8, 'all asked again once the time to live is over');
    assert.equal(FactsCache.fromJson('{"version":1,"entries":{"x":{"at":1,"result":{"state":"pwned"}}}}', 60_000, 2).get('x', 2), undefined);
    assert.equal(FactsCache.fromJson('not json', 60_000).get('x'), undefined);
  });

  it('asks a Gerrit at https://<host> unless told, and review.openstack.org at review.opendev.org where it moved', () => {
    const [a, b] = parseReport('https://review.openstack.org/#/c/1/ https://review.opendev.org/c/openstack/nova/+/2\n').links;
    const defaults = { gerrit: {}, launchpad: 'https://api.launchpad.net/1.0', storyboard: {} };
    assert.equal(factsRequest(a, defaults)?.url, 'https://review.opendev.org/changes/1');
    assert.equal(factsRequest(b, defaults)?.url, 'https://review.opendev.org/changes/2');
    // pointed elsewhere, review.opendev.org takes review.openstack.org's links along, unless that one is pointed too
    const mirror = { ...defaults, gerrit: { 'review.opendev.org': 'http://127.0.0.1:8080' } };
    assert.equal(factsRequest(a, mirror)?.url, 'http://127.0.0.1:8080/changes/1');
    assert.equal(
      factsRequest(a, { ...defaults, gerrit: { ...mirror.gerrit, 'review.openstack.org': 'http://127.0.0.1:9090' } })?.url,
      'http://127.0.0.1:9090/changes/1',
    );
    // one base for every service (a test server): still one API each, so one that stalls stops only its own
    const [r, bug] = parseReport('https://review.openstack.org/#/c/1/ https://bugs.launchpad.net/nova/+bug/2\n').links;
    const shared = { gerrit: { 'review.openstack.org': 'http://127.0.0.1:8080/' }, launchpad: 'http://127.0.0.1:8080', storyboard: {} };
    assert.deepEqual([factsRequest(r, shared)?.service, factsRequest(bug, shared)?.service], ['Gerrit at 127.0.0.1:8080', 'Launchpad at 127.0.0.1:8080']);
    assert.equal(factsRequest(bug, shared)?.url, 'http://127.0.0.1:8080/bugs/2');
  });
});

describe('link facts: the cache file and the run', () => {
  let s: FakeServices;
  beforeEach(async () => {
    s = await startFakeServices(DATA);
  });
  afterEach(() => s.close());

  it('merges with the file when saved: answers of other runs kept, the newer of two kept, a refresh not undone', () => {
    const found = (title: string): FactsResult => ({ state: 'found', facts: { kind: 'review', title } });
    const ours = new FactsCache(60_000);
    ours.set('a', found('ours'), 1000);
    ours.set('b', found('ours, older'), 1000);
    ours.set('c', found('to be refreshed'), 1000);
    ours.drop(['c'], 1500);
    const theirs = new FactsCache(60_000);
    theirs.set('b', found('theirs, newer'), 1200);
    theirs.set('c', found('theirs, before the refresh'), 1100);
    theirs.set('d', found('theirs only'), 1100);
    const merged = FactsCache.fromJson(ours.mergedJson(theirs.toJson(), 2000), 60_000, 2000);
    const title = (url: string) => {
      const r = merged.get(url, 2000);
      return r?.state === 'found' ? r.facts.title : r?.state;
    };
    assert.deepEqual(['a', 'b', 'c', 'd'].map(title), ['ours', 'theirs, newer', undefined, 'theirs only']);
    assert.equal(ours.mergedJson('{"version":2,"entries":{}}'), undefined, "a newer Midcycle's file is left alone");
    assert.equal(JSON.parse(ours.mergedJson('not json', 2000)!).version, 1);
  });

  it("stops a run at its cap of requests, leaves the rest unasked and says so; a service's control characters removed", async () => {
    const text = '- https://review.openstack.org/#/c/283798/ https://review.openstack.org/#/c/282876/ https://review.openstack.org/#/c/270000/\n';
    const { run } = await lookUp(s, text, { maxRequests: 2, perHost: 1 });
    assert.deepEqual(
      [...run.results.values()].map((r) => r.state),
      ['found', 'found', 'failed'],
    );
    assert.deepEqual(run.limit, { reached: '2 requests', unasked: 1 });
    assert.equal(run.trouble.size, 0, 'a cap reached is not a service in trouble');
    await s.close();
    s = await startFakeServices({ changes: { 1: { subject: 'A\x1b]0;title\x07 \x9b2Jchange\r', status: 'NEW\x1b[0m' as 'NEW', project: 'p' } } });
    const one = await lookUp(s, '- https://review.openstack.org/#/c/1/\n');
    assert.deepEqual([...one.run.results.values()][0], {
      state: 'found',
      facts: { kind: 'review', title: 'A]0;title 2Jchange', status: 'NEW[0m', project: 'p' },
    });
  });
});
