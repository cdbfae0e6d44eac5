import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../app/config.js';
import { ManualClock } from '../kernel/clock.js';
import type { AppContext } from '../kernel/context.js';
import { connect, type Db } from '../kernel/db/connect.js';
import { DIALECTS, openTestDb, type TestDb } from '../kernel/db/testing.js';
import { createMailer } from '../kernel/mail.js';
import { nextRunAfter, registerJob, type JobDefinition } from './registry.js';
import { jobStatus, Scheduler } from './scheduler.js';

const config = loadConfig({ NODE_ENV: 'test' });
const ctxOf = (db: Db, clock: ManualClock): AppContext => ({ config, db, clock, mailer: createMailer({ from: 'x@y', clock }) });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('schedules', () => {
  it('a daily job is next due at its hour, today or tomorrow', () => {
    expect(nextRunAfter({ dailyAtUtc: '03:00' }, new Date('2026-03-01T02:00:00Z')).toISOString()).toBe('2026-03-01T03:00:00.000Z');
    expect(nextRunAfter({ dailyAtUtc: '03:00' }, new Date('2026-03-01T03:00:00Z')).toISOString()).toBe('2026-03-02T03:00:00.000Z');
    expect(nextRunAfter({ everyMs: 60_000 }, new Date('2026-03-01T03:00:00Z')).toISOString()).toBe('2026-03-01T03:01:00.000Z');
  });

  it('a malformed schedule is refused when the job is registered', () => {
    expect(() => registerJob({ name: 'bad', schedule: { dailyAtUtc: '25:00' }, run: async () => {} })).toThrow(/HH:MM/);
    expect(() => registerJob({ name: 'fast', schedule: { everyMs: 10 }, run: async () => {} })).toThrow(/at least 1000/);
  });
});

for (const dialect of DIALECTS) {
  describe(`scheduler on ${dialect}`, () => {
    let db: TestDb;
    let clock: ManualClock;
    let runs: string[];
    const daily = (): JobDefinition => ({ name: 'sweep', schedule: { dailyAtUtc: '03:00' }, run: async (_c, now) => void runs.push(now.toISOString()) });

    beforeEach(async () => {
      db = await openTestDb(dialect);
      clock = new ManualClock('2026-03-01T03:00:00.000Z');
      runs = [];
    });
    afterEach(async () => db.destroy());

    it('runs a due job once, then again only when its next time comes', async () => {
      const s = new Scheduler(ctxOf(db, clock), { jobs: [daily()] });
      expect(await s.tick()).toEqual(['sweep']);
      expect(await s.tick()).toEqual([]);
      clock.advance(23 * 3_600_000);
      expect(await s.tick()).toEqual([]);
      clock.advance(3_600_000);
      expect(await s.tick()).toEqual(['sweep']);
      expect(runs).toEqual(['2026-03-01T03:00:00.000Z', '2026-03-02T03:00:00.000Z']);
    });

    it('after a restart, catches up a week of missed runs with one run, not seven', async () => {
      await new Scheduler(ctxOf(db, clock), { jobs: [daily()] }).tick();
      clock.advanceDays(7); // the process was down
      const restarted = new Scheduler(ctxOf(db, clock), { jobs: [daily()] });
      expect(await restarted.tick()).toEqual(['sweep']);
      expect(await restarted.tick()).toEqual([]);
      expect(runs).toHaveLength(2);
      const [row] = await jobStatus(db.kysely);
      expect(row).toMatchObject({ name: 'sweep', runs: 2, lastRunAt: '2026-03-08T03:00:00.000Z', nextRunAt: '2026-03-09T03:00:00.000Z', lockedBy: null });
    });

    it('records a failed run and retries it sooner than the next day', async () => {
      let fail = true;
      const job: JobDefinition = { name: 'flaky', schedule: { dailyAtUtc: '03:00' }, run: async () => { if (fail) throw new Error('mail server down'); } };
      const errors: string[] = [];
      const s = new Scheduler(ctxOf(db, clock), { jobs: [job], retryMs: 600_000, onError: (n) => errors.push(n) });
      await s.tick();
      let [row] = await jobStatus(db.kysely);
      expect(row!.lastError).toMatch(/mail server down/);
      expect(row!.nextRunAt).toBe('2026-03-01T03:10:00.000Z');
      fail = false;
      clock.advance(600_000);
      expect(await s.tick()).toEqual(['flaky']);
      [row] = await jobStatus(db.kysely);
      expect(row!.lastError).toBeNull();
      expect(errors).toEqual(['flaky']);
    });

    it('takes over a job whose runner died holding the lease, once the lease expires', async () => {
      const crashed = new Scheduler(ctxOf(db, clock), { jobs: [daily()], leaseMs: 60_000 });
      await db.kysely.insertInto('jobs').values({ name: 'sweep', nextRunAt: clock.now().toISOString(), lastRunAt: null, lockedBy: crashed.id, lockedUntil: new Date(clock.now().getTime() + 60_000).toISOString(), lastError: null, runs: 0 }).execute();
      const other = new Scheduler(ctxOf(db, clock), { jobs: [daily()] });
      expect(await other.tick()).toEqual([]);
      clock.advance(61_000);
      expect(await other.tick()).toEqual(['sweep']);
    });

    it('two schedulers on one database, racing, run each due run exactly once', async () => {
      const second = dialect === 'postgres' ? connect({ databaseUrl: db.databaseUrl, pgSchema: db.pgSchema }) : connect({ sqlitePath: db.sqlitePath });
      try {
        let concurrent = 0;
        let maxConcurrent = 0;
        const slow: JobDefinition = {
          name: 'sweep',
          schedule: { dailyAtUtc: '03:00' },
          run: async (_c, now) => {
            concurrent++;
            maxConcurrent = Math.max(maxConcurrent, concurrent);
            await sleep(30);
            runs.push(now.toISOString());
            concurrent--;
          },
        };
        const a = new Scheduler(ctxOf(db, clock), { jobs: [slow] });
        const b = new Scheduler(ctxOf(second, clock), { jobs: [slow] });
        for (let day = 0; day < 10; day++) {
          const [ra, rb] = await Promise.all([a.tick(), b.tick()]);
          expect(ra.length + rb.length).toBe(1);
          clock.advanceDays(1);
        }
        expect(runs).toHaveLength(10);
        expect(maxConcurrent).toBe(1);
      } finally {
        await second.close();
      }
    });
  });
}

for (const dialect of DIALECTS) {
  describe(`a job whose process died mid-run, on ${dialect}`, () => {
    let db: TestDb;
    let child: ChildProcess | undefined;
    beforeEach(async () => {
      db = await openTestDb(dialect);
    });
    afterEach(async () => {
      child?.kill('SIGKILL');
      await db.destroy();
    });

    it('is picked up by another scheduler once its short lease runs out, not before', async () => {
      const now = '2026-03-01T03:00:00.000Z';
      const leaseMs = 45_000;
      const args = JSON.stringify({ sqlitePath: db.sqlitePath, databaseUrl: db.databaseUrl, pgSchema: db.pgSchema, now, leaseMs, heartbeatMs: 50 });
      child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./testing-runner.ts', import.meta.url)), args], { stdio: ['ignore', 'pipe', 'inherit'] });
      const runner = await new Promise<string>((resolve, reject) => {
        let out = '';
        child!.stdout!.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /RUNNING (\S+)/.exec(out);
          if (m) resolve(m[1]!);
        });
        child!.once('exit', (code) => reject(new Error(`runner exited with ${code} before running: ${out}`)));
      });
      expect((await jobStatus(db.kysely)).find((j) => j.name === 'test.hang')).toMatchObject({ lockedBy: runner, runs: 0 });

      const died = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGKILL'); // mid-run: no release, the lease stays behind
      await died;

      const clock = new ManualClock(now);
      const retaken: string[] = [];
      const next = new Scheduler(ctxOf(db, clock), { leaseMs, jobs: [{ name: 'test.hang', schedule: { everyMs: 60_000 }, run: async (_c, at) => void retaken.push(at.toISOString()) }] });
      expect(await next.tick()).toEqual([]); // the dead run's lease still holds
      clock.advance(leaseMs + 1_000);
      expect(await next.tick()).toEqual(['test.hang']);
      expect(retaken).toEqual(['2026-03-01T03:00:46.000Z']);
      expect((await jobStatus(db.kysely)).find((j) => j.name === 'test.hang')).toMatchObject({ lockedBy: null, runs: 1, lastError: null });
    });

    it('a run that is alive keeps its lease past the first one by its heartbeat', async () => {
      const clock = new ManualClock('2026-03-01T03:00:00.000Z');
      let finish!: () => void;
      let started!: () => void;
      const running = new Promise<void>((resolve) => (started = resolve));
      const job: JobDefinition = { name: 'long', schedule: { everyMs: 60_000 }, run: () => new Promise<void>((done) => ((finish = done), started())) };
      const firstTick = new Scheduler(ctxOf(db, clock), { leaseMs: 45_000, heartbeatMs: 20, jobs: [job] }).tick();
      await running;
      const firstLease = (await jobStatus(db.kysely)).find((j) => j.name === 'long')!.lockedUntil!;
      clock.advance(60_000); // past the first lease, while the job still runs
      const renewed = async () => (await jobStatus(db.kysely)).find((j) => j.name === 'long')!.lockedUntil! > firstLease;
      while (!(await renewed())) await sleep(10);
      const other = new Scheduler(ctxOf(db, clock), { leaseMs: 45_000, jobs: [{ name: 'long', schedule: { everyMs: 60_000 }, run: async () => {} }] });
      expect(await other.tick()).toEqual([]);
      finish();
      expect(await firstTick).toEqual(['long']);
    });
  });
}
