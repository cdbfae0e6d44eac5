/**
 * The event taxonomy of the activity log (see docs/events.md).
 *
 * This module is pure (no imports) on purpose: the platform's activity log and the
 * chat-export importers of the health engine (src/engine) both speak it, so one
 * health engine reads both. Add a kind here, in docs/events.md, and nowhere else.
 */
export const EVENT_KINDS = [
  // Community lifecycle
  'community.created',
  'community.charter_updated',
  // Membership (state machine in features/communities/rules.ts)
  'member.applied', // 申请: an applicant asked to join
  'member.approved', // an application was accepted (precedes member.joined)
  'member.rejected', // an application was declined
  'member.joined', // became a member (by approval, invite or carrier join)
  'member.left', // left on their own
  'member.removed', // removed by an operator or a pruning rule (清理)
  'member.banned', // removed and blocked from re-applying
  'member.readmitted', // a removed/left member was let back in
  'member.role_changed', // owner / admin / core / member
  'member.warned', // a pruning rule warned the member
  'member.introduced', // wrote the self-introduction (自我介绍)
  // Content and interaction (who talks to whom)
  'content.posted', // new top-level content: a chat message, a post
  'content.replied', // content answering someone; target = the member answered
  'content.mentioned', // actor mentioned target (@) in content
  'content.reacted', // actor reacted to target's content
  'content.pinned', // content pinned / marked essence (精华)
  'content.accepted', // the asker accepted an answer; target = who answered
  // Activities
  'activity.checked_in', // 打卡
  'activity.attended', // attended an event (活动)
  // Carrier/system events from chat exports with no better kind
  'system.other',
] as const;

export type EventKind = (typeof EVENT_KINDS)[number];

/** Where a piece of content came from: the basis of the "exclusive value" condition. */
export type ContentOrigin = 'original' | 'forwarded' | 'link';

/** Kind of attached media, when there is one. */
export type MediaKind = 'photo' | 'video' | 'audio' | 'voice' | 'sticker' | 'file' | 'gif' | 'location' | 'contact' | 'poll' | 'other';

/** Payload of content.posted / content.replied events. Every field is optional. */
export interface ContentData {
  origin?: ContentOrigin;
  text?: string; // imported chats carry text; the platform stores length only
  textLength?: number;
  links?: string[];
  forwardedFrom?: string;
  media?: MediaKind;
  replyToObjectId?: string; // the content this answers, when known
  quote?: boolean; // the answer quoted the other message (vs an explicit reply)
}

/**
 * One event, as the activity log stores it and as importers emit it.
 * `at` is an ISO-8601 UTC string. `actorId`/`targetId` are member ids in the
 * platform, or source-stable identity ids in an import (e.g. "user123").
 */
export interface ActivityEvent {
  kind: EventKind;
  at: string;
  actorId: string | null;
  targetId?: string | null; // the member the event was directed at, when there is one
  objectType?: string | null; // 'message' | 'post' | 'membership' | 'charter' | ...
  objectId?: string | null;
  data?: (ContentData & Record<string, unknown>) | null;
}

export function isEventKind(value: string): value is EventKind {
  return (EVENT_KINDS as readonly string[]).includes(value);
}
