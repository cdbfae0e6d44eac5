/**
 * The gate's recurring work for the scheduler (src/jobs): offering freed places
 * to the waitlist. A removal, a departure or a larger capacity frees places
 * wherever it happens; this job fills them within minutes, first approved first.
 */
import type { AppContext } from '../../kernel/context.js';
import { fillAllFreedPlaces } from './service.js';

export const WAITLIST_JOB = 'gate.waitlist';

export const waitlistJob = {
  name: WAITLIST_JOB,
  schedule: { everyMs: 5 * 60_000 },
  run: (ctx: AppContext): Promise<void> => fillAllFreedPlaces(ctx),
};
