/** The scheduler's table: one row per job, the lease that makes a run happen once. */
export interface JobsTable {
  name: string;
  nextRunAt: string;
  lastRunAt: string | null;
  /** The scheduler instance holding the lease, while a run is in progress. */
  lockedBy: string | null;
  lockedUntil: string | null;
  lastError: string | null;
  runs: number;
}

export interface JobTables {
  jobs: JobsTable;
}
