import { describe, expect, it } from 'vitest';
import { recentToPeak } from './activity.js';
import type { WeekPoint } from './result.js';

const weeks = (counts: number[]): WeekPoint[] =>
  counts.map((messages, i) => ({ week: `w${i}`, messages, greetings: 0, original: messages, forwarded: 0, link: 0, speakers: 1, newMembers: 0, leftMembers: 0, interactions: 0, newTies: 0, coreMessages: 0 }));

describe('recent activity against the peak', () => {
  it('compares the last 4 weeks with the busiest 4 consecutive weeks', () => {
    expect(recentToPeak(weeks([10, 10, 10, 10, 40, 40, 40, 40, 10, 10, 10, 10]))).toBe(0.25);
    expect(recentToPeak(weeks([10, 10, 10, 10, 10, 10, 10, 10]))).toBe(1);
  });
  it('does not count a wave of greetings as a peak', () => {
    const series = weeks([60, 10, 10, 10, 10, 10, 10, 10]);
    series[0]!.greetings = 50;
    expect(recentToPeak(series)).toBe(1);
  });
  it('is undefined for logs under 8 weeks or without messages', () => {
    expect(recentToPeak(weeks([5, 5, 5, 5, 5, 5, 5]))).toBeNull();
    expect(recentToPeak(weeks([0, 0, 0, 0, 0, 0, 0, 0]))).toBeNull();
  });
  it('does not mistake an export cut on Tuesday for a decline', () => {
    // A steady 70 messages a week; the export ends on the 2nd day of the last week (20 messages so far).
    const series = weeks([70, 70, 70, 70, 70, 70, 70, 20]);
    expect(recentToPeak(series, 2 / 7)).toBe(1);
    expect(recentToPeak(series)).toBeLessThan(0.85);
  });
});
