import type { Kysely } from 'kysely';

/**
 * Which activity sources cover which periods of a community (issue 16): each
 * imported or connected chat for the span it covers. Shequn itself is not a
 * row: it covers every community from the day it was created (communities.created_at).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('activity_sources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull()) // import | connection
    .addColumn('carrier', 'text', (c) => c.notNull()) // wechat | telegram | whatsapp | discord | …
    .addColumn('source_key', 'text', (c) => c.notNull()) // the chat's stable name at the carrier: one row per chat
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('covers_from', 'text', (c) => c.notNull())
    .addColumn('covers_to', 'text') // null: still connected
    .addColumn('recorded_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // A member's timeline walks the events done to them as well as by them (members/timeline.ts).
  await db.schema.createIndex('activity_community_target').on('activity_events').columns(['community_id', 'target_id', 'at']).execute();
  await db.schema.createIndex('activity_sources_chat').on('activity_sources').columns(['community_id', 'kind', 'carrier', 'source_key']).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('activity_community_target').execute();
  await db.schema.dropTable('activity_sources').execute();
}
