/**
 * The content feature's queries. Every query is keyed by communityId; reads a
 * viewer asks for go through `readableBy`, the SQL form of policy.canRead, so
 * the feed and search never load what the viewer may not see.
 */
import { type ExpressionBuilder, type Selectable } from 'kysely';
import type { Database } from '../../kernel/db/schema.js';
import { forUpdate, type Q } from '../../kernel/db/tx.js';
import { isStaff, type Access } from './policy.js';
import { reaches, type ContentSettings, type FeedSort } from './rules.js';
import * as search from './search.js';
import type { PostKind, PostsTable, RepliesTable } from './tables.js';

export type PostRow = Selectable<PostsTable>;
export type ReplyRow = Selectable<RepliesTable>;

// ── visibility in SQL ───────────────────────────────────────────────────────

/** policy.canRead as a WHERE on `posts`: staff all; others what is not hidden and meant for them, and their own. */
export function readableBy(a: Access) {
  return (eb: ExpressionBuilder<Database, 'posts'>) => {
    if (isStaff(a)) return eb.lit(true);
    const meant = [eb('posts.visibility', '=', 'members')];
    if (reaches(a.role, 'core')) meant.push(eb('posts.visibility', '=', 'core'));
    if (a.tiers.length > 0) meant.push(eb.and([eb('posts.visibility', '=', 'tier'), eb('posts.tierId', 'in', a.tiers)]));
    return eb.or([eb('posts.authorId', '=', a.userId), eb.and([eb('posts.hiddenAt', 'is', null), eb.or(meant)])]);
  };
}

// ── posts ───────────────────────────────────────────────────────────────────

export async function insertPost(db: Q, row: PostRow, tags: string[]): Promise<void> {
  await db.insertInto('posts').values(row).execute();
  if (tags.length) await db.insertInto('postTags').values(tags.map((tag) => ({ communityId: row.communityId, postId: row.id, tag }))).execute();
}

export function findPost(db: Q, communityId: string, id: string, opts: { lock?: boolean } = {}): Promise<PostRow | undefined> {
  return forUpdate(db, db.selectFrom('posts').selectAll().where('communityId', '=', communityId).where('id', '=', id), opts.lock).executeTakeFirst();
}

export type PostPatch = Partial<Pick<PostRow, 'essence' | 'pinned' | 'locked' | 'hiddenAt' | 'hiddenReason' | 'replyCount' | 'lastActivityAt' | 'questionState' | 'acceptedReplyId' | 'answeredAt' | 'updatedAt'>>;

export async function updatePost(db: Q, communityId: string, id: string, patch: PostPatch): Promise<void> {
  await db.updateTable('posts').set(patch).where('communityId', '=', communityId).where('id', '=', id).execute();
}

export interface FeedQuery {
  sort: FeedSort;
  kind?: PostKind;
  tag?: string;
  essence?: boolean;
  /** Pinned posts come apart (pinnedPosts); the feed proper leaves them out unless asked. */
  pinned?: boolean;
  /** Questions still open, created before this time (overdue). */
  openBefore?: string;
  after?: { at: string; id: string };
  limit: number;
}

/** One page of the feed, newest (or most recently active) first, keyset on (time, id). */
export async function feed(db: Q, communityId: string, a: Access, q: FeedQuery): Promise<PostRow[]> {
  const col = q.sort === 'active' ? 'posts.lastActivityAt' : 'posts.createdAt';
  let query = db.selectFrom('posts').selectAll('posts').where('posts.communityId', '=', communityId).where(readableBy(a));
  if (q.kind) query = query.where('posts.kind', '=', q.kind);
  if (q.essence) query = query.where('posts.essence', '=', 1);
  if (q.pinned !== undefined) query = query.where('posts.pinned', '=', q.pinned ? 1 : 0);
  if (q.openBefore) query = query.where('posts.questionState', '=', 'open').where('posts.createdAt', '<', q.openBefore);
  if (q.tag) {
    const tag = q.tag;
    query = query.where((eb) => eb.exists(eb.selectFrom('postTags').select('postTags.postId').whereRef('postTags.postId', '=', 'posts.id').where('postTags.tag', '=', tag)));
  }
  if (q.after) {
    const { at, id } = q.after;
    query = query.where((eb) => eb.or([eb(col, '<', at), eb.and([eb(col, '=', at), eb('posts.id', '<', id)])]));
  }
  return query.orderBy(col, 'desc').orderBy('posts.id', 'desc').limit(q.limit).execute();
}

/** Posts with a public teaser, for the public page: only what the author chose to show, never hidden ones. */
export function teasers(db: Q, communityId: string, limit = 20) {
  return db
    .selectFrom('posts')
    .innerJoin('users', 'users.id', 'posts.authorId')
    .select(['posts.id', 'posts.title', 'posts.teaser', 'posts.createdAt', 'posts.authorId', 'users.displayName'])
    .where('posts.communityId', '=', communityId)
    .where('posts.teaser', 'is not', null)
    .where('posts.hiddenAt', 'is', null)
    .orderBy('posts.createdAt', 'desc')
    .limit(limit)
    .execute();
}

export async function tagsOf(db: Q, postIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!postIds.length) return out;
  const rows = await db.selectFrom('postTags').select(['postId', 'tag']).where('postId', 'in', postIds).orderBy('tag').execute();
  for (const r of rows) out.set(r.postId, [...(out.get(r.postId) ?? []), r.tag]);
  return out;
}

// ── replies ─────────────────────────────────────────────────────────────────

export async function insertReply(db: Q, row: ReplyRow): Promise<void> {
  await db.insertInto('replies').values(row).execute();
}

export function findReply(db: Q, postId: string, id: string): Promise<ReplyRow | undefined> {
  return db.selectFrom('replies').selectAll().where('postId', '=', postId).where('id', '=', id).executeTakeFirst();
}

/** A post's replies in the order they were written (a thread is drawn from parentId). */
export function repliesOf(db: Q, communityId: string, postId: string, limit: number): Promise<ReplyRow[]> {
  return db.selectFrom('replies').selectAll().where('communityId', '=', communityId).where('postId', '=', postId).orderBy('createdAt').orderBy('id').limit(limit).execute();
}

// ── reactions and bookmarks ─────────────────────────────────────────────────

export async function setReaction(db: Q, r: { communityId: string; postId: string; replyId: string; userId: string; reaction: string; at: string }, on: boolean): Promise<boolean> {
  const where = db
    .deleteFrom('reactions')
    .where('postId', '=', r.postId)
    .where('replyId', '=', r.replyId)
    .where('userId', '=', r.userId)
    .where('reaction', '=', r.reaction);
  if (!on) return Number((await where.executeTakeFirst()).numDeletedRows) > 0;
  const before = await db.selectFrom('reactions').select('userId').where('postId', '=', r.postId).where('replyId', '=', r.replyId).where('userId', '=', r.userId).where('reaction', '=', r.reaction).executeTakeFirst();
  if (before) return false;
  await db
    .insertInto('reactions')
    .values({ communityId: r.communityId, postId: r.postId, replyId: r.replyId, userId: r.userId, reaction: r.reaction, createdAt: r.at })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return true;
}

export interface ReactionCount {
  replyId: string;
  reaction: string;
  count: number;
  mine: boolean;
}

export async function reactionsOf(db: Q, postId: string, userId: string): Promise<ReactionCount[]> {
  const rows = await db
    .selectFrom('reactions')
    .select(['replyId', 'reaction', (eb) => eb.fn.countAll<number>().as('count'), (eb) => eb.fn.sum<number>(eb.case().when('userId', '=', userId).then(1).else(0).end()).as('mine')])
    .where('postId', '=', postId)
    .groupBy(['replyId', 'reaction'])
    .execute();
  return rows.map((r) => ({ replyId: r.replyId, reaction: r.reaction, count: Number(r.count), mine: Number(r.mine) > 0 }));
}

export async function setBookmark(db: Q, communityId: string, userId: string, postId: string, on: boolean, at: string): Promise<void> {
  if (on) await db.insertInto('bookmarks').values({ communityId, userId, postId, createdAt: at }).onConflict((oc) => oc.doNothing()).execute();
  else await db.deleteFrom('bookmarks').where('userId', '=', userId).where('postId', '=', postId).execute();
}

export async function bookmarked(db: Q, userId: string, postId: string): Promise<boolean> {
  return !!(await db.selectFrom('bookmarks').select('postId').where('userId', '=', userId).where('postId', '=', postId).executeTakeFirst());
}

/** The viewer's bookmarks they may still read, newest bookmark first. */
export function bookmarksOf(db: Q, communityId: string, a: Access, limit: number): Promise<PostRow[]> {
  return db
    .selectFrom('bookmarks')
    .innerJoin('posts', 'posts.id', 'bookmarks.postId')
    .selectAll('posts')
    .where('bookmarks.communityId', '=', communityId)
    .where('bookmarks.userId', '=', a.userId)
    .where(readableBy(a))
    .orderBy('bookmarks.createdAt', 'desc')
    .limit(limit)
    .execute();
}

// ── search ──────────────────────────────────────────────────────────────────

export interface SearchRow {
  post: PostRow;
  docId: string;
}

/** Posts and replies matching `text` that the viewer may read: the visibility join is in the query. */
export async function searchReadable(db: Q, communityId: string, a: Access, text: string, limit: number): Promise<SearchRow[]> {
  const hits = search.query(db, communityId, text);
  if (!hits) return [];
  const rows = await db
    .selectFrom(hits.as('hits'))
    .innerJoin('posts', 'posts.id', 'hits.postId')
    .selectAll('posts')
    .select(['hits.docId', 'hits.rank'])
    .where('posts.communityId', '=', communityId)
    .where(readableBy(a))
    .orderBy('hits.rank')
    .orderBy('posts.createdAt', 'desc')
    .limit(limit)
    .execute();
  return rows.map(({ docId, rank: _rank, ...post }) => ({ post: post as PostRow, docId }));
}

// ── people and settings ─────────────────────────────────────────────────────

/** Active members of the community whose display name is one of `names` (for @mentions). */
export async function membersNamed(db: Q, communityId: string, names: string[]): Promise<{ userId: string; displayName: string }[]> {
  if (!names.length) return [];
  return activeMembersQuery(db, communityId).where('users.displayName', 'in', names).execute();
}

/** Active members at or above core (who hear questions asked of the core). */
export async function coreMembers(db: Q, communityId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships')
    .select('userId')
    .where('communityId', '=', communityId)
    .where('state', '=', 'member')
    .where('role', 'in', ['core', 'admin', 'owner'])
    .execute();
  return rows.map((r) => r.userId);
}

export async function loadSettings(db: Q, communityId: string): Promise<Partial<ContentSettings> | null> {
  const row = await db.selectFrom('contentSettings').select('settings').where('communityId', '=', communityId).executeTakeFirst();
  return row ? (JSON.parse(row.settings) as Partial<ContentSettings>) : null;
}

export async function saveSettings(db: Q, communityId: string, settings: ContentSettings, by: string, at: string): Promise<void> {
  const values = { communityId, settings: JSON.stringify(settings), updatedBy: by, updatedAt: at };
  await db
    .insertInto('contentSettings')
    .values(values)
    .onConflict((oc) => oc.column('communityId').doUpdateSet({ settings: values.settings, updatedBy: by, updatedAt: at }))
    .execute();
}


// ── core duties and supply ──────────────────────────────────────────────────

export type DutyRow = Selectable<Database['coreDuties']>;

export async function insertDuty(db: Q, row: DutyRow): Promise<void> {
  await db.insertInto('coreDuties').values(row).execute();
}

export async function deleteDuty(db: Q, communityId: string, id: string): Promise<boolean> {
  const r = await db.deleteFrom('coreDuties').where('communityId', '=', communityId).where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export function duties(db: Q, communityId: string): Promise<DutyRow[]> {
  return db.selectFrom('coreDuties').selectAll().where('communityId', '=', communityId).orderBy('createdAt').execute();
}

/** The content events of the window, the raw material of the supply measures. */
export async function contentEvents(db: Q, communityId: string, since: string) {
  const rows = await db
    .selectFrom('activityEvents')
    .select(['kind', 'actorId', 'targetId', 'objectType', 'at', 'data'])
    .where('communityId', '=', communityId)
    .where('at', '>=', since)
    .where('kind', 'in', ['content.posted', 'content.replied', 'content.accepted', 'content.pinned'])
    .execute();
  return rows.map((r) => ({ ...r, data: r.data ? (JSON.parse(r.data) as Record<string, unknown>) : null }));
}

/** Questions addressed to one core member since `since` (the answer duty). */
export async function askedQuestions(db: Q, communityId: string, since: string) {
  const rows = await db
    .selectFrom('posts')
    .select(['askedUserId', 'createdAt', 'answeredAt'])
    .where('communityId', '=', communityId)
    .where('kind', '=', 'question')
    .where('askedUserId', 'is not', null)
    .where('createdAt', '>=', since)
    .execute();
  return rows.map((r) => ({ askedUserId: r.askedUserId!, createdAt: r.createdAt, answeredAt: r.answeredAt }));
}

/** Active members with their role and name. */
export function activeMembers(db: Q, communityId: string) {
  return activeMembersQuery(db, communityId).execute();
}

function activeMembersQuery(db: Q, communityId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.userId')
    .select(['memberships.userId', 'memberships.role', 'users.displayName'])
    .where('memberships.communityId', '=', communityId)
    .where('memberships.state', '=', 'member');
}
