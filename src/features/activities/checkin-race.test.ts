/**
 * 1,000 check-ins by one member on one day, all at once, give one check-in:
 * on SQLite (one process, one writer) and on PostgreSQL with two app
 * instances sharing the database, where the member's row lock serializes them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../kernel/db/testing.js';
import { startSecondInstance, startTestApp, type TestApp, type TestClient } from '../../kernel/http/testing.js';
import { cast, type Cast } from './testing.js';

const N = 1000;

for (const dialect of DIALECTS) {
  describe(`concurrent check-ins (${dialect})`, () => {
    let t: TestApp;
    let c: Cast;
    let second: Awaited<ReturnType<typeof startSecondInstance>> | undefined;
    beforeAll(async () => {
      // A thousand requests queue on one row lock: on a shared, loaded machine the last ones wait
      // longer than the production request deadline, which would answer them 503 (correctly).
      t = await startTestApp(dialect, { env: { REQUEST_TIMEOUT_MS: '300000' } });
      c = await cast(t, 'racers', 1);
      if (dialect === 'postgres') second = await startSecondInstance(t);
    });
    afterAll(async () => {
      await second?.close();
      await t?.close();
    });

    it(`${N} concurrent check-ins by one member on one day store one check-in and one event`, async () => {
      const id = (await c.owner.c.post(`/api/communities/${c.slug}/challenges`, { title: '每日一练', period: 'daily' })).body.id;
      const m = c.members[0]!;
      await m.c.post(`/api/communities/${c.slug}/challenges/${id}/join`);
      const clients: TestClient[] = [m.c, ...(second ? [m.c.on(second.app)] : [])];
      for (const cl of clients) await cl.csrfToken();
      const answers = await Promise.all(
        Array.from({ length: N }, (_, i) => clients[i % clients.length]!.post(`/api/communities/${c.slug}/challenges/${id}/checkins`, { text: `try ${i}` })),
      );
      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 200)).toHaveLength(N - 1);
      expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
      const rows = await t.db.kysely.selectFrom('checkins').select(['periodKey', 'text']).where('challengeId', '=', id).execute();
      expect(rows).toHaveLength(1);
      const events = await t.db.kysely.selectFrom('activityEvents').select('id').where('kind', '=', 'activity.checked_in').execute();
      expect(events).toHaveLength(1);
      const view = (await m.c.get(`/api/communities/${c.slug}/challenges/${id}`)).body;
      expect(view.me).toMatchObject({ streak: 1, total: 1 });
    }, 120_000);
  });
}
