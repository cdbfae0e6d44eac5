/** HTTP ↔ onboarding and profile use cases. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { slugParams } from '../../kernel/http/schemas.js';
import { markNoticesRead, myNotices } from './notices.js';
import * as s from './schemas.js';
import { acceptNorms, getOnboarding, getProfile, writeIntro } from './service.js';
import { memberEvidence } from './evidence.js';
import { memberTimeline } from './timeline.js';

const TAGS = ['members'];

export const membersRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const ctx = base.ctx;
  app.get(
    '/communities/:slug/onboarding',
    { schema: { tags: TAGS, summary: 'My onboarding: norms, intro template, status (members)', params: slugParams, response: { 200: s.onboarding } } },
    async (req) => getOnboarding(ctx, req.params.slug, req.user?.id ?? null),
  );
  app.post(
    '/communities/:slug/onboarding/norms',
    { schema: { tags: TAGS, summary: 'Accept the norms (群规)', params: slugParams, response: { 200: s.onboarding } } },
    async (req) => acceptNorms(ctx, req.params.slug, req.user?.id ?? null),
  );
  app.post(
    '/communities/:slug/intro',
    { schema: { tags: TAGS, summary: 'Write my self-introduction (自我介绍) from the template', params: slugParams, body: s.introBody, response: { 200: s.onboarding } } },
    async (req) => writeIntro(ctx, req.params.slug, req.user?.id ?? null, req.body.intro),
  );
  app.get(
    '/communities/:slug/members/:userId/profile',
    { schema: { tags: TAGS, summary: "A member's profile and self-introduction (members only)", params: s.profileParams, response: { 200: s.profile } } },
    async (req) => getProfile(ctx, req.params.slug, req.user?.id ?? null, req.params.userId),
  );
  app.get(
    '/communities/:slug/members/evidence',
    {
      schema: {
        tags: TAGS,
        summary: 'Evidence for decisions about up to 100 members: last active (by source), introduction, invites that stayed, contributions (operators)',
        params: slugParams,
        querystring: s.evidenceQuery,
        response: { 200: s.evidence },
      },
    },
    async (req) => memberEvidence(ctx, req.params.slug, req.user?.id ?? null, req.query.ids),
  );
  app.get(
    '/communities/:slug/members/:userId/timeline',
    {
      schema: {
        tags: TAGS,
        summary: "A member's timeline: what they did and what was done to them, newest first, keyset pages (operators)",
        params: s.profileParams,
        querystring: s.timelineQuery,
        response: { 200: s.timeline },
      },
    },
    async (req) => memberTimeline(ctx, req.params.slug, req.user?.id ?? null, req.params.userId, req.query),
  );
  app.get(
    '/communities/:slug/notices',
    {
      schema: {
        tags: TAGS,
        summary: 'My in-app notices here (gate and pruning decisions), newest first, page by page, and the unread count',
        params: slugParams,
        querystring: s.noticesQuery,
        response: { 200: s.notices },
      },
    },
    async (req) => myNotices(ctx, req.params.slug, req.user?.id ?? null, req.query),
  );
  app.post(
    '/communities/:slug/notices/read',
    { schema: { tags: TAGS, summary: 'Mark my notices read: { ids } or { all: true }', params: slugParams, body: s.readBody, response: { 200: s.noticesRead } } },
    async (req) => markNoticesRead(ctx, req.params.slug, req.user?.id ?? null, req.body),
  );
};
