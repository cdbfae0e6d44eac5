/**
 * The job registry: features add their recurring jobs here (the pruning sweep,
 * the gate's tier-renewal reminders…); the scheduler runs them. A job calls use
 * cases; it never touches a store directly.
 */
import type { AppContext } from '../kernel/context.js';

/** When a job is due: every so often, or once a day at a UTC time ("03:00"). */
export type Schedule = { everyMs: number } | { dailyAtUtc: string };

export interface JobDefinition {
  /** Stable name: the jobs table's key. */
  name: string;
  schedule: Schedule;
  /** `now` is the scheduler's clock at the start of the run. */
  run(ctx: AppContext, now: Date): Promise<void>;
}

const jobs = new Map<string, JobDefinition>();

/** Adds a job; returns a function that takes it away again (tests). */
export function registerJob(job: JobDefinition): () => void {
  if (!/^[a-z][a-z0-9_.-]{1,63}$/.test(job.name)) throw new Error(`job name "${job.name}": use lower-case letters, digits, . _ -`);
  if (jobs.has(job.name)) throw new Error(`job "${job.name}" is already registered`);
  nextRunAfter(job.schedule, new Date(0)); // fail at registration on a malformed schedule, not at 3 a.m.
  jobs.set(job.name, job);
  return () => void jobs.delete(job.name);
}

export function registeredJobs(): JobDefinition[] {
  return [...jobs.values()];
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * The next time a job is due after `now`. Computed from now, not from the
 * missed due time, so a process that was down for a week runs a job once on
 * restart instead of once per missed day.
 */
export function nextRunAfter(schedule: Schedule, now: Date): Date {
  if ('everyMs' in schedule) {
    if (!Number.isFinite(schedule.everyMs) || schedule.everyMs < 1000) throw new Error('schedule.everyMs must be at least 1000');
    return new Date(now.getTime() + schedule.everyMs);
  }
  const m = HHMM.exec(schedule.dailyAtUtc);
  if (!m) throw new Error(`schedule.dailyAtUtc "${schedule.dailyAtUtc}": use HH:MM (UTC)`);
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), Number(m[1]), Number(m[2])));
  if (next.getTime() <= now.getTime()) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}
