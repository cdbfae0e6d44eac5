import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listDecisions } from '../../kernel/audit.js';
import { DIALECTS } from '../../kernel/db/testing.js';
import { startTestApp, type TestApp } from '../../kernel/http/testing.js';
import { countActiveMembers } from '../communities/store.js';
import { waitlistJob } from './jobs.js';
import { answers, community, FORM, person, RULES, type Person } from './testing.js';

for (const dialect of DIALECTS) {
  describe(`gate API (${dialect})`, () => {
    let t: TestApp;
    let owner: Person;
    let communityId: string;
    const slug = 'indie-devs';
    beforeAll(async () => {
      t = await startTestApp(dialect);
      owner = await person(t, 'Owner');
      await community(owner, slug);
      const saved = await owner.c.patch(`/api/communities/${slug}/gate/config`, { form: FORM, rules: RULES });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      // A week's cooldown, so the test can wait it out without outliving the 30-day sessions.
      expect((await owner.c.patch(`/api/communities/${slug}/gate/config`, { settings: { ...saved.body.settings, cooldownDays: 7 } })).status).toBe(200);
      communityId = (await t.db.kysely.selectFrom('communities').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
    });
    afterAll(() => t?.close());

    it('shows the form to a visitor but asks them to sign in to apply', async () => {
      const visitor = t.client();
      const page = await visitor.get(`/api/communities/${slug}/apply`);
      expect(page.status).toBe(200);
      expect(page.body.form.questions.map((q: { id: string }) => q.id)).toEqual(['city', 'why', 'role']);
      expect((await visitor.post(`/api/communities/${slug}/apply`, { answers: answers() })).status).toBe(401);
    });

    it('over-long or malformed answers get a 400 naming the question', async () => {
      const a = await person(t, 'Wordy');
      const tooLong = await a.c.post(`/api/communities/${slug}/apply`, { answers: answers({ why: 'x'.repeat(5001) }) });
      expect(tooLong.status).toBe(400);
      expect(tooLong.body.error.fields[0].path).toBe('answers.why');
      const formBound = await a.c.post(`/api/communities/${slug}/apply`, { answers: answers({ city: 'a'.repeat(21), role: 'ceo' }) });
      expect(formBound.status).toBe(400);
      expect(formBound.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['answers.city', 'answers.role']);
      expect((await a.c.get(`/api/communities/${slug}/application`)).body.application).toBeNull();
    });

    it('a rule rejects with the reason the applicant reads, in-app and by mail, and the cooldown holds', async () => {
      const a = await person(t, 'Spammer');
      const r = await a.c.post(`/api/communities/${slug}/apply`, { answers: answers({ why: 'Great course, BUY NOW' }) });
      expect(r.status).toBe(201);
      expect(r.body.application).toMatchObject({ state: 'rejected', reason: 'We do not take advertisers.' });
      const status = (await a.c.get(`/api/communities/${slug}/application`)).body;
      expect(status.notifications[0]).toMatchObject({ kind: 'gate.rejected', data: { reason: 'We do not take advertisers.' } });
      expect(status.cooldownUntil).toBe('2026-03-08T08:00:00.000Z');
      const mail = await t.db.kysely.selectFrom('mailOutbox').selectAll().where('toAddress', '=', a.email).execute();
      expect(mail).toHaveLength(1);
      expect(mail[0]!.textBody).toContain('We do not take advertisers.');
      const audit = await listDecisions(t.db.kysely, communityId, { subjectId: a.id });
      expect(audit[0]).toMatchObject({ action: 'application.rejected', automatic: true, rule: 'no-ads' });

      const again = await a.c.post(`/api/communities/${slug}/apply`, { answers: answers() });
      expect(again.status).toBe(409);
      t.clock.advanceDays(8);
      try {
        const later = await a.c.post(`/api/communities/${slug}/apply`, { answers: answers() });
        expect(later.status).toBe(201);
        expect(later.body.application.state).toBe('pending');
      } finally {
        t.clock.advanceDays(-8);
      }
    });

    it('manual review: reviewers see answers and referrer; of two reviewers racing, one decides', async () => {
      const admin = await person(t, 'Admin');
      const applicant = await person(t, 'Applicant');
      const applied = await admin.c.post(`/api/communities/${slug}/apply`, { answers: answers({ role: 'other' }) });
      expect(applied.body.application.state).toBe('pending');
      await owner.c.post(`/api/communities/${slug}/gate/applications/decide`, { ids: [applied.body.application.id], decision: 'approve' });
      expect((await owner.c.patch(`/api/communities/${slug}/members/${admin.id}`, { role: 'admin' })).status).toBe(200);

      const mine = await applicant.c.post(`/api/communities/${slug}/apply`, { answers: answers({ role: 'other', why: '想找合伙人' }) });
      const id = mine.body.application.id;
      const queue = await admin.c.get(`/api/communities/${slug}/gate/applications`);
      expect(queue.status).toBe(200);
      const item = queue.body.applications.find((x: { id: string }) => x.id === id);
      expect(item).toMatchObject({ applicant: { id: applicant.id }, answers: { why: '想找合伙人' }, channel: 'direct', referrer: null });

      const [x, y] = await Promise.all([
        owner.c.post(`/api/communities/${slug}/gate/applications/decide`, { ids: [id], decision: 'approve' }),
        admin.c.post(`/api/communities/${slug}/gate/applications/decide`, { ids: [id], decision: 'reject', reason: 'not a fit' }),
      ]);
      const outcomes = [x.body.results[0], y.body.results[0]];
      expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
      expect(outcomes.filter((o) => !o.ok)[0].error).toMatch(/already been decided/);
      const decisions = await listDecisions(t.db.kysely, communityId, { subjectId: applicant.id });
      expect(decisions.filter((d) => d.action.startsWith('application.'))).toHaveLength(1);
      const kinds = (await t.db.kysely.selectFrom('activityEvents').select('kind').where('communityId', '=', communityId).where((eb) => eb.or([eb('actorId', '=', applicant.id), eb('targetId', '=', applicant.id)])).orderBy('id').execute()).map((e) => e.kind);
      expect(kinds[0]).toBe('member.applied');
      expect(kinds.length).toBeGreaterThanOrEqual(2);
    });

    it('a rejection needs a reason', async () => {
      const r = await owner.c.post(`/api/communities/${slug}/gate/applications/decide`, { ids: ['x'], decision: 'reject' });
      expect(r.status).toBe(400);
      expect(r.body.error.fields[0].path).toBe('reason');
    });

    it('applicants, visitors, plain members, removed members and other communities never read the queue or others\' answers', async () => {
      const applicant = await person(t, 'Curious');
      await applicant.c.post(`/api/communities/${slug}/apply`, { answers: answers({ role: 'other' }) });
      const member = await person(t, 'Plain');
      const app = await member.c.post(`/api/communities/${slug}/apply`, { answers: answers({ role: 'other' }) });
      await owner.c.post(`/api/communities/${slug}/gate/applications/decide`, { ids: [app.body.application.id], decision: 'approve' });
      const removed = await person(t, 'Removed');
      const rapp = await removed.c.post(`/api/communities/${slug}/apply`, { answers: answers({ role: 'other' }) });
      await owner.c.post(`/api/communities/${slug}/gate/applications/decide`, { ids: [rapp.body.application.id], decision: 'approve' });
      expect((await owner.c.post(`/api/communities/${slug}/members/${removed.id}/remove`, { reason: 'test' })).status).toBe(200);
      const other = await person(t, 'OtherOwner');
      await community(other, 'other-place');

      const reads = ['gate/applications', 'gate/applications?state=approved', 'gate/config', 'gate/referrals', 'gate/referrals/tree', 'gate/referrals/tree?parent=someone', 'gate/blocks', 'tiers'];
      for (const path of reads) {
        expect((await t.client().get(`/api/communities/${slug}/${path}`)).status, `visitor ${path}`).toBe(401);
        for (const [who, p] of [['applicant', applicant], ['member', member], ['removed', removed], ['other owner', other]] as const) {
          expect((await p.c.get(`/api/communities/${slug}/${path}`)).status, `${who} ${path}`).toBe(403);
        }
      }
      const preview = await member.c.post(`/api/communities/${slug}/gate/rules/preview`, { rules: RULES });
      expect(preview.status).toBe(403);
      // Their own status shows only their own application.
      const own = (await applicant.c.get(`/api/communities/${slug}/application`)).body;
      expect(own.application.answers).toEqual(answers({ role: 'other' }));
      expect(JSON.stringify(own)).not.toContain('想找合伙人');
      // A member's profile is for members only.
      for (const p of [applicant, removed, other]) expect((await p.c.get(`/api/communities/${slug}/members/${member.id}/profile`)).status).toBe(403);
      expect((await t.client().get(`/api/communities/${slug}/members/${member.id}/profile`)).status).toBe(401);
      expect((await member.c.get(`/api/communities/${slug}/members/${owner.id}/profile`)).status).toBe(200);
    });

    it('core members review only when the owner allows it, and only the owner may allow it', async () => {
      const core = await person(t, 'Core');
      const a = await core.c.post(`/api/communities/${slug}/apply`, { answers: answers({ role: 'other' }) });
      await owner.c.post(`/api/communities/${slug}/gate/applications/decide`, { ids: [a.body.application.id], decision: 'approve' });
      await owner.c.patch(`/api/communities/${slug}/members/${core.id}`, { role: 'core' });
      expect((await core.c.get(`/api/communities/${slug}/gate/applications`)).status).toBe(403);
      const cfg = (await owner.c.get(`/api/communities/${slug}/gate/config`)).body;
      expect((await owner.c.patch(`/api/communities/${slug}/gate/config`, { settings: { ...cfg.settings, coreCanReview: true } })).status).toBe(200);
      expect((await core.c.get(`/api/communities/${slug}/gate/applications`)).status).toBe(200);
    });

    it('a rule that names an unknown question is refused at save time', async () => {
      const r = await owner.c.patch(`/api/communities/${slug}/gate/config`, { rules: [{ id: 'x', name: 'x', conditions: [{ on: 'answer', questionId: 'age', op: 'answered' }], outcome: 'approve' }] });
      expect(r.status).toBe(400);
      expect(r.body.error.fields[0].path).toBe('rules.0.conditions.0.questionId');
    });

    it('previews rules against past applications', async () => {
      const strict = [{ id: 'all-out', name: 'Reject non-devs', conditions: [{ on: 'answer', questionId: 'role', op: 'equals', value: 'other' }], outcome: 'reject', reason: 'Developers only' }];
      const p = await owner.c.post(`/api/communities/${slug}/gate/rules/preview`, { rules: strict });
      expect(p.status).toBe(200);
      expect(p.body.counts.reject).toBeGreaterThan(0);
      expect(p.body.changed.some((c: { actual: string; wouldBe: string }) => c.actual === 'approved' && c.wouldBe === 'reject')).toBe(true);
    });

    it('campaign links attribute the channel; a vouching link skips review; used-up and bogus codes are refused', async () => {
      const link = await owner.c.post(`/api/communities/${slug}/invites`, { kind: 'campaign', name: 'Offline salon 2019-03', channel: 'salon', maxUses: 1 });
      expect(link.status).toBe(201);
      expect(link.body.code.length).toBeGreaterThanOrEqual(22);
      const a = await person(t, 'SalonDev');
      const page = await a.c.get(`/api/communities/${slug}/apply?code=${link.body.code}`);
      expect(page.body.invite).toMatchObject({ kind: 'campaign', name: 'Offline salon 2019-03' });
      const r = await a.c.post(`/api/communities/${slug}/apply`, { answers: answers(), code: link.body.code });
      expect(r.body.application).toMatchObject({ state: 'approved', channel: 'salon' });
      const b = await person(t, 'Late');
      const used = await b.c.post(`/api/communities/${slug}/apply`, { answers: answers(), code: link.body.code });
      expect(used.status).toBe(400);
      expect(used.body.error.fields[0].path).toBe('code');
      expect((await b.c.post(`/api/communities/${slug}/apply`, { answers: answers(), code: 'A'.repeat(24) })).status).toBe(400);

      const vouch = await owner.c.post(`/api/communities/${slug}/invites`, { kind: 'campaign', name: 'Friends', channel: 'friends', vouch: true });
      const v = await b.c.post(`/api/communities/${slug}/apply`, { answers: answers({ role: 'other' }), code: vouch.body.code });
      expect(v.body.application).toMatchObject({ state: 'approved', channel: 'friends' });
    });

    it('personal invites respect the role quota and build the referral tree', async () => {
      t.clock.advanceDays(1); // the period measured starts now; everyone before is the base
      const from = t.clock.now().toISOString();
      const cfg = (await owner.c.get(`/api/communities/${slug}/gate/config`)).body;
      await owner.c.patch(`/api/communities/${slug}/gate/config`, { settings: { ...cfg.settings, referralMode: 'vouch', quota: { ...cfg.settings.quota, member: 1 } } });
      const inviter = await person(t, 'Inviter');
      const ia = await inviter.c.post(`/api/communities/${slug}/apply`, { answers: answers({ role: 'other' }) });
      await owner.c.post(`/api/communities/${slug}/gate/applications/decide`, { ids: [ia.body.application.id], decision: 'approve' });
      const mine = await inviter.c.post(`/api/communities/${slug}/invites`, { kind: 'personal' });
      expect(mine.status).toBe(201);
      expect((await inviter.c.post(`/api/communities/${slug}/invites`, { kind: 'personal' })).status).toBe(409);
      expect((await inviter.c.post(`/api/communities/${slug}/invites`, { kind: 'campaign', name: 'x', channel: 'x' })).status).toBe(403);

      const friend = await person(t, 'Friend');
      const f = await friend.c.post(`/api/communities/${slug}/apply`, { answers: answers({ role: 'other' }), code: mine.body.code });
      expect(f.body.application).toMatchObject({ state: 'approved', channel: 'referral' });
      const stats = await owner.c.get(`/api/communities/${slug}/gate/referrals?from=${from}`);
      expect(stats.status).toBe(200);
      expect(stats.body.leaderboard).toContainEqual(expect.objectContaining({ userId: inviter.id, direct: 1 }));
      const below = await owner.c.get(`/api/communities/${slug}/gate/referrals/tree?parent=${inviter.id}`);
      expect(below.body).toEqual({ nodes: [expect.objectContaining({ userId: friend.id, displayName: 'Friend', direct: 0 })], nextCursor: null });
      expect(stats.body.channels).toContainEqual({ channel: 'referral', joins: 1 });
      expect(stats.body.growth.referredJoins).toBe(1);
      expect(stats.body.growth.base).toBeGreaterThan(5);
      expect(stats.body.growth.k).toBeCloseTo(1 / stats.body.growth.base, 3);
      expect(stats.body.funnel.applied).toBeGreaterThanOrEqual(stats.body.funnel.approved);
      const queueItem = (await owner.c.get(`/api/communities/${slug}/gate/applications?state=approved&limit=200`)).body.applications.find((x: { applicant: { id: string } }) => x.applicant.id === friend.id);
      expect(queueItem.referrer).toEqual({ id: inviter.id, displayName: 'Inviter' });
    });

    it('when full, approved applicants wait in order and join when a place frees', async () => {
      const count = await countActiveMembers(t.db.kysely, communityId);

      expect((await owner.c.patch(`/api/communities/${slug}/charter`, { capacity: count })).status).toBe(200);
      const first = await person(t, 'WaitFirst');
      const second = await person(t, 'WaitSecond');
      for (const p of [first, second]) {
        const a = await p.c.post(`/api/communities/${slug}/apply`, { answers: answers({ role: 'other' }) });
        t.clock.advance(1000);
        const d = await owner.c.post(`/api/communities/${slug}/gate/applications/decide`, { ids: [a.body.application.id], decision: 'approve' });
        expect(d.body.results[0].state).toBe('waitlisted');
      }
      expect((await second.c.get(`/api/communities/${slug}/application`)).body.waitlistPosition).toBe(2);
      const members = (await owner.c.get(`/api/communities/${slug}/members?limit=200`)).body.members as { userId: string; role: string }[];
      const leaving = members.find((m) => m.role === 'member')!;
      await owner.c.post(`/api/communities/${slug}/members/${leaving.userId}/remove`, { reason: 'made room' });
      await waitlistJob.run(t.ctx); // the scheduler's job fills the freed place
      expect((await first.c.get(`/api/communities/${slug}/application`)).body).toMatchObject({ membership: { state: 'member' }, application: { state: 'approved' } });
      expect((await second.c.get(`/api/communities/${slug}/application`)).body.waitlistPosition).toBe(1);
      await owner.c.patch(`/api/communities/${slug}/charter`, { capacity: null });
    });

    it('an applicant withdraws while waiting, may apply again at once, and a late reviewer finds nothing to decide', async () => {
      const p = await person(t, 'Changed Mind');
      const a = await p.c.post(`/api/communities/${slug}/apply`, { answers: answers({ role: 'other' }) });
      const w = await p.c.post(`/api/communities/${slug}/application/withdraw`);
      expect(w.status).toBe(200);
      expect(w.body.application.state).toBe('withdrawn');
      const late = await owner.c.post(`/api/communities/${slug}/gate/applications/decide`, { ids: [a.body.application.id], decision: 'approve' });
      expect(late.body.results[0]).toMatchObject({ ok: false });
      expect((await p.c.post(`/api/communities/${slug}/application/withdraw`)).status).toBe(409);
      expect((await p.c.post(`/api/communities/${slug}/apply`, { answers: answers({ role: 'other' }) })).status).toBe(201);
    });

    it('a blocked person cannot apply', async () => {
      const p = await person(t, 'Blocked');
      expect((await owner.c.post(`/api/communities/${slug}/gate/blocks`, { userId: p.id, reason: 'harassment' })).status).toBe(200);
      expect((await p.c.post(`/api/communities/${slug}/apply`, { answers: answers() })).status).toBe(403);
      expect((await owner.c.delete(`/api/communities/${slug}/gate/blocks/${p.id}`)).status).toBe(200);
      expect((await p.c.post(`/api/communities/${slug}/apply`, { answers: answers({ role: 'other' }) })).status).toBe(201);
    });
  });
}
