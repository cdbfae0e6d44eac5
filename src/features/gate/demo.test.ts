import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig as loadAppConfig } from '../../app/config.js';
import { ManualClock } from '../../kernel/clock.js';
import type { AppContext } from '../../kernel/context.js';
import { DIALECTS, openTestDb, type TestDb } from '../../kernel/db/testing.js';
import { createMailer } from '../../kernel/mail.js';
import { loadDemo } from '../communities/index.js';
import { loadConfig } from './config.js';
import { loadGateDemo } from './demo.js';
import { funnel } from './invites-service.js';
import { checkAnswers, previewRules } from './rules.js';

for (const dialect of DIALECTS) {
  describe(`gate demo on ${dialect}`, () => {
    let db: TestDb;
    let ctx: AppContext;
    let communityId: string;
    beforeAll(async () => {
      db = await openTestDb(dialect);
      const clock = new ManualClock('2026-11-20T12:00:00.000Z');
      const config = { ...loadAppConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), isTest: true };
      ctx = { config, db, clock, mailer: createMailer({ from: config.mailFrom, clock }) };
      await loadDemo(ctx);
      expect(await loadGateDemo(ctx)).toMatchObject({ created: true });
      communityId = (await db.kysely.selectFrom('communities').select('id').executeTakeFirstOrThrow()).id;
    }, 120_000);
    afterAll(() => db?.destroy());

    it('the funnel applied → approved → introduced → active narrows like a real one', async () => {
      const f = await funnel(ctx, communityId);
      console.log(`demo funnel (${dialect}):`, JSON.stringify(f));
      expect(f.applied).toBeGreaterThan(150);
      expect(f.approved).toBeLessThan(f.applied);
      expect(f.introduced).toBeLessThan(f.approved);
      expect(f.introduced).toBeGreaterThan(f.approved * 0.4);
      expect(f.active).toBeLessThanOrEqual(f.introduced);
      expect(f.active).toBeGreaterThan(f.introduced * 0.5);
    });

    it('every stored application answers the demo form, and the year rule catches exactly the rejected ones', async () => {
      const { form, rules } = await loadConfig(db.kysely, communityId);
      const apps = await db.kysely.selectFrom('applications').selectAll().where('communityId', '=', communityId).execute();
      for (const a of apps) expect(checkAnswers(form, JSON.parse(a.answers)).ok, a.answers).toBe(true);
      const p = previewRules(rules, apps.map((a) => ({ id: a.id, actual: a.state, facts: { answers: JSON.parse(a.answers), referred: a.referrerId !== null, vouched: a.vouched === 1, channel: a.channel } })));
      expect(p.byRule.find((r) => r.ruleId === 'too-early')!.matched).toBe(apps.filter((a) => a.state === 'rejected').length);
      expect(apps.filter((a) => a.state === 'pending').length).toBe(6);
    });

    it('referral joins hang under members who joined before them, and loading twice changes nothing', async () => {
      const rows = await db.kysely.selectFrom('applications as a').innerJoin('memberships as m', (j) => j.onRef('m.userId', '=', 'a.referrerId').onRef('m.communityId', '=', 'a.communityId')).select(['a.joinedAt', 'm.joinedAt as referrerJoinedAt']).where('a.communityId', '=', communityId).execute();
      expect(rows.length).toBeGreaterThan(30);
      for (const r of rows) expect(r.referrerJoinedAt! <= r.joinedAt!).toBe(true);
      const before = (await db.kysely.selectFrom('applications').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
      expect(await loadGateDemo(ctx)).toMatchObject({ created: false });
      expect((await db.kysely.selectFrom('applications').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n).toBe(before);
    });
  });
}
