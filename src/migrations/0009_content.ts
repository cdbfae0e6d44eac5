import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../kernel/db/connect.js';

/**
 * Content: posts and questions, threaded replies, reactions, bookmarks, the
 * community's content settings, and the full-text index (FTS5 on SQLite, a
 * tsvector table with a GIN index on PostgreSQL; both hold text already
 * folded to Simplified Chinese and segmented, see features/content/search.ts).
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('posts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull()) // post | question
    .addColumn('title', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('html', 'text', (c) => c.notNull()) // the body rendered and sanitised when written
    .addColumn('tags', 'text', (c) => c.notNull()) // JSON string[] (the post_tags rows are what filters)
    .addColumn('visibility', 'text', (c) => c.notNull()) // members | core | tier
    .addColumn('tier_id', 'text')
    .addColumn('teaser', 'text') // shown on the public page when set
    .addColumn('origin', 'text', (c) => c.notNull()) // original | link (a shared public link)
    .addColumn('essence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('hidden_at', 'text')
    .addColumn('hidden_reason', 'text')
    .addColumn('reply_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_activity_at', 'text', (c) => c.notNull())
    .addColumn('asked_to', 'text') // questions: 'core' or 'member' (askedUserId)
    .addColumn('asked_user_id', 'text')
    .addColumn('question_state', 'text') // open | answered | accepted
    .addColumn('accepted_reply_id', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // The two feed orders, keyset-paginated (time, id) within a community.
  await db.schema.createIndex('posts_feed_new').on('posts').columns(['community_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('posts_feed_active').on('posts').columns(['community_id', 'last_activity_at', 'id']).execute();
  // Pinned posts stand apart and 精华 is a view of its own: both are found without scanning the feed.
  await db.schema.createIndex('posts_pinned').on('posts').columns(['community_id', 'pinned', 'created_at']).execute();
  await db.schema.createIndex('posts_essence').on('posts').columns(['community_id', 'essence', 'created_at']).execute();
  await db.schema.createIndex('posts_questions').on('posts').columns(['community_id', 'question_state', 'created_at']).execute();

  await db.schema
    .createTable('post_tags')
    .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('post_tags_pk', ['post_id', 'tag'])
    .execute();
  await db.schema.createIndex('post_tags_tag').on('post_tags').columns(['community_id', 'tag']).execute();

  await db.schema
    .createTable('replies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('parent_id', 'text') // one level: a reply to a reply hangs under the top-level reply
    .addColumn('reply_to_user_id', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('html', 'text', (c) => c.notNull())
    .addColumn('hidden_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('replies_post').on('replies').columns(['post_id', 'created_at', 'id']).execute();

  await db.schema
    .createTable('reactions')
    .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('reply_id', 'text', (c) => c.notNull()) // '' for the post itself
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('reaction', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('reactions_pk', ['post_id', 'reply_id', 'user_id', 'reaction'])
    .execute();

  await db.schema
    .createTable('bookmarks')
    .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('post_id', 'text', (c) => c.notNull().references('posts.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('bookmarks_pk', ['user_id', 'post_id'])
    .execute();

  await db.schema
    .createTable('content_settings')
    .addColumn('community_id', 'text', (c) => c.primaryKey().references('communities.id').onDelete('cascade'))
    .addColumn('settings', 'text', (c) => c.notNull()) // JSON ContentSettings
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  if (dialect === 'sqlite') {
    // doc_id = 'p:<post id>' or 'r:<reply id>'; the post decides who may read a hit.
    await sql`CREATE VIRTUAL TABLE content_search USING fts5(doc_id UNINDEXED, community_id UNINDEXED, post_id UNINDEXED, terms, tokenize = 'unicode61')`.execute(db);
  } else {
    await db.schema
      .createTable('content_search')
      .addColumn('doc_id', 'text', (c) => c.primaryKey())
      .addColumn('community_id', 'text', (c) => c.notNull())
      .addColumn('post_id', 'text', (c) => c.notNull())
      .addColumn('terms', sql`tsvector`, (c) => c.notNull())
      .execute();
    await sql`CREATE INDEX content_search_terms ON content_search USING gin (terms)`.execute(db);
    await db.schema.createIndex('content_search_community').on('content_search').columns(['community_id']).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['content_search', 'content_settings', 'bookmarks', 'reactions', 'replies', 'post_tags', 'posts']) await db.schema.dropTable(t).execute();
}
