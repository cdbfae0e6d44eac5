import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../kernel/db/testing.js';
import { startTestApp, type TestApp, type TestClient } from '../../kernel/http/testing.js';
import { joinCommunity, transitionMembership } from './membership.js';
import { charter } from './testing.js';

const MEMBERS_ONLY = ['/home', '/home/feed', '/members', '/members?q=%E5%B0%8F%E8%89%BE', '/activity'];

for (const dialect of DIALECTS) {
  describe(`communities API on ${dialect}`, () => {
    let t: TestApp;
    let n = 0;
    const signUp = async (displayName: string): Promise<{ client: TestClient; id: string }> => {
      const client = t.client();
      const res = await client.post('/api/auth/signup', { email: `u${++n}-${dialect}@example.com`, password: 'correct horse battery', displayName });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return { client, id: res.body.user.id };
    };
    let owner: Awaited<ReturnType<typeof signUp>>;
    let communityId: string;

    beforeAll(async () => {
      t = await startTestApp(dialect);
      owner = await signUp('群主老陈');
    });
    afterAll(() => t.close());

    it('create → public view → home → charter edit → role change → remove, and the activity log shows each with actor and target', async () => {
      const created = await owner.client.post('/api/communities', charter('mba-prep', { name: '备考群', capacity: 100 }));
      expect(created.status).toBe(201);
      expect(created.body.viewer).toEqual({ state: 'member', role: 'owner' });
      communityId = created.body.community.id;

      const mine = await owner.client.get('/api/communities');
      expect(mine.body.communities.map((c: any) => [c.community.slug, c.viewer.role, c.memberCount])).toEqual([['mba-prep', 'owner', 1]]);

      const visitor = t.client();
      const pub = await visitor.get('/api/communities/mba-prep');
      expect(pub.status).toBe(200);
      expect(pub.body.viewer).toBeNull();
      expect(pub.body.community).toMatchObject({ name: '备考群', memberCount: 1, teaser: '欢迎来看看', capacity: 100 });

      const alice = await signUp('小艾');
      const bob = await signUp('小博');
      await joinCommunity(t.ctx, { communityId, userId: alice.id, via: 'invite' });
      await joinCommunity(t.ctx, { communityId, userId: bob.id, via: 'invite' });

      const home = await alice.client.get('/api/communities/mba-prep/home');
      expect(home.status).toBe(200);
      expect(home.body.viewer).toEqual({ state: 'member', role: 'member' });
      expect(home.body.stats).toEqual({ members: 3, core: 1, joinedLast30d: 3 });
      expect(home.body.core).toEqual([{ userId: owner.id, displayName: '群主老陈', role: 'owner' }]);
      expect(home.body.recent.map((e: any) => e.kind)).toContain('member.joined');

      const edited = await owner.client.patch('/api/communities/mba-prep/charter', { name: '北大MBA备考群', capacity: 300, norms: '不发广告' });
      expect(edited.status).toBe(200);
      expect(edited.body.community).toMatchObject({ name: '北大MBA备考群', capacity: 300 });

      const promoted = await owner.client.patch(`/api/communities/mba-prep/members/${alice.id}`, { role: 'core' });
      expect(promoted.status).toBe(200);
      expect(promoted.body.member).toMatchObject({ userId: alice.id, role: 'core', state: 'member' });

      const removed = await owner.client.post(`/api/communities/mba-prep/members/${bob.id}/remove`, { reason: '发广告' });
      expect(removed.status).toBe(200);
      expect(removed.body.member).toMatchObject({ userId: bob.id, state: 'removed' });

      const log = await owner.client.get('/api/communities/mba-prep/activity');
      expect(log.status).toBe(200);
      const summary = log.body.events.map((e: any) => [e.kind, e.actor?.displayName ?? null, e.target?.displayName ?? null]);
      expect(summary).toEqual([
        ['member.removed', '群主老陈', '小博'],
        ['member.role_changed', '群主老陈', '小艾'],
        ['community.charter_updated', '群主老陈', null],
        ['member.joined', '小博', null],
        ['member.joined', '小艾', null],
        ['member.joined', '群主老陈', null],
        ['community.created', '群主老陈', null],
      ]);
      const byKind = Object.fromEntries(log.body.events.map((e: any) => [e.kind, e.data]));
      expect(byKind['community.charter_updated']).toEqual({ fields: ['name', 'capacity'] }); // norms did not change
      expect(byKind['member.role_changed']).toEqual({ from: 'member', to: 'core' });
      expect(byKind['member.removed']).toEqual({ reason: '发广告' });

      const page = await owner.client.get(`/api/communities/mba-prep/activity?kind=member.joined&limit=2`);
      expect(page.body.events.map((e: any) => e.actor.displayName)).toEqual(['小博', '小艾']);
      const older = await owner.client.get(`/api/communities/mba-prep/activity?kind=member.joined&limit=2&cursor=${page.body.nextCursor}`);
      expect(older.body.events.map((e: any) => e.actor.displayName)).toEqual(['群主老陈']);
      expect(older.body.nextCursor).toBeNull();
      const forged = await owner.client.get('/api/communities/mba-prep/activity?cursor=not-a-cursor');
      expect(forged.status).toBe(400);

      const members = await owner.client.get('/api/communities/mba-prep/members');
      expect(members.body.total).toBe(2);
      expect(members.body.members.map((m: any) => [m.displayName, m.role])).toEqual([['群主老陈', 'owner'], ['小艾', 'core']]);
      const first = await owner.client.get('/api/communities/mba-prep/members?limit=1');
      const second = await owner.client.get(`/api/communities/mba-prep/members?limit=1&cursor=${first.body.nextCursor}`);
      expect([...first.body.members, ...second.body.members].map((m: any) => m.displayName)).toEqual(['群主老陈', '小艾']);
      expect(second.body.nextCursor).toBeNull();
      const all = await owner.client.get('/api/communities/mba-prep/members?state=all&q=小博');
      expect(all.body.members.map((m: any) => [m.displayName, m.state])).toEqual([['小博', 'removed']]);
    });

    it('a non-member, an applicant, a removed member and a signed-out visitor get 401/403 and no members-only data', async () => {
      const stranger = await signUp('路人');
      const applicant = await signUp('申请者');
      await transitionMembership(t.ctx, { communityId, userId: applicant.id, transition: 'apply', by: applicant.id });
      const removed = await signUp('被清理的人');
      await joinCommunity(t.ctx, { communityId, userId: removed.id });
      await transitionMembership(t.ctx, { communityId, userId: removed.id, transition: 'remove', by: owner.id });
      const cases: [string, TestClient, number][] = [
        ['stranger', stranger.client, 403],
        ['applicant', applicant.client, 403],
        ['removed', removed.client, 403],
        ['visitor', t.client(), 401],
      ];
      for (const [who, client, status] of cases) {
        for (const path of MEMBERS_ONLY) {
          const res = await client.get(`/api/communities/mba-prep${path}`);
          expect(res.status, `${who} ${path}`).toBe(status);
          expect(Object.keys(res.body), `${who} ${path}`).toEqual(['error']);
          expect(JSON.stringify(res.body)).not.toMatch(/小艾|example\.com|stats|recent/);
        }
        const pub = await client.get('/api/communities/mba-prep');
        expect(pub.status).toBe(200);
        expect(Object.keys(pub.body.community).sort()).toEqual(
          ['capacity', 'entryCriteria', 'id', 'memberCount', 'name', 'norms', 'sharedNeed', 'slug', 'teaser', 'type', 'valuePromise'].sort(),
        );
      }
    });

    it('an ordinary member sees the home but not the member list or the activity log, and cannot edit the charter', async () => {
      const m = await signUp('普通成员');
      await joinCommunity(t.ctx, { communityId, userId: m.id });
      expect((await m.client.get('/api/communities/mba-prep/home')).status).toBe(200);
      expect((await m.client.get('/api/communities/mba-prep/members')).status).toBe(403);
      expect((await m.client.get('/api/communities/mba-prep/activity')).status).toBe(403);
      expect((await m.client.patch('/api/communities/mba-prep/charter', { name: '改名' })).status).toBe(403);
      expect((await m.client.patch(`/api/communities/mba-prep/members/${owner.id}`, { role: 'member' })).status).toBe(403);
    });

    it('the public page shows the teaser only when the charter says so', async () => {
      await owner.client.post('/api/communities', charter('quiet-group', { publicTeaser: false, teaser: '内部的介绍' }));
      const visitor = t.client();
      expect((await visitor.get('/api/communities/quiet-group')).body.community.teaser).toBeNull();
      await owner.client.patch('/api/communities/quiet-group/charter', { publicTeaser: true });
      expect((await visitor.get('/api/communities/quiet-group')).body.community.teaser).toBe('内部的介绍');
    });

    it('bad input gets a 400 that names the field; a taken slug gets a 409 on slug', async () => {
      const bad = async (body: object, field: string) => {
        const res = await owner.client.post('/api/communities', body);
        expect(res.status, field).toBe(400);
        expect(res.body.error.code).toBe('invalid');
        expect(res.body.error.fields.map((f: any) => f.path), field).toContain(field);
      };
      await bad(charter('ok-slug', { name: 'x'.repeat(81) }), 'name');
      await bad(charter('ok-slug', { capacity: 0 }), 'capacity');
      await bad(charter('ok-slug', { capacity: 100_001 }), 'capacity');
      await bad(charter('AB'), 'slug');
      await bad(charter('admin'), 'slug');
      await bad(charter('ok-slug', { type: 'club' as never }), 'type');
      await bad(charter('ok-slug', { norms: 'x'.repeat(4001) }), 'norms');
      await bad(charter('ok-slug', { sharedNeed: '' }), 'sharedNeed');

      const limit = await owner.client.get('/api/communities/mba-prep/members?limit=1000');
      expect(limit.status).toBe(400);
      expect(limit.body.error.fields[0]).toMatchObject({ path: 'limit', in: 'querystring' });
      const kind = await owner.client.get('/api/communities/mba-prep/activity?kind=member.joined,bogus');
      expect(kind.status).toBe(400);
      expect(kind.body.error.message).toContain('bogus');
      const role = await owner.client.patch(`/api/communities/mba-prep/members/${owner.id}`, { role: 'boss' });
      expect(role.body.error.fields[0].path).toBe('role');

      const taken = await owner.client.post('/api/communities', charter('mba-prep'));
      expect(taken.status).toBe(409);
      expect(taken.body.error.fields).toEqual([{ path: 'slug', code: 'conflict', message: 'this address is already taken' }]);
      const renamed = await owner.client.patch('/api/communities/quiet-group/charter', { slug: 'mba-prep' });
      expect(renamed.status).toBe(409);
      expect((await owner.client.get('/api/communities/nope-nope')).status).toBe(404);
    });

    it('the owner cannot leave; a member can', async () => {
      const left = await owner.client.post('/api/communities/mba-prep/leave', {});
      expect(left.status).toBe(409);
      const m = await signUp('要走的人');
      await joinCommunity(t.ctx, { communityId, userId: m.id });
      const res = await m.client.post('/api/communities/mba-prep/leave', { reason: '时间不够' });
      expect(res.status).toBe(200);
      expect(res.body.member.state).toBe('left');
      expect((await m.client.get('/api/communities/mba-prep/home')).status).toBe(403);
      expect((await owner.client.post('/api/communities', undefined)).status).toBe(400);
    });

    it('the OpenAPI document lists the communities routes', async () => {
      const doc = await t.client().get('/api/openapi.json');
      expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/communities', '/api/communities/{slug}/home', '/api/communities/{slug}/members/{userId}/remove']));
    });
  });
}
