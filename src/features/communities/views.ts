/**
 * The shapes the use cases hand out (and the API sends): a community's full
 * charter, its public face, a viewer's membership, a member, an activity item.
 * Pure mapping from rows; what a viewer may see is decided by the use cases.
 */
import type { CommunityType, MembershipState, Role } from './rules.js';
import type { ActivityItem, Community, Member, PublicCommunity, Viewer } from './schemas.js';
import type { CommunityRow, MembershipRow } from './store.js';

export type { ActivityItem, Community, Member, PublicCommunity, Viewer } from './schemas.js';

export function toCommunity(row: CommunityRow): Community {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    type: row.type as CommunityType,
    sharedNeed: row.sharedNeed,
    valuePromise: row.valuePromise,
    norms: row.norms,
    entryCriteria: row.entryCriteria,
    capacity: row.capacity === null ? null : Number(row.capacity),
    publicTeaser: Number(row.publicTeaser) === 1,
    teaser: row.teaser,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function toPublic(row: CommunityRow, memberCount: number): PublicCommunity {
  const c = toCommunity(row);
  return {
    id: c.id,
    slug: c.slug,
    name: c.name,
    type: c.type,
    sharedNeed: c.sharedNeed,
    valuePromise: c.valuePromise,
    entryCriteria: c.entryCriteria,
    norms: c.norms,
    capacity: c.capacity,
    memberCount,
    teaser: c.publicTeaser ? c.teaser : null,
  };
}

export function toViewer(m: Pick<MembershipRow, 'state' | 'role'> | undefined | null): Viewer | null {
  return m ? { state: m.state, role: m.role } : null;
}

export function toMember(r: { userId: string; displayName: string; email: string; role: Role; state: MembershipState; joinedAt: string | null }): Member {
  return { userId: r.userId, displayName: r.displayName, email: r.email, role: r.role, state: r.state, joinedAt: r.joinedAt };
}

export function toActivityItem(r: {
  id: number | string;
  kind: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  targetId: string | null;
  targetName: string | null;
  objectType: string | null;
  objectId: string | null;
  data: string | null;
}): ActivityItem {
  return {
    id: Number(r.id),
    kind: r.kind,
    at: r.at,
    // An id whose user is gone (or an imported identity) still shows, unnamed.
    actor: r.actorId ? { id: r.actorId, displayName: r.actorName ?? r.actorId } : null,
    target: r.targetId ? { id: r.targetId, displayName: r.targetName ?? r.targetId } : null,
    objectType: r.objectType,
    objectId: r.objectId,
    data: r.data ? (JSON.parse(r.data) as Record<string, unknown>) : null,
  };
}
