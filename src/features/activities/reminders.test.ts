import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../kernel/db/testing.js';
import { startTestApp, type TestApp } from '../../kernel/http/testing.js';
import { sendCheckinReminders } from './reminders.js';
import { cast, type Cast } from './testing.js';

for (const dialect of DIALECTS) {
  describe(`check-in reminders (${dialect})`, () => {
    let t: TestApp;
    let c: Cast;
    beforeAll(async () => {
      t = await startTestApp(dialect, { now: '2026-03-09T14:00:00.000Z' }); // 10:00 EDT, the day after the DST change
      c = await cast(t, 'evening', 2, { timezone: 'America/New_York' });
      const id = (await c.owner.c.post(`/api/communities/${c.slug}/challenges`, { title: '每日一练', period: 'daily' })).body.id;
      for (const m of c.members) await m.c.post(`/api/communities/${c.slug}/challenges/${id}/join`);
      await c.members[0]!.c.post(`/api/communities/${c.slug}/challenges/${id}/checkins`, {});
    });
    afterAll(() => t?.close());

    const reminders = async (i: number) =>
      (await c.members[i]!.c.get(`/api/communities/${c.slug}/notices`)).body.notices.filter((n: { kind: string }) => n.kind === 'activities.checkin_reminder');

    it('nobody is reminded before 20:00 local time', async () => {
      t.clock.set('2026-03-09T23:50:00.000Z'); // 19:50 EDT (it would be 18:50 in EST)
      expect(await sendCheckinReminders(t.ctx)).toEqual({ reminded: 0 });
    });

    it('from 20:00 local, the member who has not checked in is told once; the one who has is not', async () => {
      t.clock.set('2026-03-10T00:10:00.000Z'); // 20:10 EDT, still 9 March locally
      expect(await sendCheckinReminders(t.ctx)).toEqual({ reminded: 1 });
      expect(await sendCheckinReminders(t.ctx)).toEqual({ reminded: 0 });
      expect(await reminders(1)).toHaveLength(1);
      expect(await reminders(0)).toHaveLength(0);
    });

    it('the next evening is a new period: told again', async () => {
      t.clock.set('2026-03-11T00:30:00.000Z'); // 20:30 EDT on 10 March
      expect(await sendCheckinReminders(t.ctx)).toEqual({ reminded: 2 });
    });
  });
}
