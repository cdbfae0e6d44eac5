/** HTTP ↔ onboarding and profile use cases. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { markNoticesRead, myNotices } from './notices.js';
import { INTRO_LIMITS } from './rules.js';
import { acceptNorms, getOnboarding, getProfile, writeIntro } from './service.js';
import { memberEvidence } from './evidence.js';
import { memberTimeline } from './timeline.js';

const TAGS = ['members'];
const slugParams = z.object({ slug: z.string().min(1).max(64) });

export const membersRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const ctx = base.ctx;
  app.get('/communities/:slug/onboarding', { schema: { tags: TAGS, summary: 'My onboarding: norms, intro template, status (members)', params: slugParams } }, async (req) =>
    getOnboarding(ctx, req.params.slug, req.user?.id ?? null),
  );
  app.post('/communities/:slug/onboarding/norms', { schema: { tags: TAGS, summary: 'Accept the norms (群规)', params: slugParams } }, async (req) =>
    acceptNorms(ctx, req.params.slug, req.user?.id ?? null),
  );
  app.post(
    '/communities/:slug/intro',
    {
      schema: {
        tags: TAGS,
        summary: 'Write my self-introduction (自我介绍) from the template',
        params: slugParams,
        body: z.object({
          intro: z
            .record(z.string().max(32), z.string().max(INTRO_LIMITS.answer, { error: `at most ${INTRO_LIMITS.answer} characters` }))
            .refine((o) => Object.keys(o).length <= INTRO_LIMITS.fields, { error: `at most ${INTRO_LIMITS.fields} fields` }),
        }),
      },
    },
    async (req) => writeIntro(ctx, req.params.slug, req.user?.id ?? null, req.body.intro),
  );
  app.get(
    '/communities/:slug/members/:userId/profile',
    { schema: { tags: TAGS, summary: "A member's profile and self-introduction (members only)", params: slugParams.extend({ userId: z.string().min(1).max(64) }) } },
    async (req) => getProfile(ctx, req.params.slug, req.user?.id ?? null, req.params.userId),
  );
  app.get(
    '/communities/:slug/members/evidence',
    {
      schema: {
        tags: TAGS,
        summary: 'Evidence for decisions about up to 100 members: last active (by source), introduction, invites that stayed, contributions (operators)',
        params: slugParams,
        querystring: z.object({ ids: z.string().min(1).max(6500).transform((s) => s.split(',')).pipe(z.array(z.string().min(1).max(64)).max(100, { error: 'at most 100 members at a time' })) }),
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
        params: slugParams.extend({ userId: z.string().min(1).max(64) }),
        querystring: z.object({ before: z.string().max(80).optional(), limit: z.coerce.number().int().min(1).max(100).optional() }),
      },
    },
    async (req) => memberTimeline(ctx, req.params.slug, req.user?.id ?? null, req.params.userId, req.query),
  );
  app.get('/communities/:slug/notices', { schema: { tags: TAGS, summary: 'My in-app notices here (gate and pruning decisions) and the unread count', params: slugParams } }, async (req) =>
    myNotices(ctx, req.params.slug, req.user?.id ?? null),
  );
  app.post(
    '/communities/:slug/notices/read',
    {
      schema: {
        tags: TAGS,
        summary: 'Mark my notices read: { ids } or { all: true }',
        params: slugParams,
        body: z
          .object({ ids: z.array(z.string().min(1).max(64)).min(1).max(200).optional(), all: z.literal(true).optional() })
          .refine((b) => !!b.ids !== !!b.all, { error: 'give either ids or all: true', path: ['ids'] }),
      },
    },
    async (req) => markNoticesRead(ctx, req.params.slug, req.user?.id ?? null, req.body),
  );
};
