/**
 * HTTP ↔ activities use cases: 打卡 challenges and check-ins. Request and
 * response shapes are in schemas.ts.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { checkIn, createChallenge, getChallenge, joinChallenge, listChallenges, respond } from './challenges.js';
import { attendees, attendeesCsv, checkInByCode, createEvent, eventIcs, getEvent, listEvents, myCode, rsvp } from './events.js';
import * as s from './schemas.js';

const TAGS = ['activities'];

export const activitiesRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const ctx = base.ctx;
  const uid = (req: { user: { id: string } | null }) => req.user?.id ?? null;
  const path = '/communities/:slug/challenges';

  app.get(path, { schema: { tags: TAGS, summary: 'The challenges (打卡) of a community (members)', params: s.slugParams, response: { 200: s.challengeList } } }, async (req) =>
    listChallenges(ctx, req.params.slug, uid(req)),
  );

  app.post(
    path,
    { schema: { tags: TAGS, summary: 'Create a challenge; { title, period } is enough (owner, admins, core)', params: s.slugParams, body: s.challengeBody, response: { 201: s.created } } },
    async (req, reply) => reply.status(201).send(await createChallenge(ctx, req.params.slug, uid(req), req.body)),
  );

  app.get(
    `${path}/:id`,
    { schema: { tags: TAGS, summary: 'A challenge with the viewer’s own streak and calendar, the leaderboard and recent check-ins (members)', params: s.itemParams, response: { 200: s.challengeView } } },
    async (req) => getChallenge(ctx, req.params.slug, uid(req), req.params.id),
  );

  app.post(`${path}/:id/join`, { schema: { tags: TAGS, summary: 'Join a challenge (members); joining twice changes nothing', params: s.itemParams, response: { 200: s.joined } } }, async (req) =>
    joinChallenge(ctx, req.params.slug, uid(req), req.params.id),
  );

  app.post(
    `${path}/:id/checkins`,
    {
      schema: {
        tags: TAGS,
        summary: 'Check in for the current period (a second check-in the same period edits it), or make up a missed one with makeUpFor (补卡)',
        params: s.itemParams,
        body: s.checkinBody,
        response: { 200: s.checkinSaved, 201: s.checkinSaved },
      },
    },
    async (req, reply) => {
      const saved = await checkIn(ctx, req.params.slug, uid(req), req.params.id, req.body ?? {});
      return reply.status(saved.created ? 201 : 200).send(saved);
    },
  );

  app.post(
    `${path}/:id/checkins/:checkinId/responses`,
    { schema: { tags: TAGS, summary: 'React to or comment on a check-in (members)', params: s.checkinParams, body: s.responseBody, response: { 201: s.responseSaved } } },
    async (req, reply) => reply.status(201).send(await respond(ctx, req.params.slug, uid(req), req.params.id, req.params.checkinId, req.body)),
  );

  const events = '/communities/:slug/events';

  app.get(events, { schema: { tags: TAGS, summary: 'The events of a community (members)', params: s.slugParams, response: { 200: s.eventList } } }, async (req) =>
    listEvents(ctx, req.params.slug, uid(req)),
  );

  app.post(
    events,
    { schema: { tags: TAGS, summary: 'Create an event; { title, startsAt, capacity } is enough (owner, admins, core)', params: s.slugParams, body: s.eventBody, response: { 201: s.created } } },
    async (req, reply) => reply.status(201).send(await createEvent(ctx, req.params.slug, uid(req), req.body)),
  );

  app.get(
    `${events}/:id`,
    { schema: { tags: TAGS, summary: 'An event; the venue and meeting link only for those going and the hosts (members)', params: s.itemParams, response: { 200: s.eventView } } },
    async (req) => getEvent(ctx, req.params.slug, uid(req), req.params.id),
  );

  app.post(
    `${events}/:id/rsvp`,
    {
      schema: {
        tags: TAGS,
        summary: 'RSVP going / maybe / not going; at capacity "going" joins the waitlist. Answers the resulting status (going or waitlisted, …)',
        params: s.itemParams,
        body: s.rsvpBody,
        response: { 200: s.rsvpSaved },
      },
    },
    async (req) => rsvp(ctx, req.params.slug, uid(req), req.params.id, req.body.status),
  );

  app.get(
    `${events}/:id/attendees`,
    {
      schema: {
        tags: TAGS,
        summary: 'Who is going, waiting, maybe, not going, and who came (hosts); ?format=csv downloads it',
        params: s.itemParams,
        querystring: s.csvQuery,
        response: { 200: { content: { 'application/json': { schema: s.attendeeList }, 'text/csv': { schema: s.attendeeCsv } } } },
      },
    },
    async (req, reply) => {
      if (req.query.format !== 'csv') return attendees(ctx, req.params.slug, uid(req), req.params.id);
      const csv = await attendeesCsv(ctx, req.params.slug, uid(req), req.params.id);
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="event-${req.params.id}.csv"`).send(csv);
    },
  );

  app.get(
    `${events}/:id/my-code`,
    { schema: { tags: TAGS, summary: 'My check-in code and its QR image (those going)', params: s.itemParams, response: { 200: s.myCode } } },
    async (req) => myCode(ctx, req.params.slug, uid(req), req.params.id),
  );

  app.post(
    `${events}/:id/checkin`,
    { schema: { tags: TAGS, summary: 'Check a member in at the venue by their code, scanned or typed; each code works once (hosts)', params: s.itemParams, body: s.codeBody, response: { 200: s.checkedIn } } },
    async (req) => checkInByCode(ctx, req.params.slug, uid(req), req.params.id, req.body.code),
  );

  app.get(
    `${events}/:id/ics`,
    { schema: { tags: TAGS, summary: 'The event as an iCalendar (.ics) file (members)', params: s.itemParams, response: { 200: { content: { 'text/calendar': { schema: s.ics } } } } } },
    async (req, reply) => {
      const body = await eventIcs(ctx, req.params.slug, uid(req), req.params.id);
      return reply.type('text/calendar; charset=utf-8').header('content-disposition', `attachment; filename="event-${req.params.id}.ics"`).send(body);
    },
  );
};
