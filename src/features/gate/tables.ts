/**
 * Tables of the gate feature (migration 0003_gate; the members feature's two
 * tables, created by the same migration, are in members/tables.ts). Times are
 * ISO strings, booleans 0/1, JSON as text — as everywhere in the schema.
 */
import type { InviteKind } from './invites.js';
import type { PeriodUnit } from './tiers.js';

/** pending → approved | rejected | waitlisted (approved, no room yet) | withdrawn */
export type ApplicationState = 'pending' | 'approved' | 'rejected' | 'waitlisted' | 'withdrawn';

export interface GateConfigsTable {
  communityId: string; // one row per community
  form: string; // JSON ApplicationForm
  rules: string; // JSON ScreeningRule[]
  settings: string; // JSON GateSettings
  updatedAt: string;
  updatedBy: string | null;
}

export interface ApplicationsTable {
  id: string;
  communityId: string;
  userId: string;
  state: ApplicationState;
  answers: string; // JSON Answers
  inviteId: string | null;
  referrerId: string | null; // the member whose personal link brought them
  channel: string; // campaign channel, 'referral' or 'direct'
  vouched: number;
  /** The screening rule that decided, when one did. */
  ruleId: string | null;
  /** What the applicant reads about a rejection. */
  reason: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  /** When it was approved (waitlist order); kept when a waitlisted one joins. */
  approvedAt: string | null;
  joinedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface InvitesTable {
  id: string;
  communityId: string;
  /** sha256 of the code: a leaked database does not leak working links. */
  codeHash: string;
  kind: InviteKind;
  ownerId: string | null; // personal: the inviting member
  name: string | null; // campaign: "offline salon 2019-03"
  channel: string | null; // campaign channel key
  vouch: number;
  expiresAt: string | null;
  maxUses: number | null;
  uses: number;
  revokedAt: string | null;
  createdBy: string;
  createdAt: string;
}

export interface GateBlocksTable {
  id: string;
  communityId: string;
  userId: string;
  reason: string | null;
  createdBy: string;
  createdAt: string;
}

export interface TiersTable {
  id: string;
  communityId: string;
  name: string;
  feeMinor: number;
  currency: string;
  periodUnit: PeriodUnit;
  periodCount: number;
  archivedAt: string | null;
  createdAt: string;
}

export interface MemberTiersTable {
  id: string;
  communityId: string;
  userId: string;
  tierId: string;
  paidThrough: string | null;
  remindersSent: string; // JSON number[]: offsets sent for the current period
  updatedAt: string;
}

export interface PaymentsTable {
  id: string;
  communityId: string;
  userId: string;
  tierId: string;
  amountMinor: number;
  currency: string;
  paidAt: string;
  periodStart: string;
  periodEnd: string;
  markedBy: string;
  note: string | null;
}

export interface GateTables {
  gateConfigs: GateConfigsTable;
  applications: ApplicationsTable;
  invites: InvitesTable;
  gateBlocks: GateBlocksTable;
  tiers: TiersTable;
  memberTiers: MemberTiersTable;
  payments: PaymentsTable;
}
