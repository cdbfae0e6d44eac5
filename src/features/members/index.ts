/**
 * The members feature's front door: onboarding and profiles, the one way to
 * tell a person (notify), notices and their kinds. Other features import this
 * file only (pure code may import ./rules.js).
 */
export { getOnboarding, acceptNorms, writeIntro, getProfile, startProfile, useIntroSettings, type IntroSettings, type IntroSettingsReader } from './service.js';
export { myNotices, markNoticesRead, noticesOf, type NoticeView } from './notices.js';
export { notify, type NoticeData } from './notify.js';
export { NOTICE_KINDS, type NoticeKind } from './notice-kinds.js';
export { introducedAmong } from './store.js';
export * from './rules.js';
export { memberEvidence, useReferralReader, type MemberEvidence, type ReferralReader } from './evidence.js';
export { memberTimeline, type TimelineItem } from './timeline.js';
export { membersRoutes } from './routes.js';
