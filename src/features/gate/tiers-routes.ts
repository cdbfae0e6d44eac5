/** HTTP ↔ paid-tier use cases (registered by gateRoutes). */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { tierSchema } from './rules.js';
import { createTier, listTiers, markPaid } from './tiers-service.js';

const TAGS = ['gate'];
const slugParams = z.object({ slug: z.string().min(1).max(64) });

export const tierRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const ctx = base.ctx;
  app.get('/communities/:slug/tiers', { schema: { tags: TAGS, summary: 'Paid tiers and who has paid (owner/admin)', params: slugParams } }, async (req) =>
    listTiers(ctx, req.params.slug, req.user?.id ?? null),
  );
  app.post(
    '/communities/:slug/tiers',
    { schema: { tags: TAGS, summary: 'Create a paid tier: fee (minor units), currency, period', params: slugParams, body: tierSchema } },
    async (req, reply) => reply.status(201).send(await createTier(ctx, req.params.slug, req.user?.id ?? null, req.body)),
  );
  app.post(
    '/communities/:slug/tiers/payments',
    {
      schema: {
        tags: TAGS,
        summary: 'Mark a payment received (until a payment provider is configured)',
        params: slugParams,
        body: z.object({ userId: z.string().min(1).max(64), tierId: z.string().min(1).max(64), amountMinor: z.number().int().min(0).max(100_000_000).optional(), note: z.string().max(500).optional() }),
      },
    },
    async (req, reply) => reply.status(201).send(await markPaid(ctx, req.params.slug, req.user?.id ?? null, req.body)),
  );
};
