/**
 * Several app processes behind one address share the sign-in limit through Redis (REDIS_URL):
 * two app instances over one database and the real Redis on 6379, each asked in turn.
 */
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../app/config.js';
import { buildServer, createContext } from '../../app/server.js';
import { openTestDb, type TestDb } from '../db/testing.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const LIMIT = 3;

let db: TestDb;
let closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  db = await openTestDb('sqlite');
});
afterEach(async () => {
  for (const close of closers) await close();
  closers = [];
});
afterAll(async () => {
  await db?.destroy();
});

/** One app process: its own context and connection over the shared database file. */
async function instance(redisUrl?: string): Promise<FastifyInstance> {
  const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...(redisUrl ? { REDIS_URL: redisUrl } : {}) }), sqlitePath: db.sqlitePath! };
  const ctx = await createContext(config);
  const app = await buildServer(ctx, { authRateLimit: LIMIT });
  await app.ready();
  closers.push(async () => {
    await app.close();
    await ctx.db.close();
  });
  return app;
}

/** A random address per test, so runs sharing the Redis server do not share counters. */
const someAddress = () => `10.${[0, 0, 0].map(() => Math.floor(Math.random() * 254) + 1).join('.')}`;

/** A wrong-password sign-in from `address`, with the CSRF token a browser would have. */
async function signIn(app: FastifyInstance, address: string): Promise<number> {
  const csrf = await app.inject({ method: 'GET', url: '/api/csrf', remoteAddress: address });
  const cookie = csrf.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/signin',
    remoteAddress: address,
    headers: { cookie, 'x-csrf-token': csrf.json().token },
    payload: { email: 'nobody@example.com', password: 'not-the-password' },
  });
  return res.statusCode;
}

async function forget(address: string) {
  const redis = new Redis(REDIS_URL);
  try {
    const keys = await redis.keys(`*${address}*`);
    if (keys.length) await redis.del(...keys);
  } finally {
    await redis.quit();
  }
}

describe('the sign-in rate limit across app instances', () => {
  it('with Redis, two instances count one limit: the fourth attempt is refused by either', async () => {
    const [a, b] = [await instance(REDIS_URL), await instance(REDIS_URL)];
    const [address, other] = [someAddress(), someAddress()];
    try {
      expect([await signIn(a!, address), await signIn(b!, address), await signIn(a!, address)]).toEqual([401, 401, 401]);
      expect(await signIn(b!, address)).toBe(429);
      expect(await signIn(a!, address)).toBe(429);
      // The limit is per address: another visitor is still answered.
      expect(await signIn(b!, other)).toBe(401);
    } finally {
      await forget(address);
      await forget(other);
    }
  });

  it('without Redis each instance counts alone, which is why a cluster needs REDIS_URL', async () => {
    const [a, b] = [await instance(), await instance()];
    const address = someAddress();
    for (let i = 0; i < LIMIT; i++) expect(await signIn(a!, address)).toBe(401);
    expect(await signIn(a!, address)).toBe(429);
    expect(await signIn(b!, address)).toBe(401);
  });
});
