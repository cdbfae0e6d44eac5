/**
 * Seed and size of the property tests (fast-check), read once by the vitest configs and
 * handed to the tests through `provide` (test/support/property.ts reads it back).
 *
 * By default every run uses the same seed, so `npm test` and CI are reproducible; a
 * failure prints its seed and path, and the counterexample is kept as a regression
 * example. `npm run test:long` (scripts/test-long.mjs) runs many more cases on a new seed.
 */
export const DEFAULT_PROPERTY_SEED = 20_261_201;

export interface PropertySettings {
  seed: number;
  /** Multiplies each property's own number of runs. */
  scale: number;
}

/** SHEQUN_PROPERTY_SEED: a number, or "random"; SHEQUN_PROPERTY_SCALE: a positive integer. */
export function propertySettings(env: NodeJS.ProcessEnv = process.env): PropertySettings {
  const rawSeed = env.SHEQUN_PROPERTY_SEED;
  const seed = rawSeed === 'random' ? Math.floor(Math.random() * 2 ** 31) : rawSeed ? Number(rawSeed) : DEFAULT_PROPERTY_SEED;
  const scale = env.SHEQUN_PROPERTY_SCALE ? Number(env.SHEQUN_PROPERTY_SCALE) : 1;
  if (!Number.isInteger(seed)) throw new Error(`SHEQUN_PROPERTY_SEED must be an integer or "random", not "${rawSeed}"`);
  if (!Number.isInteger(scale) || scale < 1) throw new Error(`SHEQUN_PROPERTY_SCALE must be a positive integer, not "${env.SHEQUN_PROPERTY_SCALE}"`);
  if (seed !== DEFAULT_PROPERTY_SEED || scale !== 1) console.log(`property tests: seed ${seed}, runs ×${scale} (SHEQUN_PROPERTY_SEED=${seed} reproduces this run)`);
  return { seed, scale };
}
