/**
 * Tests only: a scheduler in a process of its own, so a test can kill it
 * mid-run. It runs one job, `test.hang`, that prints `RUNNING <scheduler id>`
 * and never ends, while the scheduler's heartbeat keeps renewing its lease.
 *
 *   node --import tsx src/jobs/testing-runner.ts '<json: sqlitePath | databaseUrl+pgSchema, now, leaseMs, heartbeatMs>'
 */
import { loadConfig } from '../app/config.js';
import { ManualClock } from '../kernel/clock.js';
import { connect } from '../kernel/db/connect.js';
import { createMailer } from '../kernel/mail.js';
import { Scheduler } from './scheduler.js';

export const HANG_JOB = 'test.hang';

const opts = JSON.parse(process.argv[2] ?? '{}') as { sqlitePath?: string; databaseUrl?: string; pgSchema?: string; now: string; leaseMs: number; heartbeatMs: number };
const clock = new ManualClock(opts.now);
const config = loadConfig({ NODE_ENV: 'test' });
const db = connect({ sqlitePath: opts.sqlitePath, databaseUrl: opts.databaseUrl, pgSchema: opts.pgSchema });
const scheduler: Scheduler = new Scheduler(
  { config, db, clock, mailer: createMailer({ from: config.mailFrom, clock }) },
  {
    leaseMs: opts.leaseMs,
    heartbeatMs: opts.heartbeatMs,
    jobs: [{ name: HANG_JOB, schedule: { everyMs: 60_000 }, run: () => new Promise<void>(() => console.log(`RUNNING ${scheduler.id}`)) }],
  },
);
await scheduler.tick();
