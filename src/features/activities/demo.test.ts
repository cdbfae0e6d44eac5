import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig as loadAppConfig } from '../../app/config.js';
import { ManualClock } from '../../kernel/clock.js';
import type { AppContext } from '../../kernel/context.js';
import { DIALECTS, openTestDb, type TestDb } from '../../kernel/db/testing.js';
import { createMailer } from '../../kernel/mail.js';
import { DEMO_SLUG, loadDemo } from '../communities/index.js';
import { getChallenge, getEvent, listChallenges, listEvents } from './index.js';
import { loadActivitiesDemo } from './demo.js';

for (const dialect of DIALECTS) {
  describe(`activities demo on ${dialect}`, () => {
    let db: TestDb;
    let ctx: AppContext;
    let viewer: string;
    beforeAll(async () => {
      db = await openTestDb(dialect);
      const clock = new ManualClock('2026-11-20T12:00:00.000Z');
      const config = { ...loadAppConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), isTest: true };
      ctx = { config, db, clock, mailer: createMailer({ from: config.mailFrom, clock }) };
      await loadDemo(ctx);
      expect(await loadActivitiesDemo(ctx)).toEqual({ created: true });
      viewer = (await db.kysely.selectFrom('communities').select('createdBy').executeTakeFirstOrThrow()).createdBy;
    }, 120_000);
    afterAll(() => db?.destroy());

    it('a 21-day 每日一练 on day 15, with streaks of varied length and some make-up cards spent', async () => {
      const [c] = (await listChallenges(ctx, DEMO_SLUG, viewer)).challenges;
      expect(c).toMatchObject({ title: '每日一练', state: 'open' });
      const view = await getChallenge(ctx, DEMO_SLUG, viewer, c!.id);
      expect(view.leaderboard.length).toBeGreaterThanOrEqual(25);
      const streaks = new Set(view.leaderboard.map((r) => r.streak));
      expect(streaks.size).toBeGreaterThanOrEqual(5);
      const made = await db.kysely.selectFrom('checkins').select('id').where('madeUp', '=', 1).execute();
      expect(made.length).toBeGreaterThan(0);
      console.log(`demo 打卡 (${dialect}): streaks ${[...streaks].sort((a, b) => b - a).join(',')}; made up ${made.length}`);
    });

    it('a past 模考交流会 with attendance and an upcoming one that is full with a waitlist', async () => {
      const events = (await listEvents(ctx, DEMO_SLUG, viewer)).events;
      expect(events).toHaveLength(2);
      const [next, past] = await Promise.all(events.map((e) => getEvent(ctx, DEMO_SLUG, viewer, e.id)));
      expect(past).toMatchObject({ going: 18, attended: 15 });
      expect(next).toMatchObject({ going: 12, capacity: 12, waitlisted: 5, attended: 0 });
      expect(new Date(next!.startsAt).getTime()).toBeGreaterThan(ctx.clock.now().getTime());
    });

    it('loading again replaces rather than doubles', async () => {
      await loadActivitiesDemo(ctx, { force: true });
      expect((await listChallenges(ctx, DEMO_SLUG, viewer)).challenges).toHaveLength(1);
      expect((await listEvents(ctx, DEMO_SLUG, viewer)).events).toHaveLength(2);
    });
  });
}
