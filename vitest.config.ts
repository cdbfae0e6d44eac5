import { defineConfig } from 'vitest/config';
import { propertySettings } from './test/support/property-config.js';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.{ts,tsx}'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // fast-check seed and runs: fixed unless SHEQUN_PROPERTY_SEED / _SCALE say otherwise
    provide: { property: propertySettings() },
    // e2e tests start a server and Chromium; they run in their own project below
    projects: undefined,
  },
});
