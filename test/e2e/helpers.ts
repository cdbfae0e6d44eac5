/**
 * Shared end-to-end helpers: start the BUILT server (`node bin/shequn.js serve`) on a free
 * port with its own temporary data directory, and launch Debian's Chromium through
 * playwright-core (never a downloaded browser). Nothing here builds: run `npm run build` first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { chromium, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { packageRoot } from '../../src/kernel/paths.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * How long a step may wait for the page to reach a state. Generous: the machine is shared, a
 * build and the rest of the suite may run beside the tests. Steps wait for states, never for
 * durations; a state is best awaited in the page (`locator.waitFor()`), which sees a brief
 * message that a poll from here could miss while the machine is loaded.
 */
export const DEADLINE_MS = 60_000;
/** Per-test budget of an e2e step: several states, each within DEADLINE_MS. */
export const STEP_TIMEOUT_MS = 300_000;

/** Retries `fn` until the expectation holds or DEADLINE_MS passes. */
export const eventually = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: DEADLINE_MS, interval: 150 });

export interface RunningServer {
  url: string;
  dataDir: string;
  /** Everything the server printed, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Why the e2e cannot run here, or null when it can. Every e2e file throws on this in its
 * beforeAll: a missing browser or build fails the run, it never skips it.
 */
export function missingPrerequisite({ build = true } = {}): string | null {
  if (build && !existsSync(join(packageRoot, 'dist', 'app', 'cli.js'))) return 'the server is not built (dist/app/cli.js missing): run `npm run build`';
  if (build && !existsSync(join(packageRoot, 'dist', 'web', 'index.html'))) return 'the web app is not built (dist/web/index.html missing): run `npm run build`';
  if (!existsSync(CHROMIUM)) return `Chromium not found at ${CHROMIUM}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`;
  return null;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface StartOptions {
  /**
   * Start the server's clock here and let the instance owner move it (POST /api/testing/clock):
   * the built server is then started through test/support/launch-server.ts, the only way in.
   */
  clock?: string;
}

/**
 * `node bin/shequn.js serve` with a temp SQLite file (or DATABASE_URL in `env`); resolves once
 * /healthz answers.
 */
export async function startServer(args: string[] = ['--no-demo'], env: Record<string, string> = {}, options: StartOptions = {}): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'shequn-e2e-data-'));
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const command = options.clock
    ? ['--import', 'tsx', join(packageRoot, 'test', 'support', 'launch-server.ts'), '--clock', options.clock, ...args]
    : [join(packageRoot, 'bin', 'shequn.js'), 'serve', ...args];
  const child: ChildProcess = spawn(process.execPath, command, {
    cwd: packageRoot,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, PUBLIC_URL: url, DATABASE_URL: '', REDIS_URL: '', LOG_LEVEL: 'warn', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`the server exited with code ${child.exitCode} before it was ready:\n${output}`);
    }
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the server did not answer ${url}/healthz within 30 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, dataDir, output: () => output, stop };
}

export interface Browser {
  context: BrowserContext;
  close: () => Promise<void>;
}

/** Chromium with a fresh profile in a temp dir (a persistent context is how Playwright takes --user-data-dir). */
export async function launchBrowser(options: BrowserContextOptions = {}): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'shequn-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    ...options,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A temp folder for screenshots, kept after the run so a person can look at them. */
export function screenshotDir(name: string): string {
  const dir = process.env.E2E_SCREENSHOTS ?? join(tmpdir(), `shequn-e2e-${name}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The mails the server queued for `to`, newest first, read from its SQLite file (the embedded outbox). */
export function outbox(server: RunningServer, to: string): { subject: string; textBody: string }[] {
  const db = new Database(join(server.dataDir, 'shequn.db'), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare('SELECT subject, text_body AS textBody FROM mail_outbox WHERE lower(to_address) = lower(?) ORDER BY created_at DESC')
      .all(to) as { subject: string; textBody: string }[];
  } finally {
    db.close();
  }
}

/**
 * A signed-in API client for setup steps a person would do elsewhere, and for moving the test
 * clock (cookie jar + CSRF, like the browser). `base` is read per call: the server may start later.
 */
export class Api {
  private cookies = new Map<string, string>();
  private csrf?: string;
  /** Each client comes from its own address (X-Forwarded-For, trusted from loopback), as people do. */
  private readonly address = addressOf(`api-${Math.random()}`);
  constructor(private readonly base: () => string) {}

  async call<T = any>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    if (method !== 'GET' && !this.csrf) this.csrf = (await this.call<{ token: string }>('GET', '/api/csrf')).body.token;
    const headers: Record<string, string> = { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'x-forwarded-for': this.address };
    if (method !== 'GET') headers['x-csrf-token'] = this.csrf!;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(this.base() + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, ...v] = pair!.split('=');
      this.cookies.set(k!.trim(), v.join('='));
    }
    const text = await res.text();
    return { status: res.status, body: (text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T };
  }

  /** Calls and expects `status`, with the answer in the failure message. */
  async expect<T = any>(status: number, method: string, path: string, body?: unknown): Promise<T> {
    const r = await this.call<T>(method, path, body);
    expect(r.status, `${method} ${path}: ${JSON.stringify(r.body)}`).toBe(status);
    return r.body;
  }

  /** Signs up (English interface) and stays signed in; returns the new account's id. */
  async signUp(who: { email: string; name: string }, password: string): Promise<string> {
    const r = await this.expect<{ user: { id: string } }>(201, 'POST', '/api/auth/signup', { email: who.email, password, displayName: who.name, locale: 'en' });
    return r.user.id;
  }
}

/**
 * A stable made-up address per person. The server limits sign-ins per address and believes
 * X-Forwarded-For from loopback; without this every person in a journey would share one limit.
 */
export function addressOf(key: string): string {
  let h = 0;
  for (const ch of key) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return `10.${(h >>> 16) & 255}.${(h >>> 8) & 255}.${(h & 255) || 1}`;
}

/** From now on the browser speaks as `who`: their own address, no one's cookies. */
export async function browseAs(page: Page, who: { email: string }): Promise<void> {
  await page.context().clearCookies();
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': addressOf(who.email) });
}

/** Signs `who` in through the sign-in page, dropping whoever was signed in before. */
export async function signInThroughPage(page: Page, who: { email: string }, password: string): Promise<void> {
  await browseAs(page, who);
  await page.goto('/signin');
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(password);
  // Not matched by exact name: antd keeps its loading icon in the button while it fades out.
  await page.locator('form button[type="submit"]').click();
  await eventually(() => page.url().endsWith('/signin')).toBe(false);
}

/** Clicks an option in the open antd Select dropdown, then waits until the dropdown has closed. */
export async function pickOption(page: Page, label: string | RegExp): Promise<void> {
  await page.locator('.ant-select-item-option').filter({ hasText: label }).filter({ visible: true }).click();
  await eventually(() => page.locator('.ant-select-dropdown').filter({ visible: true }).count()).toBe(0);
}

export const TEST_PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A fresh schema in the test PostgreSQL, as a DATABASE_URL for the server, and how to drop it. */
export async function freshPgDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const schema = `e2e_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = async (statement: string) => {
    const c = new pg.Client({ connectionString: TEST_PG_URL });
    await c.connect();
    try {
      await c.query(statement);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE SCHEMA ${schema}`);
  const url = new URL(TEST_PG_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return { url: url.toString(), drop: () => admin(`DROP SCHEMA ${schema} CASCADE`) };
}
