/**
 * Table types (camelCase here; snake_case in SQL via Kysely's CamelCasePlugin).
 * Times are ISO-8601 UTC strings on both engines; booleans are 0/1 integers;
 * JSON is text. Each feature declares its tables in its own file and adds them here.
 */
import type { Generated } from 'kysely';
import type { PruningTables } from '../../features/pruning/tables.js';
import type { JobTables } from '../../jobs/tables.js';
import type { GateTables } from '../../features/gate/tables.js';
import type { CommunityTables } from '../../features/communities/tables.js';
import type { MemberTables } from '../../features/members/tables.js';
import type { EventKind } from '../activity/taxonomy.js';

export interface UsersTable {
  id: string;
  email: string; // lower-cased
  passwordHash: string;
  displayName: string;
  locale: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface SessionsTable {
  id: string; // sha256 of the cookie token
  userId: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
}

export interface PasswordResetsTable {
  id: string; // sha256 of the emailed token
  userId: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export interface MailOutboxTable {
  id: string;
  toAddress: string;
  subject: string;
  textBody: string;
  htmlBody: string | null;
  createdAt: string;
  sentAt: string | null;
  error: string | null;
}

export interface ActivityEventsTable {
  id: Generated<number>;
  communityId: string;
  kind: EventKind;
  actorId: string | null;
  targetId: string | null;
  objectType: string | null;
  objectId: string | null;
  data: string | null; // JSON
  at: string;
}

export interface AuditEntriesTable {
  id: string;
  communityId: string;
  decidedBy: string | null;
  automatic: number;
  action: string;
  subjectId: string | null;
  rule: string | null;
  reason: string | null;
  data: string | null;
  at: string;
}

/** kernel/search: one row per indexed document (PostgreSQL adds a `terms` tsvector, SQLite an FTS5 table). */
export interface SearchDocsTable {
  id: Generated<number>;
  scope: string;
  docId: string;
  body: string;
}

export interface Database extends CommunityTables, MemberTables, PruningTables, JobTables, GateTables {
  users: UsersTable;
  sessions: SessionsTable;
  passwordResets: PasswordResetsTable;
  mailOutbox: MailOutboxTable;
  activityEvents: ActivityEventsTable;
  auditEntries: AuditEntriesTable;
  searchDocs: SearchDocsTable;
}
