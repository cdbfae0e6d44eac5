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
import { chromium, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { packageRoot } from '../../src/kernel/paths.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface RunningServer {
  url: string;
  dataDir: string;
  /** Everything the server printed, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

/** Why the e2e cannot run here, or null when it can. */
export function missingPrerequisite(): string | null {
  if (!existsSync(join(packageRoot, 'dist', 'app', 'cli.js'))) return 'the server is not built (dist/app/cli.js missing): run `npm run build`';
  if (!existsSync(join(packageRoot, 'dist', 'web', 'index.html'))) return 'the web app is not built (dist/web/index.html missing): run `npm run build`';
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

/** `node bin/shequn.js serve` with a temp SQLite file; resolves once /healthz answers. */
export async function startServer(args: string[] = ['--no-demo'], env: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'shequn-e2e-data-'));
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [join(packageRoot, 'bin', 'shequn.js'), 'serve', ...args], {
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

/** A signed-in API client for setup steps a person would do elsewhere (cookie jar + CSRF). */
export class Api {
  constructor(private readonly base: () => string) {}
  private cookies = new Map<string, string>();
  private csrf?: string;
  async call<T = any>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    if (method !== 'GET' && !this.csrf) this.csrf = (await this.call<{ token: string }>('GET', '/api/csrf')).body.token;
    const headers: Record<string, string> = { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
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
}

/** Signs in through the page's form (cookies cleared first) and waits to leave the sign-in page. */
export async function signInAs(page: Page, who: { email: string }, password: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto('/signin');
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/signin'), { timeout: 15_000 });
}
