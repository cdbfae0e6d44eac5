/**
 * Members-only stays members-only: every read path of content (feed, post,
 * replies, search, bookmarks, the public teasers) for a visitor, an
 * applicant, a removed member, another community's member, and lower roles and
 * tiers. A post nobody outside may read must not show up in any answer they get.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../kernel/db/testing.js';
import { startTestApp, type TestApp, type TestClient } from '../../kernel/http/testing.js';
import { cast, type Cast } from './testing.js';

for (const dialect of DIALECTS) {
  describe(`content access (${dialect})`, () => {
    let t: TestApp;
    let c: Cast;
    let visitor: TestClient;
    const ids: Record<'members' | 'core' | 'tier' | 'hidden' | 'teased', string> = { members: '', core: '', tier: '', hidden: '', teased: '' };
    const api = (p: string) => `/api/communities/${c.slug}${p}`;

    beforeAll(async () => {
      t = await startTestApp(dialect);
      c = await cast(t, 'access-mba');
      visitor = t.client();
      const write = async (by: TestClient, body: Record<string, unknown>) => {
        const r = await by.post(api('/posts'), body);
        expect(r.status, JSON.stringify(r.body)).toBe(201);
        return r.body.id as string;
      };
      ids.members = await write(c.member.c, { title: '成员帖 考研资料', body: '成员可见的考研资料全文' });
      ids.core = await write(c.core.c, { title: '骨干帖 考研资料', body: '只给骨干的考研资料', visibility: 'core' });
      ids.tier = await write(c.core.c, { title: '付费帖 考研资料', body: '只给付费会员的考研资料', visibility: 'tier', tierId: c.tierId });
      ids.hidden = await write(c.member.c, { title: '被隐藏 考研资料', body: '被管理员隐藏的考研资料' });
      ids.teased = await write(c.core.c, { title: '面试经验', body: '第一段是钩子。\n\n后面是只有成员能看的秘密细节 SECRET-PART', teaser: '第一段是钩子。' });
      expect((await c.admin.c.post(api(`/posts/${ids.hidden}/moderate`), { action: 'hide', reason: '广告' })).status).toBe(200);
      for (const id of Object.values(ids)) expect((await c.admin.c.post(api(`/posts/${id}/replies`), { body: '回复里的考研资料' })).status).toBe(201);
    });
    afterAll(() => t.close());

    const outsiders = () => [
      ['visitor', visitor, 401],
      ['applicant', c.applicant.c, 403],
      ['removed member', c.removed.c, 403],
      ["another community's member", c.elsewhere.c, 403],
    ] as const;

    it('outsiders read no feed, post, replies, search or bookmarks', async () => {
      for (const [who, client, status] of outsiders()) {
        const paths = [api('/posts'), api(`/posts/${ids.members}`), api(`/posts/${ids.members}/replies`), api('/search?q=考研资料'), api('/posts?bookmarked=1')];
        for (const path of paths) {
          const r = await client.get(path);
          expect(r.status, `${who} ${path}`).toBe(status);
          expect(JSON.stringify(r.body), `${who} ${path}`).not.toContain('考研资料');
        }
      }
    });

    it('outsiders cannot write, react, bookmark or accept either', async () => {
      for (const [who, client, status] of outsiders()) {
        if (client === visitor) continue; // a visitor has no CSRF session; the 401 is covered above
        expect((await client.post(api('/posts'), { body: '我也想发' })).status, who).toBe(status);
        expect((await client.post(api(`/posts/${ids.members}/replies`), { body: '插一句' })).status, who).toBe(status);
        expect((await client.post(api(`/posts/${ids.members}/reactions`), { reaction: 'like' })).status, who).toBe(status);
        expect((await client.post(api(`/posts/${ids.members}/bookmark`), { on: true })).status, who).toBe(status);
      }
    });

    /** What each member may see of the five posts. */
    const EXPECT = () =>
      [
        ['member', c.member, { members: true, core: false, tier: false, hidden: true /* own */, teased: true }],
        ['payer', c.payer, { members: true, core: false, tier: true, hidden: false, teased: true }],
        ['core', c.core, { members: true, core: true, tier: true /* own */, hidden: false, teased: true }],
        ['admin', c.admin, { members: true, core: true, tier: true, hidden: true, teased: true }],
      ] as const;

    it('the feed lists exactly what each role and tier may read', async () => {
      for (const [who, p, may] of EXPECT()) {
        const r = await p.c.get(api('/posts?limit=50'));
        expect(r.status, who).toBe(200);
        const seen = new Set(r.body.posts.map((x: { id: string }) => x.id));
        for (const [key, id] of Object.entries(ids)) expect(seen.has(id), `${who} sees ${key}`).toBe(may[key as keyof typeof may]);
      }
    });

    it('a post, its replies and its reactions answer 404 to a member who may not read it', async () => {
      for (const [who, p, may] of EXPECT()) {
        for (const [key, id] of Object.entries(ids)) {
          const want = may[key as keyof typeof may] ? 200 : 404;
          expect((await p.c.get(api(`/posts/${id}`))).status, `${who} post ${key}`).toBe(want);
          expect((await p.c.get(api(`/posts/${id}/replies`))).status, `${who} replies ${key}`).toBe(want);
          if (want === 404) {
            expect((await p.c.post(api(`/posts/${id}/replies`), { body: 'x' })).status, `${who} reply to ${key}`).toBe(404);
            expect((await p.c.post(api(`/posts/${id}/bookmark`), { on: true })).status, `${who} bookmark ${key}`).toBe(404);
          }
        }
      }
    });

    it('search finds, in posts and replies, only what each may read', async () => {
      for (const [who, p, may] of EXPECT()) {
        const r = await p.c.get(api(`/search?q=${encodeURIComponent('考研資料')}`));
        expect(r.status, who).toBe(200);
        const found = new Set(r.body.results.map((x: { id: string }) => x.id));
        // The teased post mentions 考研资料 only in a reply, which search finds too.
        for (const [key, id] of Object.entries(ids)) expect(found.has(id), `${who} finds ${key}`).toBe(may[key as keyof typeof may]);
      }
    });

    it('filters never widen what a member sees (tag, kind, essence, active order, paging)', async () => {
      const seen = new Set<string>();
      let cursor: string | null = null;
      do {
        const r: { status: number; body: { posts: { id: string }[]; nextCursor: string | null } } = await c.member.c.get(api(`/posts?sort=active&limit=1${cursor ? `&cursor=${cursor}` : ''}`));
        expect(r.status).toBe(200);
        for (const p of r.body.posts) seen.add(p.id);
        cursor = r.body.nextCursor;
      } while (cursor);
      expect([...seen].sort()).toEqual([ids.members, ids.hidden, ids.teased].sort());
      expect((await c.member.c.get(api('/posts?overdue=1'))).status).toBe(403);
    });

    it('a bookmark of a post the member can no longer read is not listed', async () => {
      expect((await c.payer.c.post(api(`/posts/${ids.tier}/bookmark`), { on: true })).status).toBe(200);
      expect((await c.payer.c.get(api('/posts?bookmarked=1'))).body.posts.map((p: { id: string }) => p.id)).toEqual([ids.tier]);
      await t.db.kysely.updateTable('memberTiers').set({ paidThrough: '2000-01-01T00:00:00.000Z' }).where('userId', '=', c.payer.id).execute();
      expect((await c.payer.c.get(api('/posts?bookmarked=1'))).body.posts).toEqual([]);
      expect((await c.payer.c.get(api(`/posts/${ids.tier}`))).status).toBe(404);
    });

    it('the public page shows exactly the teaser: title and teaser text, never the body', async () => {
      for (const client of [visitor, c.applicant.c, c.elsewhere.c, c.member.c]) {
        const r = await client.get(api('/teasers'));
        expect(r.status).toBe(200);
        expect(r.body.teasers).toEqual([{ id: ids.teased, title: '面试经验', teaser: '第一段是钩子。', author: { id: c.core.id, displayName: '骨干' }, createdAt: expect.any(String) }]);
        expect(JSON.stringify(r.body)).not.toContain('SECRET-PART');
      }
    });
  });
}
