import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../kernel/db/testing.js';
import { startTestApp, type TestApp } from '../../kernel/http/testing.js';
import { cast, type Cast } from './testing.js';

for (const dialect of DIALECTS) {
  describe(`打卡 challenges API (${dialect})`, () => {
    let t: TestApp;
    let c: Cast;
    let id: string;
    const base = () => `/api/communities/${c.slug}/challenges`;
    beforeAll(async () => {
      // 23:00 in New York on 7 March 2026, the evening before the spring DST change.
      t = await startTestApp(dialect, { now: '2026-03-08T04:00:00.000Z' });
      c = await cast(t, 'runners', 3, { timezone: 'America/New_York' });
    });
    afterAll(() => t?.close());

    it('the owner creates a challenge with just a title and a period; members see it', async () => {
      const r = await c.owner.c.post(base(), { title: '每日一练', period: 'daily' });
      expect(r.status).toBe(201);
      id = r.body.id;
      const list = await c.members[0]!.c.get(base());
      expect(list.body.challenges).toEqual([expect.objectContaining({ id, title: '每日一练', period: 'daily', startDate: '2026-03-07', endDate: null, state: 'open', joined: false })]);
      const one = await c.members[0]!.c.get(`${base()}/${id}`);
      expect(one.body).toMatchObject({ timezone: 'America/New_York', today: '2026-03-07', streak: 0, me: null, makeup: { cards: 1, earnEvery: 7, reach: 3 } });
    });

    it('the charter carries the time zone; an unknown zone is refused by name', async () => {
      expect((await c.owner.c.get(`/api/communities/${c.slug}/home`)).body.community.timezone).toBe('America/New_York');
      const bad = await c.owner.c.patch(`/api/communities/${c.slug}/charter`, { timezone: 'Mars/Olympus' });
      expect(bad.status).toBe(400);
      expect(bad.body.error.fields[0].path).toBe('timezone');
    });

    it('a plain member cannot create one, and the lists say so; bad input names the field', async () => {
      expect((await c.members[0]!.c.post(base(), { title: 'x', period: 'daily' })).status).toBe(403);
      // The lists carry what the policy allows, so the page offers "create" and "host" only to those who may.
      for (const list of ['challenges', 'events']) {
        expect((await c.members[0]!.c.get(`/api/communities/${c.slug}/${list}`)).body.permissions).toEqual({ canRun: false });
        expect((await c.owner.c.get(`/api/communities/${c.slug}/${list}`)).body.permissions).toEqual({ canRun: true });
      }
      const bad = await c.owner.c.post(base(), { title: 'x', period: 'hourly' });
      expect(bad.status).toBe(400);
      expect(bad.body.error.fields[0].path).toBe('period');
    });

    it('checking in needs joining; a second check-in the same day edits it', async () => {
      const m = c.members[0]!.c;
      expect((await m.post(`${base()}/${id}/checkins`, { text: 'x' })).status).toBe(409);
      expect((await m.post(`${base()}/${id}/join`)).body).toEqual({ joined: true });
      expect((await m.post(`${base()}/${id}/join`)).body).toEqual({ joined: true });
      const first = await m.post(`${base()}/${id}/checkins`, { text: '跑了 3 公里' });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ period: '2026-03-07', created: true, streak: 1 });
      const again = await m.post(`${base()}/${id}/checkins`, { text: '其实是 5 公里' });
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ id: first.body.id, created: false, streak: 1 });
      const view = (await m.get(`${base()}/${id}`)).body;
      expect(view.streak).toBe(1);
      expect(view.me).toMatchObject({ total: 1, checkedToday: true });
      expect(view.recent).toHaveLength(1);
      expect(view.recent[0].text).toBe('其实是 5 公里');
      const events = await t.db.kysely.selectFrom('activityEvents').select('kind').where('kind', '=', 'activity.checked_in').execute();
      expect(events).toHaveLength(1);
    });

    it('after local midnight (across the DST change) it is a new day and the streak grows', async () => {
      t.clock.set('2026-03-08T05:30:00.000Z'); // 00:30 EST, 8 March
      const m = c.members[0]!.c;
      expect((await m.post(`${base()}/${id}/checkins`, { text: 'day 2' })).body).toMatchObject({ period: '2026-03-08', created: true, streak: 2 });
      t.clock.set('2026-03-09T03:50:00.000Z'); // 23:50 EDT, still 8 March (a 23-hour day)
      expect((await m.post(`${base()}/${id}/checkins`, { text: 'late edit' })).body).toMatchObject({ period: '2026-03-08', created: false });
      t.clock.set('2026-03-09T04:10:00.000Z'); // 00:10 EDT, 9 March
      expect((await m.post(`${base()}/${id}/checkins`, {})).body).toMatchObject({ period: '2026-03-09', created: true, streak: 3 });
    });

    it('a missed day is made up with a card (补卡), once', async () => {
      const m = c.members[1]!.c;
      await m.post(`${base()}/${id}/join`);
      await m.post(`${base()}/${id}/checkins`, { text: 'today' }); // 9 March; 8 March missed (joined on the 9th local → nothing to make up)
      const early = await m.post(`${base()}/${id}/checkins`, { makeUpFor: '2026-03-08' });
      expect(early.status).toBe(409);
      expect(early.body.error.fields[0]).toMatchObject({ path: 'makeUpFor', code: 'makeup_not_a_period' });
      t.clock.set('2026-03-11T14:00:00.000Z'); // 11 March; the 10th was missed
      const made = await m.post(`${base()}/${id}/checkins`, { text: 'caught up', makeUpFor: '2026-03-10' });
      expect(made.status).toBe(201);
      expect(made.body).toMatchObject({ madeUp: true });
      const v = (await m.get(`${base()}/${id}`)).body;
      expect(v.me).toMatchObject({ cardsLeft: 0, streak: 2 });
      expect(v.me.calendar).toEqual([
        { period: '2026-03-09', state: 'checked' },
        { period: '2026-03-10', state: 'made_up' },
        { period: '2026-03-11', state: 'open' },
      ]);
      expect((await m.post(`${base()}/${id}/checkins`, { makeUpFor: '2026-03-10' })).body.error.fields[0].code).toBe('makeup_already_checked');
    });

    it('the leaderboard ranks by streak, then total, with completion', async () => {
      await c.members[0]!.c.post(`${base()}/${id}/checkins`, {}); // 11 March; the 10th missed → streak 1
      const board = (await c.members[2]!.c.get(`${base()}/${id}`)).body.leaderboard;
      expect(board.map((r: { member: { displayName: string }; streak: number; total: number; rank: number }) => [r.rank, r.member.displayName, r.streak, r.total])).toEqual([
        [1, 'Member1', 2, 2],
        [2, 'Member0', 1, 4],
      ]);
      expect(board[1].completion).toBe(80); // 4 of 7–10 March + today's
    });

    it('reacting and commenting on a check-in is an event directed at its author, who is told', async () => {
      const view = (await c.members[1]!.c.get(`${base()}/${id}`)).body;
      const mine = view.recent.find((x: { member: { displayName: string } }) => x.member.displayName === 'Member0');
      expect((await c.members[1]!.c.post(`${base()}/${id}/checkins/${mine.id}/responses`, { kind: 'reaction', text: '👍' })).status).toBe(201);
      await c.members[1]!.c.post(`${base()}/${id}/checkins/${mine.id}/responses`, { kind: 'reaction', text: '👍' });
      await c.members[2]!.c.post(`${base()}/${id}/checkins/${mine.id}/responses`, { kind: 'comment', text: '加油！' });
      const again = (await c.members[0]!.c.get(`${base()}/${id}`)).body.recent.find((x: { id: string }) => x.id === mine.id);
      expect(again.reactions).toEqual([{ text: '👍', count: 1, mine: false }]);
      expect(again.comments.map((x: { text: string }) => x.text)).toEqual(['加油！']);
      const events = await t.db.kysely.selectFrom('activityEvents').select(['kind', 'targetId']).where('objectType', '=', 'checkin').execute();
      expect(events).toEqual([
        { kind: 'content.reacted', targetId: c.members[0]!.id },
        { kind: 'content.replied', targetId: c.members[0]!.id },
      ]);
      const notices = (await c.members[0]!.c.get(`/api/communities/${c.slug}/notices`)).body.notices.map((n: { kind: string }) => n.kind);
      expect(notices).toEqual(expect.arrayContaining(['activities.reacted', 'activities.commented']));
    });

    it('visitors, applicants, removed members and members elsewhere see and do nothing', async () => {
      const visitor = t.client();
      expect((await visitor.get(base())).status).toBe(401);
      expect((await visitor.get(`${base()}/${id}`)).status).toBe(401);
      for (const p of [c.applicant, c.removed, c.outsider]) {
        expect((await p.c.get(base())).status).toBe(403);
        expect((await p.c.get(`${base()}/${id}`)).status).toBe(403);
        expect((await p.c.post(`${base()}/${id}/join`)).status).toBe(403);
        expect((await p.c.post(`${base()}/${id}/checkins`, { text: 'x' })).status).toBe(403);
      }
      // A challenge id of another community is not found here.
      const other = await c.outsider.c.post(`/api/communities/${c.slug}-other/challenges`, { title: 'elsewhere', period: 'weekly' });
      expect((await c.members[0]!.c.get(`${base()}/${other.body.id}`)).status).toBe(404);
    });
  });
}
