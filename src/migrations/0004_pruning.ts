import { sql, type Kysely } from 'kysely';

/** Pruning (清理): settings, warnings, reports, appeals; and the scheduler's jobs table. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('jobs')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('next_run_at', 'text', (c) => c.notNull())
    .addColumn('last_run_at', 'text')
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('runs', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('pruning_settings')
    .addColumn('community_id', 'text', (c) => c.primaryKey().references('communities.id').onDelete('cascade'))
    .addColumn('settings', 'text', (c) => c.notNull()) // JSON PruningSettings
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('pruning_warnings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull()) // open | review | cleared | removed | kept
    .addColumn('reason', 'text', (c) => c.notNull()) // JSON Message
    .addColumn('keep', 'text', (c) => c.notNull()) // JSON Message
    .addColumn('warned_at', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addColumn('resolved_by', 'text')
    .execute();
  await db.schema.createIndex('pruning_warnings_community_state').on('pruning_warnings').columns(['community_id', 'state']).execute();
  await db.schema.createIndex('pruning_warnings_user').on('pruning_warnings').columns(['community_id', 'user_id']).execute();
  // At most one unresolved warning per member and rule, whatever races (both engines support partial indexes).
  await db.schema
    .createIndex('pruning_warnings_one_open')
    .on('pruning_warnings')
    .columns(['community_id', 'user_id', 'rule'])
    .unique()
    .where(sql.ref('state'), 'in', [sql.lit('open'), sql.lit('review')])
    .execute();

  await db.schema
    .createTable('member_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
    .addColumn('reporter_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('subject_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull()) // open | upheld | dismissed
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('member_reports_community_state').on('member_reports').columns(['community_id', 'state']).execute();

  await db.schema
    .createTable('appeals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull()) // open | granted | denied
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('appeals_community_state').on('appeals').columns(['community_id', 'state']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['appeals', 'member_reports', 'pruning_warnings', 'pruning_settings', 'jobs']) await db.schema.dropTable(t).execute();
}
