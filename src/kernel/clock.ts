/** Time comes from here, so tests (and pruning sweeps) can move it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock a test sets and advances by hand. */
export class ManualClock implements Clock {
  private ms: number;
  constructor(start: Date | string = '2026-01-01T00:00:00.000Z') {
    this.ms = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.ms);
  }
  set(to: Date | string): void {
    this.ms = new Date(to).getTime();
  }
  advance(ms: number): void {
    this.ms += ms;
  }
  advanceDays(days: number): void {
    this.advance(days * 86_400_000);
  }
}

export const iso = (d: Date): string => d.toISOString();
export const DAY_MS = 86_400_000;
