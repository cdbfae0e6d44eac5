/**
 * Small hand-made verdict inputs for the table-driven tests of verdict.ts: a
 * baseline group that is plainly a community, and knobs that move one metric at
 * a time across the threshold under test.
 */
import type { CoreAbsence, CoreMember, WeekPoint } from '../result.js';
import type { VerdictInput } from '../verdict.js';

export interface Knobs {
  /** Weekly points; default 12 weeks of 50 messages by 10 speakers, no greetings. */
  weekly?: WeekPoint[];
  messages?: number;
  topPostersShare?: number | null;
  meshIndex?: number | null;
  meshPerMessage?: number | null;
  centralization?: number | null;
  silentShare?: number | null;
  recentToPeak?: number | null;
  coreSize?: number;
  absences?: (number | null)[];
  coreSubstantialShare?: number | null;
  coreValueRate?: number | null;
  coreContinuity?: number | null;
  originalShare?: number | null;
  answeredShare?: number | null;
  replies?: number;
  reactions?: number;
  meanPartners?: number | null;
  strongTieShare?: number | null;
  members?: number;
  speakers?: number;
  answeredWithinDayShare?: number | null;
  retention4w?: number | null;
  greetedThenSilent?: number;
  spamSuspects?: number;
  pruningCandidateShare?: number | null;
  pruningCandidates?: number;
  weeks?: number;
}

export function week(messages: number, speakers = 10, greetings = 0): WeekPoint {
  return {
    week: '2024-01-01', messages, greetings, original: messages, forwarded: 0, link: 0, speakers, newMembers: 0, leftMembers: 0, interactions: 0, newTies: 0, coreMessages: 0,
    coveredDays: 7, partial: false,
  };
}

export const weeks = (n: number, messages: number, speakers = 10, greetings = 0): WeekPoint[] => Array.from({ length: n }, () => week(messages, speakers, greetings));

const coreMember = (i: number): CoreMember => ({
  id: `core${i}`, name: `core${i}`, messages: 50, originalMessages: 50, repliesReceived: 10, originalShare: 0.1, continuity: 1, firstWeek: '2024-W01', lastWeek: '2024-W12',
});

const absence = (i: number, change: number | null): CoreAbsence => ({
  id: `core${i}`, name: `core${i}`, lastWeek: '2024-W06', groupMessagesPerWeekBefore: 50, groupMessagesPerWeekAfter: 50, change,
});

const reception = (answeredShare: number | null) => ({ messages: 0, share: null, repliesPerMessage: null, reactionsPerMessage: null, answeredShare, medianFirstReplySeconds: null });

export function verdictInput(k: Knobs = {}): VerdictInput {
  const weekly = k.weekly ?? weeks(12, 50);
  const coreSize = k.coreSize ?? 3;
  const has = <K extends keyof Knobs>(key: K): boolean => key in k;
  return {
    weeks: k.weeks ?? weekly.length,
    messages: k.messages ?? weekly.reduce((s, w) => s + w.messages, 0),
    interactions: {
      method: 'explicit', totalWeight: 100, explicitWeight: 100, temporalWeight: 0, explicitShare: 1,
      counts: { replies: k.replies ?? 10, quotes: 0, mentions: 0, reactions: k.reactions ?? 0, temporal: 0 },
      temporal: { enabled: false, windowSeconds: 300, decaySeconds: 120 },
    },
    structure: {
      meshIndex: has('meshIndex') ? k.meshIndex! : 0.4,
      meshPerMessage: has('meshPerMessage') ? k.meshPerMessage! : 0.1,
      centralization: has('centralization') ? k.centralization! : 0.3,
      topMemberShare: 0.1, reciprocity: 0.5, clustering: 0.3, mainComponentShare: 0.9, components: 1, density: 0.2, nodes: 30, edges: 90,
    },
    exclusiveValue: {
      original: reception(has('answeredShare') ? k.answeredShare! : 0.3), forwarded: reception(null), link: reception(null),
      originalShare: has('originalShare') ? k.originalShare! : 0.9, substantialShare: 0.3,
    },
    core: {
      method: '', methodText: { 'zh-Hans': '', 'zh-Hant': '', en: '' },
      members: Array.from({ length: coreSize }, (_, i) => coreMember(i)),
      originalContentShare: 0.3,
      originalRate: 0.5,
      substantialShare: has('coreSubstantialShare') ? k.coreSubstantialShare! : 0.6,
      valueRate: has('coreValueRate') ? k.coreValueRate! : 0.3,
      continuity: has('coreContinuity') ? k.coreContinuity! : 0.75,
      busFactor: 3,
      absences: (k.absences ?? []).map((change, i) => absence(i, change)),
    },
    topPostersShare: has('topPostersShare') ? k.topPostersShare! : 0.3,
    familiarity: {
      meanPartners: has('meanPartners') ? k.meanPartners! : 5, medianPartners: 5, strongTies: 10,
      strongTieShare: has('strongTieShare') ? k.strongTieShare! : 0.2, partnersGrowth: 0.1,
    },
    activity: {
      members: k.members ?? 60, speakers: k.speakers ?? 30, speakerShare: 0.5,
      // 30% silent: full participation (≥ 60% speak) and no silent majority.
      silentShare: has('silentShare') ? k.silentShare! : 0.3,
      greetedThenSilent: k.greetedThenSilent ?? 0, activeLast4Weeks: 20,
      topPostersShare: has('topPostersShare') ? k.topPostersShare! : 0.3,
      recentToPeak: has('recentToPeak') ? k.recentToPeak! : 1,
      newcomers: {
        count: 10, medianFirstReplySeconds: 600,
        answeredWithinDayShare: has('answeredWithinDayShare') ? k.answeredWithinDayShare! : 0.8,
        retention4w: has('retention4w') ? k.retention4w! : 0.5,
        retentionCohorts: { first: null, last: null, cohorts: 0, members: 0 },
      },
    },
    hygiene: {
      spamSuspects: Array.from({ length: k.spamSuspects ?? 0 }, (_, i) => ({
        id: `spam${i}`, name: `spam${i}`, messages: 10, linkShare: 1, repeatedMessages: 0, sameTextMax: 1, reasons: ['spam_links' as const],
      })),
      pruningCandidates: [],
      pruningCandidatesTotal: k.pruningCandidates ?? 0,
      pruningCandidateShare: has('pruningCandidateShare') ? k.pruningCandidateShare! : 0,
    },
    weekly,
  };
}
