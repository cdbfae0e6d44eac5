/**
 * One notices list per person per community: pruning's decisions land next to
 * the gate's, each person reads and marks only their own, and nobody else's
 * notice can be seen or marked by a visitor, another member, or a member of
 * another community.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendEvent } from '../../kernel/activity/log.js';
import { DIALECTS } from '../../kernel/db/testing.js';
import { startTestApp, type TestApp, type TestClient } from '../../kernel/http/testing.js';
import { joinCommunity } from '../communities/index.js';
import { community, person, type Person } from '../gate/testing.js';

const SLUG = 'notice-a';
const OTHER = 'notice-b';
const api = (path: string, slug = SLUG) => `/api/communities/${slug}${path}`;
const kinds = (body: { notices: { kind: string }[] }) => body.notices.map((n) => n.kind).sort();

for (const dialect of DIALECTS) {
  describe(`notices (${dialect})`, () => {
    let t: TestApp;
    let owner: Person, alice: Person, bob: Person, carol: Person, dave: Person;
    let visitor: TestClient;
    let communityId: string;

    const post = (p: Person) => t.db.kysely.transaction().execute((trx) => appendEvent(trx, communityId, { kind: 'content.posted', at: t.clock.now().toISOString(), actorId: p.id }));
    const advanceDays = async (days: number) => {
      t.clock.advanceDays(days);
      for (const p of [owner, alice, bob, carol, dave]) expect((await p.c.post('/api/auth/signin', { email: p.email, password: 'gate-test-pass-1' })).status).toBe(200);
    };
    const sweep = async () => {
      const r = await owner.c.post(api('/pruning/sweep'));
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body.result;
    };

    beforeAll(async () => {
      t = await startTestApp(dialect);
      [owner, alice, bob, carol, dave] = await Promise.all(['Owner', 'alice', 'bob', 'carol', 'dave'].map((n) => person(t, n)));
      visitor = t.client();
      await community(owner, SLUG);
      await community(owner, OTHER);
      const rows = await t.db.kysely.selectFrom('communities').select(['id', 'slug']).execute();
      communityId = rows.find((r) => r.slug === SLUG)!.id;
      const otherId = rows.find((r) => r.slug === OTHER)!.id;
      for (const p of [alice, bob]) await joinCommunity(t.ctx, { communityId, userId: p.id });
      await joinCommunity(t.ctx, { communityId: otherId, userId: carol.id });

      // Real decisions write the notices: an upheld report, then a sweep that warns both,
      // clears alice (she posted) and removes bob (he did not).
      const report = await alice.c.post(api('/reports'), { subjectId: bob.id, reason: 'posted the same ad in every thread' });
      expect(report.status).toBe(201);
      expect((await owner.c.post(api(`/reports/${report.body.report.id}/decide`), { decision: 'uphold', note: 'internal: seen by two admins' })).status).toBe(200);
      // Shequn has seen the community for 4 days: enough to judge 3 days of silence.
      await advanceDays(4);
      const set = await owner.c.patch(api('/pruning/settings'), { rules: { inactive: { enabled: true, threshold: 3 } }, graceDays: 1, mode: 'auto' });
      expect(set.status).toBe(200);
      expect(await sweep()).toMatchObject({ warned: 2 });
      await post(alice);
      await advanceDays(2);
      expect(await sweep()).toMatchObject({ cleared: 1, removed: 1 });
    });
    afterAll(async () => {
      await t?.close();
    });

    it('pruning decisions join the one list, with what the member needs to read them', async () => {
      const a = await alice.c.get(api('/notices'));
      expect(a.status).toBe(200);
      expect(kinds(a.body)).toEqual(['pruning.cleared', 'pruning.report_upheld', 'pruning.warned']);
      expect(a.body.unread).toBe(3);
      const first = await alice.c.get(api('/notices?limit=2'));
      const rest = await alice.c.get(api(`/notices?limit=2&cursor=${first.body.nextCursor}`));
      expect([...kinds(first.body), ...kinds(rest.body)].sort()).toEqual(kinds(a.body));
      expect(rest.body.nextCursor).toBeNull();
      expect(a.body.notices.find((n: { kind: string }) => n.kind === 'pruning.report_upheld').data).toEqual({ subject: 'bob' });
      const warned = a.body.notices.find((n: { kind: string }) => n.kind === 'pruning.warned');
      expect(warned.data).toMatchObject({ rule: 'inactive', reason: { key: expect.any(String) }, keep: { key: expect.any(String) } });
      expect(Date.parse(warned.data.deadline)).toBeGreaterThan(Date.parse(warned.createdAt));

      // A removed member still reads their removal; the report notice never names the reporter
      // nor carries the admins' note.
      const b = await bob.c.get(api('/notices'));
      expect(b.status).toBe(200);
      expect(kinds(b.body)).toEqual(['pruning.removed', 'pruning.reported_upheld', 'pruning.warned']);
      expect(JSON.stringify(b.body)).not.toContain('alice');
      expect(JSON.stringify(b.body)).not.toContain('internal');
      expect(b.body.notices.find((n: { kind: string }) => n.kind === 'pruning.removed').data.appealUntil).toEqual(expect.any(String));
      expect((await bob.c.get(api('/pruning/me'))).body.state).toBe('removed');

      // Good news stays in-app: alice was mailed her warning, not her clearing.
      const mail = await t.db.kysely.selectFrom('mailOutbox').select('subject').where('toAddress', '=', alice.email).execute();
      expect(mail).toHaveLength(1);
    });

    it('nobody reads someone else’s notices: visitor 401, others see only their own (none here)', async () => {
      expect((await visitor.get(api('/notices'))).status).toBe(401);
      expect((await alice.c.get(api('/notices', 'no-such-community'))).status).toBe(404);
      for (const p of [carol, dave, owner]) {
        const r = await p.c.get(api('/notices'));
        expect(r.status).toBe(200);
        expect(r.body).toEqual({ notices: [], nextCursor: null, unread: 0 });
      }
      // alice's notices in A are not hers in B.
      expect((await alice.c.get(api('/notices', OTHER))).body).toEqual({ notices: [], nextCursor: null, unread: 0 });
    });

    it('marking read touches only one’s own notices', async () => {
      const bobs = (await bob.c.get(api('/notices'))).body.notices.map((n: { id: string }) => n.id);
      // Others naming bob's ids, or marking "all", leave bob's notices unread.
      for (const p of [alice, carol, owner]) {
        const r = await p.c.post(api('/notices/read'), { ids: bobs });
        expect(r.status).toBe(200);
        expect(r.body.marked).toBe(0);
      }
      expect((await carol.c.post(api('/notices/read', OTHER), { all: true })).body.marked).toBe(0);
      const aliceAll = await alice.c.post(api('/notices/read'), { all: true });
      expect(aliceAll.body).toEqual({ marked: 3, unread: 0 });
      expect((await bob.c.get(api('/notices'))).body.unread).toBe(3);

      const one = await bob.c.post(api('/notices/read'), { ids: [bobs[0]] });
      expect(one.body).toEqual({ marked: 1, unread: 2 });
      const after = (await bob.c.get(api('/notices'))).body.notices;
      expect(after.find((n: { id: string }) => n.id === bobs[0]).readAt).toBe(t.clock.now().toISOString());
      expect(after.filter((n: { readAt: string | null }) => n.readAt === null)).toHaveLength(2);
      expect((await bob.c.post(api('/notices/read'), { all: true })).body).toEqual({ marked: 2, unread: 0 });
    });

    it('bad or anonymous marking is refused with a clear answer', async () => {
      const bad = await alice.c.post(api('/notices/read'), {});
      expect(bad.status).toBe(400);
      expect(bad.body.error.fields[0].path).toBe('ids');
      const both = await alice.c.post(api('/notices/read'), { ids: ['x'], all: true });
      expect(both.status).toBe(400);
      expect([401, 403]).toContain((await visitor.post(api('/notices/read'), { all: true })).status);
    });
  });
}
