/**
 * The numeric helpers every metric rests on (docs/metrics.md §Conventions):
 * medians, ramps, ISO weeks, per-member week counts and event time parsing,
 * each against a plain oracle.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs } from '../../../test/support/property.js';
import { clamp01, LogHistogram, mean, median, ratio, round4, scale, TimeParser, WeekCounts, weekIndex, weekLabel } from './stats.js';

describe('summaries', () => {
  it.each([
    [[], null],
    [[7], 7],
    [[3, 1, 2], 2],
    [[10, 1, 4, 3], 3.5],
    [[100, 9, 20, 3], 14.5],
  ])('median of %o is %s (the mean of the two middle values for an even count)', (xs, m) => {
    expect(median(xs)).toBe(m);
  });

  it('mean, ratio and rounding keep "unknown" apart from 0', () => {
    expect(mean([])).toBeNull();
    expect(mean([1, 2, 6])).toBe(3);
    expect(ratio(1, 0)).toBeNull();
    expect(ratio(0, 4)).toBe(0);
    expect(ratio(3, 4)).toBe(0.75);
    expect(round4(null)).toBeNull();
    expect(round4(0.123456)).toBe(0.1235);
    expect(round4(2 / 3)).toBe(0.6667);
  });
});

describe('ramps (sub-score parts, docs/metrics.md §Sub-scores)', () => {
  it.each([
    [-0.1, 0],
    [0, 0],
    [0.5, 0.5],
    [1, 1],
    [1.1, 1],
  ])('clamp01(%s) = %s', (x, y) => {
    expect(clamp01(x)).toBe(y);
  });

  it('go from 0 at the bad value to 1 at the good one, in either direction, clamped; unknown stays unknown', () => {
    expect(scale(0.1, 0.1, 0.5)).toBe(0);
    expect(scale(0.3, 0.1, 0.5)).toBeCloseTo(0.5, 10);
    expect(scale(0.5, 0.1, 0.5)).toBe(1);
    expect(scale(0.9, 0.1, 0.5)).toBe(1);
    expect(scale(0, 0.1, 0.5)).toBe(0);
    // centralization: 0.8 is bad, 0.3 good
    expect(scale(0.8, 0.8, 0.3)).toBeCloseTo(0, 10);
    expect(scale(0.55, 0.8, 0.3)).toBeCloseTo(0.5, 10);
    expect(scale(0.1, 0.8, 0.3)).toBe(1);
    expect(scale(null, 0, 1)).toBeNull();
  });
});

describe('weeks', () => {
  it('start on Monday 00:00 UTC and are named by that Monday', () => {
    const monday = Date.parse('2024-01-08T00:00:00Z');
    expect(weekIndex(monday) - weekIndex(monday - 1)).toBe(1);
    expect(weekIndex(monday + 7 * 86_400_000 - 1)).toBe(weekIndex(monday));
    expect(weekLabel(weekIndex(Date.parse('2024-01-10T12:00:00Z')))).toBe('2024-01-08');
    expect(weekLabel(weekIndex(Date.parse('1970-01-01T00:00:00Z')))).toBe('1969-12-29');
  });

  it('count messages per week like a map would, in any arrival order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 60 }), (weeks) => {
        const w = new WeekCounts();
        const oracle = new Map<number, number>();
        for (const x of weeks) {
          w.add(x);
          oracle.set(x, (oracle.get(x) ?? 0) + 1);
        }
        const sorted = [...oracle.entries()].sort((a, b) => a[0] - b[0]);
        expect([...w]).toEqual(sorted);
        expect(w.keys()).toEqual(sorted.map(([k]) => k));
        expect(w.size).toBe(oracle.size);
        for (let k = -1; k <= 41; k++) {
          expect(w.get(k)).toBe(oracle.get(k));
          expect(w.has(k)).toBe(oracle.has(k));
        }
        expect(w.first).toBe(sorted.length ? sorted[0]![0] : NaN);
        expect(w.last).toBe(sorted.length ? sorted.at(-1)![0] : NaN);
      }),
      runs(200),
    );
  });
});

describe('response-time medians', () => {
  it('are within 2.5% of the exact median, the upper one for an even count', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 80 }), (xs) => {
        const h = new LogHistogram();
        for (const x of xs) h.add(x);
        const exact = [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
        expect(h.count).toBe(xs.length);
        expect(Math.abs(h.median()! - exact)).toBeLessThanOrEqual(exact * 0.025 + 1);
      }),
      runs(200),
    );
  });
});

describe('event times', () => {
  const iso = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2040-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());

  it('parse exactly as Date.parse does, for the importers’ form with and without milliseconds, in any order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(iso, fc.boolean()), { maxLength: 30 }), (times) => {
        const p = new TimeParser();
        for (const [t, withMillis] of times) {
          const s = withMillis ? t : `${t.slice(0, 19)}Z`;
          expect(p.parse(s)).toBe(Date.parse(s));
        }
      }),
      runs(200),
    );
  });

  it.each([
    '2024-03-05T12:34:56+08:00', '2024-03-05 12:34:56', '2024-03-05T12:34:56', 'yesterday', '', '2024-03-05T25:00:00.000Z', '2024-03-05T12:60:00Z',
    '2024-03-05T12:34:60Z', '2024-03-05T12:34:56.xyzZ', '2024-03-05T12:34:56,123Z', '2024/03/05T12:34:56.123Z', '2024-13-05T12:34:56.000Z',
    '2024-03-05T1a:34:56Z', '2024-03-05X12:34:56Z', '2024-03-05T12-34:56Z', '2024-03-05T12:34-56Z', '2024-03-05T12:34:56.000X',
  ])('gives what Date.parse gives for %j, after a parse of the same day', (s) => {
    const p = new TimeParser();
    p.parse('2024-03-05T00:00:00.000Z');
    expect(p.parse(s)).toEqual(Date.parse(s));
  });
});
