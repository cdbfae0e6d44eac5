/** Queries of events and RSVPs; every query is keyed by the community. */
import type { Insertable, Selectable } from 'kysely';
import { forUpdate, type Q } from '../../kernel/db/tx.js';
import type { RsvpStatus } from './rules.js';
import type { EventRsvpsTable, EventsTable } from './tables.js';

export type EventRow = Selectable<EventsTable>;
export type RsvpRow = Selectable<EventRsvpsTable>;

export async function insertEvent(db: Q, row: Insertable<EventsTable>): Promise<void> {
  await db.insertInto('events').values(row).execute();
}

/** The event; `lock` serializes RSVPs for its places (PostgreSQL). */
export function findEvent(db: Q, communityId: string, id: string, { lock = false } = {}): Promise<EventRow | undefined> {
  return forUpdate(db, db.selectFrom('events').selectAll().where('communityId', '=', communityId).where('id', '=', id), lock).executeTakeFirst();
}

export function listEvents(db: Q, communityId: string): Promise<(EventRow & { going: number })[]> {
  return db
    .selectFrom('events')
    .selectAll('events')
    .select((eb) =>
      eb
        .selectFrom('eventRsvps')
        .whereRef('eventRsvps.eventId', '=', 'events.id')
        .where('eventRsvps.status', '=', 'going')
        .select(eb.fn.countAll<number>().as('n'))
        .as('going'),
    )
    .where('communityId', '=', communityId)
    .orderBy('startsAt', 'desc')
    .execute() as Promise<(EventRow & { going: number })[]>;
}

export function findRsvp(db: Q, communityId: string, eventId: string, userId: string): Promise<RsvpRow | undefined> {
  return db.selectFrom('eventRsvps').selectAll().where('communityId', '=', communityId).where('eventId', '=', eventId).where('userId', '=', userId).executeTakeFirst();
}

export function rsvps(db: Q, communityId: string, eventId: string, statuses?: RsvpStatus[]): Promise<RsvpRow[]> {
  let q = db.selectFrom('eventRsvps').selectAll().where('communityId', '=', communityId).where('eventId', '=', eventId);
  if (statuses) q = q.where('status', 'in', statuses);
  return q.orderBy('seq', 'asc').execute();
}

export async function countGoing(db: Q, communityId: string, eventId: string): Promise<number> {
  const r = await db
    .selectFrom('eventRsvps')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('communityId', '=', communityId)
    .where('eventId', '=', eventId)
    .where('status', '=', 'going')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function nextSeq(db: Q, communityId: string, eventId: string): Promise<number> {
  const r = await db
    .selectFrom('eventRsvps')
    .select((eb) => eb.fn.max<number | null>('seq').as('m'))
    .where('communityId', '=', communityId)
    .where('eventId', '=', eventId)
    .executeTakeFirst();
  return Number(r?.m ?? 0) + 1;
}

export async function upsertRsvp(db: Q, row: Insertable<EventRsvpsTable>): Promise<void> {
  await db
    .insertInto('eventRsvps')
    .values(row)
    .onConflict((oc) => oc.columns(['eventId', 'userId']).doUpdateSet({ status: row.status, seq: row.seq, updatedAt: row.updatedAt }))
    .execute();
}

export async function setStatus(db: Q, communityId: string, eventId: string, userId: string, status: RsvpStatus, at: string): Promise<void> {
  await db.updateTable('eventRsvps').set({ status, updatedAt: at }).where('communityId', '=', communityId).where('eventId', '=', eventId).where('userId', '=', userId).execute();
}

/** Records attendance once: false when the code was already used. */
export async function markAttended(db: Q, communityId: string, eventId: string, userId: string, at: string, by: string): Promise<boolean> {
  const r = await db
    .updateTable('eventRsvps')
    .set({ attendedAt: at, checkedInBy: by })
    .where('communityId', '=', communityId)
    .where('eventId', '=', eventId)
    .where('userId', '=', userId)
    .where('attendedAt', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
