import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../kernel/db/testing.js';
import { startTestApp, type TestApp } from '../../kernel/http/testing.js';
import { cast, type Cast } from './testing.js';

for (const dialect of DIALECTS) {
  describe(`pruning rule: missed check-ins in a row (${dialect})`, () => {
    let t: TestApp;
    let c: Cast;
    beforeAll(async () => {
      t = await startTestApp(dialect, { now: '2026-03-01T02:00:00.000Z' }); // 10:00 in Shanghai
      c = await cast(t, 'runners', 2, { type: 'action' });
      const id = (await c.owner.c.post(`/api/communities/${c.slug}/challenges`, { title: '每日一练', period: 'daily' })).body.id;
      for (const m of c.members) await m.c.post(`/api/communities/${c.slug}/challenges/${id}/join`);
      // Member0 checks in every day; Member1 stops after the first.
      for (let day = 0; day < 5; day++) {
        await c.members[0]!.c.post(`/api/communities/${c.slug}/challenges/${id}/checkins`, {});
        if (day === 0) await c.members[1]!.c.post(`/api/communities/${c.slug}/challenges/${id}/checkins`, {});
        t.clock.advanceDays(1);
      }
    });
    afterAll(() => t?.close());

    it('warns the member who missed 4 days in a row at a threshold of 3, not the steady one', async () => {
      const settings = (await c.owner.c.get(`/api/communities/${c.slug}/pruning/settings`)).body;
      expect(settings.rules.find((r: { id: string }) => r.id === 'missed_checkins')).toMatchObject({ available: true, unit: 'count' });
      const dry = await c.owner.c.post(`/api/communities/${c.slug}/pruning/dry-run`, { rules: { missed_checkins: { enabled: true, threshold: 3 } } });
      expect(dry.status).toBe(200);
      const warned = dry.body.decisions.filter((d: { ruleId: string }) => d.ruleId === 'missed_checkins');
      expect(warned).toEqual([expect.objectContaining({ kind: 'warn', userId: c.members[1]!.id, reason: { key: 'reason.missed_checkins', params: { count: 4 } } })]);
    });

    it('is not offered outside action communities', async () => {
      const other = (await c.outsider.c.get(`/api/communities/${c.slug}-other/pruning/settings`)).body;
      expect(other.rules.find((r: { id: string }) => r.id === 'missed_checkins')).toMatchObject({ available: false });
    });
  });
}
