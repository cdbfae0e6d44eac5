import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../kernel/db/connect.js';

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('locale', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('password_resets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();

  await db.schema
    .createTable('mail_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('error', 'text')
    .execute();

  await db.schema
    .createTable('communities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('shared_need', 'text', (c) => c.notNull())
    .addColumn('value_promise', 'text', (c) => c.notNull())
    .addColumn('norms', 'text', (c) => c.notNull())
    .addColumn('entry_criteria', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer')
    .addColumn('public_teaser', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('teaser', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('memberships')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('joined_at', 'text')
    .addColumn('ended_at', 'text')
    .addColumn('end_reason', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('memberships_community_user', ['community_id', 'user_id'])
    .execute();
  await db.schema.createIndex('memberships_user').on('memberships').column('user_id').execute();
  await db.schema.createIndex('memberships_community_state').on('memberships').columns(['community_id', 'state', 'role']).execute();

  await db.schema
    .createTable('activity_events')
    .addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
      dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('target_id', 'text')
    .addColumn('object_type', 'text')
    .addColumn('object_id', 'text')
    .addColumn('data', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('activity_community_at').on('activity_events').columns(['community_id', 'at']).execute();
  await db.schema.createIndex('activity_community_kind_at').on('activity_events').columns(['community_id', 'kind', 'at']).execute();
  await db.schema.createIndex('activity_community_actor').on('activity_events').columns(['community_id', 'actor_id', 'at']).execute();

  // The activity log is append-only: history is never rewritten in place.
  if (dialect === 'sqlite') {
    await sql`CREATE TRIGGER activity_events_append_only BEFORE UPDATE ON activity_events
      BEGIN SELECT RAISE(ABORT, 'activity_events is append-only'); END`.execute(db);
  } else {
    await sql`CREATE FUNCTION activity_events_append_only() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'activity_events is append-only'; END; $$ LANGUAGE plpgsql`.execute(db);
    await sql`CREATE TRIGGER activity_events_append_only BEFORE UPDATE ON activity_events
      FOR EACH ROW EXECUTE FUNCTION activity_events_append_only()`.execute(db);
  }
}

export async function down(db: Kysely<any>, dialect: DialectName): Promise<void> {
  for (const t of ['activity_events', 'memberships', 'communities', 'mail_outbox', 'password_resets', 'sessions', 'users']) {
    await db.schema.dropTable(t).execute();
  }
  if (dialect === 'postgres') await sql`DROP FUNCTION IF EXISTS activity_events_append_only()`.execute(db);
}
