/**
 * Member-level metrics: who the core members are (骨干), spam-like posters,
 * pruning candidates (清理), newcomers. Definitions in docs/metrics.md.
 */
import type { Collector, MemberState } from './collector.js';
import type { ChosenInteractions } from './interactions.js';
import type { CoreAbsence, CoreMember, PruneCandidate, PruneReason, SpamSuspect } from './result.js';
import { weekIndex, weekLabel } from './stats.js';
import { LANGS, t, type Lang } from '../../kernel/i18n.js';

/** A core member's score must be at least this multiple of an equal share (1 / speakers)… */
export const CORE_STANDOUT = 2.5;
/** …or at least this share outright (in small groups 2.5× an equal share is unreachable for two admins who split the work). */
export const CORE_SHARE_ENOUGH = 0.2;
/** …and they must have posted this many messages, in at least CORE_MIN_WEEKS distinct weeks. */
export const CORE_MIN_MESSAGES = 5;
export const CORE_MIN_WEEKS = 2;
/** Interaction received counts towards standing out only from this much weight: a share of two stray links is noise. */
export const CORE_MIN_RECEIVED = 5;
/** At most CORE_MAX core members, and at most CORE_MAX_SHARE of the speakers (but always up to CORE_MIN_CAP). */
export const CORE_MAX = 12;
export const CORE_MAX_SHARE = 0.15;
export const CORE_MIN_CAP = 3;

export const SPAM_MIN_MESSAGES = 5;
export const SPAM_LINK_SHARE = 0.6;
export const SPAM_REPEAT_SHARE = 0.3;
export const SPAM_SAME_TEXT_MIN = 5;
/** Replies+reactions per message below which a link poster is not "answered". */
export const SPAM_MAX_RECEPTION = 0.1;
export const INACTIVE_WEEKS = 8;
export const NEWCOMER_GRACE_DAYS = 14;
export const PRUNE_LIST_MAX = 200;

const DAY_MS = 86_400_000;

export const CORE_METHOD =
  `Members whose score — the largest of their shares of messages, of substantial original posts and of interaction received — ` +
  `is at least ${CORE_STANDOUT}× an equal share (or ${CORE_SHARE_ENOUGH * 100}%), with ≥ ${CORE_MIN_MESSAGES} messages in ≥ ${CORE_MIN_WEEKS} weeks, ` +
  `not spam-like; at most ${CORE_MAX}, and at most ${CORE_MAX_SHARE * 100}% of speakers (but up to ${CORE_MIN_CAP} in small groups).`;

export function coreMethodText(): Record<Lang, string> {
  const params = {
    standout: CORE_STANDOUT,
    share: CORE_SHARE_ENOUGH * 100,
    minMessages: CORE_MIN_MESSAGES,
    minWeeks: CORE_MIN_WEEKS,
    max: CORE_MAX,
    maxShare: CORE_MAX_SHARE * 100,
    minCap: CORE_MIN_CAP,
  };
  return Object.fromEntries(LANGS.map((lang) => [lang, t(lang, 'health:coreMethod', params)])) as Record<Lang, string>;
}

export function spamSuspects(c: Collector): Map<number, SpamSuspect> {
  const out = new Map<number, SpamSuspect>();
  for (const m of c.members) {
    if (m.messages < SPAM_MIN_MESSAGES) continue;
    const linkShare = m.linkMessages / m.messages;
    const reception = (m.repliesReceived + m.reactionsReceived) / m.messages;
    const reasons: PruneReason[] = [];
    if (linkShare >= SPAM_LINK_SHARE && reception < SPAM_MAX_RECEPTION) reasons.push('spam_links');
    // One text again and again (an ad), not a handful of stock phrases each used now and then.
    if (m.sameTextMax >= SPAM_SAME_TEXT_MIN && m.sameTextMax / m.messages >= SPAM_REPEAT_SHARE) reasons.push('spam_repeated');
    if (reasons.length > 0) {
      out.set(m.idx, { id: m.id, name: m.name, messages: m.messages, linkShare: round(linkShare), repeatedMessages: m.repeated, sameTextMax: m.sameTextMax, reasons });
    }
  }
  return out;
}

export function selectCore(c: Collector, chosen: ChosenInteractions, spam: Map<number, unknown>): MemberState[] {
  const speakers = c.members.filter((m) => m.messages > 0);
  if (speakers.length < 2) return [];
  let totalSubstantial = 0;
  let totalReceived = 0;
  for (const m of speakers) {
    totalSubstantial += m.substantial;
    totalReceived += chosen.received[m.idx]!;
  }
  // A core member stands out in at least one way: posts much, supplies the substance, or is the one others answer.
  const score = (m: MemberState): number =>
    Math.max(
      m.messages / c.messages,
      totalSubstantial > 0 ? m.substantial / totalSubstantial : 0,
      chosen.received[m.idx]! >= CORE_MIN_RECEIVED ? chosen.received[m.idx]! / totalReceived : 0,
    );
  const cap = Math.min(CORE_MAX, Math.max(CORE_MIN_CAP, Math.ceil(speakers.length * CORE_MAX_SHARE)));
  const threshold = Math.min(CORE_STANDOUT / speakers.length, CORE_SHARE_ENOUGH);
  return speakers
    .map((m) => ({ m, s: score(m) }))
    .filter(({ m, s }) => s >= threshold && m.messages >= CORE_MIN_MESSAGES && m.weeks.size >= CORE_MIN_WEEKS && !spam.has(m.idx))
    .sort((x, y) => y.s - x.s)
    .slice(0, cap)
    .map(({ m }) => m);
}

export function describeCore(c: Collector, core: MemberState[], weeksObserved: number): CoreMember[] {
  let totalOriginal = 0;
  for (const m of c.members) totalOriginal += m.original;
  return core.map((m) => {
    return {
      id: m.id,
      name: m.name,
      messages: m.messages,
      originalMessages: m.original,
      repliesReceived: m.repliesReceived,
      originalShare: totalOriginal > 0 ? round(m.original / totalOriginal) : 0,
      continuity: round(m.weeks.size / Math.max(1, weeksObserved)),
      firstWeek: weekLabel(m.weeks.first),
      lastWeek: weekLabel(m.weeks.last),
    };
  });
}

/** Core members whose last message is ≥ 4 weeks before the end, with group volume around that week. */
export function coreAbsences(c: Collector, core: MemberState[], weekly: Map<number, number>): CoreAbsence[] {
  const lastWeek = weekIndex(c.lastMs);
  const perWeek = (from: number, to: number): number => {
    let sum = 0;
    for (let w = from; w <= to; w++) sum += weekly.get(w) ?? 0;
    return sum / (to - from + 1);
  };
  const out: CoreAbsence[] = [];
  for (const m of core) {
    const last = m.weeks.last;
    if (last > lastWeek - 4) continue;
    const before = perWeek(last - 3, last);
    const after = perWeek(last + 1, last + 4);
    out.push({
      id: m.id,
      name: m.name,
      lastWeek: weekLabel(last),
      groupMessagesPerWeekBefore: round(before),
      groupMessagesPerWeekAfter: round(after),
      change: before > 0 ? round(after / before - 1) : null,
    });
  }
  return out;
}

/** CHAOSS contributor absence factor: fewest members who together posted ≥ 50% of messages. */
export function busFactor(c: Collector): number {
  const counts = c.members.map((m) => m.messages).filter((n) => n > 0).sort((a, b) => b - a);
  let sum = 0;
  for (let i = 0; i < counts.length; i++) {
    sum += counts[i]!;
    if (sum * 2 >= c.messages) return i + 1;
  }
  return 0;
}

export function pruningCandidates(c: Collector, spam: Map<number, SpamSuspect>, core: ReadonlySet<number>): PruneCandidate[] {
  const inactiveSince = c.lastMs - INACTIVE_WEEKS * 7 * DAY_MS;
  const out: PruneCandidate[] = [];
  for (const m of c.members) {
    if (m.leftMs !== null && m.leftMs >= (m.lastMsgMs ?? -Infinity)) continue;
    const reasons: PruneReason[] = [...(spam.get(m.idx)?.reasons ?? [])];
    if (!core.has(m.idx)) {
      const settled = m.firstMs <= c.lastMs - NEWCOMER_GRACE_DAYS * DAY_MS;
      if (m.messages === 0 && settled && m.joinedMs !== null) reasons.push('never_spoke');
      else if (m.messages > 0 && m.beyondGreeting === 0 && settled) reasons.push('greeted_only');
      else if (m.beyondGreeting > 0 && m.lastMsgMs! < inactiveSince && c.firstMs < inactiveSince) reasons.push('inactive');
    }
    if (reasons.length > 0) {
      out.push({ id: m.id, name: m.name, reasons, lastSeen: new Date(m.lastMsgMs ?? m.lastMs).toISOString(), messages: m.messages });
    }
  }
  const urgency = (p: PruneCandidate): number => (p.reasons.some((r) => r.startsWith('spam')) ? 0 : 1);
  return out.sort((x, y) => urgency(x) - urgency(y) || (x.lastSeen ?? '').localeCompare(y.lastSeen ?? ''));
}

export function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
