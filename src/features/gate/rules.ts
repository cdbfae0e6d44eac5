/**
 * The gate's pure decisions, in one place to import from. Each topic lives in
 * its own file: form.ts (questions and answers), screening.ts (rules and
 * preview), invites.ts (codes, quota, referral analytics), admission.ts
 * (cooldown, blocklist, capacity, waitlist), tiers.ts (fees and periods).
 */
export * from './form.js';
export * from './screening.js';
export * from './invites.js';
export * from './admission.js';
export * from './tiers.js';
export * from './settings.js';
