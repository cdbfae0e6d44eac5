import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { appendEvent, listEvents, streamEvents } from '../activity/log.js';
import { inTransaction } from './tx.js';
import { migrateToLatest } from './migrate.js';
import { DIALECTS, openTestDb, type TestDb } from './testing.js';

for (const dialect of DIALECTS) {
  describe(`data layer on ${dialect}`, () => {
    let db: TestDb;
    beforeAll(async () => {
      db = await openTestDb(dialect);
      const now = '2026-03-01T00:00:00.000Z';
      await db.kysely.insertInto('users').values({ id: 'u1', email: 'a@x.cn', passwordHash: 'h', displayName: '张三', locale: null, createdAt: now, updatedAt: now }).execute();
      for (const [id, slug] of [['c1', 'alpha'], ['c2', 'beta']]) {
        await db.kysely
          .insertInto('communities')
          .values({ id: id!, slug: slug!, name: slug!, type: 'interest', sharedNeed: '', valuePromise: '', norms: '', entryCriteria: '', capacity: null, publicTeaser: 1, teaser: '', createdBy: 'u1', createdAt: now, updatedAt: now })
          .execute();
      }
    });
    afterAll(() => db.destroy());

    it('runs every migration once; a second run applies nothing', async () => {
      expect(await migrateToLatest(db)).toEqual([]);
    });

    it('refuses a membership that points at a community that does not exist (foreign keys on)', async () => {
      const now = '2026-03-01T00:00:00.000Z';
      await expect(
        db.kysely.insertInto('memberships').values({ id: 'm-x', communityId: 'nope', userId: 'u1', state: 'member', role: 'member', createdAt: now, joinedAt: now, endedAt: null, endReason: null, updatedAt: now }).execute(),
      ).rejects.toThrow();
    });

    it('keeps the activity log append-only: an update is refused, the event stays as written', async () => {
      await appendEvent(db.kysely, 'c1', { kind: 'member.joined', at: '2026-03-01T01:00:00.000Z', actorId: 'u1', data: { via: 'test' } });
      await expect(db.kysely.updateTable('activityEvents').set({ kind: 'member.left' }).execute()).rejects.toThrow(/append-only/);
      const events = await listEvents(db.kysely, 'c1');
      expect(events.map((e) => e.kind)).toEqual(['member.joined']);
      expect(events[0]!.data).toEqual({ via: 'test' });
    });

    it('never returns one community’s events for another', async () => {
      await appendEvent(db.kysely, 'c2', { kind: 'content.posted', at: '2026-03-01T02:00:00.000Z', actorId: 'u1' });
      expect((await listEvents(db.kysely, 'c2')).every((e) => e.communityId === 'c2')).toBe(true);
      expect((await listEvents(db.kysely, 'c1')).some((e) => e.communityId === 'c2')).toBe(false);
    });

    it('rolls a failed multi-step write back completely', async () => {
      const before = (await listEvents(db.kysely, 'c1')).length;
      await expect(
        inTransaction(db, async (trx) => {
          await appendEvent(trx, 'c1', { kind: 'content.posted', at: '2026-03-01T03:00:00.000Z', actorId: 'u1' });
          await sql`SELECT * FROM no_such_table`.execute(trx);
        }),
      ).rejects.toThrow();
      expect((await listEvents(db.kysely, 'c1')).length).toBe(before);
    });

    it('streams a long log page by page in order', async () => {
      const events = Array.from({ length: 120 }, (_, i) => ({ kind: 'content.posted' as const, at: `2026-03-02T00:00:${String(i % 60).padStart(2, '0')}.000Z`, actorId: 'u1' }));
      await inTransaction(db, async (trx) => {
        for (const e of events) await appendEvent(trx, 'c2', e);
      });
      const seen: number[] = [];
      for await (const e of streamEvents(db.kysely, 'c2', 25)) seen.push(e.id);
      expect(seen.length).toBe(121);
      expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    });
  });
}
