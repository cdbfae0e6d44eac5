/**
 * Paid tiers (会员费): a tier carries a fee and a period. Until a payment
 * provider exists an operator marks a payment received; each payment extends
 * the member's paid-through date by one period. Renewal reminders go out at
 * set days before the end. Pure.
 */
import { z } from 'zod';
import { DAY_MS } from '../../kernel/clock.js';

export const tierSchema = z.object({
  name: z.string().trim().min(1).max(80),
  /** In the currency's minor unit (分 / cents): no floating-point money. */
  feeMinor: z.number().int().min(0).max(100_000_000),
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as CNY'),
  periodUnit: z.enum(['day', 'month', 'year']),
  periodCount: z.number().int().min(1).max(120),
});
export type TierInput = z.infer<typeof tierSchema>;
export type PeriodUnit = TierInput['periodUnit'];
export type Period = Pick<TierInput, 'periodUnit' | 'periodCount'>;

/** Adds one period; months clamp to the month's last day (Jan 31 + 1 month = Feb 28/29). */
export function addPeriod(from: Date, p: Period): Date {
  if (p.periodUnit === 'day') return new Date(from.getTime() + p.periodCount * DAY_MS);
  const months = p.periodUnit === 'year' ? p.periodCount * 12 : p.periodCount;
  const d = new Date(from.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

/**
 * The period a payment received at `paidAt` buys: it starts where the current
 * paid period ends (paying early loses nothing) or at `paidAt` if that lapsed.
 */
export function periodForPayment(currentEnd: string | null, paidAt: Date, p: Period): { start: string; end: string } {
  const start = currentEnd && new Date(currentEnd).getTime() > paidAt.getTime() ? new Date(currentEnd) : paidAt;
  return { start: start.toISOString(), end: addPeriod(start, p).toISOString() };
}

export type PaidStatus = 'paid' | 'due_soon' | 'lapsed' | 'unpaid';

/** paid; due_soon within the first reminder window; lapsed after the end. */
export function paidStatus(end: string | null, now: Date, reminderDays: number[]): PaidStatus {
  if (!end) return 'unpaid';
  const left = new Date(end).getTime() - now.getTime();
  if (left <= 0) return 'lapsed';
  return left <= Math.max(0, ...reminderDays) * DAY_MS ? 'due_soon' : 'paid';
}

export const DEFAULT_REMINDER_DAYS = [14, 3];

/**
 * Reminders due now for a period ending at `end`: each offset (days before the
 * end) whose moment has passed and which was not sent yet. Only the nearest one
 * is returned, so a member who was away for weeks gets one reminder, not three.
 */
export function dueReminder(end: string, now: Date, reminderDays: number[], sentOffsets: number[]): number | null {
  const endMs = new Date(end).getTime();
  if (now.getTime() >= endMs) return null;
  const due = reminderDays.filter((d) => endMs - d * DAY_MS <= now.getTime() && !sentOffsets.includes(d));
  if (!due.length) return null;
  const nearest = Math.min(...due);
  // An earlier (smaller) offset already sent makes larger ones moot.
  return sentOffsets.some((s) => s < nearest) ? null : nearest;
}

/** The dates reminders go out for a period ending at `end`, soonest first. */
export function reminderSchedule(end: string, reminderDays: number[]): { daysBefore: number; at: string }[] {
  const endMs = new Date(end).getTime();
  return [...new Set(reminderDays)]
    .sort((a, b) => b - a)
    .map((d) => ({ daysBefore: d, at: new Date(endMs - d * DAY_MS).toISOString() }));
}
