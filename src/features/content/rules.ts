/**
 * Pure decisions of the content feature: what a post is (original or a shared
 * link), who it mentions, its tags, the question's state, when a question is
 * overdue, the feed's keyset cursor, and the community's content settings.
 * No I/O, no clock: the web imports this file too.
 */
import { roleRank, type Role } from '../communities/rules.js';
import type { PostOrigin, QuestionState, Visibility } from './tables.js';

export type { PostKind, PostOrigin, QuestionState, Visibility, AskedTo } from './tables.js';
export * from './supply.js';
import { DEFAULT_THRESHOLDS, type SupplyThresholds } from './supply.js';

export const VISIBILITIES = ['members', 'core', 'tier'] as const satisfies readonly Visibility[];
export const REACTIONS = ['like', 'thanks', 'insightful'] as const;
export type Reaction = (typeof REACTIONS)[number];
export const FEED_SORTS = ['new', 'active'] as const;
export type FeedSort = (typeof FEED_SORTS)[number];

export const TITLE_MAX = 120;
export const BODY_MAX = 20_000;
export const TEASER_MAX = 300;
export const REPLY_MAX = 5_000;
export const TAG_MAX = 20;
export const TAGS_MAX = 5;

// ── settings ────────────────────────────────────────────────────────────────

/** Who may do what with content, and the promise to askers. The owner changes them. */
export interface ContentSettings extends SupplyThresholds {
  /** The lowest role that may write a post. */
  post: Role;
  /** The lowest role that may ask the core a question. */
  ask: Role;
  /** The lowest role that may mark 精华 (essence). */
  essence: Role;
  /** Hours within which the core promises an answer; older open questions are overdue. */
  answerPromiseHours: number;
}

export const DEFAULT_CONTENT_SETTINGS: ContentSettings = { post: 'member', ask: 'member', essence: 'admin', answerPromiseHours: 48, ...DEFAULT_THRESHOLDS };

export function mergeSettings(stored: Partial<ContentSettings> | null | undefined, patch: Partial<ContentSettings> = {}): ContentSettings {
  return { ...DEFAULT_CONTENT_SETTINGS, ...(stored ?? {}), ...patch };
}

/** Whether `role` reaches the lowest role a setting names. */
export function reaches(role: Role, lowest: Role): boolean {
  return roleRank(role) >= roleRank(lowest);
}

// ── what a post is ──────────────────────────────────────────────────────────

const URL_RE = /https?:\/\/[^\s<>()\]]+/g;

export function linksIn(body: string): string[] {
  return [...new Set(body.match(URL_RE) ?? [])];
}

/**
 * A post that is mostly a public link is shared, not original: it has a link
 * and, with the links and Markdown marks taken out, fewer than 40 characters
 * of its own (a line of comment on a forwarded article is still a forward).
 */
export function originOf(title: string | null, body: string): PostOrigin {
  if (linksIn(body).length === 0) return 'original';
  const own = body
    .replace(URL_RE, '')
    .replace(/[\s#>*_`~\-[\]()!:：，。,.]+/g, '');
  return own.length < 40 ? 'link' : 'original';
}

/** `@名字` tokens in a body: the names the author meant, looked up among members by the use case. */
export function mentionedNames(body: string): string[] {
  const names = new Set<string>();
  for (const m of body.matchAll(/(?:^|[^\w@])@([^\s@,，。:：;；!！?？()（）[\]]{1,40})/gu)) names.add(m[1]!);
  return [...names];
}

/** Tags as stored: trimmed, leading '#' dropped, no empties, no duplicates. */
export function normalizeTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim().replace(/^#+/, '').trim()).filter((t) => t.length > 0))];
}

// ── questions ───────────────────────────────────────────────────────────────

/**
 * After a reply, the question's state: it is answered when someone it was
 * addressed to replies (the named core member, or any core member when asked
 * of the core). Accepted stays accepted; nobody else's reply answers it.
 */
export function stateAfterReply(
  q: { questionState: QuestionState | null; askedTo: 'core' | 'member' | null; askedUserId: string | null; authorId: string },
  replier: { userId: string; role: Role },
): QuestionState | null {
  if (q.questionState !== 'open') return q.questionState;
  if (replier.userId === q.authorId) return 'open';
  const addressed = q.askedTo === 'member' ? replier.userId === q.askedUserId : reaches(replier.role, 'core');
  return addressed ? 'answered' : 'open';
}

/** An open question older than the promise is overdue (the core sees it flagged). */
export function isOverdue(q: { questionState: QuestionState | null; createdAt: string }, nowMs: number, promiseHours: number): boolean {
  return q.questionState === 'open' && nowMs - Date.parse(q.createdAt) > promiseHours * 3_600_000;
}

/** The oldest creation time an open question may have and still be within the promise. */
export function overdueBefore(nowMs: number, promiseHours: number): string {
  return new Date(nowMs - promiseHours * 3_600_000).toISOString();
}

// ── feed paging ─────────────────────────────────────────────────────────────

/** A keyset cursor: the (time, id) of the last item seen, opaque to clients. */
export function encodeCursor(at: string, id: string): string {
  return `${at}_${id}`;
}

export function decodeCursor(cursor: string): { at: string; id: string } | null {
  const m = /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)_([0-9a-z]{1,64})$/.exec(cursor);
  return m ? { at: m[1]!, id: m[2]! } : null;
}

/** Visibility is `tier` only with a tier; a tier without `tier` is meaningless. */
export function visibilityProblem(visibility: Visibility, tierId: string | null | undefined): string | null {
  if (visibility === 'tier' && !tierId) return 'choose the tier that may read it';
  if (visibility !== 'tier' && tierId) return 'a tier only goes with visibility "tier"';
  return null;
}
