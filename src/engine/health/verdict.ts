/**
 * The verdict: is this group a community? Pure rules over the measured metrics;
 * every threshold is named here and justified in docs/metrics.md §Verdict.
 */
import type {
  ActionId, ActivityMetrics, ConditionId, ConditionStatus, CoreMetrics, ExclusiveValueMetrics, FamiliarityMetrics,
  HygieneMetrics, InteractionsInfo, StructureMetrics, VerdictKind, WeekPoint,
} from './result.js';
import { scale } from './stats.js';

export const T = {
  /** declining: the last 4 weeks carry at most this share of the busiest 4 weeks… */
  declineRecentToPeak: 0.35,
  /** …or most of the core stopped and activity fell at least this far. */
  declineWithCoreGone: 0.6,
  /** …and the group was alive: at least this many messages in its busiest 4 weeks, over ≥ 8 weeks of log. */
  declinePeakMessages: 40,
  /** broadcast: the core (or the top 3 posters) post at least this share of messages… */
  broadcastTopShare: 0.6,
  /** …and members barely talk to each other (mesh index below this)… */
  broadcastMeshMax: 0.2,
  /** …or they post at least this share, whatever the mesh (temporal adjacency invents a little mesh from noise). */
  broadcastTopShareAlone: 0.75,
  /** star: centralization at least this, whatever the posting shares. */
  starCentralization: 0.75,
  /** silent: at least this share of members never spoke beyond a greeting… */
  silentShare: 0.8,
  /** …and there is no living conversation: fewer speakers than this in a median week… */
  silentWeeklySpeakers: 3,
  /** …or fewer messages than this (greetings aside) in a median week. */
  silentWeeklyTalk: 10,
  /** When no other rule fits: silent if this share is silent, or the median week has fewer messages than below. */
  silentShareFallback: 0.6,
  silentFallbackTalk: 5,
  /** broadcast: the few posters keep at it — at least this many messages a week. */
  broadcastMinWeekly: 5,
  /** community: at least this share of what the core posts is substantial (value, not chit-chat)… */
  coreValueRate: 0.15,
  /** "members talk": at least this share of the interaction weight is between non-core members… */
  meshMin: 0.25,
  /** …and that member-to-member weight amounts to at least this much per message (not a few stray links). */
  meshPerMessageMin: 0.01,
  /** …and the core supply sub-score is at least this. */
  coreSupplyMin: 50,
  /** A community scores at least this; every other verdict scores below it, capped per kind (see CAPS). */
  communityFloor: 60,
  /** silent majority: at least this share of members never spoke beyond a greeting (named in the reasons)… */
  silentMajority: 0.5,
  /** …and structure and familiarity, measured among speakers only, count in full only when at least this share speaks. */
  participationFull: 0.6,
  /** A group carried by a minority scores at most this, whatever its kind: below a community most members take part in. */
  silentMajorityCap: 69,
};

/**
 * Highest score per non-community verdict: the kinds are ordered by how far they
 * are from a community — no conversation at all (silent) < conversation only
 * with the admins (broadcast) < a mesh without value, or a community losing its core.
 */
export const CAPS: Record<Exclude<VerdictKind, 'community'>, number> = { silent: 29, broadcast: 49, chatter: 59, declining: 59 };

/** Weights of the sub-scores in the 0–100 score (sum 100). */
export const WEIGHTS: Record<Exclude<ConditionId, 'sharedNeed'>, number> = {
  exclusiveValue: 20,
  coreSupply: 25,
  structure: 25,
  familiarity: 10,
  activity: 15,
  hygiene: 5,
};

export interface VerdictInput {
  weeks: number;
  messages: number;
  interactions: InteractionsInfo;
  structure: StructureMetrics;
  exclusiveValue: ExclusiveValueMetrics;
  core: CoreMetrics;
  /** Share of messages by the core, or by the top 3 posters when there is no core. */
  topPostersShare: number | null;
  familiarity: FamiliarityMetrics;
  activity: ActivityMetrics;
  hygiene: HygieneMetrics;
  weekly: WeekPoint[];
}

export interface VerdictOutcome {
  kind: VerdictKind;
  score: number;
  subscores: Record<Exclude<ConditionId, 'sharedNeed'>, number | null>;
  statuses: Record<ConditionId, ConditionStatus>;
  confidence: 'low' | 'medium' | 'high';
  reasons: string[];
  actions: ActionId[];
}

export function subscores(v: VerdictInput): VerdictOutcome['subscores'] {
  const s = v.structure;
  const a = v.activity;
  const hasReception = v.interactions.counts.replies + v.interactions.counts.reactions > 0;
  const absent = v.core.absences.filter((x) => x.change !== null && x.change <= -0.5).length;
  const coreParts =
    v.core.members.length === 0
      ? [0]
      : [
          scale(v.core.substantialShare, 0.2, 0.6),
          scale(v.core.valueRate, 0.05, 0.3),
          scale(v.core.continuity, 0.2, 0.75),
          1 - absent / v.core.members.length,
        ];
  const speakers = Math.max(1, a.speakers);
  // Structure and familiarity are measured among those who speak: a lively mesh of a
  // few says little about a group whose majority never speaks, so they count in
  // proportion to how many take part.
  const participation = a.silentShare === null ? 1 : Math.min(1, (1 - a.silentShare) / T.participationFull);
  const ofSpeakers = (x: number | null): number | null => (x === null ? null : Math.round(x * participation));
  return {
    exclusiveValue: mean100([scale(v.exclusiveValue.originalShare, 0.5, 0.9), hasReception ? scale(v.exclusiveValue.original.answeredShare, 0.05, 0.3) : null]),
    coreSupply: mean100(coreParts),
    structure: ofSpeakers(mean100([scale(s.meshIndex, 0.1, 0.5), scale(s.centralization, 0.8, 0.3), scale(s.reciprocity, 0.1, 0.5), scale(s.mainComponentShare, 0.5, 0.9)])),
    familiarity: ofSpeakers(mean100([scale(v.familiarity.meanPartners, 1, 5), scale(v.familiarity.strongTieShare, 0, 0.2)])),
    activity: mean100([
      a.silentShare === null ? null : scale(1 - a.silentShare, 0.1, 0.5),
      scale(a.recentToPeak, 0.3, 0.8),
      scale(a.newcomers.retention4w, 0.1, 0.5),
      scale(a.newcomers.answeredWithinDayShare, 0.2, 0.8),
    ]),
    // Spam, and members who are pruning candidates: a group whose members mostly are cannot score as clean.
    hygiene:
      v.messages === 0
        ? null
        : mean100([
            scale(v.hygiene.spamSuspects.length / speakers, 0.1, 0),
            // `?? null`: inputs built before the share existed leave it out, and then it is not measured.
            scale(v.hygiene.pruningCandidateShare ?? null, 0.6, 0.2),
          ]),
  };
}

export function decide(v: VerdictInput): VerdictOutcome {
  const sub = subscores(v);
  const s = v.structure;
  const a = v.activity;
  const reasons: string[] = [];
  const peak4 = peakWindow(v.weekly);
  const coreGone = v.core.members.length > 0 && v.core.absences.length * 2 >= v.core.members.length;
  const wasAlive = v.weekly.length >= 8 && peak4 >= T.declinePeakMessages;
  const r2p = a.recentToPeak;
  const medianSpeakers = medianOf(v.weekly.map((w) => w.speakers));
  const medianTalk = medianOf(v.weekly.map((w) => w.messages - w.greetings));
  const noConversation = medianSpeakers < T.silentWeeklySpeakers || medianTalk < T.silentWeeklyTalk;
  const topPostersWeekly = v.weekly.length > 0 ? ((v.topPostersShare ?? 0) * v.messages) / v.weekly.length : 0;
  const mesh = s.meshIndex;
  const top = v.topPostersShare ?? 0;
  const membersTalk = (mesh ?? 0) >= T.meshMin && (s.meshPerMessage ?? 0) >= T.meshPerMessageMin;

  let kind: VerdictKind;
  if (wasAlive && r2p !== null && (r2p <= T.declineRecentToPeak || (coreGone && r2p <= T.declineWithCoreGone))) {
    kind = 'declining';
    reasons.push('activity_fell', ...(coreGone ? ['core_stopped'] : []));
  } else if (
    topPostersWeekly >= T.broadcastMinWeekly &&
    ((top >= T.broadcastTopShare && (mesh === null || mesh < T.broadcastMeshMax || !membersTalk)) || top >= T.broadcastTopShareAlone)
  ) {
    kind = 'broadcast';
    reasons.push('few_post_most', mesh === null ? 'no_interaction' : membersTalk ? 'members_talk_little' : 'members_do_not_talk');
  } else if (
    s.centralization !== null && s.centralization >= T.starCentralization && !membersTalk && topPostersWeekly >= T.broadcastMinWeekly
  ) {
    kind = 'broadcast';
    reasons.push('star_structure');
  } else if ((a.silentShare ?? 1) >= T.silentShare && noConversation) {
    kind = 'silent';
    reasons.push('most_members_silent');
  } else if (coreSupplies(v, sub) && membersTalk) {
    kind = 'community';
    reasons.push('core_supplies', 'members_talk');
  } else if (membersTalk) {
    kind = 'chatter';
    reasons.push(v.core.members.length === 0 ? 'no_core' : 'core_weak', 'members_talk');
  } else if ((a.silentShare ?? 1) >= T.silentShareFallback || v.messages === 0 || medianTalk < T.silentFallbackTalk) {
    kind = 'silent';
    reasons.push('most_members_silent');
  } else {
    kind = 'broadcast';
    reasons.push('members_do_not_talk');
  }
  if (kind !== 'silent' && (a.silentShare ?? 0) >= T.silentMajority) reasons.push('silent_majority');
  if ((v.exclusiveValue.originalShare ?? 1) < 0.6) reasons.push('mostly_forwarded');
  if (v.hygiene.spamSuspects.length > 0) reasons.push('spam_present');
  if ((a.newcomers.answeredWithinDayShare ?? 1) < 0.3) reasons.push('newcomers_unanswered');

  let score = weighted(sub);
  score = kind === 'community' ? Math.max(score, T.communityFloor) : Math.min(score, CAPS[kind]);
  if (reasons.includes('silent_majority')) score = Math.min(score, T.silentMajorityCap);
  const confidence = v.messages < 200 || v.weeks < 4 || a.members < 10 ? 'low' : v.messages < 2000 || v.weeks < 12 ? 'medium' : 'high';
  return { kind, score, subscores: sub, statuses: statuses(v, sub), confidence, reasons, actions: actions(kind, v, sub) };
}

/** Condition 3 as the verdict tests it: core members exist and supply substantial content. */
function coreSupplies(v: VerdictInput, sub: VerdictOutcome['subscores']): boolean {
  return v.core.members.length > 0 && (sub.coreSupply ?? 0) >= T.coreSupplyMin && (v.core.valueRate ?? 0) >= T.coreValueRate;
}

function statuses(v: VerdictInput, sub: VerdictOutcome['subscores']): Record<ConditionId, ConditionStatus> {
  const of = (x: number | null): ConditionStatus => (x === null ? 'not_measurable' : x >= 60 ? 'met' : x >= 35 ? 'weak' : 'unmet');
  // The evidence never calls core supply met when the verdict says the core does not supply.
  const core = of(sub.coreSupply);
  return {
    sharedNeed: 'not_measurable',
    exclusiveValue: v.messages === 0 ? 'not_measurable' : of(sub.exclusiveValue),
    coreSupply: v.messages === 0 ? 'not_measurable' : core === 'met' && !coreSupplies(v, sub) ? 'weak' : core,
    structure: of(sub.structure),
    familiarity: of(sub.familiarity),
    activity: of(sub.activity),
    hygiene: of(sub.hygiene),
  };
}

function actions(kind: VerdictKind, v: VerdictInput, sub: VerdictOutcome['subscores']): ActionId[] {
  const forwarded = (v.exclusiveValue.originalShare ?? 1) < 0.7;
  const spam = v.hygiene.spamSuspects.length > 0;
  const unanswered = (v.activity.newcomers.answeredWithinDayShare ?? 1) < 0.5;
  const manyGreeted = v.activity.greetedThenSilent >= Math.max(3, 0.1 * v.activity.members);
  const prunable = v.hygiene.pruningCandidatesTotal > 0;
  const byKind: Record<VerdictKind, (ActionId | false)[]> = {
    broadcast: [forwarded ? 'stopForwarding' : 'exclusiveContent', 'selfIntroductions', 'rhythmicDiscussions'],
    chatter: [spam && 'prune', 'appointCore', 'exclusiveContent', 'gateEntrance'],
    silent: ['gateEntrance', manyGreeted && 'selfIntroductions', unanswered && 'welcomeNewcomers', prunable && 'prune', 'rhythmicDiscussions'],
    declining: [v.core.absences.length > 0 ? 'reviveCore' : 'appointCore', 'rhythmicDiscussions', 'offlineEvents', prunable && 'prune'],
    community: [
      spam && 'prune',
      unanswered && 'welcomeNewcomers',
      (sub.familiarity ?? 100) < 50 && 'selfIntroductions',
      (sub.coreSupply ?? 100) < 70 && 'appointCore',
      'offlineEvents',
      prunable && 'prune',
      'rhythmicDiscussions',
    ],
  };
  const list = byKind[kind];
  return [...new Set(list.filter((x): x is ActionId => x !== false))].slice(0, 3);
}

function weighted(sub: VerdictOutcome['subscores']): number {
  let total = 0;
  let weight = 0;
  for (const [k, w] of Object.entries(WEIGHTS) as [keyof typeof WEIGHTS, number][]) {
    const x = sub[k];
    if (x === null) continue;
    total += x * w;
    weight += w;
  }
  return weight === 0 ? 0 : Math.round(total / weight);
}

function mean100(parts: (number | null)[]): number | null {
  const xs = parts.filter((x): x is number => x !== null);
  return xs.length === 0 ? null : Math.round((100 * xs.reduce((a, b) => a + b, 0)) / xs.length);
}

function peakWindow(weekly: WeekPoint[]): number {
  let window = 0;
  let peak = 0;
  weekly.forEach((w, i) => {
    const talk = (p: WeekPoint): number => p.messages - p.greetings;
    window += talk(w) - (i >= 4 ? talk(weekly[i - 4]!) : 0);
    peak = Math.max(peak, window);
  });
  return peak;
}

function medianOf(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}
