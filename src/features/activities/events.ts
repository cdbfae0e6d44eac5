/**
 * Event use cases: create, list, read (venue and links for those going), RSVP
 * with a waitlist promoted in arrival order, the host's list and CSV, the
 * member's signed check-in code and the host's check-in by code, and `.ics`.
 */
import QRCode from 'qrcode';
import type { AppContext } from '../../kernel/context.js';
import { appendEvent } from '../../kernel/activity/log.js';
import { toCsv } from '../../kernel/csv.js';
import { inTransaction, type Q } from '../../kernel/db/tx.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../../kernel/errors.js';
import { newId, newSecret } from '../../kernel/ids.js';
import { usersById } from '../accounts/index.js';
import { openCommunity } from '../communities/index.js';
import { notify } from '../members/index.js';
import { checkinCode, codeMatches } from './codes.js';
import * as store from './events-store.js';
import { canRun, canTakePart } from './policy.js';
import { placeRsvp, rsvpProblem, seesDetails, toPromote, wantsPlace, type RsvpAsk, type RsvpStatus } from './rules.js';
import type { EventBody } from './schemas.js';

export async function createEvent(ctx: AppContext, slug: string, userId: string | null, body: EventBody) {
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (trx) => {
    const { community, me } = await openCommunity(trx, { slug }, userId, canRun);
    const startsAt = new Date(body.startsAt).toISOString();
    if (body.endsAt && body.endsAt <= startsAt) throw Invalid('endsAt', 'must be after startsAt');
    const id = newId(now.getTime());
    await store.insertEvent(trx, {
      id,
      communityId: community.id,
      title: body.title,
      description: body.description ?? '',
      startsAt,
      endsAt: body.endsAt ? new Date(body.endsAt).toISOString() : null,
      capacity: body.capacity,
      venue: body.venue ?? null,
      mapLink: body.mapLink ?? null,
      meetingLink: body.meetingLink ?? null,
      registerUntil: body.registerUntil ? new Date(body.registerUntil).toISOString() : null,
      codeSecret: newSecret(),
      createdBy: me,
      createdAt: now.toISOString(),
    });
    return { id };
  });
}

export async function listEvents(ctx: AppContext, slug: string, userId: string | null) {
  const db = ctx.db.kysely;
  const { community, me, actor } = await openCommunity(db, { slug }, userId, canTakePart);
  const permissions = { canRun: canRun(actor, community) };
  const rows = await store.listEvents(db, community.id);
  const mine = await Promise.all(rows.map((e) => store.findRsvp(db, community.id, e.id, me)));
  return {
    permissions,
    events: rows.map((e, i) => ({ id: e.id, title: e.title, startsAt: e.startsAt, capacity: e.capacity, going: Number(e.going), myStatus: mine[i]?.status ?? null })),
  };
}

async function openEvent(db: Q, slug: string, userId: string | null, id: string, opts: { host?: boolean; lock?: boolean } = {}) {
  const opening = await openCommunity(db, { slug }, userId, opts.host ? canRun : canTakePart);
  const event = await store.findEvent(db, opening.community.id, id, { lock: opts.lock });
  if (!event) throw NotFound('event');
  return { ...opening, event, host: canRun(opening.actor, opening.community) };
}

/** Where someone stands: their status and, on the waitlist, their place in the queue (1 = next). */
async function standing(db: Q, communityId: string, eventId: string, r: store.RsvpRow | undefined) {
  if (r?.status !== 'waitlisted') return { status: r?.status ?? null, position: null };
  const queue = await store.rsvps(db, communityId, eventId, ['waitlisted']);
  return { status: r.status, position: queue.findIndex((x) => x.userId === r.userId) + 1 };
}

export async function getEvent(ctx: AppContext, slug: string, userId: string | null, id: string) {
  const db = ctx.db.kysely;
  const { community, event, host, me } = await openEvent(db, slug, userId, id);
  const mine = await store.findRsvp(db, community.id, event.id, me);
  const all = await store.rsvps(db, community.id, event.id);
  const details = seesDetails(mine?.status, host);
  return {
    id: event.id,
    title: event.title,
    description: event.description,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    capacity: event.capacity,
    registerUntil: event.registerUntil,
    going: all.filter((r) => r.status === 'going').length,
    waitlisted: all.filter((r) => r.status === 'waitlisted').length,
    attended: all.filter((r) => r.attendedAt).length,
    venue: details ? event.venue : null,
    mapLink: details ? event.mapLink : null,
    meetingLink: details ? event.meetingLink : null,
    hasVenue: event.venue !== null,
    hasMeetingLink: event.meetingLink !== null,
    me: { ...(await standing(db, community.id, event.id, mine)), attended: !!mine?.attendedAt },
    host,
  };
}

/**
 * RSVP. The event row is locked first, so concurrent asks for its places are
 * decided one at a time, in the order they got the lock: that order is the
 * waitlist's (`seq`). Leaving a place promotes the head of the waitlist, who is told.
 */
export async function rsvp(ctx: AppContext, slug: string, userId: string | null, id: string, ask: RsvpAsk) {
  const now = ctx.clock.now();
  const at = now.toISOString();
  return inTransaction(ctx.db, async (trx) => {
    const { community, event, me } = await openEvent(trx, slug, userId, id, { lock: true });
    const problem = rsvpProblem(event, ask, now);
    if (problem) throw Conflict(problem === 'started' ? 'the event has started' : 'registration has closed', 'status', `rsvp_${problem}`);
    const current = await store.findRsvp(trx, community.id, event.id, me);
    const going = await store.countGoing(trx, community.id, event.id);
    const status = placeRsvp(current?.status, ask, going, event.capacity);
    if (status !== current?.status) {
      const seq = wantsPlace(status) && wantsPlace(current?.status) ? current!.seq : await store.nextSeq(trx, community.id, event.id);
      await store.upsertRsvp(trx, { eventId: event.id, userId: me, communityId: community.id, status, seq, createdAt: current?.createdAt ?? at, updatedAt: at, attendedAt: null, checkedInBy: null });
      if (current?.status === 'going') await promote(ctx, trx, event, at);
    }
    return standing(trx, community.id, event.id, await store.findRsvp(trx, community.id, event.id, me)) as Promise<{ status: RsvpStatus; position: number | null }>;
  });
}

async function promote(ctx: AppContext, trx: Q, event: store.EventRow, at: string): Promise<void> {
  const queue = await store.rsvps(trx, event.communityId, event.id, ['waitlisted']);
  const n = toPromote(await store.countGoing(trx, event.communityId, event.id), event.capacity, queue.length);
  for (const r of queue.slice(0, n)) {
    await store.setStatus(trx, event.communityId, event.id, r.userId, 'going', at);
    await notify(ctx, trx, { communityId: event.communityId, userId: r.userId, kind: 'activities.promoted', data: { event: event.title, startsAt: event.startsAt } });
  }
}

/** The host's list: who is going, waiting (in order), maybe, not going, and who came. */
export async function attendees(ctx: AppContext, slug: string, userId: string | null, id: string) {
  const db = ctx.db.kysely;
  const { community, event } = await openEvent(db, slug, userId, id, { host: true });
  const rows = await store.rsvps(db, community.id, event.id);
  const people = await usersById(db, rows.map((r) => r.userId));
  let place = 0;
  return {
    attendees: rows.map((r) => ({
      member: { id: r.userId, displayName: people.get(r.userId)?.displayName ?? '' },
      status: r.status,
      position: r.status === 'waitlisted' ? ++place : null,
      respondedAt: r.updatedAt,
      attendedAt: r.attendedAt,
    })),
  };
}

export async function attendeesCsv(ctx: AppContext, slug: string, userId: string | null, id: string): Promise<string> {
  const { attendees: list } = await attendees(ctx, slug, userId, id);
  return toCsv(
    ['name', 'member_id', 'status', 'waitlist_position', 'responded_at', 'attended_at'],
    list.map((a) => [a.member.displayName, a.member.id, a.status, a.position, a.respondedAt, a.attendedAt]),
  );
}

/** A going member's own check-in code, as text to read out and as a QR image to scan. */
export async function myCode(ctx: AppContext, slug: string, userId: string | null, id: string) {
  const db = ctx.db.kysely;
  const { community, event, me } = await openEvent(db, slug, userId, id);
  const mine = await store.findRsvp(db, community.id, event.id, me);
  if (mine?.status !== 'going') throw Forbidden('only those going have a check-in code');
  const code = checkinCode(event.codeSecret, event.id, me);
  return { code, qrSvg: await QRCode.toString(code, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }), used: !!mine.attendedAt };
}

/** The host checks someone in by their code (scanned or typed): once per member; attendance is an event. */
export async function checkInByCode(ctx: AppContext, slug: string, userId: string | null, id: string, code: string) {
  const at = ctx.clock.now().toISOString();
  return inTransaction(ctx.db, async (trx) => {
    const { community, event, me } = await openEvent(trx, slug, userId, id, { host: true });
    const going = await store.rsvps(trx, community.id, event.id, ['going']);
    const who = going.find((r) => codeMatches(event.codeSecret, event.id, r.userId, code));
    if (!who) throw NotFound('check-in code');
    if (!(await store.markAttended(trx, community.id, event.id, who.userId, at, me))) throw Conflict('this code was already used', 'code', 'code_used');
    await appendEvent(trx, community.id, { kind: 'activity.attended', actorId: who.userId, objectType: 'event', objectId: event.id, data: { checkedInBy: me }, at });
    const person = (await usersById(trx, [who.userId])).get(who.userId);
    return { member: { id: who.userId, displayName: person?.displayName ?? '' }, attendedAt: at };
  });
}

/** The event as an iCalendar file; the venue or link only for those who may see it. */
export async function eventIcs(ctx: AppContext, slug: string, userId: string | null, id: string): Promise<string> {
  const e = await getEvent(ctx, slug, userId, id);
  const stamp = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const esc = (s: string) => s.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');
  const end = e.endsAt ?? new Date(new Date(e.startsAt).getTime() + 2 * 3_600_000).toISOString();
  const where = e.venue ?? e.meetingLink;
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Shequn//Events//EN',
    'BEGIN:VEVENT',
    `UID:${e.id}@shequn`,
    `DTSTAMP:${stamp(ctx.clock.now().toISOString())}`,
    `DTSTART:${stamp(e.startsAt)}`,
    `DTEND:${stamp(end)}`,
    `SUMMARY:${esc(e.title)}`,
    ...(e.description ? [`DESCRIPTION:${esc(e.description)}`] : []),
    ...(where ? [`LOCATION:${esc(where)}`] : []),
    `URL:${ctx.config.publicUrl}/c/${encodeURIComponent(slug)}/events/${e.id}`,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}
