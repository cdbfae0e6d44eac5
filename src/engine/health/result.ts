/**
 * The `shequn diagnose --json` contract: everything the analyzer measured and
 * everything the HTML report draws. Stable: fields are added, never renamed.
 * Every metric is defined in docs/metrics.md (formula, window, edge cases).
 *
 * Conventions: shares are 0..1; a metric that cannot be computed (e.g. no
 * interactions at all) is `null`, never 0; times are ISO-8601 UTC; a "week" is
 * the ISO week named by its Monday ("2024-03-04"); durations are seconds.
 */
import type { Lang } from '../../kernel/i18n.js';

export const RESULT_SCHEMA_VERSION = 1;

/** 社群 / 广播群 / 闲聊群 / 衰退群 / 沉默群 */
export type VerdictKind = 'community' | 'broadcast' | 'chatter' | 'declining' | 'silent';

/** What the analysis says the chat is: a group of one of the kinds above, or not a group at all (a 1:1 chat). */
export type ResultKind = VerdictKind | 'not_group';

/** The seed's three conditions plus the measurable properties that follow from them. */
export type ConditionId =
  | 'sharedNeed' // condition 1: 共同利益或需求
  | 'exclusiveValue' // condition 2: 公开渠道得不到的东西
  | 'coreSupply' // condition 3: 骨干源源不断
  | 'structure' // mesh vs star (半去中心化)
  | 'familiarity' // rule 4: members know each other
  | 'activity' // activity and silence
  | 'hygiene'; // rule 5: pruning

/** How a condition fared: 'not_measurable' when the source cannot tell (never guessed). */
export type ConditionStatus = 'met' | 'weak' | 'unmet' | 'not_measurable';

/** Operator actions the diagnosis may recommend (keys of health:actions.* in the catalogue). */
export type ActionId =
  | 'gateEntrance' // 把好入口
  | 'appointCore' // 设立骨干
  | 'exclusiveContent' // 骨干产出非公开内容/福利
  | 'selfIntroductions' // 自我介绍、破冰
  | 'rhythmicDiscussions' // 群SOP, themed discussions
  | 'welcomeNewcomers' // answer newcomers quickly
  | 'stopForwarding' // stop forwarding public content
  | 'reviveCore' // bring back / replace core members who stopped
  | 'offlineEvents' // 线下活动
  | 'prune'; // 及时清理

export interface DiagnosisText {
  /** One or two sentences: what the group is and why. */
  summary: string;
  /** The 2–3 things to do next, most important first. */
  actions: string[];
}

export interface MemberRef {
  id: string;
  name: string;
}

export interface SourceInfo {
  /** Importer id ('telegram', 'discord', …) or 'activity-log' for the platform's own log. */
  format: string;
  /** Human label of the format, when known. */
  label?: string;
  /** Input path as given on the command line (may be empty for the platform). */
  path: string;
  chatName: string | null;
  /** content.posted + content.replied events (one per message). */
  messages: number;
  /** Distinct members seen: authors, reply/mention/reaction targets, joiners. */
  members: number;
  /** All events read, of every kind. */
  events: number;
  firstAt: string | null;
  lastAt: string | null;
  /** ISO weeks from the first to the last event, inclusive. */
  weeks: number;
  /** Replies whose author the importer or analyzer could not resolve (see ReplyResolver). */
  unresolvedReplies: number;
}

export interface Verdict {
  /** 'not_group' for a chat between two people: no group verdict, no score, conditions not measurable. */
  kind: ResultKind;
  /** 0..100 health score (docs/metrics.md §Verdict); null when the chat is not a group. */
  score: number | null;
  /** Per-condition 0..100 sub-scores that make up `score` (null = not measured). */
  subscores: Record<Exclude<ConditionId, 'sharedNeed'>, number | null>;
  /** How sure the classification is: low when the log is short or small. */
  confidence: 'low' | 'medium' | 'high';
  /** Machine-readable reasons (e.g. 'centralization_high'), in order of weight. */
  reasons: string[];
  /** Recommended actions, most important first (2–3). */
  actions: ActionId[];
  /** Plain-language diagnosis in every UI language. */
  diagnosis: Record<Lang, DiagnosisText>;
}

export interface MeasuredValue {
  /** Dotted path of the metric in this result, e.g. 'structure.meshIndex'. */
  metric: string;
  value: number | null;
  /**
   * A pass mark the condition's status depends on, when the value is decisive:
   * a condition is `met` only when every value shown with a threshold meets it.
   * Values without one are context (shown, never coloured).
   */
  threshold?: number;
  /** '>=' means higher is healthier. */
  direction?: '>=' | '<=';
}

export interface ConditionEvidence {
  id: ConditionId;
  status: ConditionStatus;
  /** 0..100, null when not measurable. */
  score: number | null;
  measured: MeasuredValue[];
  /** One-line explanation in every UI language (why met/unmet, or why not measurable). */
  text: Record<Lang, string>;
}

export interface InteractionsInfo {
  /** 'explicit' ≥ 80% of weight from replies/mentions/reactions, 'temporal' ≥ 80% from adjacency, else 'mixed'; 'none' if no interaction. */
  method: 'explicit' | 'temporal' | 'mixed' | 'none';
  /** Total interaction weight (an explicit link weighs 1; a temporal one exp(-gap/τ)). */
  totalWeight: number;
  explicitWeight: number;
  temporalWeight: number;
  /** explicitWeight / totalWeight (null when totalWeight = 0). */
  explicitShare: number | null;
  /** Counts of explicit links by kind. */
  counts: { replies: number; quotes: number; mentions: number; reactions: number; temporal: number };
  /** Temporal heuristic parameters actually used. */
  temporal: { enabled: boolean; windowSeconds: number; decaySeconds: number };
}

export interface StructureMetrics {
  /** Share of interaction weight between two non-core members (0..1). */
  meshIndex: number | null;
  /**
   * Interaction weight between non-core members per message (0..~1): how much of
   * the traffic is members talking to members. Unlike meshIndex it stays small when
   * a handful of stray member-to-member links is all there is.
   */
  meshPerMessage: number | null;
  /** Freeman degree centralization of the undirected interaction graph (0..1). */
  centralization: number | null;
  /** Share of interaction weight on the single most central member (0..1). */
  topMemberShare: number | null;
  /** Share of directed ties (a→b) that are answered (b→a). */
  reciprocity: number | null;
  /** Average local clustering coefficient over nodes with degree ≥ 2. */
  clustering: number | null;
  /** Members in the largest connected component / members in the graph. */
  mainComponentShare: number | null;
  components: number;
  density: number | null;
  nodes: number;
  edges: number;
}

export interface OriginReception {
  messages: number;
  /** Share of all messages with this origin. */
  share: number | null;
  /** Replies received per message of this origin. */
  repliesPerMessage: number | null;
  reactionsPerMessage: number | null;
  /** Share of these messages that received at least one reply or reaction (resolvable ones). */
  answeredShare: number | null;
  /** Median seconds from the message to its first reply (replies in the window only). */
  medianFirstReplySeconds: number | null;
}

export interface ExclusiveValueMetrics {
  original: OriginReception;
  forwarded: OriginReception;
  link: OriginReception;
  /** original.messages / all messages. */
  originalShare: number | null;
  /** Substantial original posts (≥ 50 characters, or a picture/video/file/poll) / all messages. */
  substantialShare: number | null;
}

export interface CoreMember extends MemberRef {
  messages: number;
  originalMessages: number;
  repliesReceived: number;
  /** Share of the group's original content this member produced. */
  originalShare: number;
  /** Weeks with at least one message / weeks from first to last week of the log. */
  continuity: number;
  firstWeek: string;
  lastWeek: string;
}

export interface CoreAbsence extends MemberRef {
  /** Last week this core member posted, when it is ≥ 4 weeks before the end of the log. */
  lastWeek: string;
  /** Group messages per week in the 4 weeks before / after that week. */
  groupMessagesPerWeekBefore: number;
  groupMessagesPerWeekAfter: number;
  /** after / before − 1 (negative = the group fell quiet without them). */
  change: number | null;
}

export interface CoreMetrics {
  /** Plain-language method (English), e.g. "Members whose score … is at least 2.5× an equal share …". */
  method: string;
  /** The same method in every UI language. */
  methodText: Record<Lang, string>;
  members: CoreMember[];
  /** Core members' share of all original content. */
  originalContentShare: number | null;
  /** Core members' share of all substantial original posts (see exclusiveValue.substantialShare). */
  substantialShare: number | null;
  /** Substantial posts / messages of the core: how much of what the core says carries value. */
  valueRate: number | null;
  /** Mean continuity of the core members. */
  continuity: number | null;
  /** Original messages / messages of the core: how much of what the core posts is its own (not forwards or bare links). */
  originalRate: number | null;
  /** Smallest number of members who produced ≥ 50% of messages (CHAOSS contributor absence factor). */
  busFactor: number;
  /** Core members who stopped, and what happened to the group after. */
  absences: CoreAbsence[];
}

export interface FamiliarityMetrics {
  /** Mean distinct interaction partners per speaking member. */
  meanPartners: number | null;
  medianPartners: number | null;
  /** Pairs with ≥ 3 interactions each way (repeated and reciprocated). */
  strongTies: number;
  /** strongTies / pairs with any interaction. */
  strongTieShare: number | null;
  /** Mean partners per active member: first-half-of-log vs whole log (growth). */
  partnersGrowth: number | null;
}

export interface NewcomerMetrics {
  /** Members whose first appearance (join or first message) is after the first 2 weeks of the log. */
  count: number;
  /** Median seconds from a newcomer's first message to the first reply/mention they get from another member. */
  medianFirstReplySeconds: number | null;
  /** Share of newcomers who spoke and got any answer within 24 h. */
  answeredWithinDayShare: number | null;
  /**
   * The retention table's week +4, pooled over the newcomer cohorts that reached it:
   * members of those cohorts who posted in the 4th week after the week they arrived,
   * / members of those cohorts. Founding cohorts (the log's first 2 weeks) are not newcomers.
   */
  retention4w: number | null;
  /** Which cohorts retention4w covers (first and last cohort week, how many cohorts and members). */
  retentionCohorts: { first: string | null; last: string | null; cohorts: number; members: number };
}

export interface ActivityMetrics {
  members: number;
  /** Members who posted at least one message. */
  speakers: number;
  speakerShare: number | null;
  /** Members who never spoke beyond a greeting / all members seen (0..1). */
  silentShare: number | null;
  /** Members whose only messages were greetings (大家好, hi, 新人报到…). */
  greetedThenSilent: number;
  /** Members who posted in the last 4 weeks of the log. */
  activeLast4Weeks: number;
  /** Share of messages posted by the core, or by the top 3 posters when there is no core. */
  topPostersShare: number | null;
  /** Messages per week in the last 4 weeks vs the 4 weeks of the peak (rolling) — declining < 1. */
  recentToPeak: number | null;
  newcomers: NewcomerMetrics;
}

export type PruneReason =
  | 'spam_links' // link flood
  | 'spam_repeated' // repeated identical text
  | 'inactive' // nothing for 8+ weeks (while the group was alive)
  | 'greeted_only' // greeted, then silent
  | 'never_spoke'; // joined and never said anything

export interface SpamSuspect extends MemberRef {
  messages: number;
  /** Messages containing a link / messages. */
  linkShare: number;
  /** Messages whose normalized text this member had posted before (within the bounded memory). */
  repeatedMessages: number;
  /** Most times this member posted one and the same text. */
  sameTextMax: number;
  reasons: PruneReason[];
}

export interface PruneCandidate extends MemberRef {
  reasons: PruneReason[];
  lastSeen: string | null;
  messages: number;
}

export interface HygieneMetrics {
  spamSuspects: SpamSuspect[];
  /** Up to 200, most urgent first (spam before inactivity). */
  pruningCandidates: PruneCandidate[];
  pruningCandidatesTotal: number;
  /** pruningCandidatesTotal / members seen (null with no members). */
  pruningCandidateShare: number | null;
}

export interface WeekPoint {
  week: string;
  /** Days of this week the log covers (the first and last weeks are usually cut short by the export). */
  coveredDays: number;
  /** coveredDays < 7: the counts are of part of a week, not a fall or a rise. */
  partial: boolean;
  messages: number;
  /** Messages that were only a greeting (not conversation). */
  greetings: number;
  original: number;
  forwarded: number;
  link: number;
  speakers: number;
  newMembers: number;
  leftMembers: number;
  /** Interaction weight in the week. */
  interactions: number;
  /** Pairs interacting for the first time in the log. */
  newTies: number;
  coreMessages: number;
}

/** Core-member output per week: counts[i][j] = messages of members[i] in weeks[j]. */
export interface CoreOutputSeries {
  members: MemberRef[];
  weeks: string[];
  counts: number[][];
}

export type FunnelStepId = 'seen' | 'spoke' | 'spokeBeyondGreeting' | 'interacted' | 'activeLast4Weeks';

export interface FunnelStep {
  step: FunnelStepId;
  count: number;
}

export interface RetentionCohort {
  /** Week the cohort first appeared. */
  week: string;
  size: number;
  /** retained[k] = share of the cohort who posted in week k after arriving (k = 0..7, shorter near the end). */
  retained: number[];
}

export interface GraphNode extends MemberRef {
  core: boolean;
  /** Distinct partners (undirected degree). */
  degree: number;
  /** Sum of interaction weight in and out. */
  weight: number;
  messages: number;
}

export interface GraphEdge {
  source: string;
  target: string;
  /** Undirected pair weight (both directions summed). */
  weight: number;
  /** Share of this pair's weight that came from explicit links. */
  explicitShare: number;
}

export interface InteractionGraph {
  /** Nodes with at least one drawn edge plus the core, up to 1,500. */
  nodes: GraphNode[];
  /** The strongest edges, up to 3,000. */
  edges: GraphEdge[];
  totalNodes: number;
  totalEdges: number;
  truncated: boolean;
}

export interface DiagnosisResult {
  schemaVersion: typeof RESULT_SCHEMA_VERSION;
  generatedAt: string;
  source: SourceInfo;
  verdict: Verdict;
  /** Evidence per condition, in the order of ConditionId above. */
  conditions: ConditionEvidence[];
  interactions: InteractionsInfo;
  structure: StructureMetrics;
  exclusiveValue: ExclusiveValueMetrics;
  core: CoreMetrics;
  familiarity: FamiliarityMetrics;
  activity: ActivityMetrics;
  hygiene: HygieneMetrics;
  weekly: WeekPoint[];
  coreOutput: CoreOutputSeries;
  funnel: FunnelStep[];
  retention: RetentionCohort[];
  graph: InteractionGraph;
}

/** What the caller knows about the source (the analyzer counts the rest). */
export interface AnalyzeMeta {
  format: string;
  label?: string;
  path?: string;
  chatName?: string | null;
  /** Replies the importer could not resolve to an author. */
  unresolvedReplies?: number;
  /** Fixed clock for generatedAt (tests); defaults to now. */
  generatedAt?: string;
}
