/**
 * The health page's timing: a community's diagnosis computed from its activity
 * log (what the refresh job or the first request does) and answered from the
 * cache (what the page does when the log has not moved), at the demo's size
 * (1×, 5,000 events) and at 100× (500,000 events), on SQLite.
 *
 *   node bench/health.mjs [--sizes 5000,500000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIfStale, root } from './build.mjs';

buildIfStale();
const dist = (p) => import(join(root, 'dist', p));
const args = process.argv.slice(2);
const sizes = args.includes('--sizes') ? args[args.indexOf('--sizes') + 1].split(',').map(Number) : [5_000, 500_000];

const { loadConfig } = await dist('app/config.js');
const { createContext } = await dist('app/server.js');
const { createCommunity } = await dist('features/communities/index.js');
const { signUp } = await dist('features/accounts/index.js');
const { healthOf } = await dist('features/health/index.js');
const { appendEvents } = await dist('kernel/activity/log.js');

/** Eight weeks of a 200-member group: posts, replies to the previous speaker, a few joins. */
function* events(n, start) {
  const span = 8 * 7 * 86_400_000;
  for (let i = 0; i < n; i++) {
    const at = new Date(start + Math.floor((i / n) * span)).toISOString();
    const actor = `m${(i * 7919) % 200}`;
    if (i < 200) yield { kind: 'member.joined', at, actorId: `m${i}`, data: { via: 'bench' } };
    else if (i % 3 === 0) yield { kind: 'content.posted', at, actorId: actor, objectType: 'message', objectId: String(i), data: { origin: 'original', textLength: 40 + (i % 200) } };
    else yield { kind: 'content.replied', at, actorId: actor, targetId: `m${(i * 104729) % 200}`, objectType: 'message', objectId: String(i), data: { origin: 'original', textLength: 30 } };
  }
}

const rows = [];
for (const n of sizes) {
  const dir = mkdtempSync(join(tmpdir(), 'shequn-bench-health-'));
  const ctx = await createContext(loadConfig({ DATA_DIR: dir, NODE_ENV: 'production', LOG_LEVEL: 'silent' }));
  try {
    const { user } = await signUp(ctx, { email: 'owner@bench.local', password: 'bench-health-2026', displayName: 'Owner' }, 'en');
    const { community } = await createCommunity(ctx, user.id, {
      slug: 'bench',
      name: 'Bench group',
      type: 'interest',
      sharedNeed: 'a shared need',
      valuePromise: 'a value promise',
      norms: 'no ads',
      entryCriteria: 'anyone',
      capacity: null,
      publicTeaser: true,
      teaser: 'bench',
    });
    let batch = [];
    const flush = () => ctx.db.kysely.transaction().execute((trx) => appendEvents(trx, community.id, batch.splice(0)));
    for (const e of events(n, Date.parse('2026-01-05T00:00:00Z'))) {
      batch.push(e);
      if (batch.length === 5000) await flush();
    }
    if (batch.length) await flush();

    const t0 = performance.now();
    const first = await healthOf(ctx, community.id, community.name);
    const computed = performance.now() - t0;
    const t1 = performance.now();
    await healthOf(ctx, community.id, community.name);
    const cached = performance.now() - t1;
    rows.push({
      events: n.toLocaleString('en'),
      'messages seen': first.source.messages.toLocaleString('en'),
      'compute s (job / first request)': (computed / 1000).toFixed(2),
      'cached ms (health page)': cached.toFixed(1),
      'peak RSS MiB': (process.resourceUsage().maxRSS / 1024).toFixed(0),
    });
  } finally {
    await ctx.db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
console.log(`\nHealth page (GET /api/communities/:slug/health) on SQLite, node ${process.version}`);
console.table(rows);
console.log('target: cached answer well under 1 s at 500,000 events');
