// Reading a pad's text from its etherpad, against a stand-in on 127.0.0.1: where the text export
// is, the hosts a pad may be read from, and every way it fails said in one line.
import * as assert from 'node:assert/strict';
import { padLocation, PadError, readPad } from '../../../../src/core/import/padText';
import { startFakeEtherpad, type FakeEtherpad } from '../../helpers/fakeEtherpad';

const HOSTS = ['etherpad.opendev.org', 'etherpad.openstack.org'];

describe("a pad's address", () => {
  it("reads <pad URL>/export/txt by the URL's own scheme, whatever page of the pad is given", () => {
    assert.deepEqual(padLocation('https://etherpad.opendev.org/p/nova-ptg', HOSTS), {
      pad: 'https://etherpad.opendev.org/p/nova-ptg',
      exportUrl: 'https://etherpad.opendev.org/p/nova-ptg/export/txt',
      name: 'nova-ptg',
    });
    assert.equal(
      padLocation('https://etherpad.opendev.org/p/nova-ptg/timeslider#5?x=1', HOSTS).exportUrl,
      'https://etherpad.opendev.org/p/nova-ptg/export/txt',
    );
    assert.equal(padLocation('http://127.0.0.1:9001/pads/p/x%20y', ['127.0.0.1:9001']).exportUrl, 'http://127.0.0.1:9001/pads/p/x%20y/export/txt');
    assert.equal(padLocation('http://127.0.0.1:9001/pads/p/x%20y', ['127.0.0.1:9001']).name, 'x y');
  });

  it("reads etherpad.openstack.org's pads where they moved, etherpad.opendev.org (a redirect off the host is refused)", () => {
    assert.equal(
      padLocation('https://etherpad.openstack.org/p/neutron-mitaka-midcycle', HOSTS).exportUrl,
      'https://etherpad.opendev.org/p/neutron-mitaka-midcycle/export/txt',
    );
  });

  it('refuses, in one line, a host that is no etherpad host, a port not named, an address that names no pad, another scheme', () => {
    const refused = (address: string, hosts = HOSTS) => {
      try {
        padLocation(address, hosts);
      } catch (e) {
        assert.ok(e instanceof PadError);
        assert.ok(!e.message.includes('\n'));
        return e.message;
      }
      return assert.fail(`${address} was accepted`);
    };
    assert.equal(
      refused('https://pads.example.org/p/x'),
      'pads.example.org is not an etherpad host Midcycle knows (etherpad.opendev.org, etherpad.openstack.org): add it with --etherpad-host pads.example.org (in VS Code, the midcycle.hosts.etherpad setting)',
    );
    assert.match(refused('http://127.0.0.1:9002/p/x', ['127.0.0.1:9001']), /^127\.0\.0\.1:9002 is not an etherpad host/);
    assert.equal(
      refused('https://etherpad.opendev.org/nova'),
      "https://etherpad.opendev.org/nova names no pad (an etherpad's address is https://etherpad.opendev.org/p/<name>)",
    );
    assert.equal(refused('ftp://etherpad.opendev.org/p/x'), 'ftp://etherpad.opendev.org/p/x is not an http or https address');
  });
});

describe("a pad's text, read from a stand-in etherpad", () => {
  let pad: FakeEtherpad;
  before(async () => {
    pad = await startFakeEtherpad({ notes: 'Nova sync\n\t* gate is green\n' });
  });
  after(() => pad.close());
  const read = (name: string, options: { timeoutMs?: number; maxBytes?: number } = {}) =>
    readPad(padLocation(`${pad.origin}/p/${name}`, [pad.host]), { fetch, userAgent: 'midcycle/test (CLI; meeting notes)', backoffMs: 1, ...options });
  const failure = async (name: string, options?: { timeoutMs?: number; maxBytes?: number }) => {
    try {
      await read(name, options);
    } catch (e) {
      assert.ok(e instanceof PadError, String(e));
      assert.ok(!e.message.includes('\n'), 'one line');
      return e.message;
    }
    return assert.fail(`${name} was read`);
  };

  it('reads the text as the etherpad exports it, saying who asks', async () => {
    assert.equal(await read('notes'), 'Nova sync\n\t* gate is green\n');
    assert.deepEqual(pad.requests.at(-1), { path: '/p/notes/export/txt', userAgent: 'midcycle/test (CLI; meeting notes)' });
  });

  it('says there is no such pad (404)', async () => {
    assert.equal(await failure('nope'), `cannot read the pad ${pad.origin}/p/nope: there is no such pad (HTTP 404)`);
  });

  it('gives up on a pad that does not answer in time', async () => {
    pad.faults.set('slow', { type: 'slow', ms: 2000 });
    assert.equal(await failure('slow', { timeoutMs: 200 }), `cannot read the pad ${pad.origin}/p/slow: no answer within 0.2 s`);
  });

  it('stops reading a pad over the size cap, announced or streamed', async () => {
    pad.faults.set('huge', { type: 'huge', bytes: 5000 });
    assert.equal(await failure('huge', { maxBytes: 1000 }), `cannot read the pad ${pad.origin}/p/huge: answer over the 1000-byte limit`);
    pad.faults.set('announced', { type: 'huge', bytes: 5000, announced: true });
    assert.equal(
      await failure('announced', { maxBytes: 1000 }),
      `cannot read the pad ${pad.origin}/p/announced: answer of 5000 bytes, over the 1000-byte limit`,
    );
  });

  it('follows no redirect off the host; one within it, it does', async () => {
    pad.faults.set('away', { type: 'redirect', location: 'https://evil.example/p/away/export/txt' });
    assert.equal(await failure('away'), `cannot read the pad ${pad.origin}/p/away: redirected to evil.example, which Midcycle does not follow`);
    pad.faults.set('moved', { type: 'redirect', location: '/p/notes/export/txt' });
    assert.equal(await read('moved'), 'Nova sync\n\t* gate is green\n');
  });

  it('says a private pad is not public, an error page is no pad, and a failing server its status after retrying', async () => {
    pad.faults.set('private', { type: 'status', status: 403 });
    assert.equal(await failure('private'), `cannot read the pad ${pad.origin}/p/private: the pad is not public (HTTP 403)`);
    pad.faults.set('login', { type: 'html' });
    assert.equal(await failure('login'), `cannot read the pad ${pad.origin}/p/login: the answer is a web page, not the text of a pad`);
    pad.faults.set('down', { type: 'status', status: 503 });
    const before = pad.requests.length;
    assert.equal(await failure('down'), `cannot read the pad ${pad.origin}/p/down: HTTP 503`);
    assert.equal(pad.requests.length - before, 3, 'asked three times');
  });

  it('says when nothing answers at all', async () => {
    const closed = await startFakeEtherpad();
    const location = padLocation(`${closed.origin}/p/x`, [closed.host]);
    await closed.close();
    await assert.rejects(readPad(location, { fetch, userAgent: 'x' }), { message: `cannot read the pad ${closed.origin}/p/x: connection refused` });
  });
});
