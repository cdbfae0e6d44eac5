/**
 * Queries of the members feature: profiles (with the self-introduction) and
 * in-app notices. Every function takes the communityId; notices are always
 * keyed by their owner as well, so no query can name someone else's.
 */
import type { Q } from '../../kernel/db/tx.js';
import { newId } from '../../kernel/ids.js';
import type { NoticeKind } from './notice-kinds.js';
import type { MemberProfilesTable, NotificationsTable } from './tables.js';

export type ProfileRow = MemberProfilesTable;
export type NoticeRow = NotificationsTable;

// ── profiles ─────────────────────────────────────────────────────────────────

export function findProfile(db: Q, communityId: string, userId: string): Promise<ProfileRow | undefined> {
  return db.selectFrom('memberProfiles').selectAll().where('communityId', '=', communityId).where('userId', '=', userId).executeTakeFirst();
}

export async function insertProfile(db: Q, row: ProfileRow): Promise<void> {
  await db.insertInto('memberProfiles').values(row).execute();
}

export async function updateProfile(db: Q, communityId: string, id: string, patch: Partial<Omit<ProfileRow, 'id' | 'communityId' | 'userId'>>): Promise<void> {
  await db.updateTable('memberProfiles').set(patch).where('communityId', '=', communityId).where('id', '=', id).execute();
}

/** Of `userIds`, those who have written their introduction (the entry funnel). */
export async function introducedAmong(db: Q, communityId: string, userIds: string[]): Promise<string[]> {
  if (!userIds.length) return [];
  const rows = await db.selectFrom('memberProfiles').select('userId').where('communityId', '=', communityId).where('introducedAt', 'is not', null).where('userId', 'in', userIds).execute();
  return rows.map((r) => r.userId);
}

// ── notices ──────────────────────────────────────────────────────────────────

export async function insertNotice(db: Q, at: Date, n: { communityId: string; userId: string; kind: NoticeKind; data: Record<string, unknown> }): Promise<string> {
  const id = newId(at.getTime());
  await db
    .insertInto('notifications')
    .values({ id, communityId: n.communityId, userId: n.userId, kind: n.kind, data: JSON.stringify(n.data), createdAt: at.toISOString(), readAt: null })
    .execute();
  return id;
}

/** A notice's place in the list, newest first: when, then id. */
export type NoticeKey = [createdAt: string, id: string];

/** One person's notices in one community, newest first, below `after` if given (notifications_mine). */
export function listNotices(db: Q, communityId: string, userId: string, limit: number, after?: NoticeKey): Promise<NoticeRow[]> {
  let q = db.selectFrom('notifications').selectAll().where('communityId', '=', communityId).where('userId', '=', userId);
  if (after) q = q.where((eb) => eb(eb.refTuple('createdAt', 'id'), '<', eb.tuple(after[0], after[1])));
  return q
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function unreadCount(db: Q, communityId: string, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('communityId', '=', communityId)
    .where('userId', '=', userId)
    .where('readAt', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Marks the person's own unread notices (all, or those of `ids`) read; returns how many. */
export async function markRead(db: Q, communityId: string, userId: string, at: string, ids?: string[]): Promise<number> {
  let q = db.updateTable('notifications').set({ readAt: at }).where('communityId', '=', communityId).where('userId', '=', userId).where('readAt', 'is', null);
  if (ids) q = q.where('id', 'in', ids);
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows);
}
