import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../kernel/db/testing.js';
import { startTestApp, type TestApp } from '../kernel/http/testing.js';
import { joinCommunity } from '../features/communities/membership.js';
import { PRUNING_SWEEP_JOB } from './index.js';
import { registeredJobs } from './registry.js';
import { Scheduler } from './scheduler.js';

for (const dialect of DIALECTS) {
  describe(`the daily pruning sweep job (${dialect})`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(dialect, { now: '2026-03-01T03:00:00.000Z' });
    });
    afterAll(() => t?.close());

    it('is registered and, run by the scheduler, warns the inactive member of a community that switched pruning on', async () => {
      expect(registeredJobs().map((j) => j.name)).toContain(PRUNING_SWEEP_JOB);
      const owner = t.client();
      await owner.post('/api/auth/signup', { email: 'o@example.com', password: 'long-enough-1', displayName: 'owner' });
      const quiet = t.client();
      const q = await quiet.post('/api/auth/signup', { email: 'q@example.com', password: 'long-enough-1', displayName: 'quiet' });
      const c = await owner.post('/api/communities', { slug: 'night-runners', name: 'Night runners', type: 'interest', sharedNeed: 'run at night', valuePromise: 'routes', norms: 'be kind', entryCriteria: 'runs' });
      await joinCommunity(t.ctx, { communityId: c.body.community.id, userId: q.body.user.id });
      expect((await owner.patch('/api/communities/night-runners/pruning/settings', { rules: { inactive: { enabled: true, threshold: 10 } } })).status).toBe(200);

      const scheduler = new Scheduler(t.ctx, { jobs: registeredJobs().filter((j) => j.name === PRUNING_SWEEP_JOB) });
      expect(await scheduler.tick()).toEqual([PRUNING_SWEEP_JOB]); // first sight: due at once; nobody is inactive yet
      t.clock.advanceDays(11);
      expect(await scheduler.tick()).toEqual([PRUNING_SWEEP_JOB]);
      const warnings = await t.db.kysely.selectFrom('pruningWarnings').select(['userId', 'rule']).execute();
      expect(warnings).toEqual([{ userId: q.body.user.id, rule: 'inactive' }]);
    });
  });
}
