/**
 * The one place that reads the environment. Everything else receives a Config.
 */
import { join, resolve } from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default('./data'),
  PUBLIC_URL: z.string().url().optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Shequn <no-reply@shequn.local>'),
  REDIS_URL: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('production'),
  COOKIE_SECURE: z.enum(['true', 'false', 'auto']).default('auto'),
  TRUST_PROXY: z.string().default('loopback'),
  // A request still running after this long is answered 503 (kernel/http/deadline.ts)
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  // PostgreSQL cancels a statement running longer than this (statement_timeout)
  STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(8_000),
  // `serve` loads the demo community into an empty database unless this is off (same as --no-demo).
  SHEQUN_DEMO: z.enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'], { error: 'expected 1/0, true/false, yes/no or on/off' }).default('1'),
});

export interface Config {
  port: number;
  host: string;
  /** `postgres://…` for PostgreSQL; otherwise the embedded SQLite file below. */
  databaseUrl?: string;
  dataDir: string;
  sqlitePath: string;
  publicUrl: string;
  smtpUrl?: string;
  mailFrom: string;
  redisUrl?: string;
  logLevel: string;
  /** Send cookies with Secure: 'auto' = when PUBLIC_URL is https. */
  cookieSecure: boolean;
  /** Served over https (PUBLIC_URL https, or COOKIE_SECURE=true): sends HSTS and upgrades insecure requests. */
  https: boolean;
  /** `serve` may load the demo community into an empty database (SHEQUN_DEMO, default on). */
  demo: boolean;
  /**
   * Whose X-Forwarded-For to believe (Fastify trustProxy): 'loopback' (a proxy on this
   * host), comma-separated addresses/CIDRs, or true (any: only behind a proxy that
   * overwrites the header). Believing every client would let anyone dodge the per-IP
   * sign-in rate limit by inventing the header.
   */
  trustProxy?: string | boolean;
  /** Deadline of one HTTP request, and of one SQL statement on PostgreSQL. */
  requestTimeoutMs: number;
  statementTimeoutMs: number;
  isTest: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`configuration: environment variable ${issue.path.join('.')}: ${issue.message}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  const publicUrl = e.PUBLIC_URL ?? `http://localhost:${e.PORT}`;
  const https = publicUrl.startsWith('https:') || e.COOKIE_SECURE === 'true';
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL || undefined,
    dataDir,
    sqlitePath: join(dataDir, 'shequn.db'),
    publicUrl,
    smtpUrl: e.SMTP_URL || undefined,
    mailFrom: e.MAIL_FROM,
    redisUrl: e.REDIS_URL || undefined,
    logLevel: e.LOG_LEVEL,
    cookieSecure: e.COOKIE_SECURE === 'auto' ? publicUrl.startsWith('https:') : e.COOKIE_SECURE === 'true',
    https,
    demo: ['1', 'true', 'yes', 'on'].includes(e.SHEQUN_DEMO),
    trustProxy: e.TRUST_PROXY === 'true' ? true : e.TRUST_PROXY === 'false' ? false : e.TRUST_PROXY,
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    statementTimeoutMs: e.STATEMENT_TIMEOUT_MS,
    isTest: e.NODE_ENV === 'test',
  };
}
