import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../kernel/db/testing.js';
import { startTestApp, type TestApp } from '../../kernel/http/testing.js';
import { answers, community, FORM, person, type Person } from './testing.js';
import { lapsedMembers, sendRenewalReminders } from './tiers-service.js';

for (const dialect of DIALECTS) {
  describe(`paid tiers and rate limits (${dialect})`, () => {
    let t: TestApp;
    let owner: Person;
    let payer: Person;
    let communityId: string;
    const slug = 'paid-circle';
    beforeAll(async () => {
      t = await startTestApp(dialect, { authRateLimit: 30 });
      owner = await person(t, 'Owner');
      await community(owner, slug);
      await owner.c.patch(`/api/communities/${slug}/gate/config`, { form: FORM });
      payer = await person(t, 'Payer');
      const a = await payer.c.post(`/api/communities/${slug}/apply`, { answers: answers() });
      await owner.c.post(`/api/communities/${slug}/gate/applications/decide`, { ids: [a.body.application.id], decision: 'approve' });
      communityId = (await t.db.kysely.selectFrom('communities').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
    });
    afterAll(() => t?.close());

    it('an operator marks a payment; the member is paid for one period, reminded before its end, and lapses after', async () => {
      const tier = await owner.c.post(`/api/communities/${slug}/tiers`, { name: '年费会员', feeMinor: 19900, currency: 'CNY', periodUnit: 'month', periodCount: 1 });
      expect(tier.status).toBe(201);
      const paid = await owner.c.post(`/api/communities/${slug}/tiers/payments`, { userId: payer.id, tierId: tier.body.tier.id });
      expect(paid.status).toBe(201);
      expect(paid.body.payment).toMatchObject({ amountMinor: 19900, periodEnd: '2026-04-01T08:00:00.000Z' });
      expect((await payer.c.post(`/api/communities/${slug}/tiers/payments`, { userId: payer.id, tierId: tier.body.tier.id })).status).toBe(403);

      expect(await sendRenewalReminders(t.ctx, communityId)).toBe(0);
      t.clock.set('2026-03-19T08:00:00.000Z'); // 13 days before the end: the 14-day reminder is due
      expect(await sendRenewalReminders(t.ctx, communityId)).toBe(1);
      expect(await sendRenewalReminders(t.ctx, communityId)).toBe(0);
      const mail = await t.db.kysely.selectFrom('mailOutbox').selectAll().where('toAddress', '=', payer.email).orderBy('createdAt', 'desc').execute();
      expect(mail[0]!.subject).toContain('14 days');
      expect((await owner.c.get(`/api/communities/${slug}/tiers`)).body.members[0]).toMatchObject({ userId: payer.id, status: 'due_soon' });

      expect(await lapsedMembers(t.ctx, communityId)).toEqual([]);
      t.clock.set('2026-04-01T08:00:00.000Z');
      expect(await lapsedMembers(t.ctx, communityId)).toEqual([{ userId: payer.id, paidThrough: '2026-04-01T08:00:00.000Z' }]);
      t.clock.set('2026-03-01T08:00:00.000Z');
    });

    it('a bad fee or currency is a 400 naming the field', async () => {
      const r = await owner.c.post(`/api/communities/${slug}/tiers`, { name: 'x', feeMinor: 9.5, currency: 'rmb', periodUnit: 'month', periodCount: 1 });
      expect(r.status).toBe(400);
      expect(r.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['currency', 'feeMinor']);
    });

    it('viewing the apply page is not rate limited; applying and redeeming invite codes are', async () => {
      // 50 visitors behind one campus NAT address open the page, with and without a campaign code
      const visitor = t.client();
      for (let i = 0; i < 50; i++) {
        const page = await visitor.get(`/api/communities/${slug}/apply${i % 2 ? `?code=${'A'.repeat(23)}${i % 10}` : ''}`);
        expect(page.status, `view ${i + 1}`).toBe(200);
      }
      const guesser = await person(t, 'Guesser');
      const statuses: number[] = [];
      for (let i = 0; i < 35; i++) statuses.push((await guesser.c.post(`/api/communities/${slug}/apply`, { answers: answers(), code: `${'A'.repeat(23)}${i % 10}` })).status);
      expect(statuses.slice(0, 30).every((s) => s === 400)).toBe(true); // an unknown code, until the limit
      expect(statuses.slice(30)).toEqual([429, 429, 429, 429, 429]);
      // the limit is the guesser's own: another applicant from the same address still gets through
      const neighbour = await person(t, 'Neighbour');
      expect((await neighbour.c.post(`/api/communities/${slug}/apply`, { answers: answers(), code: 'B'.repeat(24) })).status).toBe(400);
    });
  });
}
