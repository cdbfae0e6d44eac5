/**
 * 打卡 challenge use cases: create, list, read (with the viewer's own streak,
 * calendar and the leaderboard), join, check in (once per member per period —
 * a second check-in edits), make up a missed period (补卡), react and comment.
 */
import type { AppContext } from '../../kernel/context.js';
import { appendEvent } from '../../kernel/activity/log.js';
import { inTransaction, type Q } from '../../kernel/db/tx.js';
import { Conflict, Invalid, NotFound } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { usersById } from '../accounts/index.js';
import { openCommunity, type CommunityRow } from '../communities/index.js';
import { notify } from '../members/index.js';
import { ruleOf } from './challenge-rule.js';
import { canRun, canTakePart } from './policy.js';
import {
  byStanding,
  cardsLeft,
  challengeState,
  checkinProblem,
  currentPeriod,
  DEFAULT_MAKEUP,
  DEFAULT_TIMEZONE,
  endAfter,
  localDate,
  makeupProblem,
  periodsBetween,
  tally,
  type ChallengeRule,
  type MakeupState,
} from './rules.js';
import type { ChallengeBody, ChallengeView, CheckinBody, CheckinView, ResponseBody } from './schemas.js';
import * as store from './store.js';

export const timezoneOf = (c: CommunityRow): string => c.timezone ?? DEFAULT_TIMEZONE;

export async function createChallenge(ctx: AppContext, slug: string, userId: string | null, body: ChallengeBody) {
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (trx) => {
    const { community, me } = await openCommunity(trx, { slug }, userId, canRun);
    const startDate = body.startDate ?? localDate(now, timezoneOf(community));
    const makeup = { ...DEFAULT_MAKEUP, ...body.makeup };
    const id = newId(now.getTime());
    await store.insertChallenge(trx, {
      id,
      communityId: community.id,
      title: body.title,
      description: body.description ?? '',
      period: body.period,
      weekdays: body.weekdays && body.period === 'daily' ? JSON.stringify([...new Set(body.weekdays)].sort()) : null,
      startDate,
      endDate: body.length ? endAfter(startDate, body.period, body.length) : null,
      valueLabel: body.valueLabel ?? null,
      makeupCards: makeup.cards,
      makeupEvery: makeup.earnEvery,
      makeupReach: makeup.reach,
      createdBy: me,
      createdAt: now.toISOString(),
    });
    return { id };
  });
}

export async function listChallenges(ctx: AppContext, slug: string, userId: string | null) {
  const db = ctx.db.kysely;
  const { community, me, actor } = await openCommunity(db, { slug }, userId, canTakePart);
  const permissions = { canRun: canRun(actor, community) };
  const [rows, mine] = await Promise.all([store.listChallenges(db, community.id), store.joinedChallenges(db, community.id, me)]);
  const tz = timezoneOf(community);
  return {
    permissions,
    challenges: rows.map((c) => ({
      id: c.id,
      title: c.title,
      period: c.period,
      startDate: c.startDate,
      endDate: c.endDate,
      state: challengeState(ruleOf(c, tz), ctx.clock.now()),
      members: Number(c.members),
      joined: mine.includes(c.id),
    })),
  };
}

async function openChallenge(db: Q, slug: string, userId: string | null, id: string) {
  const opening = await openCommunity(db, { slug }, userId, canTakePart);
  const challenge = await store.findChallenge(db, opening.community.id, id);
  if (!challenge) throw NotFound('challenge');
  return { ...opening, challenge, rule: ruleOf(challenge, timezoneOf(opening.community)) };
}

export async function getChallenge(ctx: AppContext, slug: string, userId: string | null, id: string): Promise<ChallengeView> {
  const db = ctx.db.kysely;
  const now = ctx.clock.now();
  const { community, challenge, rule, me } = await openChallenge(db, slug, userId, id);
  const [members, marks, recent] = await Promise.all([
    store.challengeMembers(db, community.id, id),
    store.checkinMarks(db, community.id, id),
    store.recentCheckins(db, community.id, id, 30),
  ]);
  const byMember = new Map<string, MakeupState>();
  for (const m of members) byMember.set(m.userId, { onTime: new Set(), checked: new Set(), used: m.makeupsUsed, since: sinceOf(rule, m.joinedAt) });
  for (const k of marks) {
    const s = byMember.get(k.userId);
    if (!s) continue;
    (s.checked as Set<string>).add(k.periodKey);
    if (!k.madeUp) (s.onTime as Set<string>).add(k.periodKey);
  }
  const people = await usersById(db, [...members.map((m) => m.userId), ...recent.map((r) => r.userId)]);
  const name = (uid: string) => ({ id: uid, displayName: people.get(uid)?.displayName ?? '' });
  const standings = members
    .map((m) => ({ ...tally(rule, byMember.get(m.userId)!.checked, byMember.get(m.userId)!.since, now), joinedAt: m.joinedAt, member: name(m.userId) }))
    .sort(byStanding)
    .map(({ joinedAt: _j, ...s }, i) => ({ ...s, rank: i + 1 }));
  const mine = byMember.get(me);
  const today = currentPeriod(rule, now);
  const myTally = mine ? tally(rule, mine.checked, mine.since, now) : null;
  return {
    id: challenge.id,
    title: challenge.title,
    description: challenge.description,
    period: challenge.period,
    weekdays: rule.weekdays,
    startDate: challenge.startDate,
    endDate: challenge.endDate,
    valueLabel: challenge.valueLabel,
    timezone: rule.timezone,
    today,
    state: challengeState(rule, now),
    makeup: rule.makeup,
    members: members.length,
    joined: !!mine,
    me:
      mine && myTally
        ? {
            ...myTally,
            cardsLeft: cardsLeft(rule, mine, now),
            checkedToday: mine.checked.has(today),
            calendar: periodsBetween(rule, mine.since, localDate(now, rule.timezone)).map((p) => ({
              period: p,
              state: mine.onTime.has(p) ? 'checked' : mine.checked.has(p) ? 'made_up' : p === today ? 'open' : 'missed',
            })),
          }
        : null,
    streak: myTally?.streak ?? 0,
    leaderboard: standings,
    recent: await checkinViews(db, community.id, recent, me, name),
  };
}

/** The first period a member could check in: the later of the challenge's start and the day they joined. */
function sinceOf(rule: ChallengeRule, joinedAt: string): string {
  const joined = localDate(new Date(joinedAt), rule.timezone);
  return joined > rule.startDate ? joined : rule.startDate;
}

async function checkinViews(db: Q, communityId: string, rows: store.CheckinRow[], me: string, name: (id: string) => { id: string; displayName: string }): Promise<CheckinView[]> {
  const responses = await store.responsesTo(db, communityId, rows.map((r) => r.id));
  const commenters = await usersById(db, responses.map((r) => r.userId));
  return rows.map((r) => {
    const mine = responses.filter((x) => x.checkinId === r.id);
    const reactions = new Map<string, { text: string; count: number; mine: boolean }>();
    for (const x of mine.filter((x) => x.kind === 'reaction')) {
      const e = reactions.get(x.text) ?? { text: x.text, count: 0, mine: false };
      e.count++;
      e.mine ||= x.userId === me;
      reactions.set(x.text, e);
    }
    return {
      id: r.id,
      period: r.periodKey,
      text: r.text,
      value: r.value,
      madeUp: r.madeUp === 1,
      at: r.updatedAt,
      member: name(r.userId),
      reactions: [...reactions.values()],
      comments: mine
        .filter((x) => x.kind === 'comment')
        .map((x) => ({ id: x.id, member: { id: x.userId, displayName: commenters.get(x.userId)?.displayName ?? '' }, text: x.text, at: x.createdAt })),
    };
  });
}

export async function joinChallenge(ctx: AppContext, slug: string, userId: string | null, id: string) {
  const at = ctx.clock.now().toISOString();
  return inTransaction(ctx.db, async (trx) => {
    const { community, challenge, rule, me } = await openChallenge(trx, slug, userId, id);
    if (challengeState(rule, ctx.clock.now()) === 'ended') throw Conflict('this challenge has ended', 'id', 'challenge_ended');
    const joined = await store.insertChallengeMember(trx, { challengeId: challenge.id, userId: me, communityId: community.id, joinedAt: at, makeupsUsed: 0, remindedFor: null });
    return { joined: joined || !!(await store.findChallengeMember(trx, community.id, challenge.id, me)) };
  });
}

/**
 * Checks the member in for the current period (or, with `makeUpFor`, a missed
 * past one, spending a make-up card). The member's row in the challenge is
 * locked first, so concurrent check-ins of one member run one after another:
 * the first writes the check-in and its event, the others edit it.
 */
export async function checkIn(ctx: AppContext, slug: string, userId: string | null, id: string, body: CheckinBody) {
  const now = ctx.clock.now();
  const at = now.toISOString();
  return inTransaction(ctx.db, async (trx) => {
    const { community, challenge, rule, me } = await openChallenge(trx, slug, userId, id);
    const member = await store.findChallengeMember(trx, community.id, challenge.id, me, { lock: true });
    if (!member) throw Conflict('join the challenge first', 'id', 'not_joined');
    const marks = await store.checkinMarks(trx, community.id, challenge.id, me);
    const state: MakeupState = {
      onTime: new Set(marks.filter((m) => !m.madeUp).map((m) => m.periodKey)),
      checked: new Set(marks.map((m) => m.periodKey)),
      used: member.makeupsUsed,
      since: sinceOf(rule, member.joinedAt),
    };
    const madeUp = body.makeUpFor !== undefined;
    const period = body.makeUpFor ?? currentPeriod(rule, now);
    if (madeUp) {
      const problem = makeupProblem(rule, state, now, period);
      if (problem) throw Conflict(`cannot make up ${period}: ${problem.replace(/_/g, ' ')}`, 'makeUpFor', `makeup_${problem}`);
    } else {
      const problem = checkinProblem(rule, now, period);
      if (problem) throw Conflict(problem === 'not_open' ? 'this challenge is not open' : 'today is not a check-in day of this challenge', 'id', `checkin_${problem}`);
    }
    const existing = await store.findCheckin(trx, community.id, challenge.id, me, period);
    const text = body.text ?? existing?.text ?? '';
    const value = body.value ?? existing?.value ?? null;
    if (value !== null && !challenge.valueLabel && body.value !== undefined) throw Invalid('value', 'this challenge records no number');
    let checkinId = existing?.id;
    if (existing) {
      await store.updateCheckin(trx, community.id, existing.id, { text, value, updatedAt: at });
    } else {
      checkinId = newId(now.getTime());
      await store.insertCheckin(trx, { id: checkinId, challengeId: challenge.id, communityId: community.id, userId: me, periodKey: period, text, value, madeUp: madeUp ? 1 : 0, createdAt: at, updatedAt: at });
      if (madeUp) await store.useMakeupCard(trx, community.id, challenge.id, me);
      await appendEvent(trx, community.id, { kind: 'activity.checked_in', actorId: me, objectType: 'challenge', objectId: challenge.id, data: { period, madeUp }, at });
      (state.checked as Set<string>).add(period);
    }
    return { id: checkinId!, period, created: !existing, madeUp: existing ? existing.madeUp === 1 : madeUp, streak: tally(rule, state.checked, state.since, now).streak };
  });
}

/** A reaction (one per emoji per person) or a comment on someone's check-in: an event directed at them, and a notice. */
export async function respond(ctx: AppContext, slug: string, userId: string | null, id: string, checkinId: string, body: ResponseBody) {
  const at = ctx.clock.now().toISOString();
  return inTransaction(ctx.db, async (trx) => {
    const { community, challenge, me } = await openChallenge(trx, slug, userId, id);
    const checkin = await store.findCheckinById(trx, community.id, challenge.id, checkinId);
    if (!checkin) throw NotFound('check-in');
    if (body.kind === 'reaction') {
      const same = await store.findReaction(trx, community.id, checkin.id, me, body.text);
      if (same) return { id: same.id };
    }
    const rid = newId(new Date(at).getTime());
    await store.insertResponse(trx, { id: rid, checkinId: checkin.id, communityId: community.id, userId: me, kind: body.kind, text: body.text, createdAt: at });
    await appendEvent(trx, community.id, {
      kind: body.kind === 'reaction' ? 'content.reacted' : 'content.replied',
      actorId: me,
      targetId: checkin.userId,
      objectType: 'checkin',
      objectId: checkin.id,
      at,
    });
    if (checkin.userId !== me) {
      await notify(ctx, trx, { communityId: community.id, userId: checkin.userId, kind: body.kind === 'reaction' ? 'activities.reacted' : 'activities.commented', data: { challenge: challenge.title } });
    }
    return { id: rid };
  });
}
