/**
 * Pruning's front door: other features, jobs and the app import this file
 * only (pure code may import ./rules.js). Settings, the sweep, the review
 * queue, reports, appeals, the audit trail, and the rule registry.
 */
export { getSettings, updateSettings, dryRun, sweepCommunity, sweepAll, runSweepNow, listWarnings, decideReview, loadSettings, type SweepResult } from './service.js';
export { myStatus, reportMember, listReports, decideReport, appeal, listAppeals, decideAppeal, readAudit, exportAuditCsv } from './cases.js';
export { registerPruningRule, registerTierExpiryReader, type FactLoader, type TierExpiryReader } from './registry.js';
export { pruningRoutes } from './routes.js';
export * from './rules.js';
