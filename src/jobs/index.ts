/**
 * The jobs Shequn runs on its own, and the one call that starts them. Features
 * register further jobs with `registerJob` (the gate's tier-renewal reminders);
 * the scheduler reads the registry on every tick, so registration order does not matter.
 */
import type { AppContext } from '../kernel/context.js';
import { sweepAll } from '../features/pruning/index.js';
import { sendAllRenewalReminders, waitlistJob, WAITLIST_JOB } from '../features/gate/index.js';
import { refreshAllHealth, sendWeeklyReports } from '../features/health/index.js';
import { sendCheckinReminders } from '../features/activities/index.js';
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

/** Keeps each opened health page's diagnosis current, so the page answers from the cache. */
export const HEALTH_REFRESH_JOB = 'health.refresh';

if (!registeredJobs().some((j) => j.name === HEALTH_REFRESH_JOB)) {
  registerJob({ name: HEALTH_REFRESH_JOB, schedule: { everyMs: 10 * 60_000 }, run: async (ctx) => void (await refreshAllHealth(ctx)) });
}

/** The weekly health report to each community's owner and admins (the first run of each ISO week sends it). */
export const HEALTH_WEEKLY_JOB = 'health.weekly_report';

if (!registeredJobs().some((j) => j.name === HEALTH_WEEKLY_JOB)) {
  registerJob({ name: HEALTH_WEEKLY_JOB, schedule: { dailyAtUtc: '02:00' }, run: async (ctx, now) => void (await sendWeeklyReports(ctx, now)) });
}

if (!registeredJobs().some((j) => j.name === WAITLIST_JOB)) registerJob(waitlistJob); // freed places go to the gate's waitlist

/** 打卡 reminders: from 20:00 in each community's zone, once per member and period (the job only looks every 10 minutes). */
export const CHECKIN_REMINDERS_JOB = 'activities.checkin_reminders';
if (!registeredJobs().some((j) => j.name === CHECKIN_REMINDERS_JOB)) {
  registerJob({ name: CHECKIN_REMINDERS_JOB, schedule: { everyMs: 10 * 60_000 }, run: async (ctx, now) => void (await sendCheckinReminders(ctx, now)) });
}

/** Starts polling (every 15 s); each due run happens once across all processes sharing the database. */
export function startScheduler(ctx: AppContext, onError: (job: string, err: unknown) => void = (job, err) => console.error(`job ${job} failed`, err)): Scheduler {
  const scheduler = new Scheduler(ctx, { onError });
  scheduler.start();
  return scheduler;
}
