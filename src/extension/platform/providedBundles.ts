// On the web, the bundles that src/core requires synchronously (its *Bundle.ts accessors, e.g.
// `require('./actionItems')` for the words list) cannot be required: there are no files to require
// in a web worker. The web build (scripts/build.mjs) points those requires here instead, and the web
// entry (webExtension.ts) loads each bundle (webPlatform.ts) and provides it before the first draft is
// read. The core stays as it is: it still asks for its bundle when it first needs it.

const provided = new Map<string, unknown>();

export function provideBundle(name: string, exports: unknown): void {
  provided.set(name, exports);
}

/** What the core's `require('./<name>')` returns in the web build. */
export function providedBundle(name: string): unknown {
  if (!provided.has(name)) throw new Error(`Midcycle's ${name} bundle is not loaded in VS Code for the Web`);
  return provided.get(name);
}
