/**
 * Health's front door: the diagnosis of a community's log, chat-export
 * imports, carrier identities, and the refresh job's use case.
 */
export { getHealth, healthOf, computeHealth, refreshAllHealth, refreshHealth, STALE_FOR_MS, type HealthRange } from './service.js';
export { startImport, startImportFromCli, runImport, getImport, listImports, type ImportInput, type ImportView, type RunHooks, type StartedImport } from './imports.js';
export { listIdentities, linkIdentity, linkedAuthors, type IdentityView, type LinkInput } from './identities.js';
export { sendWeeklyReports, sendWeeklyReport } from './weekly.js';
export { healthRoutes } from './routes.js';
export * from './rules.js';
