/**
 * Who supplies value, measured from the activity log (pure): each member's
 * week-by-week original posts, shared links, replies, answers, accepted
 * answers, 精华 and replies received; whether a core member meets the duties
 * the owner set; and who the owner might promote to core or ask to step down.
 * Measured on value, not volume — in the spirit of Discourse's trust levels,
 * including its buffer: a core member is flagged only when below 90% (the
 * owner's setting) of what the duties ask, over the whole window.
 */
import type { DutyKind, DutyPeriod } from './tables.js';

export type { DutyKind, DutyPeriod };
export const DUTY_KINDS = ['original_posts', 'answer_within'] as const satisfies readonly DutyKind[];
export const DUTY_PERIODS = ['week', 'month'] as const satisfies readonly DutyPeriod[];

const WEEK_MS = 7 * 86_400_000;
const HOUR_MS = 3_600_000;

/** The fields of an activity event this module reads. */
export interface SupplyEvent {
  kind: string;
  actorId: string | null;
  targetId: string | null;
  objectType: string | null;
  at: string;
  data: Record<string, unknown> | null;
}

export interface WeekStats {
  originalPosts: number;
  shared: number;
  replies: number;
  answers: number;
  accepted: number;
  essence: number;
  repliesReceived: number;
}

const zero = (): WeekStats => ({ originalPosts: 0, shared: 0, replies: 0, answers: 0, accepted: 0, essence: 0, repliesReceived: 0 });

/** Start of each of the last `weeks` rolling weeks ending now, oldest first. */
export function weekStarts(nowMs: number, weeks: number): number[] {
  return Array.from({ length: weeks }, (_, i) => nowMs - (weeks - i) * WEEK_MS);
}

/** Each person's stats per week (oldest first) from the events of the window. */
export function weeklyStats(events: readonly SupplyEvent[], nowMs: number, weeks: number): Map<string, WeekStats[]> {
  const out = new Map<string, WeekStats[]>();
  const start = nowMs - weeks * WEEK_MS;
  const row = (userId: string, ms: number): WeekStats | null => {
    if (ms < start || ms > nowMs) return null;
    const w = Math.min(weeks - 1, Math.floor((ms - start) / WEEK_MS)); // what happened this instant is this week's
    let list = out.get(userId);
    if (!list) out.set(userId, (list = Array.from({ length: weeks }, zero)));
    return list[w]!;
  };
  for (const e of events) {
    const ms = Date.parse(e.at);
    const mine = e.actorId ? row(e.actorId, ms) : null;
    const theirs = e.targetId && e.targetId !== e.actorId ? row(e.targetId, ms) : null;
    switch (e.kind) {
      case 'content.posted':
        if (!mine || e.objectType === 'question') break;
        if (e.data?.origin === 'link' || e.data?.origin === 'forwarded') mine.shared++;
        else mine.originalPosts++;
        break;
      case 'content.replied':
        if (mine) mine.replies++;
        if (mine && e.data?.answer) mine.answers++;
        if (theirs) theirs.repliesReceived++;
        break;
      case 'content.accepted':
        if (theirs) theirs.accepted++;
        break;
      case 'content.pinned':
        if (theirs && e.data?.mark !== 'pin') theirs.essence++;
        break;
    }
  }
  return out;
}

export function total(weeks: readonly WeekStats[]): WeekStats {
  return weeks.reduce((a, w) => {
    for (const k of Object.keys(a) as (keyof WeekStats)[]) a[k] += w[k];
    return a;
  }, zero());
}

export interface Duty {
  id: string;
  userId: string | null;
  kind: DutyKind;
  target: number;
  period: DutyPeriod;
}

/** A question addressed to one core member, as the answer duty reads it. */
export interface AskedQuestion {
  askedUserId: string;
  createdAt: string;
  answeredAt: string | null;
}

export interface DutyStatus {
  done: number;
  required: number;
  met: boolean;
}

/**
 * Where a core member stands on one duty now: posts in the current week (or
 * the last four weeks for a monthly duty); questions addressed to them in the
 * window and how many were answered within the hours asked (one still open
 * past the hours counts as late; one still within them is not counted yet).
 */
export function dutyStatus(duty: Duty, weeks: readonly WeekStats[], asked: readonly AskedQuestion[], nowMs: number): DutyStatus {
  if (duty.kind === 'original_posts') {
    const span = duty.period === 'month' ? weeks.slice(-4) : weeks.slice(-1);
    const done = span.reduce((n, w) => n + w.originalPosts, 0);
    return { done, required: duty.target, met: done >= duty.target };
  }
  const limit = duty.target * HOUR_MS;
  let required = 0;
  let done = 0;
  for (const q of asked) {
    const created = Date.parse(q.createdAt);
    const answered = q.answeredAt ? Date.parse(q.answeredAt) : null;
    if (answered === null && nowMs - created <= limit) continue; // still within the promise
    required++;
    if (answered !== null && answered - created <= limit) done++;
  }
  return { done, required, met: done === required };
}

/**
 * How much of what the post duties asked was supplied over the whole window
 * (1 = all of it); null when no post duty applies. Answer duties count as
 * met or not in the status, not here.
 */
export function fulfilment(duties: readonly Duty[], weeks: readonly WeekStats[]): number | null {
  const posts = duties.filter((d) => d.kind === 'original_posts');
  if (!posts.length || !weeks.length) return null;
  const done = weeks.reduce((n, w) => n + w.originalPosts, 0);
  const asked = posts.reduce((n, d) => n + (d.period === 'week' ? d.target * weeks.length : (d.target * weeks.length) / 4), 0);
  return asked === 0 ? null : Math.min(1, done / asked);
}

/** The owner's thresholds for suggestions; defaults documented in docs/content.md. */
export interface SupplyThresholds {
  /** Weeks measured. */
  weeks: number;
  /** Original posts over the window for a member to be suggested for core. */
  promoteOriginalPosts: number;
  /** Accepted answers plus 精华 received over the window. */
  promoteValueMarks: number;
  /** Replies their contributions drew from others. */
  promoteRepliesReceived: number;
  /** A core member below this share (percent) of their post duties over the whole window is flagged. */
  stepDownBelowPercent: number;
}

export const DEFAULT_THRESHOLDS: SupplyThresholds = { weeks: 4, promoteOriginalPosts: 4, promoteValueMarks: 2, promoteRepliesReceived: 8, stepDownBelowPercent: 90 };

/** A member whose value over the window would qualify as core (a suggestion, never a promotion). */
export function qualifiesForCore(t: WeekStats, th: SupplyThresholds): boolean {
  return t.originalPosts >= th.promoteOriginalPosts && t.accepted + t.essence >= th.promoteValueMarks && t.repliesReceived >= th.promoteRepliesReceived;
}

/** A core member below the buffer of what their duties asked, over the whole window. */
export function belowDuties(ratio: number | null, th: SupplyThresholds): boolean {
  return ratio !== null && ratio * 100 < th.stepDownBelowPercent;
}
