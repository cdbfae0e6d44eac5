/**
 * Real databases for tests: a fresh SQLite file, or a fresh schema in the
 * PostgreSQL server on 127.0.0.1:5432 (TEST_DATABASE_URL overrides). Tests that
 * use `DIALECTS` run on both and fail, not skip, when PostgreSQL is unreachable.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { connect, type Db, type DialectName } from './connect.js';
import { migrateToLatest } from './migrate.js';

export const DIALECTS: DialectName[] = ['sqlite', 'postgres'];
export const TEST_PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDb extends Db {
  /** Drops the schema / deletes the file. */
  destroy(): Promise<void>;
  databaseUrl?: string;
  pgSchema?: string;
  sqlitePath?: string;
}

export async function openTestDb(dialect: DialectName, { migrate = true } = {}): Promise<TestDb> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'shequn-test-'));
    const sqlitePath = join(dir, 'test.db');
    const db = connect({ sqlitePath });
    if (migrate) await migrateToLatest(db);
    return {
      ...db,
      sqlitePath,
      destroy: async () => {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const pgSchema = `t_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${pgSchema}`);
  await admin.end();
  const db = connect({ databaseUrl: TEST_PG_URL, pgSchema });
  if (migrate) await migrateToLatest(db);
  return {
    ...db,
    databaseUrl: TEST_PG_URL,
    pgSchema,
    destroy: async () => {
      await db.close();
      const c = new pg.Client({ connectionString: TEST_PG_URL });
      await c.connect();
      await c.query(`DROP SCHEMA ${pgSchema} CASCADE`);
      await c.end();
    },
  };
}
