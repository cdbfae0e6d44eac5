/**
 * A movable clock for end-to-end tests of anything that waits for days (pruning grace
 * periods, renewals). Test code only: it lives under test/, is never compiled into dist/,
 * and reaches a server only through `buildServer(ctx, { extraRoutes })` / `serve({ clock,
 * extraRoutes })` called in code (test/support/launch-server.ts). The CLI and the environment
 * cannot turn it on.
 *
 * POST /api/testing/clock { days, hours } moves the clock forward; only the instance's owner
 * (the first account created on it) may, so even a test server does not let any member skip
 * a deadline.
 */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../../src/kernel/clock.js';

export class ShiftedClock implements Clock {
  private offsetMs: number;
  constructor(start: string | Date) {
    this.offsetMs = new Date(start).getTime() - Date.now();
  }
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

const now = { 200: z.object({ now: z.string() }) };
const moveBody = z.object({ days: z.number().min(0).max(3650).optional(), hours: z.number().min(0).max(87_600).optional() }).strict();

/** The clock route for a server whose context runs on `clock`. */
export function testingClockRoutes(clock: ShiftedClock): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    // Answers its refusals itself: the launcher serves dist/, whose AppError is not src/'s class.
    const refuse = (reply: FastifyReply, message: string) => reply.code(403).send({ error: { code: 'forbidden', message } });
    app.post('/testing/clock', { schema: { hide: true, response: now, body: moveBody } }, async (req, reply) => {
      if (!req.user) return refuse(reply, 'sign in first');
      const first = await base.ctx.db.kysely.selectFrom('users').select('id').orderBy('createdAt').orderBy('id').limit(1).executeTakeFirst();
      if (first?.id !== req.user.id) return refuse(reply, 'only the instance owner moves the clock');
      clock.advance(((req.body.days ?? 0) * 24 + (req.body.hours ?? 0)) * 3_600_000);
      return { now: clock.now().toISOString() };
    });
    app.get('/testing/clock', { schema: { hide: true, response: now } }, async () => ({ now: clock.now().toISOString() }));
  };
}
