import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../app/config.js';
import { ManualClock } from '../clock.js';
import type { AppContext } from '../context.js';
import { connect, type DialectName } from '../db/connect.js';
import { DIALECTS, openTestDb, type TestDb } from '../db/testing.js';
import { createMailer } from '../mail.js';
import { createHttp, type HttpOptions } from './server.js';
import type { FastifyInstance } from 'fastify';

/** A server with a deliberately slow route: `/api/testing/slow` sleeps in the database, `/api/testing/stuck` never ends. */
async function slowServer(dialect: DialectName, options: HttpOptions, statementTimeoutMs = 60_000) {
  const testDb = await openTestDb(dialect);
  const db = connect({ databaseUrl: testDb.databaseUrl, pgSchema: testDb.pgSchema, sqlitePath: testDb.sqlitePath, statementTimeoutMs });
  const clock = new ManualClock('2026-03-01T08:00:00.000Z');
  const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), isTest: true, statementTimeoutMs };
  const ctx: AppContext = { config, db, clock, mailer: createMailer({ from: config.mailFrom, clock }) };
  const app = await createHttp(ctx, options);
  app.get('/api/testing/slow', async () => {
    await sql`select pg_sleep(30)`.execute(db.kysely);
    return { done: true };
  });
  app.get('/api/testing/stuck', () => new Promise(() => {}));
  await app.ready();
  const closeDb = once(() => db.close());
  opened.push({ app, testDb, closeDb });
  return { app, testDb, closeDb };
}

const opened: { app: FastifyInstance; testDb: TestDb; closeDb: () => Promise<void> }[] = [];
afterEach(async () => {
  for (const o of opened.splice(0)) {
    await o.app.close();
    await o.closeDb();
    await o.testDb.destroy();
  }
});

function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= fn());
}

describe.each(DIALECTS)('request deadline on %s', (dialect) => {
  it('a request still running at its deadline is answered 503 timeout, and the health probe still answers', async () => {
    const { app } = await slowServer(dialect, { requestTimeoutMs: 200 });
    const [stuck, health] = await Promise.all([app.inject({ url: '/api/testing/stuck' }), app.inject({ url: '/healthz' })]);
    expect(stuck.statusCode).toBe(503);
    expect(stuck.json()).toEqual({ error: { code: 'timeout', message: expect.stringContaining('200 ms') } });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ ok: true, database: dialect });
  });

  it('/healthz says degraded when the database answers slower than the threshold, down (503) when it does not answer', async () => {
    const { app, closeDb } = await slowServer(dialect, { health: { degradedDbMs: -1, degradedLagMs: 10_000, downMs: 10_000 } });
    const slow = await app.inject({ url: '/healthz' });
    expect(slow.statusCode).toBe(200);
    expect(slow.json()).toMatchObject({ ok: true, status: 'degraded' });
    await closeDb();
    const down = await app.inject({ url: '/healthz' });
    expect(down.statusCode).toBe(503);
    expect(down.json()).toMatchObject({ ok: false, status: 'down' });
  });
});

describe('statement timeout on postgres', () => {
  it('a slow query is cancelled by the database and the client gets 503 timeout with an error body', async () => {
    const { app, testDb } = await slowServer('postgres', { requestTimeoutMs: 60_000 }, 300);
    const res = await app.inject({ url: '/api/testing/slow' });
    expect(res.statusCode).toBe(503);
    expect(res.json().error.code).toBe('timeout');
    // the query is gone from the server, not just abandoned by the client
    const running = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where query like 'select pg_sleep(30)%' and state = 'active'`.execute(testDb.kysely);
    expect(running.rows[0]!.n).toBe(0);
  });
});
