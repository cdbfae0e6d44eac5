/**
 * Check-in reminders: from 20:00 in the community's zone, each member of an
 * open challenge who has not checked in for the period yet is told once (the
 * period is remembered on their row, so a job that runs every few minutes,
 * once across processes, never repeats itself). Weekly challenges remind on
 * the week's last day.
 */
import type { AppContext } from '../../kernel/context.js';
import { inTransaction } from '../../kernel/db/tx.js';
import { notify } from '../members/index.js';
import { ruleOf } from './challenge-rule.js';
import { challengeState, currentPeriod, DEFAULT_TIMEZONE, localDate, periodsBetween, weekday, type ChallengeRule } from './rules.js';

/** Local hour from which today's reminder goes out. */
export const REMIND_FROM_HOUR = 20;

function localHour(at: Date, timezone: string): number {
  return Number(new Intl.DateTimeFormat('en-GB', { timeZone: timezone, hour: '2-digit', hourCycle: 'h23' }).format(at));
}

/** Whether `now` is reminder time for the challenge's current period. */
export function reminderDue(rule: ChallengeRule, now: Date): boolean {
  if (challengeState(rule, now) !== 'open' || localHour(now, rule.timezone) < REMIND_FROM_HOUR) return false;
  const today = localDate(now, rule.timezone);
  if (rule.period === 'weekly') return weekday(today) === 0;
  return periodsBetween(rule, today, today).length === 1;
}

export async function sendCheckinReminders(ctx: AppContext, now: Date = ctx.clock.now()): Promise<{ reminded: number }> {
  const db = ctx.db.kysely;
  const challenges = await db
    .selectFrom('challenges')
    .innerJoin('communities', 'communities.id', 'challenges.communityId')
    .selectAll('challenges')
    .select('communities.timezone')
    .execute();
  let reminded = 0;
  for (const c of challenges) {
    const rule = ruleOf(c, c.timezone ?? DEFAULT_TIMEZONE);
    if (!reminderDue(rule, now)) continue;
    const period = currentPeriod(rule, now);
    reminded += await inTransaction(ctx.db, async (trx) => {
      const due = await trx
        .selectFrom('challengeMembers')
        .select('userId')
        .where('challengeId', '=', c.id)
        .where((eb) => eb.or([eb('remindedFor', 'is', null), eb('remindedFor', '!=', period)]))
        .where((eb) => eb.not(eb.exists(eb.selectFrom('checkins').select('id').whereRef('checkins.challengeId', '=', 'challengeMembers.challengeId').whereRef('checkins.userId', '=', 'challengeMembers.userId').where('checkins.periodKey', '=', period))))
        .execute();
      if (!due.length) return 0;
      await trx.updateTable('challengeMembers').set({ remindedFor: period }).where('challengeId', '=', c.id).where('userId', 'in', due.map((d) => d.userId)).execute();
      for (const d of due) await notify(ctx, trx, { communityId: c.communityId, userId: d.userId, kind: 'activities.checkin_reminder', data: { challenge: c.title } });
      return due.length;
    });
  }
  return { reminded };
}
