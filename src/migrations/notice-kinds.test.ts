import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { DIALECTS, openTestDb, type TestDb } from '../kernel/db/testing.js';
import { down, up } from './0005_notice_kinds.js';

const at = '2026-03-01T00:00:00.000Z';

for (const dialect of DIALECTS) {
  describe(`notice kinds migration (${dialect})`, () => {
    let db: TestDb;
    let k: Kysely<any>;
    const kinds = async () => (await k.selectFrom('notifications').select(['id', 'kind']).orderBy('id').execute()).map((r) => r.kind);
    beforeAll(async () => {
      db = await openTestDb(dialect);
      k = db.kysely as Kysely<any>;
      await k.insertInto('users').values({ id: 'u1', email: 'a@x.cn', password_hash: 'h', display_name: 'a', locale: null, created_at: at, updated_at: at }).execute();
      await k
        .insertInto('communities')
        .values({ id: 'c1', slug: 'alpha', name: 'alpha', type: 'interest', shared_need: '', value_promise: '', norms: '', entry_criteria: '', capacity: null, public_teaser: 1, teaser: '', created_by: 'u1', created_at: at, updated_at: at })
        .execute();
      // Rows as the gate wrote them before kinds carried their feature.
      const old = ['approved', 'rejected', 'waitlisted', 'admitted', 'renewal', 'pruning.warned'];
      await k.insertInto('notifications').values(old.map((kind, i) => ({ id: `n${i}`, community_id: 'c1', user_id: 'u1', kind, data: '{}', created_at: at, read_at: null }))).execute();
    });
    afterAll(() => db.destroy());

    it('names the gate’s old notices gate.<event> and leaves pruning’s alone; down restores them', async () => {
      await up(k);
      expect(await kinds()).toEqual(['gate.approved', 'gate.rejected', 'gate.waitlisted', 'gate.admitted', 'gate.renewal', 'pruning.warned']);
      await up(k); // running it again changes nothing
      expect(await kinds()).toEqual(['gate.approved', 'gate.rejected', 'gate.waitlisted', 'gate.admitted', 'gate.renewal', 'pruning.warned']);
      await down(k);
      expect(await kinds()).toEqual(['approved', 'rejected', 'waitlisted', 'admitted', 'renewal', 'pruning.warned']);
    });
  });
}
