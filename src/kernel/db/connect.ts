/**
 * One data layer over two engines: SQLite (embedded default, a file under ./data,
 * WAL, foreign keys on) and PostgreSQL (DATABASE_URL=postgres://…).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, CamelCasePlugin } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

export type DialectName = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: DialectName;
  close(): Promise<void>;
}

// int8 (COUNT, bigserial) as JS numbers: every count we keep fits in 2^53.
pg.types.setTypeParser(20, (v: string) => Number(v));

export interface ConnectOptions {
  databaseUrl?: string;
  sqlitePath?: string;
  /** PostgreSQL schema to use (tests give each run its own). */
  pgSchema?: string;
  /**
   * PostgreSQL cancels any statement running longer (statement_timeout), so a
   * request that gave up does not leave its query holding a connection. SQLite
   * runs in-process and cannot be interrupted: its reads are bounded instead
   * (every list is an index range; see the query-plan tests).
   */
  statementTimeoutMs?: number;
}

export function connect(options: ConnectOptions): Db {
  const url = options.databaseUrl;
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    const settings = [
      ...(options.pgSchema ? [`-c search_path=${options.pgSchema}`] : []),
      ...(options.statementTimeoutMs ? [`-c statement_timeout=${options.statementTimeoutMs}`] : []),
    ];
    const pool = new pg.Pool({ connectionString: url, max: 10, ...(settings.length ? { options: settings.join(' ') } : {}) });
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
    return { kysely, dialect: 'postgres', close: () => kysely.destroy() };
  }
  if (url) throw new Error(`DATABASE_URL must start with postgres:// (got "${url.split(':')[0]}:…")`);
  const file = options.sqlitePath ?? './data/shequn.db';
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = cachePrepared(new SQLite(file));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new CamelCasePlugin()] });
  return { kysely, dialect: 'sqlite', close: () => kysely.destroy() };
}

/**
 * Kysely prepares every statement it runs; re-preparing the same SQL is a
 * measurable share of a short read (the public page, the member home). The
 * connection keeps the last few hundred prepared statements by their SQL text
 * and hands one out again unless it is still mid-iteration (`busy`).
 */
function cachePrepared(sqlite: SQLite.Database, size = 500): SQLite.Database {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, SQLite.Statement>();
  sqlite.prepare = ((source: string) => {
    const hit = cache.get(source);
    if (hit && !hit.busy) return hit;
    const statement = prepare(source);
    if (!hit) {
      if (cache.size >= size) cache.delete(cache.keys().next().value!);
      cache.set(source, statement);
    }
    return statement;
  }) as typeof sqlite.prepare;
  return sqlite;
}

/** PostgreSQL cancelled the statement (statement_timeout or a cancel request). */
export function isCancelled(err: unknown): boolean {
  return (err as { code?: string }).code === '57014';
}

export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/.test(e?.message ?? '');
}
