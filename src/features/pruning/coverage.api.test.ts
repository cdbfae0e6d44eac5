import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendEvents } from '../../kernel/activity/log.js';
import { DIALECTS } from '../../kernel/db/testing.js';
import { AppError } from '../../kernel/errors.js';
import { startTestApp, type TestApp, type TestClient } from '../../kernel/http/testing.js';
import { joinCommunity, recordActivitySource } from '../communities/index.js';

const SLUG = 'wechat-readers';
const api = (path: string) => `/api/communities/${SLUG}${path}`;
const DAY = 86_400_000;

for (const dialect of DIALECTS) {
  describe(`pruning sees what the sources cover (${dialect})`, () => {
    let t: TestApp;
    let owner: TestClient, member: TestClient;
    let communityId: string;
    const ids: Record<string, string> = {};
    const ago = (days: number) => new Date(t.clock.now().getTime() - days * DAY).toISOString();
    const signUp = async (name: string) => {
      const c = t.client();
      const res = await c.post('/api/auth/signup', { email: `${name}@example.com`, password: 'coverage-test-2026', displayName: name, locale: 'zh-Hans' });
      ids[name] = res.body.user.id;
      return c;
    };

    beforeAll(async () => {
      t = await startTestApp(dialect);
      owner = await signUp('owner');
      member = await signUp('alice');
      await signUp('bob');
      const created = await owner.post('/api/communities', { slug: SLUG, name: '读书群', type: 'interest', sharedNeed: 'read together', valuePromise: 'a book a month', norms: 'be kind', entryCriteria: 'reads' });
      communityId = created.body.community.id;
      for (const n of ['alice', 'bob']) await joinCommunity(t.ctx, { communityId, userId: ids[n]! });
    });
    afterAll(async () => t?.close());

    it('the importer records the span of a chat; bad spans and non-admins are refused', async () => {
      const bad = (input: object, by: string | null = null) => recordActivitySource(t.ctx, communityId, by, { kind: 'import', carrier: 'wechat', sourceKey: 'g1', label: '微信群', from: ago(100), to: ago(1), ...input }).catch((e: AppError) => e);
      expect(await bad({ to: ago(200) })).toMatchObject({ code: 'invalid', fields: [{ path: 'to' }] });
      expect(await bad({ to: null })).toMatchObject({ code: 'invalid', fields: [{ path: 'to' }] });
      expect(await bad({ from: 'last spring' })).toMatchObject({ code: 'invalid', fields: [{ path: 'from' }] });
      expect(await bad({}, ids['alice']!)).toMatchObject({ code: 'forbidden' });
      expect((await owner.get(api('/pruning/settings'))).body.coverage.sources).toHaveLength(1);

      await recordActivitySource(t.ctx, communityId, ids['owner']!, { kind: 'import', carrier: 'wechat', sourceKey: 'g1', label: '微信群', from: ago(100), to: ago(50) });
      // Importing the same chat again (a later export) widens its span instead of adding a second chat.
      await recordActivitySource(t.ctx, communityId, null, { kind: 'import', carrier: 'wechat', sourceKey: 'g1', label: '微信群', from: ago(60), to: ago(0.5) });
      const { coverage } = (await owner.get(api('/pruning/settings'))).body;
      expect(coverage.sources).toEqual([expect.objectContaining({ kind: 'shequn' }), { kind: 'import', carrier: 'wechat', label: '微信群', from: ago(100), to: ago(0.5) }]);
      expect(coverage.coveredSince).toBe(ago(100));
      expect((await member.get(api('/pruning/settings'))).status).toBe(403);
    });

    it('with the chat imported the rule can be switched on at once, and imported talk counts', async () => {
      // The import reaches the day the community started on Shequn, so 30 days are covered from day one.
      expect((await owner.patch(api('/pruning/settings'), { rules: { inactive: { enabled: true, threshold: 30 } } })).status).toBe(200);
      t.clock.advanceDays(40);
      await owner.post('/api/auth/signin', { email: 'owner@example.com', password: 'coverage-test-2026' });
      // Alice talked in the WeChat group 5 days ago (an import of a later export); bob said nothing anywhere.
      await t.db.kysely.transaction().execute((trx) => appendEvents(trx, communityId, [{ kind: 'content.posted', at: ago(5), actorId: ids['alice']!, data: { text: '这本书读完了' } }]));
      const dry = await owner.post(api('/pruning/dry-run'), {});
      const inactive = dry.body.decisions.filter((d: { ruleId: string }) => d.ruleId === 'inactive');
      expect(inactive.map((d: { userId: string }) => d.userId)).toEqual([ids['bob']]);
      expect(inactive[0].reason).toMatchObject({ key: 'reason.inactive_joined', params: { silent: 40, days: 30 } });
    });
  });
}
