/**
 * The gate's front door: other features, jobs and the app import this file
 * only (pure code may import ./rules.js). Applying and reviewing, invites and
 * referrals, paid tiers, the gate's jobs and its settings reader.
 */
export { applyPage, apply, myStatus, withdraw, reviewQueue, decide, fillFreedPlaces, fillAllFreedPlaces, type DecisionInput } from './service.js';
export { getConfig, updateConfig, previewConfigRules, loadConfig, type GateConfig } from './config.js';
export { createInvite, listInvites, revokeInvite, referralStats, funnel, block, unblock, listBlocks } from './invites-service.js';
export { createTier, listTiers, markPaid, sendRenewalReminders, sendAllRenewalReminders, lapsedMembers, tierExpiry, activeTiersOf } from './tiers-service.js';
export { authorizeGate, type GateAction } from './policy.js';
export { referralStays } from './store.js';
export { waitlistJob, WAITLIST_JOB } from './jobs.js';
export { gateRoutes } from './routes.js';
export { loadGateDemo } from './demo.js';
export * from './rules.js';
