import { defineConfig } from 'vitest/config';
import { propertySettings } from './test/support/property-config.js';

// The unit tests `npm run mutate` reruns against each mutant of the pure rule modules
// (stryker.config.mjs): fast, no database, no browser, no property runs.
export default defineConfig({
  test: {
    include: [
      'src/features/communities/rules.test.ts',
      'src/features/communities/policy.test.ts',
      'src/features/gate/screening.test.ts',
      'src/features/gate/rules.test.ts',
      'src/features/gate/admission.test.ts',
      'src/features/pruning/rules.test.ts',
      'src/engine/health/verdict.test.ts',
      'src/engine/health/verdict-score.test.ts',
      'src/engine/health/stats.test.ts',
    ],
    testTimeout: 30_000,
    provide: { property: propertySettings() },
  },
});
