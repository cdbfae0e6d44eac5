/**
 * One member's timeline for the operators: every event they did or that was
 * done to them, newest first (ties by id), a page at a time. Two keyset walks
 * — over (community_id, actor_id, at) and (community_id, target_id, at) — are
 * merged, so a page reads at most twice its size whatever the community's size.
 */
import type { AppContext } from '../../kernel/context.js';
import type { Q } from '../../kernel/db/tx.js';
import { Invalid } from '../../kernel/errors.js';
import { usersById } from '../accounts/index.js';
import { openCommunity, toActivityItem, type ActivityItem } from '../communities/index.js';

export type TimelineItem = ActivityItem;

/** `before` is the cursor of the last page: "<at>|<id>". */
export async function memberTimeline(ctx: AppContext, slug: string, userId: string | null, memberId: string, q: { before?: string; limit?: number }) {
  const db = ctx.db.kysely;
  const { community } = await openCommunity(db, { slug }, userId, 'activity.read');
  const limit = Math.min(q.limit ?? 30, 100);
  const cursor = q.before ? parseCursor(q.before) : null;
  const [did, got] = await Promise.all([page(db, community.id, 'actorId', memberId, cursor, limit), page(db, community.id, 'targetId', memberId, cursor, limit)]);
  const seen = new Set<number>();
  const rows = [...did, ...got]
    .filter((r) => !seen.has(Number(r.id)) && seen.add(Number(r.id)))
    .sort((a, b) => (a.at === b.at ? Number(b.id) - Number(a.id) : a.at < b.at ? 1 : -1))
    .slice(0, limit);
  const people = await usersById(db, rows.flatMap((r) => [r.actorId, r.targetId]).filter((x): x is string => !!x));
  const name = (id: string | null) => (id ? (people.get(id)?.displayName ?? null) : null);
  const events: TimelineItem[] = rows.map((r) => toActivityItem({ ...r, actorName: name(r.actorId), targetName: name(r.targetId) }));
  const last = rows.at(-1);
  return { events, next: rows.length === limit && last ? `${last.at}|${last.id}` : null };
}

function page(db: Q, communityId: string, column: 'actorId' | 'targetId', memberId: string, cursor: { at: string; id: number } | null, limit: number) {
  let query = db.selectFrom('activityEvents').selectAll().where('communityId', '=', communityId).where(column, '=', memberId);
  if (cursor) query = query.where((eb) => eb.or([eb('at', '<', cursor.at), eb.and([eb('at', '=', cursor.at), eb('id', '<', cursor.id)])]));
  return query.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

function parseCursor(s: string): { at: string; id: number } {
  const [at, id] = s.split('|');
  if (!at || Number.isNaN(Date.parse(at)) || !id || !/^\d+$/.test(id)) throw Invalid('before', 'use the cursor the last page gave');
  return { at, id: Number(id) };
}
