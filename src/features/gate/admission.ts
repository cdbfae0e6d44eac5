/**
 * Who may apply, and where an approved applicant goes: cooldown after a
 * rejection or removal, the blocklist, capacity and the waitlist (候补).
 * Pure: the service reads the facts, these functions decide.
 */
import { DAY_MS } from '../../kernel/clock.js';
import { hasRoom, type MembershipState } from '../communities/rules.js';

export interface ApplyFacts {
  /** The person's membership in this community, if any. */
  state: MembershipState | null;
  /** When that membership ended (rejection, removal, leaving). */
  endedAt: string | null;
  blocked: boolean;
  /** An application of theirs still waiting for a decision or a place. */
  openApplication: boolean;
  cooldownDays: number;
}

export type ApplyProblem =
  | { code: 'blocked' }
  | { code: 'member' }
  | { code: 'pending' }
  | { code: 'banned' }
  | { code: 'cooldown'; until: string };

/** Why this person may not apply now, or null when they may. */
export function applyProblem(f: ApplyFacts, now: Date): ApplyProblem | null {
  if (f.blocked) return { code: 'blocked' };
  if (f.state === 'banned') return { code: 'banned' };
  if (f.state === 'member') return { code: 'member' };
  if (f.openApplication || f.state === 'applicant') return { code: 'pending' };
  // Leaving on one's own is not held against anyone; rejection and removal are.
  if ((f.state === 'rejected' || f.state === 'removed') && f.endedAt && f.cooldownDays > 0) {
    const until = new Date(new Date(f.endedAt).getTime() + f.cooldownDays * DAY_MS);
    if (until.getTime() > now.getTime()) return { code: 'cooldown', until: until.toISOString() };
  }
  return null;
}

/** An approved applicant joins now when there is room, else waits in line. */
export function placeApproved(capacity: number | null, activeMembers: number): 'join' | 'waitlist' {
  return hasRoom(capacity, activeMembers) ? 'join' : 'waitlist';
}

export interface Waiting {
  applicationId: string;
  /** When the application was approved: the line is first come, first served. */
  approvedAt: string;
}

/** The waitlist in the order places are offered: by approval time, then id. */
export function waitlistOrder<T extends Waiting>(entries: T[]): T[] {
  return [...entries].sort((a, b) => a.approvedAt.localeCompare(b.approvedAt) || a.applicationId.localeCompare(b.applicationId));
}

/** Who gets the places free right now, in order. */
export function admitFromWaitlist<T extends Waiting>(entries: T[], capacity: number | null, activeMembers: number): T[] {
  const ordered = waitlistOrder(entries);
  if (capacity === null) return ordered;
  return ordered.slice(0, Math.max(0, capacity - activeMembers));
}

/** 1-based place in line of one application, or null if it is not waiting. */
export function waitlistPosition(entries: Waiting[], applicationId: string): number | null {
  const i = waitlistOrder(entries).findIndex((e) => e.applicationId === applicationId);
  return i < 0 ? null : i + 1;
}
