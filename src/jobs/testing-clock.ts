/**
 * A movable clock for end-to-end tests of anything that waits for days (pruning
 * grace periods, renewals): SHEQUN_FAKE_NOW=2026-03-01T08:00:00Z starts the
 * server at that moment; time then runs on from there, and
 * POST /api/testing/clock { days } moves it forward. Without SHEQUN_FAKE_NOW
 * the route does not exist and the system clock is used. Never set it in production.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../kernel/clock.js';
import { Forbidden } from '../kernel/errors.js';

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

export const testingClockRoutes: FastifyPluginAsync = async (base) => {
  const clock = base.ctx.clock;
  if (!base.ctx.config.fakeNow || !(clock instanceof ShiftedClock)) return;
  console.warn(`SHEQUN_FAKE_NOW is set: the clock started at ${base.ctx.config.fakeNow} and POST /api/testing/clock moves it. For tests only.`);
  const app = base.withTypeProvider<ZodTypeProvider>();
  const now = { 200: z.object({ now: z.string() }) };
  app.post(
    '/testing/clock',
    { schema: { hide: true, response: now, body: z.object({ days: z.number().min(0).max(3650).optional(), hours: z.number().min(0).max(87_600).optional() }).strict() } },
    async (req) => {
      if (!req.user) throw Forbidden('sign in first');
      clock.advance(((req.body.days ?? 0) * 24 + (req.body.hours ?? 0)) * 3_600_000);
      return { now: clock.now().toISOString() };
    },
  );
  app.get('/testing/clock', { schema: { hide: true, response: now } }, async () => ({ now: clock.now().toISOString() }));
};
