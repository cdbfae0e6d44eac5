/**
 * Pure rules of 打卡 challenges: what "today" is in the community's time zone,
 * which periods a challenge has, streaks, completion, and make-up cards (补卡).
 *
 * Periods are calendar dates in the community's zone, never 24-hour slices of
 * UTC time, so a DST change (a 23- or 25-hour day) moves no check-in into the
 * wrong day. A period's key is its local date (daily) or the local date of
 * its week's Monday (weekly).
 */

export const PERIODS = ['daily', 'weekly'] as const;
export type Period = (typeof PERIODS)[number];
export { DEFAULT_TIMEZONE, isTimezone } from '../communities/rules.js';
export * from './event-rules.js';

/** The rule of a challenge that the decisions depend on. */
export interface ChallengeRule {
  period: Period;
  /** Local weekdays a daily challenge counts (0 = Sunday … 6); null = every day. */
  weekdays: number[] | null;
  startDate: string; // local YYYY-MM-DD
  endDate: string | null; // local YYYY-MM-DD, inclusive; null = ongoing
  timezone: string;
  makeup: MakeupRule;
}

/** 补卡: cards a member starts with, one more per `earnEvery` on-time check-ins in a row, usable `reach` periods back. */
export interface MakeupRule {
  cards: number;
  earnEvery: number; // 0 = never earned
  reach: number;
}

export const DEFAULT_MAKEUP: MakeupRule = { cards: 1, earnEvery: 7, reach: 3 };

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date of an instant in a time zone, as YYYY-MM-DD. */
export function localDate(at: Date, timezone: string): string {
  let f = formatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timezone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** Calendar arithmetic on YYYY-MM-DD (no time zone involved). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** The key of the period a local date falls in. */
export function periodOf(date: string, period: Period): string {
  return period === 'daily' ? date : addDays(date, -((weekday(date) + 6) % 7));
}

/** The period "now" is in, for a challenge. */
export function currentPeriod(rule: Pick<ChallengeRule, 'period' | 'timezone'>, now: Date): string {
  return periodOf(localDate(now, rule.timezone), rule.period);
}

/** Whether a local date counts for the challenge at all (inside its dates and weekdays). */
export function counts(rule: ChallengeRule, date: string): boolean {
  if (date < rule.startDate || (rule.endDate && date > rule.endDate)) return false;
  return rule.period === 'weekly' || !rule.weekdays || rule.weekdays.includes(weekday(date));
}

/** The period keys of a challenge from `from` (a local date) through `to`, oldest first. */
export function periodsBetween(rule: ChallengeRule, from: string, to: string): string[] {
  const start = from < rule.startDate ? rule.startDate : from;
  const end = rule.endDate && rule.endDate < to ? rule.endDate : to;
  const out: string[] = [];
  const step = rule.period === 'daily' ? 1 : 7;
  for (let d = periodOf(start, rule.period); d <= end; d = addDays(d, step)) {
    if (rule.period === 'weekly' || counts(rule, d)) out.push(d);
  }
  return out;
}

export type OpenState = 'upcoming' | 'open' | 'ended';

export function challengeState(rule: ChallengeRule, now: Date): OpenState {
  const today = localDate(now, rule.timezone);
  if (today < rule.startDate) return 'upcoming';
  if (rule.endDate && today > rule.endDate) return 'ended';
  return 'open';
}

/** Why a check-in for `period` cannot be made now, or null when it can. */
export function checkinProblem(rule: ChallengeRule, now: Date, period: string): 'not_open' | 'not_a_period' | null {
  const state = challengeState(rule, now);
  if (state !== 'open') return 'not_open';
  if (period !== currentPeriod(rule, now) || !periodsBetween(rule, period, period).length) return 'not_a_period';
  return null;
}

export interface Tally {
  /** Periods in a row up to now; an open current period does not break it. */
  streak: number;
  longest: number;
  total: number;
  /** Checked periods over the periods since the member could check in, 0–100. */
  completion: number;
}

/**
 * Streak, total and completion from the periods a member checked (made-up
 * periods included), between `since` (local date the member joined) and now.
 */
export function tally(rule: ChallengeRule, checked: ReadonlySet<string>, since: string, now: Date): Tally {
  const today = localDate(now, rule.timezone);
  const periods = periodsBetween(rule, since, today);
  let run = 0;
  let longest = 0;
  for (const p of periods) {
    run = checked.has(p) ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  const current = currentPeriod(rule, now);
  let streak = 0;
  for (let i = periods.length - 1; i >= 0; i--) {
    const p = periods[i]!;
    if (checked.has(p)) streak++;
    else if (p === current && streak === 0) continue; // today still open
    else break;
  }
  const due = periods.filter((p) => p !== current || checked.has(p)).length;
  const total = periods.filter((p) => checked.has(p)).length;
  return { streak, longest, total, completion: due ? Math.round((100 * total) / due) : 0 };
}

/** Cards earned: one per `earnEvery` on-time check-ins in a row (made-up periods do not earn). */
export function cardsEarned(rule: ChallengeRule, onTime: ReadonlySet<string>, since: string, now: Date): number {
  if (rule.makeup.earnEvery <= 0) return 0;
  let run = 0;
  let earned = 0;
  for (const p of periodsBetween(rule, since, localDate(now, rule.timezone))) {
    run = onTime.has(p) ? run + 1 : 0;
    if (run > 0 && run % rule.makeup.earnEvery === 0) earned++;
  }
  return earned;
}

export interface MakeupState {
  onTime: ReadonlySet<string>;
  checked: ReadonlySet<string>;
  used: number;
  since: string;
}

export function cardsLeft(rule: ChallengeRule, m: MakeupState, now: Date): number {
  return Math.max(0, rule.makeup.cards + cardsEarned(rule, m.onTime, m.since, now) - m.used);
}

export type MakeupProblem = 'not_a_period' | 'too_old' | 'already_checked' | 'no_cards';

/** Whether a missed past period may be made up now (补卡), or why not. */
export function makeupProblem(rule: ChallengeRule, m: MakeupState, now: Date, period: string): MakeupProblem | null {
  const current = currentPeriod(rule, now);
  const past = periodsBetween(rule, m.since, localDate(now, rule.timezone)).filter((p) => p < current);
  if (!past.includes(period)) return 'not_a_period';
  if (past.length - past.indexOf(period) > rule.makeup.reach) return 'too_old';
  if (m.checked.has(period)) return 'already_checked';
  if (cardsLeft(rule, m, now) <= 0) return 'no_cards';
  return null;
}

/** The end date of a challenge lasting `days` periods from `startDate` (21 days → start + 20). */
export function endAfter(startDate: string, period: Period, days: number): string {
  return addDays(startDate, period === 'daily' ? days - 1 : 7 * days - 1);
}

/** Leaderboard order: longest current streak, then total, then completion, then who joined first. */
export function byStanding<T extends Tally & { joinedAt: string }>(a: T, b: T): number {
  return b.streak - a.streak || b.total - a.total || b.completion - a.completion || a.joinedAt.localeCompare(b.joinedAt);
}

/** Periods missed in a row, counting back from `until` (a local date, usually yesterday). */
export function missedInARow(rule: ChallengeRule, checked: ReadonlySet<string>, since: string, until: string): number {
  const periods = periodsBetween(rule, since, until).filter((p) => rule.period === 'daily' || addDays(p, 6) <= until);
  let missed = 0;
  for (let i = periods.length - 1; i >= 0 && !checked.has(periods[i]!); i--) missed++;
  return missed;
}
