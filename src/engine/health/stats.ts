/** Small numeric helpers with bounded memory. */

/**
 * A log-bucketed histogram of non-negative durations: constant memory however
 * many values are added, and a median within ±2.5% of the exact one.
 */
export class LogHistogram {
  private static readonly STEP = Math.log(1.05);
  private readonly buckets = new Map<number, number>();
  count = 0;

  add(value: number): void {
    const b = Math.floor(Math.log1p(Math.max(0, value)) / LogHistogram.STEP);
    this.buckets.set(b, (this.buckets.get(b) ?? 0) + 1);
    this.count++;
  }

  /** Median (upper median for an even count), or null when empty. */
  median(): number | null {
    if (this.count === 0) return null;
    const half = Math.floor(this.count / 2) + 1;
    let seen = 0;
    for (const b of [...this.buckets.keys()].sort((x, y) => x - y)) {
      seen += this.buckets.get(b)!;
      if (seen >= half) return Math.round(Math.expm1((b + 0.5) * LogHistogram.STEP));
    }
    return null;
  }
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function mean(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

/** a / b, or null when b is 0. */
export function ratio(a: number, b: number): number | null {
  return b === 0 ? null : a / b;
}

/** Rounds shares and scores for output (4 decimals); keeps null. */
export function round4(x: number | null): number | null {
  return x === null ? null : Math.round(x * 10000) / 10000;
}

export function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/** Piecewise-linear 0..1 score: 0 at `bad`, 1 at `good` (either direction). */
export function scale(x: number | null, bad: number, good: number): number | null {
  if (x === null) return null;
  return clamp01((x - bad) / (good - bad));
}

const WEEK_MS = 7 * 86_400_000;
/** 1970-01-01 was a Thursday; shifting by 3 days makes weeks start on Monday. */
const MONDAY_SHIFT_MS = 3 * 86_400_000;

/** ISO week index (Monday-based) of a time in ms. */
export function weekIndex(ms: number): number {
  return Math.floor((ms + MONDAY_SHIFT_MS) / WEEK_MS);
}

/** The Monday (YYYY-MM-DD) that names a week index. */
export function weekLabel(index: number): string {
  return new Date(index * WEEK_MS - MONDAY_SHIFT_MS).toISOString().slice(0, 10);
}
