/**
 * The jobs Shequn runs on its own, and the one call that starts them. Features
 * register further jobs with `registerJob` (the gate's tier-renewal reminders);
 * the scheduler reads the registry on every tick, so registration order does not matter.
 */
import type { AppContext } from '../kernel/context.js';
import { sweepAll } from '../features/pruning/index.js';
import { sendAllRenewalReminders, waitlistJob, WAITLIST_JOB } from '../features/gate/index.js';
import { registerJob, registeredJobs } from './registry.js';
import { Scheduler } from './scheduler.js';

export { registerJob } from './registry.js';

/** The daily pruning sweep (清理): warnings, clears, the review queue and removals. */
export const PRUNING_SWEEP_JOB = 'pruning.sweep';

/** The gate's tier-renewal reminders (续费提醒), before the sweep could warn about a lapse. */
export const RENEWAL_REMINDERS_JOB = 'gate.renewal_reminders';

if (!registeredJobs().some((j) => j.name === PRUNING_SWEEP_JOB)) {
  registerJob({ name: PRUNING_SWEEP_JOB, schedule: { dailyAtUtc: '03:00' }, run: async (ctx) => void (await sweepAll(ctx)) });
}
if (!registeredJobs().some((j) => j.name === RENEWAL_REMINDERS_JOB)) {
  registerJob({
    name: RENEWAL_REMINDERS_JOB,
    schedule: { dailyAtUtc: '01:00' },
    run: (ctx) => sendAllRenewalReminders(ctx), // only communities where someone holds a paid tier
  });
}

if (!registeredJobs().some((j) => j.name === WAITLIST_JOB)) registerJob(waitlistJob); // freed places go to the gate's waitlist

/** Starts polling (every 15 s); each due run happens once across all processes sharing the database. */
export function startScheduler(ctx: AppContext, onError: (job: string, err: unknown) => void = (job, err) => console.error(`job ${job} failed`, err)): Scheduler {
  const scheduler = new Scheduler(ctx, { onError });
  scheduler.start();
  return scheduler;
}
