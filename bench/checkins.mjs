/**
 * Check-in throughput (打卡): 1,000 members checking in at once, and one member
 * sending 1,000 check-ins at once (all but the first edit it), through the
 * use case on the built server code, on SQLite and, when reachable, PostgreSQL.
 *
 *   node bench/checkins.mjs [--members 1000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const dist = (p) => new URL(`../dist/${p}`, import.meta.url).href;
const { connect } = await import(dist('kernel/db/connect.js'));
const { migrateToLatest } = await import(dist('kernel/db/migrate.js'));
const { loadConfig } = await import(dist('app/config.js'));
const { createMailer } = await import(dist('kernel/mail.js'));
const { newId } = await import(dist('kernel/ids.js'));
const { createCommunity } = await import(dist('features/communities/index.js'));
const { checkIn, createChallenge, joinChallenge } = await import(dist('features/activities/index.js'));

const args = process.argv.slice(2);
const N = args.includes('--members') ? Number(args[args.indexOf('--members') + 1]) : 1000;
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function setup(db) {
  await migrateToLatest(db);
  const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), isTest: true };
  const clock = { now: () => new Date() };
  const ctx = { config, db, clock, mailer: createMailer({ from: config.mailFrom, clock }) };
  const at = new Date().toISOString();
  const ids = Array.from({ length: N + 1 }, () => newId());
  for (let i = 0; i < ids.length; i += 200) {
    await db.kysely.insertInto('users').values(ids.slice(i, i + 200).map((id) => ({ id, email: `${id}@bench.local`, passwordHash: 'x', displayName: id.slice(-6), locale: 'en', createdAt: at, updatedAt: at }))).execute();
  }
  const [owner, ...members] = ids;
  const { community } = await createCommunity(ctx, owner, { slug: 'bench', name: 'Bench', type: 'action', sharedNeed: 'x', valuePromise: 'x', norms: '', entryCriteria: '' });
  for (let i = 0; i < members.length; i += 200) {
    await db.kysely
      .insertInto('memberships')
      .values(members.slice(i, i + 200).map((userId) => ({ id: newId(), communityId: community.id, userId, state: 'member', role: 'member', createdAt: at, joinedAt: at, endedAt: null, endReason: null, updatedAt: at })))
      .execute();
  }
  const { id } = await createChallenge(ctx, 'bench', owner, { title: '每日一练', period: 'daily' });
  for (const m of members) await joinChallenge(ctx, 'bench', m, id);
  return { ctx, members, id };
}

async function timed(fn) {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

async function run(engine, db) {
  const { ctx, members, id } = await setup(db);
  const many = await timed(() => Promise.all(members.map((m) => checkIn(ctx, 'bench', m, id, { text: 'done' }))));
  const one = await timed(() => Promise.all(members.map((_, i) => checkIn(ctx, 'bench', members[0], id, { text: `edit ${i}` }))));
  const stored = (await db.kysely.selectFrom('checkins').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n;
  return [
    { engine, case: `${N} members, one check-in each, at once`, 's': many.toFixed(2), 'check-ins/s': Math.round(N / many), 'check-in rows after': Number(stored) },
    { engine, case: `one member, ${N} check-ins at once (1 stored, rest edit)`, 's': one.toFixed(2), 'check-ins/s': Math.round(N / one), 'check-in rows after': Number(stored) },
  ];
}

const rows = [];
const dir = mkdtempSync(join(tmpdir(), 'shequn-bench-checkins-'));
try {
  const sqlite = connect({ sqlitePath: join(dir, 'bench.db') });
  rows.push(...(await run('SQLite', sqlite)));
  await sqlite.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const schema = `bench_${process.pid}`;
const admin = new pg.Client({ connectionString: PG_URL });
try {
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const db = connect({ databaseUrl: PG_URL, pgSchema: schema });
  try {
    rows.push(...(await run('PostgreSQL', db)));
  } finally {
    await db.close();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
  }
} catch (err) {
  console.error(`PostgreSQL skipped: ${err.message}`);
} finally {
  await admin.end().catch(() => undefined);
}
console.log(`\nCheck-in throughput (打卡), node ${process.version}`);
console.table(rows);
