import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../kernel/clock.js';
import {
  cardsEarned,
  cardsLeft,
  challengeState,
  checkinProblem,
  currentPeriod,
  DEFAULT_MAKEUP,
  endAfter,
  localDate,
  makeupProblem,
  periodOf,
  periodsBetween,
  tally,
  type ChallengeRule,
} from './rules.js';

const NY = 'America/New_York';
const daily = (over: Partial<ChallengeRule> = {}): ChallengeRule => ({
  period: 'daily',
  weekdays: null,
  startDate: '2026-03-01',
  endDate: null,
  timezone: NY,
  makeup: DEFAULT_MAKEUP,
  ...over,
});

describe('today in the community time zone', () => {
  it('the day turns at local midnight, before and after the spring DST change (New York, 8 March 2026)', () => {
    // EST (UTC−5) before the change.
    expect(localDate(new Date('2026-03-08T04:59:00Z'), NY)).toBe('2026-03-07');
    expect(localDate(new Date('2026-03-08T05:00:00Z'), NY)).toBe('2026-03-08');
    // 8 March has 23 hours; EDT (UTC−4) after it: 9 March starts at 04:00 UTC, not 05:00.
    expect(localDate(new Date('2026-03-09T03:59:00Z'), NY)).toBe('2026-03-08');
    expect(localDate(new Date('2026-03-09T04:00:00Z'), NY)).toBe('2026-03-09');
  });

  it('the autumn change (1 November 2026) gives a 25-hour day that is still one day', () => {
    expect(localDate(new Date('2026-11-01T04:00:00Z'), NY)).toBe('2026-11-01'); // 00:00 EDT
    expect(localDate(new Date('2026-11-02T04:59:00Z'), NY)).toBe('2026-11-01'); // 23:59 EST
    expect(localDate(new Date('2026-11-02T05:00:00Z'), NY)).toBe('2026-11-02');
  });

  it('Asia/Shanghai (the default) turns the day at 16:00 UTC', () => {
    expect(localDate(new Date('2026-03-01T15:59:59Z'), 'Asia/Shanghai')).toBe('2026-03-01');
    expect(localDate(new Date('2026-03-01T16:00:00Z'), 'Asia/Shanghai')).toBe('2026-03-02');
  });

  it('a weekly period is keyed by its Monday', () => {
    expect(periodOf('2026-03-08', 'weekly')).toBe('2026-03-02'); // Sunday → the Monday before
    expect(periodOf('2026-03-09', 'weekly')).toBe('2026-03-09');
  });
});

describe('streaks with the testing clock across the DST change', () => {
  it('checking in every local evening from 5 to 12 March keeps one unbroken streak of 8', () => {
    const clock = new ManualClock('2026-03-05T23:30:00Z'); // 18:30 EST
    const rule = daily();
    const checked = new Set<string>();
    for (let i = 0; i < 8; i++) {
      checked.add(currentPeriod(rule, clock.now()));
      clock.advanceDays(1); // 24 hours later is still the next local evening (18:30 or 19:30)
    }
    expect([...checked]).toEqual(['2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12']);
    expect(tally(rule, checked, '2026-03-05', clock.now()).streak).toBe(8);
  });

  it('a check-in just before local midnight and one just after are two days, not one', () => {
    const rule = daily();
    expect(currentPeriod(rule, new Date('2026-03-09T03:59:00Z'))).toBe('2026-03-08');
    expect(currentPeriod(rule, new Date('2026-03-09T04:01:00Z'))).toBe('2026-03-09');
  });

  it('today still open does not break the streak; a missed yesterday does', () => {
    const rule = daily();
    const now = new Date('2026-03-10T15:00:00Z'); // 10 March, local
    expect(tally(rule, new Set(['2026-03-08', '2026-03-09']), '2026-03-01', now).streak).toBe(2);
    expect(tally(rule, new Set(['2026-03-08']), '2026-03-01', now).streak).toBe(0);
    expect(tally(rule, new Set(['2026-03-08', '2026-03-09', '2026-03-10']), '2026-03-08', now)).toEqual({ streak: 3, longest: 3, total: 3, completion: 100 });
  });

  it('completion counts the periods since joining that are due (today only once checked)', () => {
    const rule = daily();
    const now = new Date('2026-03-05T15:00:00Z');
    // Due: 1–4 March (today open, unchecked) → 2 of 4.
    expect(tally(rule, new Set(['2026-03-01', '2026-03-03']), '2026-03-01', now).completion).toBe(50);
  });

  it('weekdays: a Monday–Friday challenge skips weekends without breaking the streak', () => {
    const rule = daily({ weekdays: [1, 2, 3, 4, 5] });
    const now = new Date('2026-03-09T15:00:00Z'); // Monday
    expect(periodsBetween(rule, '2026-03-05', '2026-03-09')).toEqual(['2026-03-05', '2026-03-06', '2026-03-09']);
    expect(tally(rule, new Set(['2026-03-05', '2026-03-06', '2026-03-09']), '2026-03-05', now).streak).toBe(3);
    expect(checkinProblem(rule, new Date('2026-03-08T15:00:00Z'), '2026-03-08')).toBe('not_a_period');
  });
});

describe('a 21-day challenge', () => {
  it('ends on day 21 and is closed the day after', () => {
    const rule = daily({ endDate: endAfter('2026-03-01', 'daily', 21) });
    expect(rule.endDate).toBe('2026-03-21');
    expect(challengeState(rule, new Date('2026-03-22T03:59:00Z'))).toBe('open'); // 21 March 23:59 EDT
    expect(challengeState(rule, new Date('2026-03-22T04:00:00Z'))).toBe('ended');
    expect(challengeState(rule, new Date('2026-03-01T04:59:00Z'))).toBe('upcoming');
  });
});

describe('make-up cards (补卡)', () => {
  const rule = daily({ makeup: { cards: 1, earnEvery: 7, reach: 3 } });
  const now = new Date('2026-03-20T15:00:00Z');
  const run = (from: number, to: number) => new Set(Array.from({ length: to - from + 1 }, (_, i) => `2026-03-${String(from + i).padStart(2, '0')}`));

  it('one card to start, one more for each 7 on-time check-ins in a row', () => {
    expect(cardsEarned(rule, run(1, 6), '2026-03-01', now)).toBe(0);
    expect(cardsEarned(rule, run(1, 7), '2026-03-01', now)).toBe(1);
    expect(cardsEarned(rule, run(1, 14), '2026-03-01', now)).toBe(2);
    expect(cardsLeft(rule, { onTime: run(1, 14), checked: run(1, 14), used: 1, since: '2026-03-01' }, now)).toBe(2);
  });

  it('a missed day within reach can be made up; older days, checked days and no cards cannot', () => {
    const onTime = new Set([...run(1, 16), ...run(18, 19)]);
    const m = { onTime, checked: onTime, used: 0, since: '2026-03-01' };
    expect(makeupProblem(rule, m, now, '2026-03-17')).toBeNull();
    expect(makeupProblem(rule, m, now, '2026-03-18')).toBe('already_checked');
    expect(makeupProblem(rule, { ...m, used: 3 }, now, '2026-03-17')).toBe('no_cards');
    expect(makeupProblem(rule, m, now, '2026-03-20')).toBe('not_a_period'); // today is checked in, not made up
    const gap = { ...m, onTime: run(18, 19), checked: run(18, 19) };
    expect(makeupProblem(rule, gap, now, '2026-03-16')).toBe('too_old'); // 4 days back, reach 3
  });

  it('a made-up day mends the streak', () => {
    const checked = new Set([...run(15, 16), '2026-03-17', ...run(18, 20)]);
    expect(tally(rule, checked, '2026-03-15', now).streak).toBe(6);
  });
});
