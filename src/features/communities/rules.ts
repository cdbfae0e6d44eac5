/**
 * Pure decisions about communities and memberships: the membership state machine,
 * roles, slugs and charter fields. No I/O; time comes in as arguments.
 */

/** Membership lifecycle. applicant → member → left / removed / banned, and back where allowed. */
export const MEMBERSHIP_STATES = ['applicant', 'member', 'rejected', 'left', 'removed', 'banned'] as const;
export type MembershipState = (typeof MEMBERSHIP_STATES)[number];

/** Roles, strongest first. 骨干 = core. */
export const ROLES = ['owner', 'admin', 'core', 'member'] as const;
export type Role = (typeof ROLES)[number];

export const COMMUNITY_TYPES = ['persona', 'interest', 'brand', 'action'] as const;
export type CommunityType = (typeof COMMUNITY_TYPES)[number];

/** What can happen to a membership. `none` is "no membership row yet". */
export type Transition =
  | 'apply' // 申请
  | 'approve'
  | 'reject'
  | 'withdraw' // applicant takes the application back
  | 'join' // direct join: founder, vouched invite, carrier join
  | 'leave'
  | 'remove' // 清理
  | 'ban'
  | 'unban'
  | 'readmit'; // appeal granted / operator lets a former member back

const TRANSITIONS: Record<Transition, { from: (MembershipState | 'none')[]; to: MembershipState }> = {
  apply: { from: ['none', 'rejected', 'left', 'removed'], to: 'applicant' },
  approve: { from: ['applicant'], to: 'member' },
  reject: { from: ['applicant'], to: 'rejected' },
  withdraw: { from: ['applicant'], to: 'left' },
  join: { from: ['none', 'left', 'applicant'], to: 'member' },
  leave: { from: ['member'], to: 'left' },
  remove: { from: ['member'], to: 'removed' },
  ban: { from: ['member', 'applicant', 'rejected', 'left', 'removed'], to: 'banned' },
  unban: { from: ['banned'], to: 'removed' },
  readmit: { from: ['removed', 'left'], to: 'member' },
};

export type TransitionResult = { ok: true; to: MembershipState } | { ok: false; reason: string };

/** Where `transition` takes a membership in `from`, or why it cannot. */
export function nextState(from: MembershipState | 'none', transition: Transition, role?: Role): TransitionResult {
  const rule = TRANSITIONS[transition];
  if (!rule.from.includes(from)) {
    return { ok: false, reason: `cannot ${transition} a membership that is ${from === 'none' ? 'absent' : from}` };
  }
  // The owner holds the community: ownership must be handed over before they go.
  if (role === 'owner' && (transition === 'leave' || transition === 'remove' || transition === 'ban')) {
    return { ok: false, reason: 'the owner cannot leave or be removed; transfer ownership first' };
  }
  return { ok: true, to: rule.to };
}

export function allowedTransitions(from: MembershipState | 'none'): Transition[] {
  return (Object.keys(TRANSITIONS) as Transition[]).filter((t) => TRANSITIONS[t].from.includes(from));
}

/** Events of the activity log that each transition writes. */
export const TRANSITION_EVENT = {
  apply: 'member.applied',
  approve: 'member.approved',
  reject: 'member.rejected',
  withdraw: 'member.left',
  join: 'member.joined',
  leave: 'member.left',
  remove: 'member.removed',
  ban: 'member.banned',
  unban: 'member.readmitted',
  readmit: 'member.readmitted',
} as const satisfies Record<Transition, string>;

export function roleRank(role: Role): number {
  return ROLES.length - ROLES.indexOf(role); // owner 4 … member 1
}

export function isActive(state: MembershipState): boolean {
  return state === 'member';
}

/** A URL slug: lower-case latin letters, digits and dashes, 3–40 long, not a reserved word. */
export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9]$/;
export const RESERVED_SLUGS = new Set(['api', 'new', 'admin', 'console', 'login', 'signin', 'signup', 'account', 'c', 'docs', 'healthz', 'static', 'assets']);

export function slugProblem(slug: string): string | null {
  if (!SLUG_PATTERN.test(slug)) return 'use 3–40 lower-case letters, digits or dashes, not starting or ending with a dash';
  if (slug.includes('--')) return 'no double dashes';
  if (RESERVED_SLUGS.has(slug)) return 'this address is reserved';
  return null;
}

/** Is there room for one more member? null capacity = unlimited. */
export function hasRoom(capacity: number | null, activeMembers: number): boolean {
  return capacity === null || activeMembers < capacity;
}

/** The zone of a community that has not chosen one: most Shequn communities are in China. */
export const DEFAULT_TIMEZONE = 'Asia/Shanghai';

/** Whether the engine knows an IANA time zone (what "today" means for a community's activities). */
export function isTimezone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
