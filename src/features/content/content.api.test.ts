/**
 * Posts, replies, reactions, mentions, bookmarks, questions to the core,
 * moderation and search through the real API on both engines: what a member
 * and the core see and are told, and what the activity log and audit trail keep.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../kernel/db/testing.js';
import { startTestApp, type TestApp } from '../../kernel/http/testing.js';
import type { Person } from '../gate/testing.js';
import { cast, poster, type Cast } from './testing.js';

for (const dialect of DIALECTS) {
  describe(`content API (${dialect})`, () => {
    let t: TestApp;
    let c: Cast;
    const api = (p: string) => `/api/communities/${c.slug}${p}`;
    const events = (kind: string) => t.db.kysely.selectFrom('activityEvents').selectAll().where('communityId', '=', c.communityId).where('kind', '=', kind as never).orderBy('id').execute();
    const notices = async (p: Person) => (await p.c.get(api('/notices'))).body.notices as { kind: string; data: Record<string, unknown> }[];
    const write = (p: Person, body: Record<string, unknown>) => poster(c)(p, body);

    beforeAll(async () => {
      t = await startTestApp(dialect);
      c = await cast(t, 'content-mba');
    });
    afterAll(() => t.close());

    it('a post is members-only by default, answers with its id, and renders Markdown without raw HTML', async () => {
      const id = await write(c.member, { body: '# 真题解析\n\n**重点**<script>alert(1)</script> <img src=x onerror=alert(1)> [链接](javascript:alert(1))' });
      const r = await c.member.c.get(api(`/posts/${id}`));
      expect(r.status).toBe(200);
      expect(r.body.post).toMatchObject({ id, visibility: 'members', title: null, origin: 'original', author: { id: c.member.id } });
      expect(r.body.post.html).toContain('<h1>真题解析</h1>');
      expect(r.body.post.html).toContain('<strong>重点</strong>');
      expect(r.body.post.html).not.toMatch(/<script|<img|href="javascript/);
      expect(r.body.post.html).toContain('&lt;script&gt;'); // shown as text, never run
      const [posted] = (await events('content.posted')).filter((e) => e.objectId === id);
      expect(posted).toMatchObject({ actorId: c.member.id, objectType: 'post' });
      // The log keeps no text of the post: the home's activity is read by every member.
      expect(posted!.data).not.toContain('真题');
    });

    it('the feed tells the core, and only the core, that it may open the overdue questions', async () => {
      expect((await c.member.c.get(api('/posts'))).body.permissions).toEqual({ canSeeOverdue: false });
      expect((await c.member.c.get(api('/posts?overdue=1'))).status).toBe(403);
      expect((await c.core.c.get(api('/posts'))).body.permissions).toEqual({ canSeeOverdue: true });
      expect((await c.core.c.get(api('/posts?overdue=1'))).status).toBe(200);
    });

    it('bad input is a 400 naming the field', async () => {
      const empty = await c.member.c.post(api('/posts'), { body: '   ' });
      expect(empty.status).toBe(400);
      expect(empty.body.error.fields[0].path).toBe('body');
      const tier = await c.member.c.post(api('/posts'), { body: '付费内容', visibility: 'tier' });
      expect(tier.status).toBe(400);
      expect(tier.body.error.fields[0].path).toBe('tierId');
    });

    it('a post that is mostly a public link is labelled shared', async () => {
      const shared = await write(c.core, { title: '官方通知', body: '转发：https://www.gsm.pku.edu.cn/admission/2019.html' });
      const own = await write(c.core, { title: '我的分析', body: '今年提前面试的变化有三点：名额增加、材料更早截止、面试加了小组讨论。我的建议是先把个人陈述写完再准备面试，详见 https://www.gsm.pku.edu.cn/x' });
      const feed = (await c.member.c.get(api('/posts?limit=50'))).body.posts as { id: string; origin: string }[];
      expect(feed.find((p) => p.id === shared)!.origin).toBe('link');
      expect(feed.find((p) => p.id === own)!.origin).toBe('original');
    });

    it('the feed pages by keyset, newest or most active first, with pinned and 精华 apart and tags filtering', async () => {
      const a = await write(c.member, { title: 'A', body: '第一篇', tags: ['面试'] });
      t.clock.advance(60_000);
      const b = await write(c.member, { title: 'B', body: '第二篇', tags: ['#笔试'] });
      const d = await write(c.member, { title: 'D', body: '第三篇' });
      // Replying to A a minute later makes it the most active.
      t.clock.advance(60_000);
      expect((await c.core.c.post(api(`/posts/${a}/replies`), { body: '顶' })).status).toBe(201);
      const active = (await c.member.c.get(api('/posts?sort=active&limit=1'))).body;
      expect(active.posts.map((p: { id: string }) => p.id)).toEqual([a]);
      const next = (await c.member.c.get(api(`/posts?sort=active&limit=1&cursor=${active.nextCursor}`))).body;
      expect(next.posts[0].id).not.toBe(a);
      expect((await c.member.c.get(api('/posts?tag=笔试'))).body.posts.map((p: { id: string }) => p.id)).toEqual([b]);

      expect((await c.admin.c.post(api(`/posts/${d}/moderate`), { action: 'pin' })).status).toBe(200);
      expect((await c.admin.c.post(api(`/posts/${b}/moderate`), { action: 'essence' })).status).toBe(200);
      const first = (await c.member.c.get(api('/posts?limit=50'))).body;
      expect(first.pinned.map((p: { id: string }) => p.id)).toEqual([d]);
      expect(first.posts.map((p: { id: string }) => p.id)).not.toContain(d);
      expect((await c.member.c.get(api('/posts?essence=1'))).body.posts.map((p: { id: string }) => p.id)).toEqual([b]);
      expect((await c.member.c.get(api('/posts?cursor=nonsense'))).status).toBe(400);
    });

    it('replies thread one level deep; the people answered and mentioned are told, and the log names them', async () => {
      const id = await write(c.member, { title: '求面试经验', body: '有没有人分享一下' });
      const top = await c.core.c.post(api(`/posts/${id}/replies`), { body: '我来说说，@成员 看这里' });
      expect(top.status).toBe(201);
      t.clock.advance(1000);
      const under = await c.payer.c.post(api(`/posts/${id}/replies`), { body: '补充一点', parentId: top.body.id });
      t.clock.advance(1000);
      const deeper = await c.member.c.post(api(`/posts/${id}/replies`), { body: '谢谢两位', parentId: under.body.id });
      expect(deeper.status).toBe(201);
      const { replies } = (await c.member.c.get(api(`/posts/${id}/replies`))).body;
      expect(replies).toHaveLength(1);
      expect(replies[0].children.map((r: { id: string }) => r.id)).toEqual([under.body.id, deeper.body.id]);
      expect(replies[0].children[1].replyTo.id).toBe(c.payer.id);

      expect((await notices(c.member)).filter((n) => n.data.postId === id).map((n) => n.kind)).toContain('content.replied');
      expect((await notices(c.core)).filter((n) => n.data.postId === id).map((n) => n.kind)).toEqual(['content.replied']); // the payer answered the core member
      expect((await events('content.replied')).find((e) => e.objectId === deeper.body.id)).toMatchObject({ actorId: c.member.id, targetId: c.payer.id });
      expect((await events('content.mentioned')).find((e) => e.objectId === top.body.id)).toMatchObject({ actorId: c.core.id, targetId: c.member.id });
      expect((await c.member.c.get(api(`/posts/${id}`))).body.post.replyCount).toBe(3);
    });

    it('reactions count once per person and name the author in the log; bookmarks list the post', async () => {
      const id = await write(c.core, { title: '笔记', body: '面试经验整理' });
      for (let i = 0; i < 2; i++) expect((await c.member.c.post(api(`/posts/${id}/reactions`), { reaction: 'thanks' })).body.reactions).toEqual([{ reaction: 'thanks', count: 1, mine: true }]);
      expect((await events('content.reacted')).filter((e) => e.objectId === id)).toEqual([expect.objectContaining({ actorId: c.member.id, targetId: c.core.id })]);
      expect((await c.member.c.post(api(`/posts/${id}/reactions`), { reaction: 'thanks', on: false })).body.reactions).toEqual([]);
      expect((await c.member.c.post(api(`/posts/${id}/bookmark`), { on: true })).status).toBe(200);
      expect((await c.member.c.get(api('/posts?bookmarked=1'))).body.posts.map((p: { id: string }) => p.id)).toEqual([id]);
      expect((await c.member.c.get(api(`/posts/${id}`))).body.post.bookmarked).toBe(true);
    });

    it('a question to one core member: told, open until they answer, accepted by the asker, overdue to the core after the promise', async () => {
      const q = await write(c.member, { kind: 'question', title: '提前面试要准备什么？', body: '请教骨干', askedTo: c.core.id });
      expect((await notices(c.core)).find((n) => n.data.postId === q)?.kind).toBe('content.asked');
      expect((await events('content.posted')).find((e) => e.objectId === q)).toMatchObject({ actorId: c.member.id, targetId: c.core.id, objectType: 'question' });
      // Asked of a member who is not core: refused, naming the field.
      const bad = await c.member.c.post(api('/posts'), { kind: 'question', body: '问问', askedTo: c.payer.id });
      expect(bad.status).toBe(400);
      expect(bad.body.error.fields[0].path).toBe('askedTo');

      const slow = await write(c.payer, { kind: 'question', body: '没人回答的问题' });
      t.clock.advance(49 * 3_600_000);
      const overdue = (await c.core.c.get(api('/posts?overdue=1'))).body.posts.map((p: { id: string }) => p.id);
      expect(overdue).toEqual(expect.arrayContaining([q, slow]));

      // A member who is not the addressee does not answer it.
      const other = await c.payer.c.post(api(`/posts/${q}/replies`), { body: '我猜是材料' });
      expect((await c.member.c.get(api(`/posts/${q}`))).body.post.question.state).toBe('open');
      const answer = await c.core.c.post(api(`/posts/${q}/replies`), { body: '材料、面试、英语三件事' });
      const page = (await c.member.c.get(api(`/posts/${q}`))).body;
      expect(page.post.question).toMatchObject({ state: 'answered', overdue: false });
      expect(page.can.accept).toBe(true);
      expect((await notices(c.member)).find((n) => n.data.postId === q && n.kind === 'content.answered')).toBeTruthy();
      expect((await c.core.c.get(api('/posts?overdue=1'))).body.posts.map((p: { id: string }) => p.id)).not.toContain(q);

      expect((await c.payer.c.post(api(`/posts/${q}/accept`), { replyId: answer.body.id })).status).toBe(403);
      expect((await c.member.c.post(api(`/posts/${q}/accept`), { replyId: answer.body.id })).status).toBe(200);
      expect((await c.member.c.get(api(`/posts/${q}`))).body.post.question).toMatchObject({ state: 'accepted', acceptedReplyId: answer.body.id });
      expect((await notices(c.core)).find((n) => n.data.postId === q && n.kind === 'content.accepted')).toBeTruthy();
      expect((await events('content.accepted')).find((e) => e.objectId === answer.body.id)).toMatchObject({ actorId: c.member.id, targetId: c.core.id });
      expect(other.status).toBe(201);
    });

    it('moderation: who may mark 精华 is the owner’s setting; hiding needs a reason and lands in the audit log; a locked post takes no replies', async () => {
      const id = await write(c.member, { title: '待处理', body: '内容' });
      expect((await c.core.c.post(api(`/posts/${id}/moderate`), { action: 'essence' })).status).toBe(403);
      expect((await c.admin.c.patch(api('/content/settings'), { essence: 'core' })).status).toBe(403);
      expect((await c.owner.c.patch(api('/content/settings'), { essence: 'core', answerPromiseHours: 24 })).body.settings).toMatchObject({ essence: 'core', answerPromiseHours: 24 });
      expect((await c.core.c.post(api(`/posts/${id}/moderate`), { action: 'essence' })).status).toBe(200);
      expect((await notices(c.member)).find((n) => n.data.postId === id && n.kind === 'content.essence')).toBeTruthy();
      expect((await events('content.pinned')).find((e) => e.objectId === id)).toMatchObject({ actorId: c.core.id, targetId: c.member.id });
      expect((await c.core.c.post(api(`/posts/${id}/moderate`), { action: 'lock' })).status).toBe(403);

      expect((await c.admin.c.post(api(`/posts/${id}/moderate`), { action: 'lock' })).status).toBe(200);
      expect((await c.payer.c.post(api(`/posts/${id}/replies`), { body: '还能回复吗' })).status).toBe(409);
      const noReason = await c.admin.c.post(api(`/posts/${id}/moderate`), { action: 'hide' });
      expect(noReason.status).toBe(400);
      expect((await c.admin.c.post(api(`/posts/${id}/moderate`), { action: 'hide', reason: '重复发帖' })).status).toBe(200);
      const audit = await t.db.kysely.selectFrom('auditEntries').selectAll().where('communityId', '=', c.communityId).where('action', '=', 'content.hide').execute();
      expect(audit).toEqual([expect.objectContaining({ decidedBy: c.admin.id, subjectId: c.member.id, reason: '重复发帖' })]);
      expect((await c.payer.c.get(api(`/posts/${id}`))).status).toBe(404);
      const own = (await c.member.c.get(api(`/posts/${id}`))).body.post;
      expect(own).toMatchObject({ hidden: true, hiddenReason: '重复发帖' });
    });

    it('search is 繁/简-insensitive and segments Chinese, in posts and in replies', async () => {
      const id = await write(c.core, { title: '考研资料分享', body: '整理了历年真题' });
      const hits = (await c.member.c.get(api(`/search?q=${encodeURIComponent('考研資料')}`))).body.results.map((r: { id: string }) => r.id);
      expect(hits).toContain(id);
      const replied = await c.member.c.post(api(`/posts/${id}/replies`), { body: '请问有没有英语二的作文范本' });
      const inReply = (await c.member.c.get(api(`/search?q=${encodeURIComponent('作文範本')}`))).body.results;
      expect(inReply.find((r: { id: string }) => r.id === id)?.matchedReplyId ?? 'missing').toBe(replied.body.id);
      expect((await c.member.c.get(api(`/search?q=${encodeURIComponent('量子力学')}`))).body.results).toEqual([]);
      expect((await c.member.c.get(api('/search?q='))).status).toBe(400);
    });
  });
}
