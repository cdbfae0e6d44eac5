/**
 * HTTP ↔ gate use cases. Request and response shapes are in schemas.ts.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { getConfig, previewConfigRules, updateConfig } from './config.js';
import * as s from './schemas.js';
import { apply, applyPage, decide, myStatus, reviewQueue, withdraw } from './service.js';
import { block, createInvite, listBlocks, listInvites, referralStats, referralTreePage, revokeInvite, unblock } from './invites-service.js';
import { tierRoutes } from './tiers-routes.js';

const TAGS = ['gate'];
const slugParams = s.slugParams;

export const gateRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const ctx = base.ctx;
  // Only submissions are limited: reading the apply page is an ordinary page view, and a
  // campus or office behind one NAT address opens it hundreds of times in a campaign.
  // (Invite codes carry 144 random bits, so looking one up is no guessing oracle.) A
  // submission needs an account, so it counts per account, else per address.
  const submission = {
    rateLimit: { max: base.authRateLimit, timeWindow: '1 minute', keyGenerator: (req: FastifyRequest) => (req.user ? `user:${req.user.id}` : req.ip) },
  };

  app.get(
    '/communities/:slug/apply',
    { schema: { tags: TAGS, summary: 'The apply page: form, open or not, what an invite code offers', params: slugParams, querystring: s.applyQuery, response: { 200: s.applyPage } } },
    async (req) => applyPage(ctx, req.params.slug, req.user?.id ?? null, req.query.code),
  );
  app.post(
    '/communities/:slug/apply',
    {
      config: submission,
      schema: { tags: TAGS, summary: 'Apply (with an invite code or not); rules may decide at once', params: slugParams, body: s.applyBody, response: { 201: s.applicationBody } },
    },
    async (req, reply) => reply.status(201).send(await apply(ctx, req.params.slug, req.user?.id ?? null, req.body)),
  );
  app.get(
    '/communities/:slug/application',
    { schema: { tags: TAGS, summary: "The signed-in applicant's own status and notices", params: slugParams, response: { 200: s.status } } },
    async (req) => myStatus(ctx, req.params.slug, req.user?.id ?? null),
  );

  app.post(
    '/communities/:slug/application/withdraw',
    { schema: { tags: TAGS, summary: 'Take back my application while it waits (no cooldown)', params: slugParams, response: { 200: s.applicationBody } } },
    async (req) => withdraw(ctx, req.params.slug, req.user?.id ?? null),
  );

  app.get(
    '/communities/:slug/gate/config',
    { schema: { tags: TAGS, summary: 'Form, screening rules and settings, and what the viewer may change (owner/admin)', params: slugParams, response: { 200: s.config } } },
    async (req) => getConfig(ctx, req.params.slug, req.user?.id ?? null),
  );
  app.patch(
    '/communities/:slug/gate/config',
    { schema: { tags: TAGS, summary: 'Save form, rules and/or settings (owner/admin)', params: slugParams, body: s.configPatch, response: { 200: s.config } } },
    async (req) => updateConfig(ctx, req.params.slug, req.user?.id ?? null, req.body),
  );
  app.post(
    '/communities/:slug/gate/rules/preview',
    { schema: { tags: TAGS, summary: 'What a rule set would decide on past applications', params: slugParams, body: s.previewBody, response: { 200: s.preview } } },
    async (req) => previewConfigRules(ctx, req.params.slug, req.user?.id ?? null, req.body.rules),
  );

  app.get(
    '/communities/:slug/gate/applications',
    {
      schema: {
        tags: TAGS,
        summary: 'Review queue with answers, referrer and channel (admins; core members if the owner allows)',
        params: slugParams,
        querystring: s.queueQuery,
        response: { 200: s.queue },
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
        body: s.decideBody,
        response: { 200: s.decided },
      },
    },
    async (req) => decide(ctx, req.params.slug, req.user?.id ?? null, req.body),
  );

  app.get(
    '/communities/:slug/invites',
    { schema: { tags: TAGS, summary: 'My invite links (members) or all links (operators)', params: slugParams, response: { 200: s.invites } } },
    async (req) => listInvites(ctx, req.params.slug, req.user?.id ?? null),
  );
  app.post(
    '/communities/:slug/invites',
    {
      schema: {
        tags: TAGS,
        summary: 'Create a personal invite link (quota per role) or a campaign link (operators); the code is shown once',
        params: slugParams,
        body: s.inviteBody,
        response: { 201: s.inviteCreated },
      },
    },
    async (req, reply) => reply.status(201).send(await createInvite(ctx, req.params.slug, req.user?.id ?? null, req.body)),
  );
  app.post(
    '/communities/:slug/invites/:id/revoke',
    { schema: { tags: TAGS, summary: 'Revoke an invite link', params: s.inviteParams, response: { 200: s.inviteBodyOut } } },
    async (req) => revokeInvite(ctx, req.params.slug, req.user?.id ?? null, req.params.id),
  );
  app.get(
    '/communities/:slug/gate/referrals',
    {
      schema: {
        tags: TAGS,
        summary: 'Referral tree, leaderboard, joins per channel, growth factor and funnel',
        params: slugParams,
        querystring: s.referralQuery,
        response: { 200: s.referrals },
      },
    },
    async (req) => referralStats(ctx, req.params.slug, req.user?.id ?? null, req.query),
  );
  app.get(
    '/communities/:slug/gate/referrals/tree',
    {
      schema: {
        tags: TAGS,
        summary: 'One page of the referral tree: the people `parent` brought in, or (without parent) more first-level referrers',
        params: slugParams,
        querystring: s.treeQuery,
        response: { 200: s.treePage },
      },
    },
    async (req) => referralTreePage(ctx, req.params.slug, req.user?.id ?? null, req.query),
  );

  app.get(
    '/communities/:slug/gate/blocks',
    { schema: { tags: TAGS, summary: 'The blocklist (owner/admin)', params: slugParams, response: { 200: s.blocks } } },
    async (req) => listBlocks(ctx, req.params.slug, req.user?.id ?? null),
  );
  app.post(
    '/communities/:slug/gate/blocks',
    { schema: { tags: TAGS, summary: 'Block a person from applying', params: slugParams, body: s.blockBody, response: { 200: s.blocked } } },
    async (req) => block(ctx, req.params.slug, req.user?.id ?? null, req.body.userId, req.body.reason),
  );
  app.delete(
    '/communities/:slug/gate/blocks/:userId',
    { schema: { tags: TAGS, summary: 'Lift a block', params: s.blockParams, response: { 200: s.blocked } } },
    async (req) => unblock(ctx, req.params.slug, req.user?.id ?? null, req.params.userId),
  );

  await app.register(tierRoutes);
};
