import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../kernel/db/testing.js';
import { startTestApp, type TestApp } from '../../kernel/http/testing.js';
import { joinCommunity, recordActivitySource } from '../communities/index.js';
import { sweepCommunity, updateSettings } from './service.js';

for (const dialect of DIALECTS) {
  describe(`concurrent sweeps (${dialect})`, () => {
    let t: TestApp;
    let communityId: string;
    let ownerId: string;
    beforeAll(async () => {
      t = await startTestApp(dialect);
      const owner = t.client();
      ownerId = (await owner.post('/api/auth/signup', { email: 'owner@example.com', password: 'long-enough-1', displayName: 'owner' })).body.user.id;
      communityId = (await owner.post('/api/communities', { slug: 'racers', name: 'Racers', type: 'interest', sharedNeed: 'race', valuePromise: 'tracks', norms: 'fair', entryCriteria: 'runs' })).body.community.id;
      for (let i = 0; i < 20; i++) {
        const c = t.client();
        const id = (await c.post('/api/auth/signup', { email: `m${i}@example.com`, password: 'long-enough-1', displayName: `m${i}` })).body.user.id;
        await joinCommunity(t.ctx, { communityId, userId: id });
      }
      const from = new Date(t.clock.now().getTime() - 100 * 86_400_000).toISOString();
      await recordActivitySource(t.ctx, communityId, null, { kind: 'import', carrier: 'wechat', sourceKey: 'racers', label: 'Racers', from, to: t.clock.now().toISOString() });
      await updateSettings(t.ctx, 'racers', ownerId, { rules: { inactive: { enabled: true, threshold: 5 } } });
    });
    afterAll(() => t?.close());

    it('four sweeps of one community at once warn each member once', async () => {
      t.clock.advanceDays(6);
      const results = await Promise.all([0, 1, 2, 3].map(() => sweepCommunity(t.ctx, communityId, null)));
      expect(results.reduce((n, r) => n + r.warned, 0)).toBe(20);
      const rows = await t.db.kysely.selectFrom('pruningWarnings').select('userId').where('communityId', '=', communityId).execute();
      expect(rows).toHaveLength(20);
      expect(new Set(rows.map((r) => r.userId)).size).toBe(20);
    });
  });
}
