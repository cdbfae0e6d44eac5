/**
 * Core duties, the core dashboard and promotion suggestions through the API on
 * both engines: measured from what people did, shown to operators only,
 * suggestions never applied on their own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../kernel/db/testing.js';
import { startTestApp, type TestApp } from '../../kernel/http/testing.js';
import type { Person } from '../gate/testing.js';
import { cast, poster, type Cast } from './testing.js';

const HOUR = 3_600_000;

for (const dialect of DIALECTS) {
  describe(`core duties and dashboard (${dialect})`, () => {
    let t: TestApp;
    let c: Cast;
    const api = (p: string) => `/api/communities/${c.slug}${p}`;
    const write = (p: Person, body: Record<string, unknown>) => poster(c)(p, body);

    beforeAll(async () => {
      t = await startTestApp(dialect);
      c = await cast(t, 'core-mba');
    });
    afterAll(() => t.close());

    it('only the owner sets duties; only operators read the dashboard', async () => {
      expect((await c.admin.c.post(api('/core/duties'), { kind: 'original_posts', target: 2 })).status).toBe(403);
      expect((await c.owner.c.post(api('/core/duties'), { kind: 'original_posts', target: 2, userId: c.member.id })).status).toBe(400);
      expect((await c.owner.c.post(api('/core/duties'), { kind: 'original_posts', target: 2 })).status).toBe(201);
      expect((await c.owner.c.post(api('/core/duties'), { kind: 'answer_within', target: 48, userId: c.core.id })).status).toBe(201);
      for (const p of [c.core, c.member, c.applicant, c.removed, c.elsewhere]) expect((await p.c.get(api('/core/dashboard'))).status).toBe(403);
      expect((await t.client().get(api('/core/dashboard'))).status).toBe(401);
      expect((await c.admin.c.get(api('/core/dashboard'))).status).toBe(200);
    });

    it('a core member who posts one original note of two and lets a question lapse is behind; shared links do not count', async () => {
      await write(c.core, { title: '真题解析', body: '第一篇原创笔记，讲条件充分性判断的特值反例方法，以及联合之后仍不充分的常见情形。' });
      await write(c.core, { title: '转发', body: 'https://example.com/notice' });
      await write(c.member, { kind: 'question', body: '英语二作文怎么准备？', askedTo: c.core.id });
      t.clock.advance(49 * HOUR);
      const d = (await c.owner.c.get(api('/core/dashboard'))).body;
      const row = d.core.find((r: { user: { id: string } }) => r.user.id === c.core.id);
      expect(row.weeks.at(-1)).toMatchObject({ originalPosts: 1, shared: 1 });
      expect(row.duties.map((x: { kind: string; done: number; required: number; met: boolean }) => [x.kind, x.done, x.required, x.met])).toEqual([
        ['original_posts', 1, 2, false],
        ['answer_within', 0, 1, false],
      ]);
      expect(row.behind).toBe(true);
      expect(row.belowDuties).toBe(true); // 1 of 8 posts over four weeks
      expect(d.canEdit).toBe(true);
    });

    it('a member whose original posts draw replies, 精华 and accepted answers is suggested for core — and stays a member', async () => {
      await c.owner.c.patch(api('/content/settings'), { promoteOriginalPosts: 2, promoteValueMarks: 2, promoteRepliesReceived: 3 });
      const posts = [
        await write(c.payer, { title: '面试复盘', body: '我的提前面试复盘：个人陈述被追问了三层，小组讨论七个人，英语环节问的是现在的团队和一件难事。' }),
        await write(c.payer, { title: '数学错题本', body: '按没想到反例、联合时丢信息、计算错三类整理错题，一周后发现大多数是第一类，于是专门练特值。' }),
      ];
      for (const p of [c.member, c.core, c.admin]) expect((await p.c.post(api(`/posts/${posts[0]}/replies`), { body: '很有用，谢谢' })).status).toBe(201);
      expect((await c.admin.c.post(api(`/posts/${posts[1]}/moderate`), { action: 'essence' })).status).toBe(200);
      const q = await write(c.member, { kind: 'question', body: '管理经历怎么写？' });
      const answer = await c.payer.c.post(api(`/posts/${q}/replies`), { body: '写一件具体的事，结果用数字说' });
      expect((await c.member.c.post(api(`/posts/${q}/accept`), { replyId: answer.body.id })).status).toBe(200);

      const d = (await c.owner.c.get(api('/core/dashboard'))).body;
      expect(d.suggestions.map((s: { user: { id: string } }) => s.user.id)).toEqual([c.payer.id]);
      expect(d.suggestions[0].totals).toMatchObject({ originalPosts: 2, accepted: 1, essence: 1, repliesReceived: 3 });
      const role = await t.db.kysely.selectFrom('memberships').select('role').where('communityId', '=', c.communityId).where('userId', '=', c.payer.id).executeTakeFirstOrThrow();
      expect(role.role).toBe('member');
    });

    it('removing a duty is the owner’s, and is audited', async () => {
      const d = (await c.owner.c.get(api('/core/dashboard'))).body;
      const id = d.duties[0].id;
      expect((await c.admin.c.delete(api(`/core/duties/${id}`))).status).toBe(403);
      expect((await c.owner.c.delete(api(`/core/duties/${id}`))).status).toBe(200);
      expect((await c.owner.c.delete(api(`/core/duties/${id}`))).status).toBe(404);
      const audit = await t.db.kysely.selectFrom('auditEntries').select('action').where('communityId', '=', c.communityId).where('action', 'like', 'content.duty%').execute();
      expect(audit.map((a) => a.action).sort()).toEqual(['content.duty_removed', 'content.duty_set', 'content.duty_set']);
    });
  });
}
