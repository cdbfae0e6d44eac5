/**
 * The gate's recurring work for the scheduler (src/jobs): offering freed places
 * to the waitlist. A removal, a departure or a larger capacity frees places
 * wherever it happens; this job fills them within minutes, first approved first.
 */
import type { AppContext } from '../../kernel/context.js';
import { fillFreedPlaces } from './service.js';

export const WAITLIST_JOB = 'gate.waitlist';

export const waitlistJob = {
  name: WAITLIST_JOB,
  schedule: { everyMs: 5 * 60_000 },
  async run(ctx: AppContext): Promise<void> {
    const rows = await ctx.db.kysely.selectFrom('applications').select('communityId').distinct().where('state', '=', 'waitlisted').execute();
    for (const { communityId } of rows) await fillFreedPlaces(ctx, communityId);
  },
};
