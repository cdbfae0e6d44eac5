/**
 * API tests drive the real server (fastify.inject) on a real database. The
 * client keeps cookies like a browser and sends the CSRF token on writes.
 */
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../app/config.js';
import { buildServer } from '../../app/server.js';
import { ManualClock } from '../clock.js';
import type { AppContext } from '../context.js';
import { connect, type DialectName } from '../db/connect.js';
import { openTestDb, type TestDb } from '../db/testing.js';
import { createMailer } from '../mail.js';

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  db: TestDb;
  clock: ManualClock;
  client(): TestClient;
  close(): Promise<void>;
}

export interface TestAppOptions {
  authRateLimit?: number;
  now?: string;
  /** Extra environment for loadConfig (e.g. PUBLIC_URL). */
  env?: Record<string, string>;
  /** Serve this folder as the built web app. */
  webDir?: string;
}

export async function startTestApp(dialect: DialectName, opts: TestAppOptions = {}): Promise<TestApp> {
  const db = await openTestDb(dialect);
  const clock = new ManualClock(opts.now ?? '2026-03-01T08:00:00.000Z');
  const config = { ...loadConfig({ ...opts.env, NODE_ENV: 'test', LOG_LEVEL: 'silent' }), isTest: true };
  const ctx: AppContext = { config, db, clock, mailer: createMailer({ from: config.mailFrom, clock }) };
  const app = await buildServer(ctx, { authRateLimit: opts.authRateLimit ?? 1000, webDir: opts.webDir });
  await app.ready();
  return {
    app,
    ctx,
    db,
    clock,
    client: () => new TestClient(app),
    close: async () => {
      await app.close();
      await db.destroy();
    },
  };
}

/**
 * A second app instance on the same database (another process in production):
 * its own server and connection pool, the same clock. Sessions live in the
 * database, so a client's cookies work on either instance (`TestClient.on`).
 */
export async function startSecondInstance(t: TestApp): Promise<{ app: FastifyInstance; ctx: AppContext; close(): Promise<void> }> {
  const db = connect({ databaseUrl: t.db.databaseUrl, pgSchema: t.db.pgSchema, sqlitePath: t.db.sqlitePath });
  const ctx: AppContext = { ...t.ctx, db };
  const app = await buildServer(ctx, { authRateLimit: 1000 });
  await app.ready();
  return {
    app,
    ctx,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}

export interface TestResponse<T = any> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
}

export class TestClient {
  readonly cookies = new Map<string, string>();
  private csrf?: string;
  lang?: string;

  constructor(private readonly app: FastifyInstance) {}

  /** The same person (cookies) talking to another app instance. */
  on(app: FastifyInstance): TestClient {
    const other = new TestClient(app);
    for (const [k, v] of this.cookies) other.cookies.set(k, v);
    other.lang = this.lang;
    return other;
  }

  get<T = any>(url: string) {
    return this.request<T>('GET', url);
  }
  post<T = any>(url: string, body?: unknown) {
    return this.request<T>('POST', url, body);
  }
  patch<T = any>(url: string, body?: unknown) {
    return this.request<T>('PATCH', url, body);
  }
  put<T = any>(url: string, body?: unknown) {
    return this.request<T>('PUT', url, body);
  }
  delete<T = any>(url: string, body?: unknown) {
    return this.request<T>('DELETE', url, body);
  }

  /** A raw body (a file upload), sent as `contentType`. */
  upload<T = any>(url: string, bytes: string | Buffer, contentType = 'application/octet-stream') {
    return this.request<T>('POST', url, bytes, { contentType });
  }

  async request<T = any>(method: string, url: string, body?: unknown, { csrf = true, contentType }: { csrf?: boolean; contentType?: string } = {}): Promise<TestResponse<T>> {
    const headers: Record<string, string> = {};
    if (contentType) headers['content-type'] = contentType;
    if (method !== 'GET' && csrf) headers['x-csrf-token'] = await this.csrfToken();
    if (this.lang) headers['accept-language'] = this.lang;
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await this.app.inject({ method: method as 'GET', url, headers, ...(body !== undefined ? { payload: body as object } : {}) });
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    let parsed: unknown = res.body;
    if (String(res.headers['content-type'] ?? '').includes('json') && res.body) parsed = JSON.parse(res.body);
    return { status: res.statusCode, body: parsed as T, headers: res.headers };
  }

  async csrfToken(): Promise<string> {
    if (!this.csrf || !this.cookies.has('_csrf')) {
      const res = await this.request<{ token: string }>('GET', '/api/csrf');
      this.csrf = res.body.token;
    }
    return this.csrf;
  }
}
