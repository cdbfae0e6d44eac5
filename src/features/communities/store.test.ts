import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendEvent } from '../../kernel/activity/log.js';
import { isUniqueViolation } from '../../kernel/db/connect.js';
import { inTransaction } from '../../kernel/db/tx.js';
import { DIALECTS, openTestDb, type TestDb } from '../../kernel/db/testing.js';
import { newId } from '../../kernel/ids.js';
import * as store from './store.js';
import { makeUser } from './testing.js';

const AT = '2026-03-01T08:00:00.000Z';

function communityRow(slug: string, createdBy: string): store.CommunityRow {
  return {
    id: newId(),
    slug,
    name: slug,
    type: 'interest',
    sharedNeed: 'n',
    valuePromise: 'v',
    norms: '',
    entryCriteria: '',
    capacity: null,
    publicTeaser: 1,
    teaser: '',
    createdBy,
    createdAt: AT,
    updatedAt: AT,
  };
}
function membershipRow(communityId: string, userId: string, role = 'member', state = 'member'): store.MembershipRow {
  return { id: newId(), communityId, userId, state, role, createdAt: AT, joinedAt: AT, endedAt: null, endReason: null, updatedAt: AT };
}

for (const dialect of DIALECTS) {
  describe(`communities store on ${dialect}`, () => {
    let db: TestDb;
    const A = { id: '', owner: '', member: '' };
    const B = { id: '', owner: '', member: '' };
    beforeAll(async () => {
      db = await openTestDb(dialect);
      const k = db.kysely;
      for (const [c, slug] of [[A, 'alpha'], [B, 'beta']] as const) {
        c.owner = await makeUser(k, `${slug}-owner`);
        c.member = await makeUser(k, `${slug}-member 100%`);
        const row = communityRow(slug, c.owner);
        c.id = row.id;
        await store.insertCommunity(k, row);
        await store.insertMembership(k, membershipRow(c.id, c.owner, 'owner'));
        await store.insertMembership(k, membershipRow(c.id, c.member, 'core'));
        await appendEvent(k, c.id, { kind: 'content.posted', at: AT, actorId: c.member, objectType: 'message', objectId: `${slug}-1` });
      }
    });
    afterAll(() => db.destroy());

    it("a query for community A never returns B's rows", async () => {
      const k = db.kysely;
      expect(await store.findMembership(k, A.id, B.member)).toBeUndefined();
      expect((await store.findMembership(k, A.id, A.member))?.communityId).toBe(A.id);
      const rows = await store.listMembers(k, A.id, { limit: 50 });
      expect(await store.countMembersIn(k, A.id, {})).toBe(2);
      expect(rows.map((r) => r.userId).sort()).toEqual([A.owner, A.member].sort());
      expect((await store.listCore(k, A.id)).map((r) => r.userId).sort()).toEqual([A.owner, A.member].sort());
      const events = await store.listActivity(k, A.id, { limit: 50 });
      expect(events.map((e) => e.objectId)).toEqual(['alpha-1']);
      expect(await store.findMember(k, A.id, B.owner)).toBeUndefined();
      expect(await store.countActiveMembers(k, B.id)).toBe(2);
    });

    it('updating a membership through community A cannot touch B', async () => {
      await store.updateMembership(db.kysely, A.id, B.member, { role: 'admin', updatedAt: AT });
      expect((await store.findMembership(db.kysely, B.id, B.member))?.role).toBe('core');
    });

    it('slugs are unique', async () => {
      const err = await store.insertCommunity(db.kysely, communityRow('alpha', A.owner)).catch((e: unknown) => e);
      expect(isUniqueViolation(err)).toBe(true);
    });

    it('the activity log is append-only: an UPDATE fails', async () => {
      const attempt = sql`update activity_events set kind = 'system.other'`.execute(db.kysely);
      await expect(attempt).rejects.toThrow(/append-only/);
      const kinds = (await store.listActivity(db.kysely, A.id, { limit: 5 })).map((e) => e.kind);
      expect(kinds).toEqual(['content.posted']);
    });

    it('counts members, core and recent joins; the locking finders run on both dialects', async () => {
      const counts = await store.countMembers(db.kysely, A.id, '2026-02-01T00:00:00.000Z');
      expect(counts).toEqual({ members: 2, core: 2, joinedSince: 2 });
      // `lock` means FOR UPDATE on PostgreSQL and nothing on SQLite: the same call is valid on both.
      const lock = true;
      const locked = await inTransaction(db, async (trx) => {
        await store.findCommunityById(trx, A.id, { lock });
        return store.findMembership(trx, A.id, A.member, { lock });
      });
      expect(locked?.userId).toBe(A.member);
    });

    // SQLite runs one writer at a time; on PostgreSQL the row lock is what serializes two decisions.
    if (dialect === 'postgres') {
      it('a locked membership row makes a second transaction wait until the first commits', async () => {
        const order: string[] = [];
        let release!: () => void;
        const released = new Promise<void>((r) => (release = r));
        let holding!: () => void;
        const held = new Promise<void>((r) => (holding = r));
        const later = '2026-03-02T00:00:00.000Z';

        const first = inTransaction(db, async (trx) => {
          await store.findCommunityById(trx, A.id, { lock: true });
          expect((await store.findMembership(trx, A.id, A.member, { lock: true }))?.userId).toBe(A.member);
          holding();
          await released;
          await trx.updateTable('memberships').set({ updatedAt: later }).where('communityId', '=', A.id).where('userId', '=', A.member).execute();
          order.push('first commits');
        });
        await held;
        let secondPid: number | undefined;
        const second = inTransaction(db, async (trx) => {
          secondPid = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx)).rows[0]!.pid;
          const row = await store.findMembership(trx, A.id, A.member, { lock: true });
          order.push('second reads');
          return row;
        });

        // PostgreSQL reports the second backend as waiting on a lock; nothing has moved yet.
        const waitOf = async () => {
          if (secondPid === undefined) return undefined;
          const r = await sql<{ w: string | null }>`select wait_event_type as w from pg_stat_activity where pid = ${secondPid}`.execute(db.kysely);
          return r.rows[0]?.w;
        };
        await expect.poll(waitOf, { timeout: 15_000, interval: 50 }).toBe('Lock');
        expect(order).toEqual([]);

        release();
        const seen = await second;
        await first;
        expect(order).toEqual(['first commits', 'second reads']);
        // It read after the commit, so it decides on the first transaction's write.
        expect(seen?.updatedAt).toBe(later);
      });
    }
  });
}
