/**
 * Pruning (清理) decisions, pure: which rules exist, what a community's settings
 * may hold, and what one sweep decides for each member and rule. No I/O; the
 * time and every fact about a member come in as arguments.
 */
import type { Role } from '../communities/index.js';

export const DAY_MS = 86_400_000;

/** A message the member reads: an i18n key in the `pruning` namespace and its parameters. */
export interface Message {
  key: string;
  params?: Record<string, string | number>;
}

/** What every rule knows about a member, whatever else it reads. */
export interface MemberBasics {
  userId: string;
  role: Role;
  joinedAt: string;
}

export type RuleVerdict = { failing: false } | { failing: true; reason: Message; keep: Message };

/**
 * A pruning rule. `F` is the rule's own fact about one member (last activity,
 * introduction date, tier expiry, upheld reports…), loaded by the service.
 */
export interface PruningRule<F = unknown> {
  id: string;
  /** What the threshold counts; shown next to the number in settings. */
  unit: 'days' | 'count';
  defaultThreshold: number;
  min: number;
  max: number;
  evaluate(member: MemberBasics, fact: F | undefined, threshold: number, now: Date): RuleVerdict;
}

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();

/**
 * What the inactivity rule knows of a member: their last taking part in any
 * source, and since when unbroken coverage (Shequn, imported or connected
 * chats) reaches today. Silence before that start was never seen, so it is
 * never counted.
 */
export interface InactivityFact {
  lastActiveAt: string | null;
  coveredSince: string | null;
}

/**
 * Inactive for N days, counted from the latest of: their last activity, their
 * joining, the start of coverage. The reason gives the member's own figures
 * (silent 54 days, threshold 14) and which of the three the count starts from.
 */
export const inactiveRule: PruningRule<InactivityFact> = {
  id: 'inactive',
  unit: 'days',
  defaultThreshold: 60,
  min: 1,
  max: 3650,
  evaluate(m, fact, days, now) {
    if (fact && fact.coveredSince === null) return { failing: false }; // nothing could have seen them
    const starts: [string, 'last' | 'joined' | 'coverage'][] = [[m.joinedAt, 'joined']];
    if (fact?.lastActiveAt) starts.push([fact.lastActiveAt, 'last']);
    if (fact?.coveredSince) starts.push([fact.coveredSince, 'coverage']);
    const [since, from] = starts.reduce((a, b) => (b[0] > a[0] ? b : a));
    if (since > daysBefore(now, days)) return { failing: false };
    const silent = Math.floor((now.getTime() - new Date(since).getTime()) / DAY_MS);
    return {
      failing: true,
      reason: { key: `reason.inactive_${from}`, params: { silent, days, since: since.slice(0, 10) } },
      keep: { key: 'keep.inactive' },
    };
  },
};

/** No self-introduction (自我介绍) N days after joining. */
export const noIntroductionRule: PruningRule<{ introducedAt: string | null }> = {
  id: 'no_introduction',
  unit: 'days',
  defaultThreshold: 7,
  min: 1,
  max: 365,
  evaluate(m, fact, days, now) {
    if (fact?.introducedAt) return { failing: false };
    if (m.joinedAt > daysBefore(now, days)) return { failing: false };
    return { failing: true, reason: { key: 'reason.no_introduction', params: { days } }, keep: { key: 'keep.no_introduction' } };
  },
};

/** Paid membership (会员费) lapsed more than N days ago (0 = on the day). No tier, no failure. */
export const tierLapsedRule: PruningRule<{ expiresAt: string | null }> = {
  id: 'tier_lapsed',
  unit: 'days',
  defaultThreshold: 0,
  min: 0,
  max: 365,
  evaluate(_m, fact, days, now) {
    if (!fact?.expiresAt || fact.expiresAt > daysBefore(now, days)) return { failing: false };
    return {
      failing: true,
      reason: { key: 'reason.tier_lapsed', params: { expired: fact.expiresAt.slice(0, 10) } },
      keep: { key: 'keep.tier_lapsed' },
    };
  },
};

/** N reports for breaking the norms (群规) upheld by admins. */
export const reportedRule: PruningRule<{ upheld: number }> = {
  id: 'reported',
  unit: 'count',
  defaultThreshold: 2,
  min: 1,
  max: 100,
  evaluate(_m, fact, count) {
    const upheld = fact?.upheld ?? 0;
    if (upheld < count) return { failing: false };
    return { failing: true, reason: { key: 'reason.reported', params: { count: upheld } }, keep: { key: 'keep.reported' } };
  },
};

export const BUILT_IN_RULES: PruningRule<any>[] = [inactiveRule, noIntroductionRule, tierLapsedRule, reportedRule];

// ---------------------------------------------------------------- settings

export interface RuleSetting {
  enabled: boolean;
  threshold: number;
}

export interface PruningSettings {
  rules: Record<string, RuleSetting>;
  /** Days between the warning and removal (宽限期). */
  graceDays: number;
  /** At the deadline: remove on its own, or put the member in the admins' review queue. */
  mode: 'auto' | 'review';
  /** Days a removed member has to appeal. */
  appealWindowDays: number;
  /** Core members (骨干) are spared by the sweep; owners and admins always are. */
  exemptCore: boolean;
}

/** Nothing is switched on until an admin chooses: pruning people is never a surprise. */
export function defaultSettings(rules: PruningRule<any>[]): PruningSettings {
  return {
    rules: Object.fromEntries(rules.map((r) => [r.id, { enabled: false, threshold: r.defaultThreshold }])),
    graceDays: 7,
    mode: 'review',
    appealWindowDays: 14,
    exemptCore: true,
  };
}

/** Stored settings over defaults: rules registered later appear switched off. Unknown rules are dropped. */
export function mergeSettings(rules: PruningRule<any>[], stored: Partial<PruningSettings> | null): PruningSettings {
  const base = defaultSettings(rules);
  if (!stored) return base;
  const merged: PruningSettings = {
    graceDays: stored.graceDays ?? base.graceDays,
    mode: stored.mode ?? base.mode,
    appealWindowDays: stored.appealWindowDays ?? base.appealWindowDays,
    exemptCore: stored.exemptCore ?? base.exemptCore,
    rules: { ...base.rules },
  };
  for (const [id, s] of Object.entries(stored.rules ?? {})) if (id in merged.rules) merged.rules[id] = { ...merged.rules[id]!, ...s };
  return merged;
}

/** The first problem with a settings change, as a field path and a message; null when fine. */
export function settingsProblem(rules: PruningRule<any>[], s: PruningSettings): { field: string; message: string } | null {
  const byId = new Map(rules.map((r) => [r.id, r]));
  for (const [id, rs] of Object.entries(s.rules)) {
    const rule = byId.get(id);
    if (!rule) return { field: `rules.${id}`, message: 'no such pruning rule' };
    if (!Number.isInteger(rs.threshold) || rs.threshold < rule.min || rs.threshold > rule.max) {
      return { field: `rules.${id}.threshold`, message: `must be a whole number from ${rule.min} to ${rule.max}` };
    }
  }
  if (!Number.isInteger(s.graceDays) || s.graceDays < 0 || s.graceDays > 90) return { field: 'graceDays', message: 'must be a whole number from 0 to 90' };
  if (!Number.isInteger(s.appealWindowDays) || s.appealWindowDays < 0 || s.appealWindowDays > 365) {
    return { field: 'appealWindowDays', message: 'must be a whole number from 0 to 365' };
  }
  return null;
}

// ---------------------------------------------------------------- the sweep

/** An unresolved warning: `open` until the deadline, `review` while admins decide. */
export interface OpenWarning {
  id: string;
  userId: string;
  ruleId: string;
  deadline: string;
  state: 'open' | 'review';
}

export type SweepDecision =
  | { kind: 'warn'; userId: string; ruleId: string; deadline: string; reason: Message; keep: Message }
  | { kind: 'clear'; userId: string; ruleId: string; warningId: string }
  | { kind: 'remove' | 'review'; userId: string; ruleId: string; warningId: string | null; reason: Message };

export interface SweepInput {
  now: Date;
  settings: PruningSettings;
  /** Rules that can run here; a rule whose facts are missing (no tiers) is left out. */
  rules: PruningRule<any>[];
  members: MemberBasics[];
  /** Per rule id, per user id: the rule's fact. */
  facts: Record<string, Map<string, unknown>>;
  warnings: OpenWarning[];
  /** Dry run of rules not yet switched on: evaluate these too. */
  alsoRules?: string[];
}

export function isExempt(role: Role, settings: PruningSettings): boolean {
  return role === 'owner' || role === 'admin' || (role === 'core' && settings.exemptCore);
}

/**
 * What one sweep does, per member and enabled rule: warn (deadline = now + grace),
 * clear a member who recovered, or at a passed deadline remove / send to review.
 * A member is removed at most once per sweep, whichever rule's deadline passed first.
 */
export function decideSweep(input: SweepInput): SweepDecision[] {
  const { now, settings } = input;
  const nowIso = now.toISOString();
  const deadline = new Date(now.getTime() + settings.graceDays * DAY_MS).toISOString();
  const active = input.rules.filter((r) => settings.rules[r.id]?.enabled || input.alsoRules?.includes(r.id));
  const warningOf = new Map(input.warnings.map((w) => [`${w.userId}\u0000${w.ruleId}`, w]));
  const out: SweepDecision[] = [];

  for (const m of input.members) {
    const exempt = isExempt(m.role, settings);
    let removing = false;
    for (const rule of active) {
      const w = warningOf.get(`${m.userId}\u0000${rule.id}`);
      const threshold = settings.rules[rule.id]?.threshold ?? rule.defaultThreshold;
      const verdict = exempt ? { failing: false as const } : rule.evaluate(m, input.facts[rule.id]?.get(m.userId), threshold, now);
      if (!verdict.failing) {
        if (w) out.push({ kind: 'clear', userId: m.userId, ruleId: rule.id, warningId: w.id });
        continue;
      }
      if (!w) {
        out.push({ kind: 'warn', userId: m.userId, ruleId: rule.id, deadline, reason: verdict.reason, keep: verdict.keep });
      } else if (w.state === 'open' && w.deadline <= nowIso && !removing) {
        removing = true;
        out.push({ kind: settings.mode === 'auto' ? 'remove' : 'review', userId: m.userId, ruleId: rule.id, warningId: w.id, reason: verdict.reason });
      }
    }
  }
  return out;
}

/** The dry run's summary: per rule, how many would be warned, cleared, removed or reviewed today. */
export function summarize(decisions: SweepDecision[]): Record<string, Record<SweepDecision['kind'], number>> {
  const out: Record<string, Record<SweepDecision['kind'], number>> = {};
  for (const d of decisions) {
    out[d.ruleId] ??= { warn: 0, clear: 0, remove: 0, review: 0 };
    out[d.ruleId]![d.kind]++;
  }
  return out;
}

/** May a member removed at `endedAt` still appeal? */
export function canAppeal(endedAt: string | null, windowDays: number, now: Date): boolean {
  if (!endedAt) return false;
  return now.getTime() <= new Date(endedAt).getTime() + windowDays * DAY_MS;
}

export function appealDeadline(endedAt: string, windowDays: number): string {
  return new Date(new Date(endedAt).getTime() + windowDays * DAY_MS).toISOString();
}
