import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../kernel/db/testing.js';
import { newId } from '../../kernel/ids.js';
import * as rstore from './referrals-store.js';
import type { ApplicationRow } from './store.js';

/** Who joined when, and through whom (null: not referred); `null` channel: joined without the gate. */
const JOINS: [user: string, referrer: string | null, channel: string | null, joinedAt: string][] = [
  ['owner', null, null, '2026-01-01T00:00:00Z'],
  ['a', 'owner', 'referral', '2026-01-05T00:00:00Z'],
  ['b', 'owner', 'referral', '2026-01-06T00:00:00Z'],
  ['c', null, 'salon', '2026-01-07T00:00:00Z'],
  ['d', 'a', 'referral', '2026-02-02T00:00:00Z'],
  ['e', 'a', 'referral', '2026-02-03T00:00:00Z'],
  ['f', 'd', 'referral', '2026-02-04T00:00:00Z'],
  ['g', null, 'salon', '2026-02-05T00:00:00Z'],
  // bad data: a referral cycle must not hang the console
  ['x', 'y', 'referral', '2026-01-10T00:00:00Z'],
  ['y', 'x', 'referral', '2026-01-11T00:00:00Z'],
];

for (const dialect of DIALECTS) {
  describe(`referral analytics in SQL on ${dialect}`, () => {
    let db: TestDb;
    const C = 'community-1';
    beforeAll(async () => {
      db = await openTestDb(dialect);
      const k = db.kysely;
      const at = '2026-01-01T00:00:00Z';
      for (const [u] of JOINS) await k.insertInto('users').values({ id: u, email: `${u}@x.test`, passwordHash: 'x', displayName: u.toUpperCase(), locale: null, createdAt: at, updatedAt: at }).execute();
      await k.insertInto('communities').values({ id: C, slug: 'c', name: 'c', type: 'interest', sharedNeed: '', valuePromise: '', norms: '', entryCriteria: '', capacity: null, publicTeaser: 1, teaser: '', createdBy: 'owner', createdAt: at, updatedAt: at }).execute();
      for (const [u, referrer, channel, joinedAt] of JOINS) {
        await k.insertInto('memberships').values({ id: newId(), communityId: C, userId: u, state: 'member', role: u === 'owner' ? 'owner' : 'member', createdAt: joinedAt, joinedAt, endedAt: null, endReason: null, updatedAt: joinedAt }).execute();
        if (channel) await k.insertInto('applications').values(application(C, u, referrer, channel, joinedAt)).execute();
      }
      // a rejected applicant is no join at all
      await k.insertInto('applications').values({ ...application(C, 'g', 'owner', 'referral', null), state: 'rejected' }).execute();
    });
    afterAll(() => db.destroy());

    it('the first level is the referrers nobody referred; each level below comes page by page', async () => {
      const roots = await rstore.treePage(db.kysely, C, null, undefined, 10);
      expect(roots.map((n) => [n.userId, n.direct])).toEqual([['owner', 2]]);
      const first = await rstore.treePage(db.kysely, C, 'owner', undefined, 1);
      expect(first.map((n) => [n.userId, n.displayName, n.direct])).toEqual([['a', 'A', 2]]);
      const next = await rstore.treePage(db.kysely, C, 'owner', [first[0]!.joinedAt!, 'a'], 10);
      expect(next.map((n) => [n.userId, n.direct])).toEqual([['b', 0]]);
    });

    it('ranks referrers by direct joins and counts everyone below them, a cycle included, without hanging', async () => {
      const top = await rstore.topReferrers(db.kysely, C, 10);
      expect(top.slice(0, 2).map((r) => r.userId).sort()).toEqual(['a', 'owner']);
      const totals = await rstore.descendants(db.kysely, C, top.map((r) => r.userId));
      expect(Object.fromEntries(totals)).toEqual({ owner: 5, a: 3, d: 1, x: 1, y: 1 });
    });

    it('counts joins per channel (members who joined without the gate as direct), growth and the funnel stages', async () => {
      expect(await rstore.joinsPerChannel(db.kysely, C)).toEqual([{ channel: 'referral', joins: 7 }, { channel: 'salon', joins: 2 }, { channel: 'direct', joins: 1 }]);
      expect(await rstore.growthCounts(db.kysely, C, '2026-02-01T00:00:00Z', '2026-03-01T00:00:00Z')).toEqual({ base: 6, referredJoins: 3, inviters: 2 });
      await db.kysely.insertInto('memberProfiles').values(profile(C, 'd')).execute();
      await db.kysely.insertInto('memberProfiles').values(profile(C, 'e')).execute();
      await db.kysely.insertInto('activityEvents').values({ communityId: C, kind: 'content.posted', actorId: 'd', targetId: null, objectType: null, objectId: null, data: null, at: '2026-02-20T00:00:00Z' }).execute();
      expect(await rstore.introducedAndActive(db.kysely, C, '2026-02-10T00:00:00Z')).toEqual({ introduced: 2, active: 1 });
    });
  });
}

function application(communityId: string, userId: string, referrerId: string | null, channel: string, joinedAt: string | null): ApplicationRow {
  const at = joinedAt ?? '2026-02-06T00:00:00Z';
  return {
    id: newId(), communityId, userId, state: 'approved', answers: '{}', inviteId: null, referrerId, channel, vouched: 0, ruleId: null, reason: null,
    decidedBy: null, decidedAt: at, approvedAt: at, joinedAt, createdAt: at, updatedAt: at,
  };
}

function profile(communityId: string, userId: string) {
  const at = '2026-02-10T00:00:00Z';
  return { id: newId(), communityId, userId, normsAcceptedAt: at, intro: '{}', introducedAt: at, introDueAt: null, updatedAt: at };
}
