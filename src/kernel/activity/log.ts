/**
 * The activity log: the spine every later feature reads (health, pruning, feeds).
 * Appends happen inside the caller's transaction, so a state change and its event
 * are written together or not at all. See docs/events.md for the taxonomy.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../db/schema.js';
import type { ActivityEvent, EventKind } from './taxonomy.js';

export interface StoredEvent extends ActivityEvent {
  id: number;
  communityId: string;
}

export async function appendEvent(trx: Kysely<Database>, communityId: string, event: ActivityEvent): Promise<void> {
  await appendEvents(trx, communityId, [event]);
}

/** Bulk append for importers and the demo loader (same transaction rules). */
export async function appendEvents(trx: Kysely<Database>, communityId: string, events: ActivityEvent[]): Promise<void> {
  for (let i = 0; i < events.length; i += 500) {
    const chunk = events.slice(i, i + 500);
    await trx
      .insertInto('activityEvents')
      .values(
        chunk.map((event) => ({
          communityId,
          kind: event.kind,
          actorId: event.actorId,
          targetId: event.targetId ?? null,
          objectType: event.objectType ?? null,
          objectId: event.objectId ?? null,
          data: event.data ? JSON.stringify(event.data) : null,
          at: event.at,
        })),
      )
      .execute();
  }
}

export interface EventQuery {
  kinds?: EventKind[];
  actorId?: string;
  since?: string;
  until?: string;
  limit?: number;
  /** Page after this id (ascending order). */
  afterId?: number;
}

export async function listEvents(db: Kysely<Database>, communityId: string, q: EventQuery = {}): Promise<StoredEvent[]> {
  let query = db.selectFrom('activityEvents').selectAll().where('communityId', '=', communityId);
  if (q.kinds?.length) query = query.where('kind', 'in', q.kinds);
  if (q.actorId) query = query.where('actorId', '=', q.actorId);
  if (q.since) query = query.where('at', '>=', q.since);
  if (q.until) query = query.where('at', '<', q.until);
  if (q.afterId !== undefined) query = query.where('id', '>', q.afterId);
  const rows = await query.orderBy('id', 'asc').limit(q.limit ?? 1000).execute();
  return rows.map(toStored);
}

/** Every event of a community, oldest first, read page by page (memory stays flat). */
export async function* streamEvents(db: Kysely<Database>, communityId: string, pageSize = 5000): AsyncGenerator<StoredEvent> {
  let afterId = 0;
  for (;;) {
    const page = await listEvents(db, communityId, { afterId, limit: pageSize });
    for (const e of page) yield e;
    if (page.length < pageSize) return;
    afterId = page[page.length - 1]!.id;
  }
}

/**
 * The latest event per actor among `kinds` (of `actorIds` only, when given): one grouped
 * query over the (community_id, actor_id, at) index. Pruning's silence and the members'
 * evidence both read it.
 */
export async function latestEventByActor(db: Kysely<Database>, communityId: string, kinds: readonly EventKind[], actorIds?: string[]): Promise<Map<string, string>> {
  if (actorIds && !actorIds.length) return new Map();
  let query = db
    .selectFrom('activityEvents')
    .select((eb) => ['actorId', eb.fn.max('at').as('at')])
    .where('communityId', '=', communityId)
    .where('kind', 'in', kinds)
    .where('actorId', 'is not', null);
  if (actorIds) query = query.where('actorId', 'in', actorIds);
  const rows = await query.groupBy('actorId').execute();
  return new Map(rows.map((r) => [r.actorId!, String(r.at)]));
}

function toStored(row: Selectable<Database['activityEvents']>): StoredEvent {
  return {
    id: Number(row.id),
    communityId: row.communityId,
    kind: row.kind,
    at: row.at,
    actorId: row.actorId,
    targetId: row.targetId,
    objectType: row.objectType,
    objectId: row.objectId,
    data: row.data ? JSON.parse(row.data) : null,
  };
}
