/**
 * The communities feature's front door: other features import this file only
 * (pure code may import ./rules.js, which has no I/O). Here: the use cases,
 * the one opening, the one membership runner, read models and types.
 */
export { createCommunity, listMyCommunities, getPublic, getHome, updateCharter, listActivity, type CharterInput, type CharterPatch } from './service.js';
export { listMembers, changeRole, removeMember, leave, joinCommunity, transitionMembership, seats, type TransitionInput } from './membership.js';
export { openCommunity, type Ask, type Check, type Opening, type Where } from './opening.js';
export { authorize, assertCan, memberHere, type Action, type Actor } from './policy.js';
export * from './rules.js';
export type { ActivityItem, Community, Member, PublicCommunity, Viewer } from './views.js';
export { toActivityItem } from './views.js';
export { findCommunity, membershipOf, memberOf, operatorsOf, allCommunityIds, type CommunityRow, type MembershipRow } from './reads.js';
export { communityRoutes } from './routes.js';
export { loadDemo, type DemoResult } from './demo.js';
export { DEMO_SLUG } from './demoData.js';
export { mulberry32 } from './demoPlan.js';
export { recordActivitySource, activitySources, type SourceInput } from './sources.js';
export { coveredSince, coversWindow, PARTICIPATION_KINDS, type ActivitySource, type SourceKind } from './coverage.js';
