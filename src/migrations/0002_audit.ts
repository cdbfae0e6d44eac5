import type { Kysely } from 'kysely';

/** The audit trail of decisions about people (gate and pruning): who, what, rule, reason, when. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('audit_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
    .addColumn('decided_by', 'text') // a user id, or null for an automatic decision
    .addColumn('automatic', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('action', 'text', (c) => c.notNull()) // e.g. application.approved, member.warned, member.removed, appeal.granted
    .addColumn('subject_id', 'text') // the person decided about
    .addColumn('rule', 'text') // the screening or pruning rule, when one decided
    .addColumn('reason', 'text')
    .addColumn('data', 'text') // JSON
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_community_at').on('audit_entries').columns(['community_id', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_entries').execute();
}
