/** The demo community's content, loaded through the use cases on both engines, reads as the community it describes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../app/config.js';
import { ManualClock } from '../../kernel/clock.js';
import type { AppContext } from '../../kernel/context.js';
import { DIALECTS, openTestDb, type TestDb } from '../../kernel/db/testing.js';
import { createMailer } from '../../kernel/mail.js';
import { DEMO_SLUG, loadDemo } from '../communities/index.js';
import { loadContentDemo } from './demo.js';
import { coreDashboard } from './core.js';
import { DEMO_ANSWERER } from './demoData.js';
import { getFeed, searchContent } from './service.js';

const NOW = '2026-11-20T12:00:00.000Z';

for (const dialect of DIALECTS) {
  describe(`demo content on ${dialect}`, () => {
    let db: TestDb;
    let ctx: AppContext;
    const person = async (role: string) =>
      (await db.kysely.selectFrom('memberships').innerJoin('communities', 'communities.id', 'memberships.communityId').select('memberships.userId').where('communities.slug', '=', DEMO_SLUG).where('memberships.role', '=', role as never).where('memberships.state', '=', 'member').executeTakeFirstOrThrow()).userId;

    beforeAll(async () => {
      db = await openTestDb(dialect);
      const clock = new ManualClock(NOW);
      const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), isTest: true };
      ctx = { config, db, clock, mailer: createMailer({ from: config.mailFrom, clock }) };
      await loadDemo(ctx, { onlyIfEmpty: true });
      expect((await loadContentDemo(ctx)).posts).toBeGreaterThanOrEqual(10);
      expect((await loadContentDemo(ctx)).posts).toBe(0); // once only
    }, 120_000);
    afterAll(() => db.destroy());

    it('a member sees 精华 notes, a pinned index, shared links apart, answered questions — and not the core’s own posts', async () => {
      const member = await person('member');
      const feed = await getFeed(ctx, DEMO_SLUG, member, { limit: 50 });
      expect(feed.pinned.map((p) => p.title)).toEqual(['新人必读：本群资料索引和提问方式']);
      expect(feed.posts.filter((p) => p.essence).length).toBeGreaterThanOrEqual(2);
      expect(feed.posts.filter((p) => p.origin === 'link').length).toBeGreaterThanOrEqual(2);
      expect(feed.posts.some((p) => p.question?.state === 'accepted')).toBe(true);
      expect(feed.posts.some((p) => p.visibility === 'core')).toBe(false);
    });

    it('the core sees the overdue question; 「考研資料」 finds 「考研资料分享」', async () => {
      const core = await person('core');
      const overdue = await getFeed(ctx, DEMO_SLUG, core, { overdue: true });
      expect(overdue.posts.map((p) => p.title)).toEqual(['英语二作文模板要背几篇？']);
      const found = await searchContent(ctx, DEMO_SLUG, await person('member'), '考研資料');
      expect(found.results.map((r) => r.title)).toContain('考研资料分享：历年管综真题整理说明');
    });

    it('the core dashboard shows who supplies what, and the alumnus with the overdue question behind on his duty', async () => {
      const d = await coreDashboard(ctx, DEMO_SLUG, await person('owner'));
      expect(d.core.length).toBeGreaterThanOrEqual(3);
      const behind = d.core.find((r) => r.user.displayName === DEMO_ANSWERER)!;
      expect(behind.duties.find((x) => x.kind === 'answer_within')).toMatchObject({ met: false });
      expect(behind.behind).toBe(true);
      expect(d.core.some((r) => r.weeks.some((w) => w.originalPosts > 0))).toBe(true);
    });
  });
}
