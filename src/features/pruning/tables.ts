/** Pruning's tables (migration 0004_pruning). */
export interface PruningSettingsTable {
  communityId: string;
  settings: string; // JSON PruningSettings
  updatedBy: string | null;
  updatedAt: string;
}

export type WarningState = 'open' | 'review' | 'cleared' | 'removed' | 'kept';

export interface PruningWarningsTable {
  id: string;
  communityId: string;
  userId: string;
  rule: string;
  state: WarningState;
  reason: string; // JSON Message
  keep: string; // JSON Message
  warnedAt: string;
  deadline: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
}

export interface MemberReportsTable {
  id: string;
  communityId: string;
  reporterId: string;
  subjectId: string;
  reason: string;
  state: 'open' | 'upheld' | 'dismissed';
  createdAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  note: string | null;
}

export interface AppealsTable {
  id: string;
  communityId: string;
  userId: string;
  text: string;
  state: 'open' | 'granted' | 'denied';
  createdAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  note: string | null;
}

export interface PruningTables {
  pruningSettings: PruningSettingsTable;
  pruningWarnings: PruningWarningsTable;
  memberReports: MemberReportsTable;
  appeals: AppealsTable;
}
