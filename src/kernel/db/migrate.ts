import { Migrator, sql, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './connect.js';
import { migrations } from '../../migrations/index.js';

/** Migrations are TypeScript modules listed in src/migrations/index.ts (portable across both engines). */
class StaticProvider implements MigrationProvider {
  constructor(private readonly db: Db) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const [name, m] of Object.entries(migrations)) {
      out[name] = { up: (k) => m.up(k, this.db.dialect), down: m.down ? (k) => m.down!(k, this.db.dialect) : undefined };
    }
    return out;
  }
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  // Kysely looks for its migration tables in every schema unless told which one; tests
  // running in parallel (one schema each) would then find each other's and skip creating theirs.
  const migrationTableSchema =
    db.dialect === 'postgres' ? (await sql<{ s: string }>`select current_schema() as s`.execute(db.kysely)).rows[0]?.s : undefined;
  const migrator = new Migrator({ db: db.kysely, provider: new StaticProvider(db), ...(migrationTableSchema ? { migrationTableSchema } : {}) });
  for (let attempt = 1; ; attempt++) {
    const { error, results } = await migrator.migrateToLatest();
    if (!error) return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
    // Kysely's introspector lists the tables of every schema; another process dropping its own
    // schema between that listing and the privilege check makes the query fail with 3F000 for a
    // schema that is not ours. Nothing was migrated then, so asking again is safe.
    if (attempt < 5 && isOtherSchemaGone(error, migrationTableSchema)) continue;
    throw error instanceof Error ? error : new Error(String(error));
  }
}

function isOtherSchemaGone(error: unknown, ours: string | undefined): boolean {
  const e = error as { code?: string; message?: string };
  const gone = /schema "([^"]+)" does not exist/.exec(e?.message ?? '')?.[1];
  return e?.code === '3F000' && gone !== undefined && gone !== ours;
}
