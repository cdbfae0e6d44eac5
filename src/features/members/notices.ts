/**
 * In-app notices (站内通知): one list per person per community of what the
 * community decided about them — the gate's and pruning's, named
 * `<feature>.<event>` (notice-kinds.ts). They are written by notify.ts inside
 * the deciding transaction, so a notice exists exactly when its decision does.
 *
 * Reading is always "my own": every query is keyed by the signed-in user, so
 * there is no way to name someone else's notice. A person without a
 * membership simply has none; a removed member still reads theirs.
 */
import type { AppContext } from '../../kernel/context.js';
import type { Q } from '../../kernel/db/tx.js';
import { openCommunity } from '../communities/index.js';
import type { NoticeKind } from './notice-kinds.js';
import * as store from './store.js';
import { decodeCursor, pageOf } from '../../kernel/paging.js';

export const NOTICE_PAGE = 50;

export interface NoticeView {
  id: string;
  kind: NoticeKind;
  data: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

/** A notice's place in the list, newest first: when, then id. */
export type NoticeKey = store.NoticeKey;

/** The newest notices of one person in one community, below `after` if given. */
export async function noticesOf(db: Q, communityId: string, userId: string, limit = NOTICE_PAGE, after?: NoticeKey): Promise<NoticeView[]> {
  const rows = await store.listNotices(db, communityId, userId, limit, after);
  return rows.map((r) => ({ id: r.id, kind: r.kind, data: r.data ? (JSON.parse(r.data) as Record<string, unknown>) : {}, createdAt: r.createdAt, readAt: r.readAt }));
}

/** `GET /communities/:slug/notices`: my notices here, newest first, page by page, and how many are unread. */
export async function myNotices(ctx: AppContext, slug: string, userId: string | null, query: { cursor?: string; limit?: number } = {}) {
  const db = ctx.db.kysely;
  const { community, me } = await openCommunity(db, { slug }, userId, 'signed-in');
  const limit = query.limit ?? NOTICE_PAGE;
  const after = decodeCursor(query.cursor, ['string', 'string']) as NoticeKey | undefined;
  const [rows, unread] = await Promise.all([noticesOf(db, community.id, me, limit + 1, after), store.unreadCount(db, community.id, me)]);
  const page = pageOf(rows, limit, (n) => [n.createdAt, n.id]);
  return { notices: page.rows, nextCursor: page.nextCursor, unread };
}

/**
 * `POST /communities/:slug/notices/read`: mark some of my notices (or all) read.
 * Ids that are not mine or already read are ignored, not an error: the answer
 * says how many were marked and how many stay unread.
 */
export async function markNoticesRead(ctx: AppContext, slug: string, userId: string | null, target: { ids?: string[]; all?: boolean }) {
  const db = ctx.db.kysely;
  const { community, me } = await openCommunity(db, { slug }, userId, 'signed-in');
  const marked = target.all || target.ids?.length ? await store.markRead(db, community.id, me, ctx.clock.now().toISOString(), target.all ? undefined : target.ids) : 0;
  return { marked, unread: await store.unreadCount(db, community.id, me) };
}
