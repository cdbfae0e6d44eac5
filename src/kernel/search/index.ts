/**
 * Full-text search over any feature's documents, one module for every feature
 * that needs it (members now; posts and the directory later). A document is
 * (scope, docId, text); the text is turned into terms by text.ts — the same
 * folding and segmentation at index and query time — and stored in a real
 * index: FTS5 on SQLite, a GIN-indexed tsvector on PostgreSQL (no extension).
 *
 * Writers call `indexDocuments` in their own transaction, explicitly (no
 * trigger): the index changes exactly when the row does.
 */
import { sql, PostgresAdapter, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { indexTerms, queryTerms, type QueryTerm } from './text.js';

export { fold, indexTerms, queryTerms } from './text.js';

type Q = Kysely<Database>;

export interface SearchDocument {
  docId: string;
  text: string;
}

/** Adds or replaces documents of one scope (e.g. 'user'). */
export async function indexDocuments(db: Q, scope: string, docs: SearchDocument[]): Promise<void> {
  const pg = isPostgres(db);
  for (const doc of docs) {
    const body = indexTerms(doc.text).join(' ');
    const old = await db.selectFrom('searchDocs').select(['id', 'body']).where('scope', '=', scope).where('docId', '=', doc.docId).executeTakeFirst();
    if (old?.body === body) continue;
    if (pg) {
      const terms = sql`array_to_tsvector(string_to_array(${body}, ' '))`;
      if (old) await sql`UPDATE search_docs SET body = ${body}, terms = ${terms} WHERE id = ${old.id}`.execute(db);
      else await sql`INSERT INTO search_docs (scope, doc_id, body, terms) VALUES (${scope}, ${doc.docId}, ${body}, ${terms})`.execute(db);
      continue;
    }
    // FTS5 with external content: the index entry is removed with the text it was built from.
    if (old) {
      await sql`INSERT INTO search_fts (search_fts, rowid, body) VALUES ('delete', ${old.id}, ${old.body})`.execute(db);
      await db.updateTable('searchDocs').set({ body }).where('id', '=', old.id).execute();
      await sql`INSERT INTO search_fts (rowid, body) VALUES (${old.id}, ${body})`.execute(db);
    } else {
      const row = await db.insertInto('searchDocs').values({ scope, docId: doc.docId, body }).returning('id').executeTakeFirstOrThrow();
      await sql`INSERT INTO search_fts (rowid, body) VALUES (${row.id}, ${body})`.execute(db);
    }
  }
}

export async function removeDocument(db: Q, scope: string, docId: string): Promise<void> {
  const old = await db.selectFrom('searchDocs').select(['id', 'body']).where('scope', '=', scope).where('docId', '=', docId).executeTakeFirst();
  if (!old) return;
  if (!isPostgres(db)) await sql`INSERT INTO search_fts (search_fts, rowid, body) VALUES ('delete', ${old.id}, ${old.body})`.execute(db);
  await db.deleteFrom('searchDocs').where('id', '=', old.id).execute();
}

/**
 * Ids of documents in `scope` matching every word of `query`, at most `limit`
 * (in index order, not ranked). An empty query matches nothing.
 */
export async function searchDocuments(db: Q, scope: string, query: string, limit: number): Promise<string[]> {
  const terms = queryTerms(query);
  if (!terms.length) return [];
  const match = isPostgres(db)
    ? sql`d.terms @@ ${tsquery(terms)}::tsquery`
    : sql`d.id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ${ftsQuery(terms)})`;
  const rows = await sql<{ docId: string }>`SELECT d.doc_id FROM search_docs d WHERE ${match} AND d.scope = ${scope} LIMIT ${limit}`.execute(db);
  return rows.rows.map((r) => r.docId);
}

/** Terms hold only letters and digits (text.ts), so quoting them needs no escaping. */
function ftsQuery(terms: QueryTerm[]): string {
  const prefix = (t: string) => `"${t}"*`;
  return terms.map((t) => (t.chars.length ? `(${prefix(t.word)} OR (${t.chars.map(prefix).join(' AND ')}))` : prefix(t.word))).join(' AND ');
}

function tsquery(terms: QueryTerm[]): string {
  const prefix = (t: string) => `'${t}':*`;
  return terms.map((t) => (t.chars.length ? `(${prefix(t.word)} | (${t.chars.map(prefix).join(' & ')}))` : prefix(t.word))).join(' & ');
}

function isPostgres(db: Q): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
