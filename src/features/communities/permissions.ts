/**
 * The viewer's permissions as the API hands them out with console reads, so
 * the web shows exactly the controls the server will accept and never
 * re-derives the policy. Pure: asks policy.ts and the membership rules.
 */
import { authorize, type Actor } from './policy.js';
import { nextState, ROLES, type MembershipState, type Role } from './rules.js';
import type { MemberPermissions, Permissions, Viewer } from './schemas.js';

/** What the viewer may do in the community as a whole. */
export function communityPermissions(actor: Actor, communityId: string): Permissions {
  const can = (action: Parameters<typeof authorize>[1]) => authorize(actor, action, { communityId });
  return {
    canOpenConsole: can('console.open'),
    canEditCharter: can('community.edit_charter'),
    canListMembers: can('members.list'),
    canReadActivity: can('activity.read'),
  };
}

/** What the viewer may do to one member: only a current member's role changes, and only a member is removed. */
export function memberPermissions(actor: Actor, communityId: string, target: { userId: string; role: Role; state: MembershipState }): MemberPermissions {
  const resource = { communityId, targetUserId: target.userId, targetRole: target.role };
  const active = target.state === 'member';
  const grantableRoles = active ? ROLES.filter((newRole) => authorize(actor, 'members.change_role', { ...resource, newRole })) : [];
  return {
    canChangeRole: grantableRoles.some((r) => r !== target.role),
    grantableRoles,
    canRemove: authorize(actor, 'members.remove', resource) && nextState(target.state, 'remove', target.role).ok,
  };
}

/** The viewer as the policy sees them; no membership (a visitor) may do nothing an operator does. */
export function actorOf(userId: string | null, viewer: Viewer | null, communityId: string): Actor {
  return { userId, membership: viewer ? { communityId, ...viewer } : null };
}
