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
}

export function connect(options: ConnectOptions): Db {
  const url = options.databaseUrl;
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    const pool = new pg.Pool({
      connectionString: url,
      max: 10,
      ...(options.pgSchema ? { options: `-c search_path=${options.pgSchema}` } : {}),
    });
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
    return { kysely, dialect: 'postgres', close: () => kysely.destroy() };
  }
  if (url) throw new Error(`DATABASE_URL must start with postgres:// (got "${url.split(':')[0]}:…")`);
  const file = options.sqlitePath ?? './data/shequn.db';
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [new CamelCasePlugin()] });
  return { kysely, dialect: 'sqlite', close: () => kysely.destroy() };
}

export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/.test(e?.message ?? '');
}
