// fast-check options for every property test: a fixed seed by default, so that CI is reproducible;
// MIDCYCLE_PROPERTY_SEED=random (with MIDCYCLE_PROPERTY_RUNS=10000, say) explores new cases, and
// MIDCYCLE_PROPERTY_SEED=<n> replays one. A failure prints its seed and path either way.
export function propertyOptions(defaultRuns: number): { numRuns: number; seed?: number } {
  const numRuns = Number(process.env.MIDCYCLE_PROPERTY_RUNS ?? defaultRuns);
  const seed = process.env.MIDCYCLE_PROPERTY_SEED;
  if (seed === 'random') return { numRuns };
  return { numRuns, seed: seed ? Number(seed) : 20261125 };
}
