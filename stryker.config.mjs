// Mutation testing of the pure rule modules (`npm run mutate`, see docs/testing.md).
// Not part of `npm test`: each mutant reruns the unit tests that cover it.
/** The modules whose mutation score must stay at or above 80%. */
export const MODULES = [
  'src/features/communities/rules.ts',
  'src/features/communities/policy.ts',
  'src/features/gate/screening.ts',
  'src/features/gate/admission.ts',
  'src/features/pruning/rules.ts',
  'src/engine/health/verdict.ts',
  'src/engine/health/stats.ts',
];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: MODULES,
  testRunner: 'vitest',
  // Only the fast unit tests of these modules, never the database, browser or property suites.
  vitest: { configFile: 'vitest.mutate.config.ts', related: true },
  // The TypeScript checker cannot run: TypeScript 7 ships a native compiler whose npm package
  // has no JavaScript compiler API (docs/testing.md). Mutants that do not compile fail their tests instead.
  checkers: [],
  // Stryker rewrites `extends`/`references` of the tsconfig it copies with the TypeScript API, which
  // TypeScript 7 lacks; ours has neither, so point it at no file and the sandbox keeps tsconfig.json as is.
  tsconfigFile: 'no-tsconfig-rewrite.json',
  coverageAnalysis: 'perTest',
  // Reruns only mutants whose code or covering tests changed since the last run.
  incremental: true,
  incrementalFile: '.stryker/incremental.json',
  // A shared 2-core machine: one test process, generous timeouts.
  concurrency: 1,
  timeoutMS: 20_000,
  reporters: ['clear-text', 'json', 'progress'],
  jsonReporter: { fileName: '.stryker/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true, reportMutants: false },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  thresholds: { high: 90, low: 80, break: null },
};
