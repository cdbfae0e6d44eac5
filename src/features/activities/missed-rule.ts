/**
 * The pruning rule "missed N check-ins in a row" (action communities): for
 * each member, the longest run of missed periods, up to yesterday, in any open
 * challenge they joined. A check-in ends the run, so the sweep clears the
 * warning with the same grace as every other rule. Registered with pruning's
 * registry when activities is loaded.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../kernel/db/schema.js';
import { registerPruningRule, type PruningRule } from '../pruning/index.js';
import { ruleOf } from './challenge-rule.js';
import { addDays, challengeState, localDate, missedInARow } from './rules.js';

export const missedCheckinsRule: PruningRule<{ missed: number }> = {
  id: 'missed_checkins',
  unit: 'count',
  defaultThreshold: 3,
  min: 1,
  max: 100,
  evaluate(_m, fact, count) {
    const missed = fact?.missed ?? 0;
    if (missed < count) return { failing: false };
    return { failing: true, reason: { key: 'reason.missed_checkins', params: { count: missed } }, keep: { key: 'keep.missed_checkins' } };
  },
};

/** Facts per member; null (rule unavailable) outside action communities or without an open challenge. */
export async function loadMissedCheckins(db: Kysely<Database>, communityId: string, now: Date): Promise<Map<string, { missed: number }> | null> {
  const community = await db.selectFrom('communities').select(['type', 'timezone']).where('id', '=', communityId).executeTakeFirst();
  if (!community || community.type !== 'action') return null;
  const timezone = community.timezone ?? 'Asia/Shanghai';
  const challenges = await db.selectFrom('challenges').selectAll().where('communityId', '=', communityId).execute();
  const rules = challenges
    .map((c) => ({ id: c.id, rule: ruleOf(c, timezone) }))
    .filter((c) => challengeState(c.rule, now) === 'open');
  if (!rules.length) return null;
  const out = new Map<string, { missed: number }>();
  for (const { id, rule } of rules) {
    const members = await db.selectFrom('challengeMembers').select(['userId', 'joinedAt']).where('challengeId', '=', id).execute();
    const marks = await db.selectFrom('checkins').select(['userId', 'periodKey']).where('challengeId', '=', id).execute();
    const yesterday = addDays(localDate(now, timezone), -1);
    for (const m of members) {
      const checked = new Set(marks.filter((k) => k.userId === m.userId).map((k) => k.periodKey));
      const since = localDate(new Date(m.joinedAt), timezone);
      const missed = missedInARow(rule, checked, since > rule.startDate ? since : rule.startDate, yesterday);
      out.set(m.userId, { missed: Math.max(missed, out.get(m.userId)?.missed ?? 0) });
    }
  }
  return out;
}

let registered = false;
if (!registered) {
  registered = true;
  registerPruningRule(missedCheckinsRule, loadMissedCheckins);
}
