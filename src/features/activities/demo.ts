/**
 * Activities in the demo community, loaded after the others: a 21-day
 * 「每日一练」打卡 in progress (day 15; streaks of every length, some make-up
 * cards spent, cheers and comments), a past offline 模考交流会 with attendance,
 * and an upcoming one that is full with a waitlist. Deterministic for a given clock.
 */
import type { AppContext } from '../../kernel/context.js';
import { appendEvents } from '../../kernel/activity/log.js';
import type { ActivityEvent } from '../../kernel/activity/taxonomy.js';
import { DAY_MS } from '../../kernel/clock.js';
import { inTransaction, type Q } from '../../kernel/db/tx.js';
import { newId, newSecret } from '../../kernel/ids.js';
import { DEMO_SLUG, mulberry32 } from '../communities/index.js';
import { addDays, DEFAULT_MAKEUP, DEFAULT_TIMEZONE, endAfter, localDate, makeupProblem, type ChallengeRule } from './rules.js';

const HOUR = 3_600_000;
const TEXTS = ['逻辑 30 题，错 4 道，都是假设题', '单词 100 个 + 数学 20 题', '今天只做了 15 题，明天补上', '写作一篇论证有效性分析', '数学错题本复盘', '逻辑真题 2019 年全套'];
const COMMENTS = ['加油！', '坚持住', '同是假设题苦手 😂', '太强了'];

export async function loadActivitiesDemo(ctx: AppContext, opts: { slug?: string; force?: boolean } = {}): Promise<{ created: boolean }> {
  return inTransaction(ctx.db, async (trx) => {
    const community = await trx.selectFrom('communities').selectAll().where('slug', '=', opts.slug ?? DEMO_SLUG).executeTakeFirst();
    if (!community) return { created: false };
    const cid = community.id;
    if (await trx.selectFrom('challenges').select('id').where('communityId', '=', cid).executeTakeFirst()) {
      if (!opts.force) return { created: false };
      for (const t of ['challenges', 'events'] as const) await trx.deleteFrom(t).where('communityId', '=', cid).execute();
    }
    const members = await trx.selectFrom('memberships').select(['userId', 'role']).where('communityId', '=', cid).where('state', '=', 'member').orderBy('joinedAt').execute();
    const staff = members.filter((m) => m.role !== 'member').map((m) => m.userId);
    const rng = mulberry32(21);
    const now = ctx.clock.now();
    const host = staff[0] ?? community.createdBy;
    const events: ActivityEvent[] = [];
    await dailyPractice(trx, cid, host, members.slice(-60).map((m) => m.userId).slice(0, 32), now, community.timezone ?? DEFAULT_TIMEZONE, rng, events);
    await mockExams(trx, cid, host, members.map((m) => m.userId), now, rng, events);
    events.sort((a, b) => a.at.localeCompare(b.at));
    await appendEvents(trx, cid, events);
    return { created: true };
  });
}

/** 21 days, started 14 days ago: each member keeps it up with their own steadiness; a few spend their make-up card. */
async function dailyPractice(trx: Q, cid: string, host: string, people: string[], now: Date, timezone: string, rng: () => number, events: ActivityEvent[]) {
  const today = localDate(now, timezone);
  const startDate = addDays(today, -14);
  const rule: ChallengeRule = { period: 'daily', weekdays: null, startDate, endDate: endAfter(startDate, 'daily', 21), timezone, makeup: DEFAULT_MAKEUP };
  const id = newId(now.getTime() - 15 * DAY_MS);
  const createdAt = new Date(now.getTime() - 15 * DAY_MS).toISOString();
  await trx
    .insertInto('challenges')
    .values({ id, communityId: cid, title: '每日一练', description: '21 天：每天逻辑 30 题或数学 20 题，写一句今天的收获。', period: 'daily', weekdays: null, startDate, endDate: rule.endDate, valueLabel: '题', makeupCards: 1, makeupEvery: 7, makeupReach: 3, createdBy: host, createdAt })
    .execute();
  const checkins: { id: string; userId: string; at: string }[] = [];
  for (const [n, userId] of people.entries()) {
    const steadiness = 0.55 + rng() * 0.45;
    const joinedDay = n < 24 ? 0 : Math.floor(rng() * 8);
    await trx.insertInto('challengeMembers').values({ challengeId: id, userId, communityId: cid, joinedAt: new Date(now.getTime() - (15 - joinedDay) * DAY_MS).toISOString(), makeupsUsed: 0, remindedFor: null }).execute();
    const missed: string[] = [];
    for (let d = joinedDay; d <= 14; d++) {
      const period = addDays(startDate, d);
      if (d === 14 && rng() < 0.4) continue; // today: not everyone has checked in yet
      if (rng() > steadiness) {
        missed.push(period);
        continue;
      }
      const at = new Date(now.getTime() - (14 - d) * DAY_MS - (2 + rng() * 8) * HOUR).toISOString();
      checkins.push(await checkin(trx, cid, id, userId, period, at, false, rng, events));
    }
    // Some make up their latest miss, when the rule allows it.
    const last = missed.at(-1);
    if (last && rng() < 0.5) {
      const marks = await trx.selectFrom('checkins').select('periodKey').where('challengeId', '=', id).where('userId', '=', userId).execute();
      const checked = new Set(marks.map((m) => m.periodKey));
      if (!makeupProblem(rule, { onTime: checked, checked, used: 0, since: addDays(startDate, joinedDay) }, now, last)) {
        await checkin(trx, cid, id, userId, last, new Date(now.getTime() - HOUR).toISOString(), true, rng, events);
        await trx.updateTable('challengeMembers').set({ makeupsUsed: 1 }).where('challengeId', '=', id).where('userId', '=', userId).execute();
      }
    }
  }
  // A mesh of encouragement: cheers and a few comments on recent check-ins.
  for (const c of checkins.slice(-40)) {
    const from = people[Math.floor(rng() * people.length)]!;
    if (from === c.userId) continue;
    const kind = rng() < 0.75 ? 'reaction' : 'comment';
    const text = kind === 'reaction' ? '👍' : COMMENTS[Math.floor(rng() * COMMENTS.length)]!;
    await trx.insertInto('checkinResponses').values({ id: newId(), checkinId: c.id, communityId: cid, userId: from, kind, text, createdAt: c.at }).execute();
    events.push({ kind: kind === 'reaction' ? 'content.reacted' : 'content.replied', actorId: from, targetId: c.userId, objectType: 'checkin', objectId: c.id, at: c.at });
  }
}

async function checkin(trx: Q, cid: string, challengeId: string, userId: string, period: string, at: string, madeUp: boolean, rng: () => number, events: ActivityEvent[]) {
  const id = newId(new Date(at).getTime());
  const value = 15 + Math.floor(rng() * 25);
  await trx.insertInto('checkins').values({ id, challengeId, communityId: cid, userId, periodKey: period, text: TEXTS[Math.floor(rng() * TEXTS.length)]!, value, madeUp: madeUp ? 1 : 0, createdAt: at, updatedAt: at }).execute();
  events.push({ kind: 'activity.checked_in', actorId: userId, objectType: 'challenge', objectId: challengeId, data: { period, madeUp }, at });
  return { id, userId, at };
}

/** A past offline 模考交流会 (18 going, 15 came) and the next one: 12 places, full, 5 waiting. */
async function mockExams(trx: Q, cid: string, host: string, people: string[], now: Date, rng: () => number, events: ActivityEvent[]) {
  const venue = '北京市海淀区 颐和园路 5 号 光华楼 2 层 201 室';
  const mapLink = 'https://map.baidu.com/search/%E5%85%89%E5%8D%8E%E7%AE%A1%E7%90%86%E5%AD%A6%E9%99%A2';
  const plan = [
    { title: '模考交流会（第一场，线下）', daysFromNow: -10, capacity: 20, asks: 18, came: 15 },
    { title: '模考交流会（第二场，线下）', daysFromNow: 5, capacity: 12, asks: 17, came: 0 },
  ];
  const pool = [...people].sort(() => rng() - 0.5);
  for (const [n, p] of plan.entries()) {
    const startsAt = new Date(Math.floor((now.getTime() + p.daysFromNow * DAY_MS) / HOUR) * HOUR).toISOString();
    const id = newId(now.getTime() - (20 - n) * DAY_MS);
    await trx
      .insertInto('events')
      .values({ id, communityId: cid, title: p.title, description: '全真模考后对答案、讲思路，带上你的错题本。', startsAt, endsAt: new Date(new Date(startsAt).getTime() + 3 * HOUR).toISOString(), capacity: p.capacity, venue, mapLink, meetingLink: null, registerUntil: null, codeSecret: newSecret(), createdBy: host, createdAt: new Date(now.getTime() - (20 - n) * DAY_MS).toISOString() })
      .execute();
    const who = pool.slice(n * 20, n * 20 + p.asks);
    for (const [seq, userId] of who.entries()) {
      const going = seq < p.capacity;
      const attendedAt = going && seq < p.came ? new Date(new Date(startsAt).getTime() + rng() * 20 * 60_000).toISOString() : null;
      const asked = new Date(new Date(startsAt).getTime() - (9 - seq * 0.3) * DAY_MS).toISOString();
      await trx.insertInto('eventRsvps').values({ eventId: id, userId, communityId: cid, status: going ? 'going' : 'waitlisted', seq: seq + 1, createdAt: asked, updatedAt: asked, attendedAt, checkedInBy: attendedAt ? host : null }).execute();
      if (attendedAt) events.push({ kind: 'activity.attended', actorId: userId, objectType: 'event', objectId: id, data: { checkedInBy: host }, at: attendedAt });
    }
  }
}
