import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../kernel/db/testing.js';
import { startTestApp, type TestApp } from '../../kernel/http/testing.js';
import { answers, community, FORM, person, type Person } from '../gate/testing.js';

for (const dialect of DIALECTS) {
  describe(`onboarding and profiles API (${dialect})`, () => {
    let t: TestApp;
    let owner: Person;
    let newcomer: Person;
    const slug = 'reading-club';
    beforeAll(async () => {
      t = await startTestApp(dialect);
      owner = await person(t, 'Owner');
      await community(owner, slug, { norms: 'One book a month. No ads.' });
      await owner.c.patch(`/api/communities/${slug}/gate/config`, { form: FORM });
      newcomer = await person(t, 'Newcomer');
      const a = await newcomer.c.post(`/api/communities/${slug}/apply`, { answers: answers() });
      await owner.c.post(`/api/communities/${slug}/gate/applications/decide`, { ids: [a.body.application.id], decision: 'approve' });
    });
    afterAll(() => t?.close());

    it('a new member is welcomed with the norms and an introduction due in 7 days', async () => {
      const o = await newcomer.c.get(`/api/communities/${slug}/onboarding`);
      expect(o.status).toBe(200);
      expect(o.body.norms).toBe('One book a month. No ads.');
      expect(o.body.template.fields.map((f: { id: string }) => f.id)).toEqual(['city', 'work', 'offer', 'seeking', 'more']);
      expect(o.body.status).toMatchObject({ normsAccepted: false, introduced: false, dueAt: '2026-03-08T08:00:00.000Z', overdue: false });
    });

    it('accepting the norms and writing the introduction completes onboarding and shows on the profile', async () => {
      expect((await newcomer.c.post(`/api/communities/${slug}/onboarding/norms`)).body.status.normsAccepted).toBe(true);
      const bad = await newcomer.c.post(`/api/communities/${slug}/intro`, { intro: { city: '杭州', work: '' } });
      expect(bad.status).toBe(400);
      expect(bad.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['intro.offer', 'intro.seeking', 'intro.work']);
      const tooLong = await newcomer.c.post(`/api/communities/${slug}/intro`, { intro: { city: 'x'.repeat(1001) } });
      expect(tooLong.body.error.fields[0].path).toBe('intro.city');

      const intro = { city: '杭州', work: '产品经理', offer: '读书会主持经验', seeking: '一起读经济学的朋友' };
      const ok = await newcomer.c.post(`/api/communities/${slug}/intro`, { intro });
      expect(ok.status).toBe(200);
      expect(ok.body.status).toMatchObject({ introduced: true, done: true });
      const profile = await owner.c.get(`/api/communities/${slug}/members/${newcomer.id}/profile`);
      expect(profile.body.profile).toMatchObject({ displayName: 'Newcomer', intro, introducedAt: '2026-03-01T08:00:00.000Z' });

      // Rewriting does not log a second introduction.
      await newcomer.c.post(`/api/communities/${slug}/intro`, { intro: { ...intro, city: '上海' } });
      const events = await t.db.kysely.selectFrom('activityEvents').select('kind').where('kind', '=', 'member.introduced').where('actorId', '=', newcomer.id).execute();
      expect(events).toHaveLength(1);
    });

    it('an applicant or outsider cannot open onboarding or write an introduction', async () => {
      const applicant = await person(t, 'Waiting');
      await applicant.c.post(`/api/communities/${slug}/apply`, { answers: answers() });
      expect((await applicant.c.get(`/api/communities/${slug}/onboarding`)).status).toBe(403);
      expect((await applicant.c.post(`/api/communities/${slug}/intro`, { intro: { city: 'x' } })).status).toBe(403);
      expect((await t.client().get(`/api/communities/${slug}/onboarding`)).status).toBe(401);
    });

    it('an introduction not written by the deadline shows as overdue', async () => {
      t.clock.advanceDays(8);
      try {
        const late = await person(t, 'Late');
        const a = await late.c.post(`/api/communities/${slug}/apply`, { answers: answers() });
        await owner.c.post(`/api/communities/${slug}/gate/applications/decide`, { ids: [a.body.application.id], decision: 'approve' });
        t.clock.advanceDays(8);
        expect((await late.c.get(`/api/communities/${slug}/onboarding`)).body.status).toMatchObject({ overdue: true, daysLeft: -1 });
      } finally {
        t.clock.advanceDays(-16);
      }
    });
  });
}
