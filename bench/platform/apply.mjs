/**
 * `apply` write throughput on one engine: N fresh people apply to the demo
 * community through the use case (no HTTP: the sign-in rate limit would be the
 * bottleneck), C at a time. Prints one JSON line: applications/s, p50 and p99.
 * The database is given by DATA_DIR or DATABASE_URL and must hold the demo.
 *
 *   node bench/platform/apply.mjs <slug> [--n 2000] [--concurrency 20]
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../build.mjs';

const args = process.argv.slice(2);
const slug = args[0];
const opt = (name, dflt) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : dflt);
const n = opt('--n', 2000);
const concurrency = opt('--concurrency', 20);

const dist = (p) => import(join(root, 'dist', p));
const { loadConfig } = await dist('app/config.js');
const { createContext } = await dist('app/server.js');
const { newId } = await dist('kernel/ids.js');
const gate = existsSync(join(root, 'dist/features/gate/index.js')) ? await dist('features/gate/index.js') : await dist('features/gate/service.js');

const ctx = await createContext(loadConfig());
const at = new Date().toISOString();
const people = Array.from({ length: n }, (_, i) => ({
  id: newId(),
  email: `bench-${i}-${Date.now()}@bench.local`,
  passwordHash: 'x',
  displayName: `申请人 ${i}`,
  locale: null,
  createdAt: at,
  updatedAt: at,
}));
for (let i = 0; i < people.length; i += 200) await ctx.db.kysely.insertInto('users').values(people.slice(i, i + 200)).execute();

const answers = { years: '3to5', work: '产品经理', plan: 'exam', why: '在职备考时间太紧，想找一群同路人互相督促。' };
const latencies = [];
let next = 0;
const started = process.hrtime.bigint();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < people.length) {
      const person = people[next++];
      const t = process.hrtime.bigint();
      await gate.apply(ctx, slug, person.id, { answers });
      latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  }),
);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
latencies.sort((a, b) => a - b);
const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
console.log(JSON.stringify({ engine: ctx.db.dialect, n, concurrency, perSecond: n / seconds, p50: pct(50), p99: pct(99) }));
await ctx.db.close();
