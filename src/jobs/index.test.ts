import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../kernel/db/testing.js';
import { startTestApp, type TestApp } from '../kernel/http/testing.js';
import { joinCommunity, recordActivitySource } from '../features/communities/index.js';
import { PRUNING_SWEEP_JOB, RENEWAL_REMINDERS_JOB } from './index.js';
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
      // The group's WeChat history was imported, so the rule can see the last 10 days from the start.
      const imported = { kind: 'import' as const, carrier: 'wechat', sourceKey: 'night-runners', label: 'Night runners WeChat', from: '2025-12-01T00:00:00.000Z', to: '2026-03-01T02:00:00.000Z' };
      await recordActivitySource(t.ctx, c.body.community.id, null, imported);
      expect((await owner.patch('/api/communities/night-runners/pruning/settings', { rules: { inactive: { enabled: true, threshold: 10 } } })).status).toBe(200);

      const scheduler = new Scheduler(t.ctx, { jobs: registeredJobs().filter((j) => j.name === PRUNING_SWEEP_JOB) });
      expect(await scheduler.tick()).toEqual([PRUNING_SWEEP_JOB]); // first sight: due at once; nobody is inactive yet
      t.clock.advanceDays(11);
      expect(await scheduler.tick()).toEqual([PRUNING_SWEEP_JOB]);
      const warnings = await t.db.kysely.selectFrom('pruningWarnings').select(['userId', 'rule']).execute();
      expect(warnings).toEqual([{ userId: q.body.user.id, rule: 'inactive' }]);
    });

    it('with a paid tier: the reminders job mails before the end, and the sweep warns once the membership lapsed', async () => {
      const owner = t.client();
      await owner.post('/api/auth/signin', { email: 'o@example.com', password: 'long-enough-1' });
      const quietId = (await t.db.kysely.selectFrom('users').select('id').where('email', '=', 'q@example.com').executeTakeFirstOrThrow()).id;
      const before = (await owner.get('/api/communities/night-runners/pruning/settings')).body.rules.find((r: { id: string }) => r.id === 'tier_lapsed');
      expect(before.available).toBe(false); // no tiers yet: nothing can lapse
      const tier = await owner.post('/api/communities/night-runners/tiers', { name: 'Season pass', feeMinor: 5000, currency: 'CNY', periodUnit: 'month', periodCount: 1 });
      expect(tier.status).toBe(201);
      const paid = await owner.post('/api/communities/night-runners/tiers/payments', { userId: quietId, tierId: tier.body.tier.id });
      expect(paid.status).toBe(201);
      const end = new Date(paid.body.payment.periodEnd);
      expect((await owner.patch('/api/communities/night-runners/pruning/settings', { rules: { tier_lapsed: { enabled: true, threshold: 0 } } })).status).toBe(200);

      const both = registeredJobs().filter((j) => j.name === PRUNING_SWEEP_JOB || j.name === RENEWAL_REMINDERS_JOB);
      const scheduler = new Scheduler(t.ctx, { jobs: both });
      const mailsTo = async () => (await t.db.kysely.selectFrom('mailOutbox').select('subject').where('toAddress', '=', 'q@example.com').execute()).map((m) => m.subject);
      const sent = await mailsTo();
      t.clock.set(new Date(end.getTime() - 10 * 86_400_000));
      expect((await scheduler.tick()).sort()).toEqual([RENEWAL_REMINDERS_JOB, PRUNING_SWEEP_JOB].sort());
      const reminders = (await mailsTo()).slice(sent.length);
      expect(reminders).toHaveLength(1); // the renewal reminder (the old inactivity warning went to review, with no mail)
      expect(reminders[0]).toContain('14');
      const lapsedBefore = await t.db.kysely.selectFrom('pruningWarnings').select('rule').where('rule', '=', 'tier_lapsed').execute();
      expect(lapsedBefore).toEqual([]);

      t.clock.set(new Date(end.getTime() + 86_400_000));
      expect(await scheduler.tick()).toContain(PRUNING_SWEEP_JOB);
      const lapsed = await t.db.kysely.selectFrom('pruningWarnings').select(['userId', 'rule', 'state']).where('rule', '=', 'tier_lapsed').execute();
      expect(lapsed).toEqual([{ userId: quietId, rule: 'tier_lapsed', state: 'open' }]);
    });
  });
}
