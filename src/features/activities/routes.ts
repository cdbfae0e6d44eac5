/**
 * HTTP ↔ activities use cases: 打卡 challenges and check-ins. Request and
 * response shapes are in schemas.ts.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { checkIn, createChallenge, getChallenge, joinChallenge, listChallenges, respond } from './challenges.js';
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
};
