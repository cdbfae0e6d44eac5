/** HTTP ↔ paid-tier use cases (registered by gateRoutes). */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as s from './schemas.js';
import { createTier, listTiers, markPaid } from './tiers-service.js';

const TAGS = ['gate'];

export const tierRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const ctx = base.ctx;
  app.get(
    '/communities/:slug/tiers',
    { schema: { tags: TAGS, summary: 'Paid tiers and who has paid (owner/admin)', params: s.slugParams, response: { 200: s.tiers } } },
    async (req) => listTiers(ctx, req.params.slug, req.user?.id ?? null),
  );
  app.post(
    '/communities/:slug/tiers',
    { schema: { tags: TAGS, summary: 'Create a paid tier: fee (minor units), currency, period', params: s.slugParams, body: s.tierBody, response: { 201: s.tierCreated } } },
    async (req, reply) => reply.status(201).send(await createTier(ctx, req.params.slug, req.user?.id ?? null, req.body)),
  );
  app.post(
    '/communities/:slug/tiers/payments',
    {
      schema: {
        tags: TAGS,
        summary: 'Mark a payment received (until a payment provider is configured)',
        params: s.slugParams,
        body: s.paymentBody,
        response: { 201: s.paid },
      },
    },
    async (req, reply) => reply.status(201).send(await markPaid(ctx, req.params.slug, req.user?.id ?? null, req.body)),
  );
};
