import { describe, expect, it } from 'vitest';
import { admitFromWaitlist, applyProblem, placeApproved, waitlistPosition, type ApplyFacts } from './admission.js';
import { addPeriod, dueReminder, paidStatus, periodForPayment, reminderSchedule } from './tiers.js';

const now = new Date('2026-03-10T00:00:00Z');
const none: ApplyFacts = { state: null, endedAt: null, blocked: false, openApplication: false, cooldownDays: 30 };

describe('who may apply', () => {
  it('a newcomer may apply; a blocked person never may', () => {
    expect(applyProblem(none, now)).toBeNull();
    expect(applyProblem({ ...none, blocked: true, state: 'left', endedAt: '2020-01-01T00:00:00Z' }, now)).toEqual({ code: 'blocked' });
  });

  it('a rejected or removed person waits out the cooldown', () => {
    const rejected = { ...none, state: 'rejected' as const, endedAt: '2026-03-01T00:00:00Z' };
    expect(applyProblem(rejected, now)).toEqual({ code: 'cooldown', until: '2026-03-31T00:00:00.000Z' });
    expect(applyProblem(rejected, new Date('2026-03-31T00:00:00Z'))).toBeNull();
    expect(applyProblem({ ...rejected, state: 'removed' }, now)?.code).toBe('cooldown');
  });

  it('leaving on one\'s own does not start a cooldown', () => {
    expect(applyProblem({ ...none, state: 'left', endedAt: '2026-03-09T00:00:00Z' }, now)).toBeNull();
  });

  it('a banned person is told so, whatever else holds', () => {
    expect(applyProblem({ ...none, state: 'banned', endedAt: '2020-01-01T00:00:00Z' }, now)).toEqual({ code: 'banned' });
  });

  it('an applicant whose application is still open waits for it', () => {
    expect(applyProblem({ ...none, state: 'applicant' }, now)).toEqual({ code: 'pending' });
  });

  it('a community without a cooldown lets a rejected person apply again at once', () => {
    expect(applyProblem({ ...none, state: 'rejected', endedAt: '2026-03-09T00:00:00Z', cooldownDays: 0 }, now)).toBeNull();
  });

  it('members and people already waiting cannot apply again', () => {
    expect(applyProblem({ ...none, state: 'member' }, now)).toEqual({ code: 'member' });
    expect(applyProblem({ ...none, openApplication: true }, now)).toEqual({ code: 'pending' });
  });
});

describe('capacity and waitlist', () => {
  it('approved applicants join while there is room, then wait', () => {
    expect(placeApproved(null, 10_000)).toBe('join');
    expect(placeApproved(50, 49)).toBe('join');
    expect(placeApproved(50, 50)).toBe('waitlist');
  });

  it('freed places go first come, first served by approval time', () => {
    const waiting = [
      { applicationId: 'c', approvedAt: '2026-03-03T00:00:00Z' },
      { applicationId: 'a', approvedAt: '2026-03-01T00:00:00Z' },
      { applicationId: 'b', approvedAt: '2026-03-02T00:00:00Z' },
    ];
    expect(admitFromWaitlist(waiting, 50, 48).map((w) => w.applicationId)).toEqual(['a', 'b']);
    expect(admitFromWaitlist(waiting, 50, 50)).toEqual([]);
    expect(waitlistPosition(waiting, 'c')).toBe(3);
    expect(waitlistPosition(waiting, 'z')).toBeNull();
  });

  it('the first in line is at place 1; a community without a limit admits everyone waiting, in order', () => {
    const waiting = [
      { applicationId: 'b', approvedAt: '2026-03-02T00:00:00Z' },
      { applicationId: 'a', approvedAt: '2026-03-01T00:00:00Z' },
    ];
    expect(waitlistPosition(waiting, 'a')).toBe(1);
    expect(admitFromWaitlist(waiting, null, 10_000).map((w) => w.applicationId)).toEqual(['a', 'b']);
  });

  it('applications approved at the same moment keep a stable order, by id', () => {
    const at = '2026-03-01T00:00:00Z';
    const waiting = [{ applicationId: 'y', approvedAt: at }, { applicationId: 'x', approvedAt: at }, { applicationId: 'w', approvedAt: '2026-03-02T00:00:00Z' }];
    expect(admitFromWaitlist(waiting, 3, 0).map((w) => w.applicationId)).toEqual(['x', 'y', 'w']);
  });
});

describe('paid tiers', () => {
  const monthly = { periodUnit: 'month' as const, periodCount: 1 };
  it('a month from Jan 31 ends on the last day of February', () => {
    expect(addPeriod(new Date('2026-01-31T08:00:00Z'), monthly).toISOString()).toBe('2026-02-28T08:00:00.000Z');
    expect(addPeriod(new Date('2026-03-01T00:00:00Z'), { periodUnit: 'year', periodCount: 1 }).toISOString()).toBe('2027-03-01T00:00:00.000Z');
  });

  it('paying early extends from the current end; paying late starts now', () => {
    expect(periodForPayment('2026-03-20T00:00:00.000Z', now, monthly)).toEqual({ start: '2026-03-20T00:00:00.000Z', end: '2026-04-20T00:00:00.000Z' });
    expect(periodForPayment('2026-03-01T00:00:00.000Z', now, monthly)).toEqual({ start: '2026-03-10T00:00:00.000Z', end: '2026-04-10T00:00:00.000Z' });
  });

  it('membership status follows the paid-through date', () => {
    expect(paidStatus(null, now, [14, 3])).toBe('unpaid');
    expect(paidStatus('2026-04-30T00:00:00Z', now, [14, 3])).toBe('paid');
    expect(paidStatus('2026-03-20T00:00:00Z', now, [14, 3])).toBe('due_soon');
    expect(paidStatus('2026-03-10T00:00:00Z', now, [14, 3])).toBe('lapsed');
  });

  it('sends each renewal reminder once, and only the nearest after a gap', () => {
    const end = '2026-03-20T00:00:00Z';
    expect(reminderSchedule(end, [3, 14]).map((r) => r.daysBefore)).toEqual([14, 3]);
    expect(dueReminder(end, new Date('2026-03-05T00:00:00Z'), [14, 3], [])).toBeNull();
    expect(dueReminder(end, new Date('2026-03-06T00:00:00Z'), [14, 3], [])).toBe(14);
    expect(dueReminder(end, new Date('2026-03-07T00:00:00Z'), [14, 3], [14])).toBeNull();
    expect(dueReminder(end, new Date('2026-03-18T00:00:00Z'), [14, 3], [14])).toBe(3);
    expect(dueReminder(end, new Date('2026-03-18T00:00:00Z'), [14, 3], [])).toBe(3);
    expect(dueReminder(end, new Date('2026-03-21T00:00:00Z'), [14, 3], [])).toBeNull();
  });
});
