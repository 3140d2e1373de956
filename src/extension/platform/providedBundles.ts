// On the web, the bundles that src/core requires synchronously (its *Bundle.ts accessors, e.g.
// `require('./actionItems')` for the action item finder) cannot be required: there are no files to
// require in a web worker. The web build (scripts/build.mjs) points those requires here instead, and
// the web entry (webExtension.ts) provides them: the action item finder loaded before the first
// draft is read; the dictionary (`englishWords`, ~500 KB) fetched only when the core first asks for
// it, which gets nothing until it is here (the core weighs owners without it for that moment, and
// the entry has every draft read again when it comes). The core stays as it is: it still asks for
// its bundle when it first needs it.

const provided = new Map<string, unknown>();
const onDemand = new Map<string, () => void>();

export function provideBundle(name: string, exports: unknown): void {
  provided.set(name, exports);
}

/** A bundle fetched when the core first asks for it: `fetch` starts that (once: it is asked at each ask until the bundle is provided). */
export function provideOnDemand(name: string, fetch: () => void): void {
  onDemand.set(name, fetch);
}

/** What the core's `require('./<name>')` returns in the web build: undefined for a bundle on demand not here yet. */
export function providedBundle(name: string): unknown {
  if (provided.has(name)) return provided.get(name);
  const fetch = onDemand.get(name);
  if (!fetch) throw new Error(`Midcycle's ${name} bundle is not loaded in VS Code for the Web`);
  fetch();
  return undefined;
}
