/**
 * The scheduler: a jobs table plus a lease. Each due run is claimed by one
 * conditional UPDATE (due, and nobody holds an unexpired lease); the database
 * serialises those updates, so with several processes on one PostgreSQL only
 * one claims each run, and on the embedded SQLite the same code runs in-process.
 * The lease is short and renewed while the job runs (a heartbeat), so a run
 * whose process died is picked up by another instance within about a minute,
 * while a long healthy run keeps its lease however long it takes.
 */
import type { Kysely } from 'kysely';
import type { AppContext } from '../kernel/context.js';
import type { Clock } from '../kernel/clock.js';
import type { Database } from '../kernel/db/schema.js';
import { newSecret } from '../kernel/ids.js';
import { nextRunAfter, registeredJobs, type JobDefinition } from './registry.js';

export interface SchedulerOptions {
  /** Jobs to run; default: every registered job. */
  jobs?: JobDefinition[];
  /** Defaults to ctx.clock. */
  clock?: Clock;
  /** How long a claim lasts without a heartbeat; a dead run is taken over after this. */
  leaseMs?: number;
  /** How often a running job renews its lease (real time); default a third of the lease. */
  heartbeatMs?: number;
  /** Wait before retrying a failed run (capped by the job's own period). */
  retryMs?: number;
  onError?: (job: string, err: unknown) => void;
}

/** A claim lasts this long unless renewed; heartbeats every 15 s keep a live run's. */
export const DEFAULT_LEASE_MS = 45_000;
/** How often `serve` looks for due jobs: with the lease, a dead run is retaken within a minute. */
export const DEFAULT_POLL_MS = 15_000;

export class Scheduler {
  readonly id = `sched-${newSecret(6)}`;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();
  private readonly clock: Clock;
  private readonly db: Kysely<Database>;

  constructor(
    private readonly ctx: AppContext,
    private readonly opts: SchedulerOptions = {},
  ) {
    this.clock = opts.clock ?? ctx.clock;
    this.db = ctx.db.kysely;
  }

  private jobs(): JobDefinition[] {
    return this.opts.jobs ?? registeredJobs();
  }

  /** Runs every job that is due now and claimable by this instance; returns their names. */
  async tick(): Promise<string[]> {
    const ran: string[] = [];
    for (const job of this.jobs()) {
      await this.ensureRow(job);
      if (!(await this.claim(job))) continue;
      const started = this.clock.now();
      let error: string | null = null;
      const heartbeat = setInterval(() => void this.renew(job).catch((err) => this.opts.onError?.(job.name, err)), this.heartbeatMs());
      try {
        await job.run(this.ctx, started);
      } catch (err) {
        error = String((err as Error)?.stack ?? err).slice(0, 2000);
        this.opts.onError?.(job.name, err);
      } finally {
        clearInterval(heartbeat);
      }
      await this.release(job, started, error);
      ran.push(job.name);
    }
    return ran;
  }

  /** Polls every `pollMs`; ticks never overlap within one process. */
  start(pollMs = DEFAULT_POLL_MS): void {
    if (this.timer) return;
    const beat = () => {
      this.running = this.running.then(() => this.tick()).catch((err) => this.opts.onError?.('scheduler', err));
    };
    beat();
    this.timer = setInterval(beat, pollMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** A job seen for the first time is due at once (a daily job then settles on its hour). */
  private async ensureRow(job: JobDefinition): Promise<void> {
    await this.db
      .insertInto('jobs')
      .values({ name: job.name, nextRunAt: this.clock.now().toISOString(), lastRunAt: null, lockedBy: null, lockedUntil: null, lastError: null, runs: 0 })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
  }

  private leaseMs(): number {
    return this.opts.leaseMs ?? DEFAULT_LEASE_MS;
  }

  private heartbeatMs(): number {
    return this.opts.heartbeatMs ?? Math.max(1_000, Math.floor(this.leaseMs() / 3));
  }

  private leaseEnd(): string {
    return new Date(this.clock.now().getTime() + this.leaseMs()).toISOString();
  }

  /** Extends the lease of a run this instance still holds. */
  private async renew(job: JobDefinition): Promise<void> {
    await this.db.updateTable('jobs').set({ lockedUntil: this.leaseEnd() }).where('name', '=', job.name).where('lockedBy', '=', this.id).execute();
  }

  private async claim(job: JobDefinition): Promise<boolean> {
    const nowIso = this.clock.now().toISOString();
    const res = await this.db
      .updateTable('jobs')
      .set({ lockedBy: this.id, lockedUntil: this.leaseEnd() })
      .where('name', '=', job.name)
      .where('nextRunAt', '<=', nowIso)
      .where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<', nowIso)]))
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  }

  private async release(job: JobDefinition, started: Date, error: string | null): Promise<void> {
    const now = this.clock.now();
    const next = error ? retryAt(job, now, this.opts.retryMs ?? 15 * 60_000) : nextRunAfter(job.schedule, now);
    await this.db
      .updateTable('jobs')
      .set((eb) => ({
        lastRunAt: started.toISOString(),
        nextRunAt: next.toISOString(),
        lockedBy: null,
        lockedUntil: null,
        lastError: error,
        runs: eb('runs', '+', 1),
      }))
      .where('name', '=', job.name)
      .where('lockedBy', '=', this.id)
      .execute();
  }
}

function retryAt(job: JobDefinition, now: Date, retryMs: number): Date {
  const regular = nextRunAfter(job.schedule, now);
  return new Date(Math.min(regular.getTime(), now.getTime() + retryMs));
}

/** The state of every job, for the operator and for tests. */
export async function jobStatus(db: Kysely<Database>) {
  return db.selectFrom('jobs').selectAll().orderBy('name').execute();
}
