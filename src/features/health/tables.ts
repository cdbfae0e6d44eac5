/** Health's tables (migration 0006_health). */
export interface HealthSnapshotsTable {
  communityId: string;
  /** '' for the whole log, else `from|to`. */
  rangeKey: string;
  /** What the result was computed from: last event id and identity links (see service.ts). */
  basis: string;
  result: string; // JSON DiagnosisResult
  computedAt: string;
}

export type ImportState = 'running' | 'done' | 'failed';

export interface ChatImportsTable {
  id: string;
  communityId: string;
  fileName: string;
  format: string | null;
  carrier: string | null;
  state: ImportState;
  bytesRead: number;
  bytesTotal: number;
  added: number;
  skipped: number;
  firstAt: string | null;
  lastAt: string | null;
  error: string | null;
  createdBy: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface ChatImportKeysTable {
  communityId: string;
  key: string;
}

export interface CarrierIdentitiesTable {
  communityId: string;
  carrier: string;
  externalId: string;
  displayName: string;
  userId: string | null;
  outsider: number; // 1 = the operator chose to keep this author as an outsider
  messages: number;
  updatedAt: string;
}

export interface HealthReportsTable {
  communityId: string;
  /** The ISO week the report was sent in, named by its Monday. */
  week: string;
  kind: string; // the verdict's kind
  score: number | null;
  coreStatus: string; // the coreSupply condition's status
  createdAt: string;
}

export interface HealthTables {
  healthReports: HealthReportsTable;
  healthSnapshots: HealthSnapshotsTable;
  chatImports: ChatImportsTable;
  chatImportKeys: ChatImportKeysTable;
  carrierIdentities: CarrierIdentitiesTable;
}
