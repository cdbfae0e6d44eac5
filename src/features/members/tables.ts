/**
 * Tables of the members feature (created by migration 0003_gate): the in-app
 * notices and the member profiles with the self-introduction. Only members
 * writes them; the gate asks members' use cases (see index.ts).
 */
import type { NoticeKind } from './notice-kinds.js';

export interface NotificationsTable {
  id: string;
  communityId: string;
  userId: string;
  kind: NoticeKind;
  data: string | null; // JSON
  createdAt: string;
  readAt: string | null;
}

export interface MemberProfilesTable {
  id: string;
  communityId: string;
  userId: string;
  normsAcceptedAt: string | null;
  intro: string | null; // JSON Record<fieldId, text>
  introducedAt: string | null;
  introDueAt: string | null;
  updatedAt: string;
}

export interface MemberTables {
  notifications: NotificationsTable;
  memberProfiles: MemberProfilesTable;
}
