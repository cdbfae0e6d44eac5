import { type Kysely } from 'kysely';

/**
 * Activities: the community's time zone (what "today" means), 打卡 challenges,
 * who joined them, check-ins (one per member per period, whatever races) and
 * the reactions and comments on them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('communities').addColumn('timezone', 'text', (c) => c.notNull().defaultTo('Asia/Shanghai')).execute();

  await db.schema
    .createTable('challenges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull()) // daily | weekly
    .addColumn('weekdays', 'text') // JSON number[] or null
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('value_label', 'text') // what the number means (pages, km), null = no number
    .addColumn('makeup_cards', 'integer', (c) => c.notNull())
    .addColumn('makeup_every', 'integer', (c) => c.notNull())
    .addColumn('makeup_reach', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('challenges_community').on('challenges').columns(['community_id', 'created_at']).execute();

  await db.schema
    .createTable('challenge_members')
    .addColumn('challenge_id', 'text', (c) => c.notNull().references('challenges.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('community_id', 'text', (c) => c.notNull())
    .addColumn('joined_at', 'text', (c) => c.notNull())
    .addColumn('makeups_used', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reminded_for', 'text') // the period last reminded about (once per period)
    .addPrimaryKeyConstraint('challenge_members_pk', ['challenge_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('checkins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('challenge_id', 'text', (c) => c.notNull().references('challenges.id').onDelete('cascade'))
    .addColumn('community_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('value', 'real')
    .addColumn('made_up', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // One check-in per member per period, whatever races.
  await db.schema.createIndex('checkins_one_per_period').on('checkins').columns(['challenge_id', 'user_id', 'period_key']).unique().execute();
  await db.schema.createIndex('checkins_period').on('checkins').columns(['challenge_id', 'period_key']).execute();

  await db.schema
    .createTable('checkin_responses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('checkin_id', 'text', (c) => c.notNull().references('checkins.id').onDelete('cascade'))
    .addColumn('community_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull()) // reaction | comment
    .addColumn('text', 'text', (c) => c.notNull()) // the emoji or the comment
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('checkin_responses_checkin').on('checkin_responses').columns(['checkin_id', 'created_at']).execute();

  await db.schema
    .createTable('events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text')
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('venue', 'text') // shown only to those going
    .addColumn('map_link', 'text')
    .addColumn('meeting_link', 'text')
    .addColumn('register_until', 'text')
    .addColumn('code_secret', 'text', (c) => c.notNull()) // signs the check-in codes
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('events_community').on('events').columns(['community_id', 'starts_at']).execute();

  await db.schema
    .createTable('event_rsvps')
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('community_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // going | waitlisted | maybe | not_going
    .addColumn('seq', 'integer', (c) => c.notNull()) // arrival order of the latest ask for a place
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('attended_at', 'text')
    .addColumn('checked_in_by', 'text')
    .addPrimaryKeyConstraint('event_rsvps_pk', ['event_id', 'user_id'])
    .execute();
  await db.schema.createIndex('event_rsvps_status').on('event_rsvps').columns(['event_id', 'status', 'seq']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['event_rsvps', 'events', 'checkin_responses', 'checkins', 'challenge_members', 'challenges']) await db.schema.dropTable(t).execute();
  await db.schema.alterTable('communities').dropColumn('timezone').execute();
}
