import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../kernel/db/connect.js';
import { indexDocuments } from '../kernel/search/index.js';

/**
 * The search index of kernel/search: `search_docs` holds each document's terms
 * (already folded and segmented); SQLite indexes them with an FTS5 table over
 * it (external content), PostgreSQL with a GIN index on a tsvector built from
 * the terms verbatim (no text-search parser, no extension). People already
 * here are indexed by name and email.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('search_docs')
    .addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('doc_id', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addUniqueConstraint('search_docs_doc', ['scope', 'doc_id'])
    .execute();
  if (dialect === 'postgres') {
    await sql`ALTER TABLE search_docs ADD COLUMN terms tsvector NOT NULL`.execute(db);
    await sql`CREATE INDEX search_docs_terms ON search_docs USING gin (terms)`.execute(db);
  } else {
    await sql`CREATE VIRTUAL TABLE search_fts USING fts5(body, content='search_docs', content_rowid='id', tokenize='unicode61 remove_diacritics 0')`.execute(db);
  }
  await backfillPeople(db);
}

export async function down(db: Kysely<any>, dialect: DialectName): Promise<void> {
  if (dialect === 'sqlite') await sql`DROP TABLE search_fts`.execute(db);
  await db.schema.dropTable('search_docs').execute();
}

async function backfillPeople(db: Kysely<any>): Promise<void> {
  let after = '';
  for (;;) {
    const page: { id: string; displayName: string; email: string }[] = await db
      .selectFrom('users')
      .select(['id', 'display_name as displayName', 'email'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(500)
      .execute();
    if (!page.length) return;
    await indexDocuments(db, 'user', page.map((u) => ({ docId: u.id, text: `${u.displayName} ${u.email}` })));
    after = page[page.length - 1]!.id;
  }
}
