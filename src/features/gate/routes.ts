/**
 * HTTP ↔ gate use cases. Every body, query and param is bounded here; an
 * over-long answer is a 400 naming `answers.<questionId>`.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cursorParam } from '../../kernel/paging.js';
import { getConfig, previewConfigRules, updateConfig } from './config.js';
import { applicationFormSchema, FORM_LIMITS, gateSettingsSchema, screeningRulesSchema } from './rules.js';
import { apply, applyPage, decide, myStatus, reviewQueue, withdraw } from './service.js';
import { block, createInvite, listBlocks, listInvites, referralStats, referralTreePage, revokeInvite, unblock } from './invites-service.js';
import { tierRoutes } from './tiers-routes.js';

const TAGS = ['gate'];
const slugParams = z.object({ slug: z.string().min(1).max(64) });
const id = z.string().min(1).max(64);
const code = z.string().min(1).max(64);

/** Answers: at most one entry per possible question, each bounded by the hardest limit. */
export const answersSchema = z
  .record(
    z.string().max(32),
    z.union([z.string().max(FORM_LIMITS.longText, { error: `at most ${FORM_LIMITS.longText} characters` }), z.array(z.string().max(64)).max(FORM_LIMITS.options)]),
  )
  .refine((a) => Object.keys(a).length <= FORM_LIMITS.questions, { error: `at most ${FORM_LIMITS.questions} answers` });

const isoDate = z.iso.datetime({ offset: true });

export const gateRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const ctx = base.ctx;
  const limited = { rateLimit: { max: base.authRateLimit, timeWindow: '1 minute' } };

  app.get(
    '/communities/:slug/apply',
    { config: limited, schema: { tags: TAGS, summary: 'The apply page: form, open or not, what an invite code offers', params: slugParams, querystring: z.object({ code: code.optional() }) } },
    async (req) => applyPage(ctx, req.params.slug, req.user?.id ?? null, req.query.code),
  );
  app.post(
    '/communities/:slug/apply',
    { config: limited, schema: { tags: TAGS, summary: 'Apply (with an invite code or not); rules may decide at once', params: slugParams, body: z.object({ answers: answersSchema, code: code.optional() }) } },
    async (req, reply) => reply.status(201).send(await apply(ctx, req.params.slug, req.user?.id ?? null, req.body)),
  );
  app.get(
    '/communities/:slug/application',
    { schema: { tags: TAGS, summary: "The signed-in applicant's own status and notices", params: slugParams } },
    async (req) => myStatus(ctx, req.params.slug, req.user?.id ?? null),
  );

  app.post(
    '/communities/:slug/application/withdraw',
    { schema: { tags: TAGS, summary: 'Take back my application while it waits (no cooldown)', params: slugParams } },
    async (req) => withdraw(ctx, req.params.slug, req.user?.id ?? null),
  );

  app.get(
    '/communities/:slug/gate/config',
    { schema: { tags: TAGS, summary: 'Form, screening rules and settings (owner/admin)', params: slugParams } },
    async (req) => getConfig(ctx, req.params.slug, req.user?.id ?? null),
  );
  app.patch(
    '/communities/:slug/gate/config',
    {
      schema: {
        tags: TAGS,
        summary: 'Save form, rules and/or settings (owner/admin)',
        params: slugParams,
        body: z.object({ form: applicationFormSchema.optional(), rules: screeningRulesSchema.optional(), settings: gateSettingsSchema.optional() }),
      },
    },
    async (req) => updateConfig(ctx, req.params.slug, req.user?.id ?? null, req.body),
  );
  app.post(
    '/communities/:slug/gate/rules/preview',
    { schema: { tags: TAGS, summary: 'What a rule set would decide on past applications', params: slugParams, body: z.object({ rules: screeningRulesSchema }) } },
    async (req) => previewConfigRules(ctx, req.params.slug, req.user?.id ?? null, req.body.rules),
  );

  app.get(
    '/communities/:slug/gate/applications',
    {
      schema: {
        tags: TAGS,
        summary: 'Review queue with answers, referrer and channel (admins; core members if the owner allows)',
        params: slugParams,
        querystring: z.object({
          state: z.enum(['pending', 'approved', 'rejected', 'waitlisted']).default('pending'),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: cursorParam,
        }),
      },
    },
    async (req) => reviewQueue(ctx, req.params.slug, req.user?.id ?? null, req.query),
  );
  app.post(
    '/communities/:slug/gate/applications/decide',
    {
      schema: {
        tags: TAGS,
        summary: 'Approve or reject one or many applications (a reason is required to reject)',
        params: slugParams,
        body: z.object({ ids: z.array(id).min(1).max(200), decision: z.enum(['approve', 'reject']), reason: z.string().max(500).optional() }),
      },
    },
    async (req) => decide(ctx, req.params.slug, req.user?.id ?? null, req.body),
  );

  app.get('/communities/:slug/invites', { schema: { tags: TAGS, summary: 'My invite links (members) or all links (operators)', params: slugParams } }, async (req) =>
    listInvites(ctx, req.params.slug, req.user?.id ?? null),
  );
  app.post(
    '/communities/:slug/invites',
    {
      schema: {
        tags: TAGS,
        summary: 'Create a personal invite link (quota per role) or a campaign link (operators); the code is shown once',
        params: slugParams,
        body: z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('personal') }),
          z.object({
            kind: z.literal('campaign'),
            name: z.string().trim().min(1).max(80),
            channel: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lower-case letters, digits and dashes, up to 40'),
            expiresAt: isoDate.nullable().optional(),
            maxUses: z.number().int().min(1).max(100_000).nullable().optional(),
            vouch: z.boolean().optional(),
          }),
        ]),
      },
    },
    async (req, reply) => reply.status(201).send(await createInvite(ctx, req.params.slug, req.user?.id ?? null, req.body)),
  );
  app.post(
    '/communities/:slug/invites/:id/revoke',
    { schema: { tags: TAGS, summary: 'Revoke an invite link', params: slugParams.extend({ id }) } },
    async (req) => revokeInvite(ctx, req.params.slug, req.user?.id ?? null, req.params.id),
  );
  app.get(
    '/communities/:slug/gate/referrals',
    { schema: { tags: TAGS, summary: 'Referral tree, leaderboard, joins per channel, growth factor and funnel', params: slugParams, querystring: z.object({ from: isoDate.optional(), to: isoDate.optional() }) } },
    async (req) => referralStats(ctx, req.params.slug, req.user?.id ?? null, req.query),
  );
  app.get(
    '/communities/:slug/gate/referrals/tree',
    {
      schema: {
        tags: TAGS,
        summary: 'One page of the referral tree: the people `parent` brought in, or (without parent) more first-level referrers',
        params: slugParams,
        querystring: z.object({ parent: id.optional(), cursor: cursorParam, limit: z.coerce.number().int().min(1).max(200).optional() }),
      },
    },
    async (req) => referralTreePage(ctx, req.params.slug, req.user?.id ?? null, req.query),
  );

  app.get('/communities/:slug/gate/blocks', { schema: { tags: TAGS, summary: 'The blocklist (owner/admin)', params: slugParams } }, async (req) =>
    listBlocks(ctx, req.params.slug, req.user?.id ?? null),
  );
  app.post(
    '/communities/:slug/gate/blocks',
    { schema: { tags: TAGS, summary: 'Block a person from applying', params: slugParams, body: z.object({ userId: id, reason: z.string().max(500).optional() }) } },
    async (req) => block(ctx, req.params.slug, req.user?.id ?? null, req.body.userId, req.body.reason),
  );
  app.delete(
    '/communities/:slug/gate/blocks/:userId',
    { schema: { tags: TAGS, summary: 'Lift a block', params: slugParams.extend({ userId: id }) } },
    async (req) => unblock(ctx, req.params.slug, req.user?.id ?? null, req.params.userId),
  );

  await app.register(tierRoutes);
};
