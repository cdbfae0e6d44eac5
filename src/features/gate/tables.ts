/**
 * Tables of the gate and members features (migration 0003_gate). Times are
 * ISO strings, booleans 0/1, JSON as text — as everywhere in the schema.
 */
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
  /** pending → approved | rejected | waitlisted (approved, no room yet) | withdrawn */
  state: string;
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
  kind: string; // personal | campaign
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
  periodUnit: string;
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

export interface NotificationsTable {
  id: string;
  communityId: string;
  userId: string;
  kind: string; // application.approved, application.rejected, application.waitlisted, tier.reminder…
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

export interface GateTables {
  gateConfigs: GateConfigsTable;
  applications: ApplicationsTable;
  invites: InvitesTable;
  gateBlocks: GateBlocksTable;
  tiers: TiersTable;
  memberTiers: MemberTiersTable;
  payments: PaymentsTable;
  notifications: NotificationsTable;
  memberProfiles: MemberProfilesTable;
}
