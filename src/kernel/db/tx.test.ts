import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { appendEvent, listEvents } from '../activity/log.js';
import { DIALECTS, openTestDb, type TestDb } from './testing.js';
import { afterCommit, forUpdate, inTransaction, locksRows } from './tx.js';

const at = '2026-03-01T00:00:00.000Z';

for (const dialect of DIALECTS) {
  describe(`transactions that compose (${dialect})`, () => {
    let db: TestDb;
    const events = async () => (await listEvents(db.kysely, 'c1')).length;
    beforeAll(async () => {
      db = await openTestDb(dialect);
      await db.kysely.insertInto('users').values({ id: 'u1', email: 'a@x.cn', passwordHash: 'h', displayName: 'a', locale: null, createdAt: at, updatedAt: at }).execute();
      await db.kysely
        .insertInto('communities')
        .values({ id: 'c1', slug: 'alpha', name: 'alpha', type: 'interest', sharedNeed: '', valuePromise: '', norms: '', entryCriteria: '', capacity: null, publicTeaser: 1, teaser: '', createdBy: 'u1', createdAt: at, updatedAt: at })
        .execute();
    });
    afterAll(() => db.destroy());

    it('a use case called inside another joins its transaction: both writes commit once, together', async () => {
      const before = await events();
      const seen: string[] = [];
      await inTransaction(db, async (outer) => {
        await appendEvent(outer, 'c1', { kind: 'content.posted', at, actorId: 'u1' });
        await inTransaction(outer, async (inner) => {
          expect(inner).toBe(outer);
          await appendEvent(inner, 'c1', { kind: 'content.replied', at, actorId: 'u1' });
          await afterCommit(inner, () => void seen.push('inner'));
        });
        // The inner use case returned, but nothing is committed yet: its after-commit job waits.
        expect(seen).toEqual([]);
        await afterCommit(outer, () => void seen.push('outer'));
      });
      expect(await events()).toBe(before + 2);
      expect(seen).toEqual(['inner', 'outer']);
    });

    it('a failure in the joined use case rolls back the outer writes and runs no after-commit job', async () => {
      const before = await events();
      let ran = 0;
      await expect(
        inTransaction(db, async (outer) => {
          await appendEvent(outer, 'c1', { kind: 'content.posted', at, actorId: 'u1' });
          await afterCommit(outer, () => void ran++);
          await inTransaction(outer, async (inner) => {
            await afterCommit(inner, () => void ran++);
            await sql`SELECT * FROM no_such_table`.execute(inner);
          });
        }),
      ).rejects.toThrow();
      expect(await events()).toBe(before);
      expect(ran).toBe(0);
    });

    it('an after-commit job runs exactly once, and its failure does not undo the commit', async () => {
      const before = await events();
      let ran = 0;
      await inTransaction(db, async (trx) => {
        await appendEvent(trx, 'c1', { kind: 'content.posted', at, actorId: 'u1' });
        await afterCommit(trx, () => {
          ran++;
          throw new Error('carrier down');
        });
        await afterCommit(trx, () => void ran++);
      });
      expect(ran).toBe(2);
      expect(await events()).toBe(before + 1);
    });

    it('locks rows only where the engine has row locks', async () => {
      expect(locksRows(db.kysely)).toBe(dialect === 'postgres');
      const q = forUpdate(db.kysely, db.kysely.selectFrom('communities').select('id').where('id', '=', 'c1'));
      expect(q.compile().sql.toLowerCase().includes('for update')).toBe(dialect === 'postgres');
      const row = await inTransaction(db, (trx) => forUpdate(trx, trx.selectFrom('communities').select('id').where('id', '=', 'c1')).executeTakeFirst());
      expect(row?.id).toBe('c1');
    });
  });
}
