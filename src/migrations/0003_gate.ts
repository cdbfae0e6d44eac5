import type { Kysely } from 'kysely';

/** The gate (applications, invites, blocklist, tiers, payments, notifications) and member profiles. */
export async function up(db: Kysely<any>): Promise<void> {
  const community = (c: any) => c.notNull().references('communities.id').onDelete('cascade');
  const user = (c: any) => c.notNull().references('users.id').onDelete('cascade');

  await db.schema
    .createTable('gate_configs')
    .addColumn('community_id', 'text', (c) => community(c).primaryKey())
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('rules', 'text', (c) => c.notNull())
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();

  await db.schema
    .createTable('applications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', community)
    .addColumn('user_id', 'text', user)
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('invite_id', 'text')
    .addColumn('referrer_id', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('vouched', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rule_id', 'text')
    .addColumn('reason', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('joined_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('applications_queue').on('applications').columns(['community_id', 'state', 'created_at']).execute();
  await db.schema.createIndex('applications_user').on('applications').columns(['community_id', 'user_id']).execute();

  await db.schema
    .createTable('invites')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', community)
    .addColumn('code_hash', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text')
    .addColumn('name', 'text')
    .addColumn('channel', 'text')
    .addColumn('vouch', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('expires_at', 'text')
    .addColumn('max_uses', 'integer')
    .addColumn('uses', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('revoked_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('invites_owner').on('invites').columns(['community_id', 'owner_id']).execute();

  await db.schema
    .createTable('gate_blocks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', community)
    .addColumn('user_id', 'text', user)
    .addColumn('reason', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('gate_blocks_user').on('gate_blocks').columns(['community_id', 'user_id']).unique().execute();

  await db.schema
    .createTable('tiers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', community)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('fee_minor', 'integer', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('period_unit', 'text', (c) => c.notNull())
    .addColumn('period_count', 'integer', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('member_tiers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', community)
    .addColumn('user_id', 'text', user)
    .addColumn('tier_id', 'text', (c) => c.notNull().references('tiers.id'))
    .addColumn('paid_through', 'text')
    .addColumn('reminders_sent', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('member_tiers_user').on('member_tiers').columns(['community_id', 'user_id']).unique().execute();

  await db.schema
    .createTable('payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', community)
    .addColumn('user_id', 'text', user)
    .addColumn('tier_id', 'text', (c) => c.notNull().references('tiers.id'))
    .addColumn('amount_minor', 'integer', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('paid_at', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('marked_by', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('payments_user').on('payments').columns(['community_id', 'user_id', 'paid_at']).execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', community)
    .addColumn('user_id', 'text', user)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('data', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'created_at']).execute();

  await db.schema
    .createTable('member_profiles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', community)
    .addColumn('user_id', 'text', user)
    .addColumn('norms_accepted_at', 'text')
    .addColumn('intro', 'text')
    .addColumn('introduced_at', 'text')
    .addColumn('intro_due_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('member_profiles_user').on('member_profiles').columns(['community_id', 'user_id']).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['member_profiles', 'notifications', 'payments', 'member_tiers', 'tiers', 'gate_blocks', 'invites', 'applications', 'gate_configs']) {
    await db.schema.dropTable(t).execute();
  }
}
