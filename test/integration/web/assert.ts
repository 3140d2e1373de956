// `assert`'s strict mode, as much of it as the integration suite uses, for the web worker (which
// has no node:assert): the web suite's bundle takes this for `assert` (web/run.mjs).

export class AssertionError extends Error {
  override name = 'AssertionError';
}

function fail(message: string | undefined, detail: string): never {
  throw new AssertionError(message ? `${message}\n${detail}` : detail);
}

const show = (v: unknown): string => {
  try {
    return typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v, null, 1)?.replace(/\n\s*/g, ' ') ?? String(v));
  } catch {
    return String(v);
  }
};

function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => same(x, (b as unknown[])[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && same((a as never)[k], (b as never)[k]));
}

function ok(value: unknown, message?: string): asserts value {
  if (!value) fail(message, `expected a truthy value, got ${show(value)}`);
}

export const strict = Object.assign(ok, {
  ok,
  equal(actual: unknown, expected: unknown, message?: string): void {
    if (!Object.is(actual, expected)) fail(message, `expected ${show(expected)}\n     got ${show(actual)}`);
  },
  notEqual(actual: unknown, expected: unknown, message?: string): void {
    if (Object.is(actual, expected)) fail(message, `expected anything but ${show(expected)}`);
  },
  deepEqual(actual: unknown, expected: unknown, message?: string): void {
    if (!same(actual, expected)) fail(message, `expected ${show(expected)}\n     got ${show(actual)}`);
  },
  match(actual: string, expected: RegExp, message?: string): void {
    if (!expected.test(actual)) fail(message, `expected ${show(actual)} to match ${expected}`);
  },
  doesNotMatch(actual: string, expected: RegExp, message?: string): void {
    if (expected.test(actual)) fail(message, `expected ${show(actual)} not to match ${expected}`);
  },
});

export default strict;
