/**
 * `/healthz`: answers even while the process is busy (it has its own short
 * deadline on the database ping) and says how healthy it is:
 * `ok`, `degraded` (the ping or the event loop is slow; still serving, 200) or
 * `down` (the database does not answer; 503, so a balancer stops sending).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';

export interface HealthThresholds {
  /** A database ping slower than this is degraded. */
  degradedDbMs: number;
  /** An event-loop delay (p99 since the last probe) above this is degraded. */
  degradedLagMs: number;
  /** No ping answer within this is down. */
  downMs: number;
}

export const DEFAULT_HEALTH: HealthThresholds = { degradedDbMs: 250, degradedLagMs: 200, downMs: 2_000 };

export function registerHealth(app: FastifyInstance, ctx: AppContext, limits: HealthThresholds = DEFAULT_HEALTH): void {
  const lag = monitorEventLoopDelay({ resolution: 20 });
  lag.enable();
  app.addHook('onClose', async () => lag.disable());
  const answer = z.object({
    ok: z.boolean(),
    status: z.enum(['ok', 'degraded', 'down']),
    database: z.enum(['sqlite', 'postgres']),
    dbMs: z.number(),
    eventLoopLagMs: z.number(),
  });
  app.withTypeProvider<ZodTypeProvider>().get('/healthz', { schema: { hide: true, response: { 200: answer, 503: answer } } }, async (_req, reply) => {
    const started = performance.now();
    const answered = await Promise.race([
      ctx.db.kysely.selectFrom('users').select('id').limit(1).execute().then(() => true, () => false),
      new Promise<false>((resolve) => setTimeout(resolve, limits.downMs, false).unref()),
    ]);
    const dbMs = Math.round(performance.now() - started);
    const eventLoopLagMs = Math.round(lag.percentile(99) / 1e6);
    lag.reset();
    const status: 'ok' | 'degraded' | 'down' = !answered ? 'down' : dbMs > limits.degradedDbMs || eventLoopLagMs > limits.degradedLagMs ? 'degraded' : 'ok';
    return reply.status(status === 'down' ? 503 : 200).send({ ok: status !== 'down', status, database: ctx.db.dialect, dbMs, eventLoopLagMs });
  });
}
