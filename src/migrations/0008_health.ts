import type { Kysely } from 'kysely';

/**
 * Health, live (issue 10): cached diagnoses of a community's log, chat-export
 * imports (a job row the console polls), the keys that make a re-import add
 * nothing twice, and the carrier identities that tie chat authors to members.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // The cache key of a diagnosis is the community's last event id: one index lookup, not a scan.
  await db.schema.createIndex('activity_community_id').on('activity_events').columns(['community_id', 'id']).execute();

  await db.schema
    .createTable('health_snapshots')
    .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
    .addColumn('range_key', 'text', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('health_snapshots_pk', ['community_id', 'range_key'])
    .execute();

  await db.schema
    .createTable('chat_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('format', 'text')
    .addColumn('carrier', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('bytes_read', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('bytes_total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('added', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('skipped', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('first_at', 'text')
    .addColumn('last_at', 'text')
    .addColumn('error', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('chat_imports_community').on('chat_imports').columns(['community_id', 'created_at']).execute();

  // One row per imported event: the carrier message id or a stable fingerprint.
  await db.schema
    .createTable('chat_import_keys')
    .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('chat_import_keys_pk', ['community_id', 'key'])
    .execute();

  // One weekly health report per community and ISO week: what the next report compares with.
  await db.schema
    .createTable('health_reports')
    .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
    .addColumn('week', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('score', 'real')
    .addColumn('core_status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('health_reports_pk', ['community_id', 'week'])
    .execute();

  await db.schema
    .createTable('carrier_identities')
    .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
    .addColumn('carrier', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('outsider', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('messages', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('carrier_identities_pk', ['community_id', 'carrier', 'external_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('activity_community_id').ifExists().execute();
  for (const t of ['health_reports', 'carrier_identities', 'chat_import_keys', 'chat_imports', 'health_snapshots']) await db.schema.dropTable(t).ifExists().execute();
}
