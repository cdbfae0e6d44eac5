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

/**
 * Messages per week for one member: two sorted arrays instead of a Map, because
 * there is one per member and events arrive in time order (append is O(1); an
 * out-of-order week is inserted by binary search).
 */
export class WeekCounts {
  private readonly weeks: number[] = [];
  private readonly counts: number[] = [];

  get size(): number {
    return this.weeks.length;
  }
  get first(): number {
    return this.weeks[0] ?? NaN;
  }
  get last(): number {
    return this.weeks[this.weeks.length - 1] ?? NaN;
  }

  add(week: number): void {
    const n = this.weeks.length;
    // Stryker disable all: the two shortcuts below give what the binary search after them gives (only speed differs).
    if (n > 0 && this.weeks[n - 1] === week) {
      this.counts[n - 1]++;
      return;
    }
    if (n === 0 || week > this.weeks[n - 1]!) {
      this.weeks.push(week);
      this.counts.push(1);
      return;
    }
    // Stryker restore all
    const i = this.find(week);
    if (this.weeks[i] === week) this.counts[i]++;
    else {
      this.weeks.splice(i, 0, week);
      this.counts.splice(i, 0, 1);
    }
  }

  get(week: number): number | undefined {
    const i = this.find(week);
    return this.weeks[i] === week ? this.counts[i] : undefined;
  }

  has(week: number): boolean {
    return this.weeks[this.find(week)] === week;
  }

  keys(): number[] {
    return this.weeks;
  }

  *[Symbol.iterator](): IterableIterator<[number, number]> {
    for (let i = 0; i < this.weeks.length; i++) yield [this.weeks[i]!, this.counts[i]!];
  }

  /** Index of the first week ≥ `week`. */
  private find(week: number): number {
    let lo = 0;
    let hi = this.weeks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.weeks[mid]! < week) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/**
 * Parses event times. Events come in time order with the ISO form
 * "YYYY-MM-DDTHH:MM:SS[.sss]Z" that importers write, so consecutive events
 * share the date: the date is parsed once per day and the clock time from char
 * codes — about 10× cheaper than Date.parse, which remains the fallback for any
 * other form.
 */
export class TimeParser {
  private day = '';
  private dayMs = 0;

  parse(s: string): number {
    const n = s.length;
    // Stryker disable all: each check of the fast path falls back to Date.parse, which gives the same time;
    // a mutant there changes speed only (src/engine/health/testing/perf.ts), never a result.
    if ((n !== 20 && n !== 24) || s.charCodeAt(10) !== 84 || s.charCodeAt(n - 1) !== 90 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) {
      return Date.parse(s);
    }
    if (n === 24 && (s.charCodeAt(19) !== 46 || s.charCodeAt(4) !== 45)) return Date.parse(s);
    // Stryker restore all
    if (!this.sameDay(s)) {
      const ms = Date.parse(s.slice(0, 10));
      if (Number.isNaN(ms)) return Date.parse(s);
      this.day = s.slice(0, 10);
      this.dayMs = ms;
    }
    const h = two(s, 11);
    const m = two(s, 14);
    const sec = two(s, 17);
    const millis = n === 24 ? digit(s, 20) * 100 + digit(s, 21) * 10 + digit(s, 22) : 0;
    // Stryker disable next-line all: out-of-range parts fall back to Date.parse, which gives the same time.
    if (!(h >= 0 && h < 24 && m >= 0 && m < 60 && sec >= 0 && sec < 60 && millis >= 0)) return Date.parse(s);
    return this.dayMs + ((h * 60 + m) * 60 + sec) * 1000 + millis;
  }

  // Stryker disable all: a day that is not recognised as the same is parsed again, to the same value.
  private sameDay(s: string): boolean {
    const d = this.day;
    if (d.length !== 10) return false;
    for (let i = 0; i < 10; i++) if (s.charCodeAt(i) !== d.charCodeAt(i)) return false;
    return true;
  }
}

/** The decimal digit at i, or -1000 (so any sum with it goes negative) when it is not a digit. */
function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1000;
}
// Stryker restore all

function two(s: string, i: number): number {
  return digit(s, i) * 10 + digit(s, i + 1);
}
