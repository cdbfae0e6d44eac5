/**
 * One way to run a write: `inTransaction` joins the caller's transaction or
 * opens one, so use cases compose (approve = decide the application + admit
 * the member, in one commit). Work that must not happen unless the write is
 * stored — carrier calls, mail, webhooks — is queued with `afterCommit` and
 * runs once, after the outermost transaction commits; a rollback drops it.
 *
 * Row locks live here too: `forUpdate` adds FOR UPDATE on PostgreSQL and
 * nothing on SQLite, which already runs one writer at a time.
 */
import { PostgresAdapter, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Db } from './connect.js';
import type { Database } from './schema.js';

/** A database handle a use case may run on: the pool, or a transaction it joins. */
export type Q = Kysely<Database>;

type Job = () => unknown | Promise<unknown>;

/** The after-commit queue of each transaction this module opened. */
const queues = new WeakMap<Q, Job[]>();

/** Runs `fn` in the caller's transaction when `db` is one, else in a new one (and then the queued jobs). */
export async function inTransaction<T>(db: Db | Q, fn: (trx: Q) => Promise<T>): Promise<T> {
  const k = 'kysely' in db ? db.kysely : db;
  if (k.isTransaction) return fn(k);
  const jobs: Job[] = [];
  const result = await k.transaction().execute((trx) => {
    queues.set(trx, jobs);
    return fn(trx);
  });
  await runJobs(jobs);
  return result;
}

/**
 * Queues `job` to run after `trx` commits (never if it rolls back). Outside a
 * transaction there is nothing to wait for: the job runs at once. Jobs must not
 * throw; a failure is logged, never turned into a failed write that did commit.
 */
export async function afterCommit(trx: Q, job: Job): Promise<void> {
  if (!trx.isTransaction) return runJobs([job]);
  const jobs = queues.get(trx);
  if (!jobs) throw new Error('afterCommit needs a transaction opened by inTransaction');
  jobs.push(job);
}

async function runJobs(jobs: Job[]): Promise<void> {
  for (const job of jobs) {
    try {
      await job();
    } catch (err) {
      console.error('after-commit job failed', err);
    }
  }
}

/** True when row locks mean something on this handle (PostgreSQL). */
export function locksRows(db: Q): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Adds FOR UPDATE where the engine has row locks; the one place that knows the dialects differ. */
export function forUpdate<DB, TB extends keyof DB, O>(db: Q, query: SelectQueryBuilder<DB, TB, O>, lock = true): SelectQueryBuilder<DB, TB, O> {
  return lock && locksRows(db) ? query.forUpdate() : query;
}
