// An etherpad stand-in on 127.0.0.1: `GET /p/<name>/export/txt` answers the pad's text as Etherpad
// does (text/plain), an unknown pad 404, with faults on demand (a slow answer, a huge one, a
// redirect, a status). Used by the unit, CLI and integration tests: nothing reaches beyond this machine.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export type PadFault =
  | { type: 'slow'; ms: number }
  | { type: 'status'; status: number }
  | { type: 'huge'; bytes: number; announced?: boolean }
  | { type: 'redirect'; location: string }
  | { type: 'html' };

export interface FakeEtherpad {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** `127.0.0.1:<port>`, as `--etherpad-host` takes it. */
  host: string;
  /** The pads' texts, by name. */
  pads: Map<string, string>;
  /** Faults by pad name. */
  faults: Map<string, PadFault>;
  /** Paths asked, in order, with the user agent that asked. */
  requests: { path: string; userAgent?: string }[];
  close(): Promise<void>;
}

export async function startFakeEtherpad(pads: Record<string, string> = {}): Promise<FakeEtherpad> {
  const texts = new Map(Object.entries(pads));
  const faults = new Map<string, PadFault>();
  const requests: { path: string; userAgent?: string }[] = [];
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    requests.push({ path, userAgent: req.headers['user-agent'] });
    const m = /^\/p\/([^/]+)\/export\/txt$/.exec(path);
    const name = m ? decodeURIComponent(m[1]) : undefined;
    const answer = () => {
      const text = name === undefined ? undefined : texts.get(name);
      if (text === undefined) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('Not Found');
        return;
      }
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(text);
    };
    const fault = name === undefined ? undefined : faults.get(name);
    if (!fault) return answer();
    switch (fault.type) {
      case 'slow':
        setTimeout(() => {
          if (!res.destroyed) answer();
        }, fault.ms).unref();
        return;
      case 'status':
        res.writeHead(fault.status, { 'content-type': 'text/plain' });
        res.end(`status ${fault.status}`);
        return;
      case 'huge':
        // without a content-length unless asked: the cap must hold on the stream itself
        res.writeHead(200, { 'content-type': 'text/plain', ...(fault.announced ? { 'content-length': String(fault.bytes) } : {}) });
        res.end('x'.repeat(fault.bytes));
        return;
      case 'redirect':
        res.writeHead(302, { location: fault.location });
        res.end();
        return;
      case 'html':
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<!doctype html><html><body>Sign in</body></html>');
        return;
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    pads: texts,
    faults,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
