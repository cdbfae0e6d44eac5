import type { Kysely } from 'kysely';

/** Core duties (骨干职责): what the owner asks of each core member, or of all of them. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('core_duties')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('cascade')) // null: every core member
    .addColumn('kind', 'text', (c) => c.notNull()) // original_posts | answer_within
    .addColumn('target', 'integer', (c) => c.notNull()) // posts per period, or hours
    .addColumn('period', 'text', (c) => c.notNull()) // week | month
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('core_duties_community').on('core_duties').columns(['community_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('core_duties').execute();
}
