import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../app/config.js';
import { buildServer, createContext } from '../app/server.js';
import { openTestDb, type TestDb } from '../kernel/db/testing.js';
import { startTestApp, TestClient, type TestApp } from '../kernel/http/testing.js';
import { ShiftedClock } from './testing-clock.js';

describe('the test-only clock', () => {
  let t: TestApp | undefined;
  let db: TestDb | undefined;
  afterEach(async () => {
    await t?.close();
    await db?.destroy();
    t = undefined;
    db = undefined;
  });

  it('does not exist unless SHEQUN_FAKE_NOW is set', async () => {
    t = await startTestApp('sqlite');
    const c = t.client();
    await c.post('/api/auth/signup', { email: 'a@example.com', password: 'long-enough-1', displayName: 'a' });
    expect((await c.post('/api/testing/clock', { days: 3 })).status).toBe(404);
    expect(loadConfig({}).fakeNow).toBeUndefined();
    expect(() => loadConfig({ SHEQUN_FAKE_NOW: 'next tuesday' })).toThrow(/SHEQUN_FAKE_NOW/);
  });

  it('with SHEQUN_FAKE_NOW, starts there and moves forward for signed-in callers only', async () => {
    db = await openTestDb('sqlite');
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SHEQUN_FAKE_NOW: '2026-03-01T08:00:00Z', DATA_DIR: db.sqlitePath!.replace(/\/test\.db$/, '') });
    const ctx = await createContext({ ...config, sqlitePath: db.sqlitePath! });
    expect(ctx.clock).toBeInstanceOf(ShiftedClock);
    const app = await buildServer(ctx);
    try {
      const c = new TestClient(app);
      expect((await c.post('/api/testing/clock', { days: 1 })).status).toBe(403);
      await c.post('/api/auth/signup', { email: 'b@example.com', password: 'long-enough-1', displayName: 'b' });
      const moved = await c.post('/api/testing/clock', { days: 11 });
      expect(moved.status).toBe(200);
      expect(moved.body.now.slice(0, 10)).toBe('2026-03-12');
      // Sessions, events and the sweep all read this clock: the signed-in session is still valid 11 days later.
      expect((await c.get('/api/auth/me')).body.user.email).toBe('b@example.com');
    } finally {
      await app.close();
      await ctx.db.close();
    }
  });
});
