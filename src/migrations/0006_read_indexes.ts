import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../kernel/db/connect.js';

/**
 * Indexes that match the order of every paged list (keyset pagination reads a
 * page by walking one of these from the cursor), and two generated columns that
 * make the member list's order an indexable one: `role_rank` (owner, admin,
 * core, member) and `sort_at` (when they joined, or applied if they have not).
 * Generated columns keep themselves right on every write, so no write path has
 * to know about them (SQLite: VIRTUAL, the only kind ALTER TABLE can add;
 * PostgreSQL: STORED, the only kind it has).
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const kind = dialect === 'postgres' ? sql`STORED` : sql`VIRTUAL`;
  await sql`ALTER TABLE memberships ADD COLUMN role_rank integer GENERATED ALWAYS AS
    (CASE role WHEN 'owner' THEN 0 WHEN 'admin' THEN 1 WHEN 'core' THEN 2 ELSE 3 END) ${kind}`.execute(db);
  await sql`ALTER TABLE memberships ADD COLUMN sort_at text GENERATED ALWAYS AS (coalesce(joined_at, created_at)) ${kind}`.execute(db);

  for (const [name, table, columns] of INDEXES) await db.schema.createIndex(name).on(table).columns(columns).execute();
  for (const [name] of REPLACED) await db.schema.dropIndex(name).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name, table, columns] of REPLACED) await db.schema.createIndex(name).on(table).columns(columns).execute();
  for (const [name] of INDEXES) await db.schema.dropIndex(name).execute();
  await db.schema.alterTable('memberships').dropColumn('sort_at').execute();
  await db.schema.alterTable('memberships').dropColumn('role_rank').execute();
}

type Index = [name: string, table: string, columns: string[]];

const INDEXES: Index[] = [
  // activity log and member-home feed: newest first, ties by id
  ['activity_community_at_id', 'activity_events', ['community_id', 'at', 'id']],
  ['activity_community_kind_at_id', 'activity_events', ['community_id', 'kind', 'at', 'id']],
  // member list: by state (or all states), strongest role first, earliest first
  ['memberships_list', 'memberships', ['community_id', 'state', 'role_rank', 'sort_at', 'user_id']],
  ['memberships_list_all', 'memberships', ['community_id', 'role_rank', 'sort_at', 'user_id']],
  ['memberships_joined', 'memberships', ['community_id', 'state', 'joined_at']],
  // review queue, oldest first
  ['applications_queue_keyset', 'applications', ['community_id', 'state', 'created_at', 'id']],
  // referral analytics: children of a referrer, joins in a period
  ['applications_referrer', 'applications', ['community_id', 'referrer_id', 'joined_at', 'user_id']],
  ['applications_joined', 'applications', ['community_id', 'joined_at', 'channel', 'referrer_id', 'user_id']],
  // audit trail, newest first, whole or about one person
  ['audit_community_at_id', 'audit_entries', ['community_id', 'at', 'id']],
  ['audit_subject_at_id', 'audit_entries', ['community_id', 'subject_id', 'at', 'id']],
  // my notices here, newest first
  ['notifications_mine', 'notifications', ['community_id', 'user_id', 'created_at', 'id']],
];

/** Indexes the ones above make redundant (a prefix of a new one with the same order). */
const REPLACED: Index[] = [
  ['activity_community_at', 'activity_events', ['community_id', 'at']],
  ['activity_community_kind_at', 'activity_events', ['community_id', 'kind', 'at']],
  ['applications_queue', 'applications', ['community_id', 'state', 'created_at']],
  ['audit_community_at', 'audit_entries', ['community_id', 'at']],
];
