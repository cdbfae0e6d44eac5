/**
 * Starts the BUILT server (dist/) the way `shequn serve` does, plus what only tests may have:
 * a clock that starts at a fixed moment and the route that moves it (./testing-clock.ts).
 * Run with tsx, which compiles this file and the clock; the server itself is the built one.
 *
 *   node --import tsx test/support/launch-server.ts --clock 2026-03-01T08:00:00Z [--no-demo]
 *
 * Configuration comes from the environment as for `shequn serve` (PORT, DATA_DIR, DATABASE_URL…).
 */
import type { serve as Serve } from '../../src/app/serve.js';
import { ShiftedClock, testingClockRoutes } from './testing-clock.js';

const args = process.argv.slice(2);
const at = args.indexOf('--clock');
if (at < 0 || !args[at + 1] || Number.isNaN(Date.parse(args[at + 1]!))) {
  console.error('usage: launch-server.ts --clock <ISO date> [--no-demo]');
  process.exit(2);
}
const clock = new ShiftedClock(args[at + 1]!);
// A path the type checker does not follow: dist/ has no declarations; the types are src/'s.
const built = '../../dist/app/serve.js';
const { serve } = (await import(built)) as { serve: typeof Serve };
await serve({ demo: !args.includes('--no-demo'), clock, extraRoutes: [testingClockRoutes(clock)] });
console.warn(`test launcher: the clock started at ${args[at + 1]} and POST /api/testing/clock moves it`);
