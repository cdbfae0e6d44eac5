import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendEvents } from '../../kernel/activity/log.js';
import { DIALECTS } from '../../kernel/db/testing.js';
import { startTestApp, type TestApp } from '../../kernel/http/testing.js';
import { answers, community, FORM, person, type Person } from '../gate/testing.js';

for (const dialect of DIALECTS) {
  describe(`evidence for decisions about members (${dialect})`, () => {
    let t: TestApp;
    let owner: Person, inviter: Person, stays: Person, leaves: Person;
    let communityId: string;
    const slug = 'evidence-club';
    const evidence = (who: Person, ids: string[]) => who.c.get(`/api/communities/${slug}/members/evidence?ids=${ids.join(',')}`);

    beforeAll(async () => {
      t = await startTestApp(dialect);
      owner = await person(t, 'Owner');
      await community(owner, slug);
      communityId = (await t.db.kysely.selectFrom('communities').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
      await owner.c.patch(`/api/communities/${slug}/gate/config`, { form: FORM });
      const cfg = (await owner.c.get(`/api/communities/${slug}/gate/config`)).body;
      await owner.c.patch(`/api/communities/${slug}/gate/config`, { settings: { ...cfg.settings, referralMode: 'vouch', quota: { ...cfg.settings.quota, member: 2 } } });
      inviter = await person(t, 'Inviter');
      const ia = await inviter.c.post(`/api/communities/${slug}/apply`, { answers: answers() });
      await owner.c.post(`/api/communities/${slug}/gate/applications/decide`, { ids: [ia.body.application.id], decision: 'approve' });
      stays = await person(t, 'Stays');
      leaves = await person(t, 'Leaves');
      for (const p of [stays, leaves]) {
        // a personal link brings one person; the quota allows two
        const invite = await inviter.c.post(`/api/communities/${slug}/invites`, { kind: 'personal' });
        const applied = await p.c.post(`/api/communities/${slug}/apply`, { answers: answers(), code: invite.body.code });
        expect(applied.body.application?.state, JSON.stringify(applied.body)).toBe('approved');
      }
      expect((await leaves.c.post(`/api/communities/${slug}/leave`, {})).status).toBe(200);
      await inviter.c.post(`/api/communities/${slug}/intro`, { intro: { city: '杭州', work: '产品', offer: '主持', seeking: '朋友' } });
      const at = (h: number) => new Date(t.clock.now().getTime() + h * 3_600_000).toISOString();
      await t.db.kysely.transaction().execute((trx) =>
        appendEvents(trx, communityId, [
          { kind: 'content.posted', at: at(1), actorId: inviter.id },
          { kind: 'content.posted', at: at(2), actorId: inviter.id },
          { kind: 'content.replied', at: at(3), actorId: inviter.id, targetId: stays.id },
          { kind: 'content.reacted', at: at(4), actorId: stays.id, targetId: inviter.id },
        ]),
      );
    });
    afterAll(() => t?.close());

    it('shows when each member last took part and where, their introduction, invites that stayed and contributions', async () => {
      const res = await evidence(owner, [inviter.id, stays.id]);
      expect(res.status).toBe(200);
      const of = (p: Person) => res.body.evidence.find((e: { userId: string }) => e.userId === p.id);
      expect(of(inviter)).toMatchObject({
        lastActive: { source: { kind: 'shequn' } },
        introduction: { status: 'done' },
        invites: { brought: 2, stayed: 1 },
        contributions: { posts: 2, replies: 1, checkIns: 0, attended: 0 },
      });
      expect(of(stays)).toMatchObject({ introduction: { status: 'due' }, invites: { brought: 0, stayed: 0 }, contributions: { posts: 0, replies: 0 } });
      // A reaction is taking part (last active) without being a contribution counted here.
      expect(of(stays).lastActive).not.toBeNull();
    });

    it('is for operators only, names no one outside the community, and takes at most 100 at a time', async () => {
      expect((await evidence(stays, [inviter.id])).status).toBe(403);
      expect((await t.client().get(`/api/communities/${slug}/members/evidence?ids=${inviter.id}`)).status).toBe(401);
      const outsider = await person(t, 'Outsider');
      expect((await evidence(outsider, [inviter.id])).status).toBe(403);
      expect((await evidence(owner, [outsider.id])).body.evidence).toEqual([]);
      const tooMany = await evidence(owner, Array.from({ length: 101 }, (_, i) => `u${i}`));
      expect(tooMany.status).toBe(400);
      expect(tooMany.body.error.fields[0].path).toBe('ids');
    });

    it("a member's timeline: what they did and what was done to them, newest first, page by page, for operators", async () => {
      const url = (id: string, q = '') => `/api/communities/${slug}/members/${id}/timeline${q}`;
      const all = (await owner.c.get(url(stays.id, '?limit=100'))).body.events as { id: number; kind: string; at: string }[];
      const kinds = all.map((e) => e.kind);
      expect(kinds).toContain('content.reacted'); // what stays did
      expect(kinds).toContain('content.replied'); // the inviter's answer to stays
      expect(kinds).toContain('member.joined');
      expect(all.map((e) => e.at)).toEqual([...all.map((e) => e.at)].sort().reverse());
      // Page by page with the cursor: the same events, none twice.
      const paged: number[] = [];
      for (let before: string | null = '', n = 0; before !== null && n < 20; n++) {
        const res = await owner.c.get(url(stays.id, `?limit=2${before ? `&before=${encodeURIComponent(before)}` : ''}`));
        paged.push(...res.body.events.map((e: { id: number }) => e.id));
        before = res.body.next;
      }
      expect(paged).toEqual(all.map((e) => e.id));
      expect((await owner.c.get(url(stays.id, '?before=yesterday'))).body.error.fields[0].path).toBe('before');
      expect((await stays.c.get(url(inviter.id))).status).toBe(403);
      expect((await t.client().get(url(inviter.id))).status).toBe(401);
    });
  });
}
