/**
 * Tables of the communities feature (migration 0001_foundation). Columns with
 * a fixed set of values carry their union, so every row read is already typed.
 */
import type { CommunityType, MembershipState, Role } from './rules.js';

export interface CommunitiesTable {
  id: string;
  slug: string;
  name: string;
  type: CommunityType;
  sharedNeed: string; // 共同需求
  valuePromise: string; // what members get here that public channels don't give
  norms: string; // 群规
  entryCriteria: string;
  capacity: number | null;
  publicTeaser: number; // 0/1: the public page shows the teaser
  teaser: string;
  /** IANA zone for what "today" means (activities); the column defaults to Asia/Shanghai. */
  timezone?: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface MembershipsTable {
  id: string;
  communityId: string;
  userId: string;
  state: MembershipState;
  role: Role;
  createdAt: string;
  joinedAt: string | null;
  endedAt: string | null;
  endReason: string | null;
  updatedAt: string;
}

/** An imported or connected chat and the span of the community's life it covers (migration 0007). */
export interface ActivitySourcesTable {
  id: string;
  communityId: string;
  kind: 'import' | 'connection';
  carrier: string;
  sourceKey: string;
  label: string;
  coversFrom: string;
  coversTo: string | null;
  recordedBy: string | null;
  updatedAt: string;
}

export interface CommunityTables {
  communities: CommunitiesTable;
  memberships: MembershipsTable;
  activitySources: ActivitySourcesTable;
}
