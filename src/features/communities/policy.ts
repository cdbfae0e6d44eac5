/**
 * Who may do what in a community. One module, tested as a full matrix
 * (role × action × own/other community). Use cases call `authorize` before they act.
 */
import { Forbidden } from '../../kernel/errors.js';
import { roleRank, type MembershipState, type Role } from './rules.js';

export type Action =
  | 'community.view_public' // the public page: anyone
  | 'community.view_member_home' // members-only home
  | 'community.edit_charter'
  | 'console.open' // the operator console
  | 'members.list'
  | 'members.change_role'
  | 'members.remove'
  | 'members.admit' // approve / reject applications, readmit, unban, add a member directly
  | 'members.ban'
  | 'activity.read'; // the activity log

export const ACTIONS: readonly Action[] = [
  'community.view_public',
  'community.view_member_home',
  'community.edit_charter',
  'console.open',
  'members.list',
  'members.change_role',
  'members.remove',
  'members.admit',
  'members.ban',
  'activity.read',
];

/** The person acting, as seen from one community. */
export interface Actor {
  userId: string | null;
  /** The actor's membership in the community the action is about (null if none). */
  membership: { communityId: string; state: MembershipState; role: Role } | null;
}

/** What the action is about. */
export interface Resource {
  communityId: string;
  /** For actions on a member: that member's current role. */
  targetRole?: Role;
  targetUserId?: string;
  /** For role changes: the role asked for. */
  newRole?: Role;
}

/**
 * The one tenancy check: the actor's membership when it is an active one in
 * `communityId`, else null. A membership elsewhere gives no rights here; every
 * policy (this one, the gate's) starts from it.
 */
export function memberHere(actor: Actor, communityId: string): NonNullable<Actor['membership']> | null {
  const m = actor.membership;
  return actor.userId && m && m.communityId === communityId && m.state === 'member' ? m : null;
}

export function authorize(actor: Actor, action: Action, resource: Resource): boolean {
  if (action === 'community.view_public') return true;
  const m = memberHere(actor, resource.communityId);
  if (!m) return false;
  const rank = roleRank(m.role);
  switch (action) {
    case 'community.view_member_home':
      return true;
    case 'community.edit_charter':
    case 'console.open':
    case 'members.list':
    case 'members.admit':
    case 'activity.read':
      return rank >= roleRank('admin');
    case 'members.change_role': {
      const { targetRole, newRole, targetUserId } = resource;
      if (!targetRole || !newRole || targetUserId === actor.userId) return false;
      if (newRole === 'owner' || targetRole === 'owner') return false; // ownership moves by transfer only
      if (m.role === 'owner') return true;
      // Admins manage core members and members, never other admins.
      return m.role === 'admin' && roleRank(targetRole) < roleRank('admin') && roleRank(newRole) < roleRank('admin');
    }
    case 'members.remove':
    case 'members.ban': {
      const { targetRole, targetUserId } = resource;
      if (!targetRole || targetUserId === actor.userId || targetRole === 'owner') return false;
      if (m.role === 'owner') return true;
      return m.role === 'admin' && roleRank(targetRole) < roleRank('admin');
    }
  }
}

export function assertCan(actor: Actor, action: Action, resource: Resource): void {
  if (!authorize(actor, action, resource)) throw Forbidden(`not allowed: ${action}`);
}
