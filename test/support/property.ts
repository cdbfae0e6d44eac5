/**
 * Parameters for every fast-check `assert`: the run's seed and a scaled number of runs
 * (test/support/property-config.ts). Pass `runs(n)` instead of `{ numRuns: n }`.
 */
import type { Parameters } from 'fast-check';
import { inject } from 'vitest';
import type { PropertySettings } from './property-config.js';

declare module 'vitest' {
  export interface ProvidedContext {
    property: PropertySettings;
  }
}

export function runs<T>(numRuns: number, extra: Parameters<T> = {}): Parameters<T> {
  const { seed, scale } = inject('property');
  return { ...extra, seed, numRuns: numRuns * scale };
}
