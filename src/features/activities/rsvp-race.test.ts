/**
 * 1,000 members ask for 30 places at once: exactly 30 go and 970 wait, each
 * told their place in the queue in the order their ask was decided. On SQLite
 * (one process) and on PostgreSQL with two app instances (two pools) sharing
 * the database, where the event row lock decides one ask at a time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../kernel/context.js';
import { DIALECTS } from '../../kernel/db/testing.js';
import { startSecondInstance, startTestApp, type TestApp } from '../../kernel/http/testing.js';
import { newId } from '../../kernel/ids.js';
import { createEvent, rsvp } from './events.js';
import { cast, type Cast } from './testing.js';

const N = 1000;
const PLACES = 30;

for (const dialect of DIALECTS) {
  describe(`concurrent RSVPs (${dialect})`, () => {
    let t: TestApp;
    let c: Cast;
    let second: Awaited<ReturnType<typeof startSecondInstance>> | undefined;
    const people: string[] = [];
    beforeAll(async () => {
      t = await startTestApp(dialect);
      c = await cast(t, 'crowd', 0);
      if (dialect === 'postgres') second = await startSecondInstance(t);
      // A thousand members, written in bulk (signing each up would only test password hashing).
      const at = t.clock.now().toISOString();
      for (let i = 0; i < N; i++) people.push(newId());
      for (let i = 0; i < N; i += 200) {
        const ids = people.slice(i, i + 200);
        await t.db.kysely.insertInto('users').values(ids.map((id, j) => ({ id, email: `${id}@test.local`, passwordHash: 'x', displayName: `m${i + j}`, locale: 'en', createdAt: at, updatedAt: at }))).execute();
        await t.db.kysely
          .insertInto('memberships')
          .values(ids.map((userId) => ({ id: newId(), communityId: c.communityId, userId, state: 'member' as const, role: 'member' as const, createdAt: at, joinedAt: at, endedAt: null, endReason: null, updatedAt: at })))
          .execute();
      }
    }, 120_000);
    afterAll(async () => {
      await second?.close();
      await t?.close();
    });

    it(`${N} concurrent RSVPs for ${PLACES} places: ${PLACES} going, ${N - PLACES} waitlisted in arrival order`, async () => {
      const { id } = await createEvent(t.ctx, c.slug, c.owner.id, { title: '模考交流会', startsAt: '2026-04-01T11:00:00Z', capacity: PLACES });
      const instances: AppContext[] = [t.ctx, ...(second ? [second.ctx] : [])];
      const answers = await Promise.all(people.map((userId, i) => rsvp(instances[i % instances.length]!, c.slug, userId, id, 'going')));
      expect(answers.filter((a) => a.status === 'going')).toHaveLength(PLACES);
      expect(answers.filter((a) => a.status === 'waitlisted')).toHaveLength(N - PLACES);
      // Each waiting member was told a different place, 1…970, and nobody has moved since.
      const told = answers.filter((a) => a.status === 'waitlisted').map((a) => a.position!);
      expect([...told].sort((a, b) => a - b)).toEqual(Array.from({ length: N - PLACES }, (_, i) => i + 1));
      // Stored order: the 30 going asked first; the queue is in the order asks were decided.
      const rows = await t.db.kysely.selectFrom('eventRsvps').select(['userId', 'status', 'seq']).where('eventId', '=', id).orderBy('seq').execute();
      expect(rows).toHaveLength(N);
      expect(new Set(rows.map((r) => Number(r.seq))).size).toBe(N);
      expect(rows.slice(0, PLACES).every((r) => r.status === 'going')).toBe(true);
      const toldBy = new Map(people.map((p, i) => [p, answers[i]!.position]));
      expect(rows.slice(PLACES).map((r) => toldBy.get(r.userId))).toEqual(Array.from({ length: N - PLACES }, (_, i) => i + 1));
    }, 300_000);
  });
}
