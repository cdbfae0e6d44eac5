import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config.js';
import { buildServer, createContext } from '../../src/app/server.js';
import { systemClock } from '../../src/kernel/clock.js';
import { openTestDb, type TestDb } from '../../src/kernel/db/testing.js';
import { TestClient } from '../../src/kernel/http/testing.js';
import { ShiftedClock, testingClockRoutes } from './testing-clock.js';

const PASSWORD = 'long-enough-1';

describe('the test-only clock', () => {
  let db: TestDb | undefined;
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    await db?.destroy();
    close = db = undefined;
  });

  async function server(env: Record<string, string>, extra?: (clock: ShiftedClock) => Parameters<typeof buildServer>[1]) {
    db = await openTestDb('sqlite');
    const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env }), sqlitePath: db.sqlitePath! };
    const clock = new ShiftedClock('2026-03-01T08:00:00Z');
    const ctx = await createContext(config, extra ? clock : undefined);
    const app = await buildServer(ctx, extra?.(clock));
    close = async () => {
      await app.close();
      await ctx.db.close();
    };
    return { ctx, client: () => new TestClient(app) };
  }

  it('a server built as the CLI builds it has no clock route, whatever the environment says', async () => {
    const { ctx, client } = await server({ SHEQUN_FAKE_NOW: '2026-03-01T08:00:00Z' });
    expect(ctx.clock).toBe(systemClock);
    const c = client();
    await c.post('/api/auth/signup', { email: 'a@example.com', password: PASSWORD, displayName: 'a' });
    expect((await c.post('/api/testing/clock', { days: 3 })).status).toBe(404);
    expect((await c.get('/api/testing/clock')).status).toBe(404);
  });

  it('added in code, it moves the clock for the instance owner only', async () => {
    const { client } = await server({}, (clock) => ({ extraRoutes: [testingClockRoutes(clock)] }));
    const owner = client();
    const member = client();
    expect((await owner.post('/api/testing/clock', { days: 1 })).status).toBe(403);
    await owner.post('/api/auth/signup', { email: 'owner@example.com', password: PASSWORD, displayName: 'owner' });
    await member.post('/api/auth/signup', { email: 'member@example.com', password: PASSWORD, displayName: 'member' });
    const refused = await member.post('/api/testing/clock', { days: 30 });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    expect((await member.get('/api/testing/clock')).body.now.slice(0, 10)).toBe('2026-03-01');

    const moved = await owner.post('/api/testing/clock', { days: 11 });
    expect(moved.status).toBe(200);
    expect(moved.body.now.slice(0, 10)).toBe('2026-03-12');
    // Sessions, events and the sweep all read this clock: the signed-in session is still valid 11 days later.
    expect((await owner.get('/api/auth/me')).body.user.email).toBe('owner@example.com');
  });
});
