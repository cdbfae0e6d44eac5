/**
 * In-app notices (站内通知): one list per person per community of what the
 * community decided about them — the gate's (approved, rejected, waitlisted,
 * admitted, renewal) and pruning's (`pruning.*`: warned, cleared, removed,
 * appeal and report outcomes). Writers call `writeNotice` inside the deciding
 * transaction, so a notice exists exactly when its decision does.
 *
 * Reading is always "my own": every query is keyed by the signed-in user, so
 * there is no way to name someone else's notice. A person without a
 * membership simply has none; a removed member still reads theirs.
 */
import type { Kysely } from 'kysely';
import type { AppContext } from '../../kernel/context.js';
import type { Database } from '../../kernel/db/schema.js';
import { newId } from '../../kernel/ids.js';
import { decodeCursor, pageOf } from '../../kernel/paging.js';
import { loadCommunity, signedIn } from '../communities/service.js';

type Q = Kysely<Database>;

export const NOTICE_PAGE = 50;

export interface NewNotice {
  communityId: string;
  userId: string;
  kind: string;
  data?: Record<string, unknown>;
}

export async function writeNotice(trx: Q, at: Date, n: NewNotice): Promise<string> {
  const id = newId(at.getTime());
  await trx
    .insertInto('notifications')
    .values({ id, communityId: n.communityId, userId: n.userId, kind: n.kind, data: JSON.stringify(n.data ?? {}), createdAt: at.toISOString(), readAt: null })
    .execute();
  return id;
}

export interface NoticeView {
  id: string;
  kind: string;
  data: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

/** A notice's place in the list, newest first: when, then id. */
export type NoticeKey = [createdAt: string, id: string];

/** The newest notices of one person in one community, below `after` if given (notifications_mine). */
export async function noticesOf(db: Q, communityId: string, userId: string, limit = NOTICE_PAGE, after?: NoticeKey): Promise<NoticeView[]> {
  let q = db.selectFrom('notifications').selectAll().where('communityId', '=', communityId).where('userId', '=', userId);
  if (after) q = q.where((eb) => eb(eb.refTuple('createdAt', 'id'), '<', eb.tuple(after[0], after[1])));
  const rows = await q
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind, data: r.data ? (JSON.parse(r.data) as Record<string, unknown>) : {}, createdAt: r.createdAt, readAt: r.readAt }));
}

async function unreadCount(db: Q, communityId: string, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('communityId', '=', communityId)
    .where('userId', '=', userId)
    .where('readAt', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** `GET /communities/:slug/notices`: my notices here, newest first, page by page, and how many are unread. */
export async function myNotices(ctx: AppContext, slug: string, userId: string | null, query: { cursor?: string; limit?: number } = {}) {
  const me = signedIn(userId);
  const db = ctx.db.kysely;
  const community = await loadCommunity(db, slug);
  const limit = query.limit ?? NOTICE_PAGE;
  const after = decodeCursor(query.cursor, ['string', 'string']) as NoticeKey | undefined;
  const [rows, unread] = await Promise.all([noticesOf(db, community.id, me, limit + 1, after), unreadCount(db, community.id, me)]);
  const page = pageOf(rows, limit, (n) => [n.createdAt, n.id]);
  return { notices: page.rows, nextCursor: page.nextCursor, unread };
}

/**
 * `POST /communities/:slug/notices/read`: mark some of my notices (or all) read.
 * Ids that are not mine or already read are ignored, not an error: the answer
 * says how many were marked and how many stay unread.
 */
export async function markNoticesRead(ctx: AppContext, slug: string, userId: string | null, target: { ids?: string[]; all?: boolean }) {
  const me = signedIn(userId);
  const db = ctx.db.kysely;
  const community = await loadCommunity(db, slug);
  let marked = 0;
  if (target.all || target.ids?.length) {
    let q = db
      .updateTable('notifications')
      .set({ readAt: ctx.clock.now().toISOString() })
      .where('communityId', '=', community.id)
      .where('userId', '=', me)
      .where('readAt', 'is', null);
    if (!target.all) q = q.where('id', 'in', target.ids!);
    const res = await q.executeTakeFirst();
    marked = Number(res.numUpdatedRows);
  }
  return { marked, unread: await unreadCount(db, community.id, me) };
}
