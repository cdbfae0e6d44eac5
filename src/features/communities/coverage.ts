/**
 * Which activity sources cover which periods of a community, pure. Shequn
 * itself records from the day the community was created; an imported chat
 * covers the span of its export; a connected chat from its connection on.
 * Pruning and the members' evidence read silence only where some source could
 * have seen activity: a member's silence is counted from the start of the
 * unbroken coverage that reaches today, never from before it.
 */
import type { EventKind } from '../../kernel/activity/taxonomy.js';

export type SourceKind = 'shequn' | 'import' | 'connection';

export interface ActivitySource {
  kind: SourceKind;
  /** 'shequn' for Shequn itself; the chat's carrier otherwise (wechat, telegram…). */
  carrier: string;
  label: string;
  from: string;
  /** null: still recording (Shequn itself, a live connection). */
  to: string | null;
}

/** The event kinds that count as a member taking part, from any source. */
export const PARTICIPATION_KINDS = ['content.posted', 'content.replied', 'content.reacted', 'activity.checked_in', 'activity.attended', 'member.introduced'] as const satisfies readonly EventKind[];

/**
 * Spans closer than this join up: an export ends at its last message, not at
 * the moment it was taken, so a chat exported the day its community moved to
 * Shequn leaves a gap of hours that nobody could have talked in unseen.
 */
const JOIN_GAP_MS = 86_400_000;

/**
 * The start of the unbroken stretch of coverage that reaches `now`, or null
 * when no source covers `now`. Spans that overlap or nearly touch join up.
 */
export function coveredSince(sources: ActivitySource[], now: Date): string | null {
  const nowIso = now.toISOString();
  const spans = sources
    .filter((s) => s.from <= nowIso)
    .map((s) => ({ from: s.from, to: s.to === null || s.to > nowIso ? nowIso : new Date(new Date(s.to).getTime() + JOIN_GAP_MS).toISOString() }))
    .sort((a, b) => (a.to < b.to ? 1 : a.to > b.to ? -1 : 0));
  let start: string | null = null;
  // Walk back from now: a span joins the stretch when it reaches the stretch's start.
  for (let changed = true; changed; ) {
    changed = false;
    for (const s of spans) {
      const reaches = start === null ? s.to >= nowIso : s.to >= start;
      if (reaches && (start === null || s.from < start)) {
        start = s.from;
        changed = true;
      }
    }
  }
  return start;
}

/** Does unbroken coverage reach back at least `days` days from now? */
export function coversWindow(sources: ActivitySource[], now: Date, days: number): boolean {
  const since = coveredSince(sources, now);
  return since !== null && new Date(since).getTime() <= now.getTime() - days * 86_400_000;
}
