/**
 * Pure rules of events: where an RSVP lands (going, or the waitlist at
 * capacity), who is promoted when a place frees, and what a viewer may see.
 */
export const RSVP_ASKS = ['going', 'maybe', 'not_going'] as const;
export type RsvpAsk = (typeof RSVP_ASKS)[number];
export const RSVP_STATUSES = ['going', 'waitlisted', 'maybe', 'not_going'] as const;
export type RsvpStatus = (typeof RSVP_STATUSES)[number];

/** Whether someone holds or waits for a place. */
export const wantsPlace = (s: RsvpStatus | undefined): boolean => s === 'going' || s === 'waitlisted';

/**
 * Where an RSVP lands. Asking to go again keeps one's place (going or in the
 * queue); a new ask for a place gets one while `going < capacity`, else the waitlist.
 */
export function placeRsvp(current: RsvpStatus | undefined, ask: RsvpAsk, going: number, capacity: number): RsvpStatus {
  if (ask !== 'going') return ask;
  if (current === 'going' || current === 'waitlisted') return current;
  return going < capacity ? 'going' : 'waitlisted';
}

/** How many from the head of the waitlist move up after a change: the free places, at most the queue. */
export function toPromote(going: number, capacity: number, waiting: number): number {
  return Math.max(0, Math.min(capacity - going, waiting));
}

export type RsvpProblem = 'started' | 'closed';

/** Registration closes at the deadline (or when the event starts); saying "not going" is always allowed before it starts. */
export function rsvpProblem(e: { startsAt: string; registerUntil: string | null }, ask: RsvpAsk, now: Date): RsvpProblem | null {
  const at = now.toISOString();
  if (at >= e.startsAt) return 'started';
  if (ask === 'going' && e.registerUntil && at > e.registerUntil) return 'closed';
  return null;
}

/** Venue, map and meeting links are for those going and the hosts. */
export const seesDetails = (status: RsvpStatus | undefined, host: boolean): boolean => host || status === 'going';
