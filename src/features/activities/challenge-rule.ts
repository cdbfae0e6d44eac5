/** A stored challenge as the rule its decisions run on, in the community's zone. */
import type { ChallengeRule } from './rules.js';
import type { ChallengesTable } from './tables.js';

type Stored = Pick<ChallengesTable, 'period' | 'weekdays' | 'startDate' | 'endDate' | 'makeupCards' | 'makeupEvery' | 'makeupReach'>;

export function ruleOf(c: Stored, timezone: string): ChallengeRule {
  return {
    period: c.period,
    weekdays: c.weekdays ? (JSON.parse(c.weekdays) as number[]) : null,
    startDate: c.startDate,
    endDate: c.endDate,
    timezone,
    makeup: { cards: c.makeupCards, earnEvery: c.makeupEvery, reach: c.makeupReach },
  };
}
