/**
 * Full-text search over posts and replies, one small interface on both
 * engines: `index(doc)`, `remove(docId)`, `query(text)` (a row source of
 * matching documents the caller joins to the posts it may read, so visibility
 * is decided in the same query, never filtered after).
 *
 * Chinese has no spaces and comes in two scripts, so text is made comparable
 * before either engine sees it, the same way at index and at query time:
 * Traditional is folded to Simplified (opencc), then segmented into words
 * (jieba), lower-cased and joined by spaces. SQLite stores that in an FTS5
 * table (unicode61 splits on the spaces); PostgreSQL in a tsvector with the
 * 'simple' configuration (no stemming, no stop words). 「考研資料」 → 考研 资料,
 * which 「考研资料分享」 → 考研 资料 分享 contains.
 *
 * Self-contained on purpose: member search grows its own module on another
 * branch, and the two become one at merge time.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { sql, type RawBuilder } from 'kysely';
import * as OpenCC from 'opencc-js';
import { locksRows, type Q } from '../../kernel/db/tx.js';

export interface SearchDoc {
  /** `p:<post id>` or `r:<reply id>`. */
  id: string;
  communityId: string;
  /** The post that decides who may read a hit. */
  postId: string;
  text: string;
}

/** A matching document: the row source `query` returns. */
export interface Hit {
  docId: string;
  postId: string;
  rank: number;
}

let jieba: Jieba | undefined;
let toSimplified: ((s: string) => string) | undefined;

/** Folded, segmented, lower-cased words; punctuation-only pieces dropped. */
export function terms(text: string, mode: 'index' | 'query'): string[] {
  jieba ??= Jieba.withDict(dict);
  const fold = (toSimplified ??= OpenCC.Converter({ from: 'tw', to: 'cn' }));
  const folded = fold(text.normalize('NFKC')).toLowerCase();
  const words = mode === 'index' ? jieba.cutForSearch(folded, true) : jieba.cut(folded, true);
  return words.map((w) => w.trim()).filter((w) => /[\p{L}\p{N}]/u.test(w));
}

const isPg = (db: Q) => locksRows(db);

/** Adds a new document (posts and replies are indexed once, when written; to change one, remove it first). */
export async function index(db: Q, doc: SearchDoc): Promise<void> {
  const words = terms(doc.text, 'index').join(' ');
  if (isPg(db)) {
    await sql`INSERT INTO content_search (doc_id, community_id, post_id, terms) VALUES (${doc.id}, ${doc.communityId}, ${doc.postId}, to_tsvector('simple', ${words}))`.execute(db);
  } else {
    await sql`INSERT INTO content_search (doc_id, community_id, post_id, terms) VALUES (${doc.id}, ${doc.communityId}, ${doc.postId}, ${words})`.execute(db);
  }
}

/** Removes a document (on SQLite a scan of the index: removals are rare, additions are not). */
export async function remove(db: Q, docId: string): Promise<void> {
  await sql`DELETE FROM content_search WHERE doc_id = ${docId}`.execute(db);
}

/** Drops entries whose post is gone (a deleted community takes its posts, not this index, with it). */
export async function purgeOrphans(db: Q): Promise<void> {
  await sql`DELETE FROM content_search WHERE post_id NOT IN (SELECT id FROM posts)`.execute(db);
}

/**
 * How many of the best-ranked matches are considered before visibility: a
 * word in nearly every document would otherwise rank and join them all. A
 * viewer who may read few of the top matches gets fewer results, never more.
 */
export const CANDIDATES = 1000;

/**
 * The documents of one community matching every word of `text`, best first,
 * as a row source (`doc_id`, `post_id`, `rank`; lower rank is better) to join
 * on; null when the text has no searchable word.
 */
export function query(db: Q, communityId: string, text: string): RawBuilder<Hit> | null {
  const words = terms(text, 'query');
  if (words.length === 0) return null;
  if (isPg(db)) {
    const q = sql`plainto_tsquery('simple', ${words.join(' ')})`;
    return sql<Hit>`(SELECT doc_id, post_id, -ts_rank(terms, ${q}) AS rank FROM content_search WHERE community_id = ${communityId} AND terms @@ ${q} ORDER BY rank LIMIT ${CANDIDATES})`;
  }
  const match = words.map((w) => `"${w.replaceAll('"', '""')}"`).join(' ');
  return sql<Hit>`(SELECT doc_id, post_id, bm25(content_search) AS rank FROM content_search WHERE content_search MATCH ${match} AND community_id = ${communityId} ORDER BY rank LIMIT ${CANDIDATES})`;
}
