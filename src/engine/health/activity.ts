/**
 * Activity, silence, familiarity and the weekly series: everything that is a
 * count over members and weeks. Definitions in docs/metrics.md.
 */
import type { Collector, MemberState } from './collector.js';
import type { ChosenInteractions } from './interactions.js';
import { NEWCOMER_GRACE_DAYS, round } from './members.js';
import type { ActivityMetrics, CoreOutputSeries, FamiliarityMetrics, FunnelStep, NewcomerMetrics, RetentionCohort, WeekPoint } from './result.js';
import { TIE_MIN_WEIGHT } from './graph.js';
import { median, weekIndex, weekLabel } from './stats.js';

export const RECENT_WEEKS = 4;
export const STRONG_TIE_WEIGHT = 3;
export const RETENTION_WEEKS = 8;
export const MAX_COHORTS = 52;
/** The retention headline is the cohort table's column week +4. */
export const RETENTION_HEADLINE_WEEK = 4;
/** Cohorts of the log's first weeks are its founding members, not newcomers (as NEWCOMER_GRACE_DAYS). */
const FOUNDING_WEEKS = 2;
const DAY_MS = 86_400_000;

export interface WeekRange {
  first: number;
  last: number;
  count: number;
}

export function weekRange(c: Collector): WeekRange {
  if (!Number.isFinite(c.firstMs)) return { first: 0, last: -1, count: 0 };
  const first = weekIndex(c.firstMs);
  const last = weekIndex(c.lastMs);
  return { first, last, count: last - first + 1 };
}

/** Partners per member index (ties of weight ≥ TIE_MIN_WEIGHT), optionally only ties formed by `untilWeek`. */
function partnerCounts(c: Collector, chosen: ChosenInteractions, untilWeek = Infinity): Uint32Array {
  const deg = new Uint32Array(c.members.length);
  chosen.pairs.forEach((p, i) => {
    if (p.ab + p.ba < TIE_MIN_WEIGHT || chosen.firstWeek[i]! > untilWeek) return;
    deg[p.ai]++;
    deg[p.bi]++;
  });
  return deg;
}

export function familiarity(c: Collector, chosen: ChosenInteractions, range: WeekRange): FamiliarityMetrics {
  const deg = partnerCounts(c, chosen);
  const speakers = c.members.filter((m) => m.messages > 0);
  const partners = speakers.map((m) => deg[m.idx]!);
  let ties = 0;
  let strong = 0;
  for (const p of chosen.pairs) {
    if (p.ab + p.ba < TIE_MIN_WEIGHT) continue;
    ties++;
    if (p.ab >= STRONG_TIE_WEIGHT && p.ba >= STRONG_TIE_WEIGHT) strong++;
  }
  // Growth: mean partners of the members who had spoken by mid-log, at mid-log vs at the end.
  const mid = range.first + Math.floor((range.count - 1) / 2);
  const early = speakers.filter((m) => m.firstMsgMs !== null && weekIndex(m.firstMsgMs) <= mid);
  const degMid = partnerCounts(c, chosen, mid);
  const meanMid = avg(early.map((m) => degMid[m.idx]!));
  const meanEnd = avg(early.map((m) => deg[m.idx]!));
  return {
    meanPartners: nround(avg(partners)),
    medianPartners: median(partners),
    strongTies: strong,
    strongTieShare: ties > 0 ? round(strong / ties) : null,
    partnersGrowth: range.count >= 4 && meanMid !== null && meanMid > 0 && meanEnd !== null ? round(meanEnd / meanMid - 1) : null,
  };
}

export function activity(c: Collector, chosen: ChosenInteractions, weekly: WeekPoint[], topPostersShare: number | null): ActivityMetrics {
  const members = c.members.length;
  let speakers = 0;
  let beyond = 0;
  let greeted = 0;
  let active = 0;
  const recentSince = c.lastMs - RECENT_WEEKS * 7 * DAY_MS;
  for (const m of c.members) {
    if (m.messages > 0) speakers++;
    if (m.beyondGreeting > 0) beyond++;
    else if (m.greetings > 0) greeted++;
    if (m.lastMsgMs !== null && m.lastMsgMs > recentSince) active++;
  }
  return {
    members,
    speakers,
    speakerShare: members > 0 ? round(speakers / members) : null,
    silentShare: members > 0 ? round((members - beyond) / members) : null,
    greetedThenSilent: greeted,
    activeLast4Weeks: active,
    topPostersShare,
    recentToPeak: recentToPeak(weekly, lastWeekCovered(c)),
    newcomers: newcomers(c, chosen),
  };
}

/**
 * Conversation (messages other than greetings) in the last 4 weeks / in the
 * busiest 4 consecutive weeks; null for logs
 * shorter than 8 weeks. The last week is usually cut short by the export, so its
 * count is scaled up by the share of it the log covers (`lastWeekCovered`, ≥ 1/7).
 */
export function recentToPeak(weekly: WeekPoint[], lastWeekCovered = 1): number | null {
  if (weekly.length < 2 * RECENT_WEEKS) return null;
  // Greetings are not conversation: a wave of newcomers saying hello is not a peak.
  const counts = weekly.map((w) => w.messages - w.greetings);
  counts[counts.length - 1] = counts[counts.length - 1]! / Math.min(1, Math.max(1 / 7, lastWeekCovered));
  let window = 0;
  let peak = 0;
  counts.forEach((n, i) => {
    window += n - (i >= RECENT_WEEKS ? counts[i - RECENT_WEEKS]! : 0);
    if (i >= RECENT_WEEKS - 1 && window > peak) peak = window;
  });
  return peak > 0 ? round(window / peak) : null;
}

/** Share of the last week that the log covers (the week ends at the last event). */
export function lastWeekCovered(c: Collector): number {
  return coveredDays(c, weekIndex(c.lastMs)) / 7;
}

function newcomers(c: Collector, chosen: ChosenInteractions): NewcomerMetrics {
  const arrivedAfter = c.firstMs + NEWCOMER_GRACE_DAYS * DAY_MS;
  const list = c.members.filter((m) => m.firstMs > arrivedAfter);
  const latencies: number[] = [];
  let spoke = 0;
  let withinDay = 0;
  for (const m of list) {
    if (m.firstMsgMs === null) continue;
    spoke++;
    const answer = firstAnswer(m, chosen.useTemporal);
    if (answer === null) continue;
    const s = (answer - m.firstMsgMs) / 1000;
    latencies.push(s);
    if (s <= 86_400) withinDay++;
  }
  return {
    count: list.length,
    medianFirstReplySeconds: median(latencies),
    answeredWithinDayShare: spoke > 0 ? round(withinDay / spoke) : null,
    ...headlineRetention(c),
  };
}

/**
 * Week +4 of the retention table, pooled over the newcomer cohorts that reached
 * it — the same cohorts and the same cell the table shows, so the two agree.
 */
function headlineRetention(c: Collector): Pick<NewcomerMetrics, 'retention4w' | 'retentionCohorts'> {
  if (c.members.length === 0) return { retention4w: null, retentionCohorts: { first: null, last: null, cohorts: 0, members: 0 } };
  const firstNewcomerWeek = weekIndex(c.firstMs) + FOUNDING_WEEKS;
  const lastCohortWeek = weekIndex(c.lastMs) - RETENTION_HEADLINE_WEEK;
  const weeks = new Set<number>();
  let members = 0;
  let retained = 0;
  for (const m of c.members) {
    const w = weekIndex(m.firstMs);
    if (w < firstNewcomerWeek || w > lastCohortWeek) continue;
    weeks.add(w);
    members++;
    if (m.weeks.has(w + RETENTION_HEADLINE_WEEK)) retained++;
  }
  const sorted = [...weeks].sort((a, b) => a - b);
  return {
    retention4w: members > 0 ? round(retained / members) : null,
    retentionCohorts: {
      first: sorted.length > 0 ? weekLabel(sorted[0]!) : null,
      last: sorted.length > 0 ? weekLabel(sorted[sorted.length - 1]!) : null,
      cohorts: sorted.length,
      members,
    },
  };
}

function firstAnswer(m: MemberState, useTemporal: boolean): number | null {
  const e = m.firstExplicitAnswerMs;
  const t = useTemporal ? m.firstTemporalAnswerMs : null;
  return e === null ? t : t === null ? e : Math.min(e, t);
}

export function weeklySeries(c: Collector, chosen: ChosenInteractions, range: WeekRange, core: MemberState[]): WeekPoint[] {
  const speakers = new Map<number, number>();
  for (const m of c.members) for (const w of m.weeks.keys()) speakers.set(w, (speakers.get(w) ?? 0) + 1);
  const coreMsgs = new Map<number, number>();
  for (const m of core) for (const [w, n] of m.weeks) coreMsgs.set(w, (coreMsgs.get(w) ?? 0) + n);
  const newTies = new Map<number, number>();
  chosen.pairs.forEach((p, i) => {
    if (p.ab + p.ba < TIE_MIN_WEIGHT) return;
    const w = chosen.firstWeek[i]!;
    newTies.set(w, (newTies.get(w) ?? 0) + 1);
  });
  const out: WeekPoint[] = [];
  for (let w = range.first; w <= range.last; w++) {
    const agg = c.weeks.get(w);
    const days = coveredDays(c, w);
    out.push({
      week: weekLabel(w),
      coveredDays: days,
      partial: days < 7,
      messages: agg?.messages ?? 0,
      greetings: agg?.greetings ?? 0,
      original: agg?.original ?? 0,
      forwarded: agg?.forwarded ?? 0,
      link: agg?.link ?? 0,
      speakers: speakers.get(w) ?? 0,
      newMembers: agg?.newMembers ?? 0,
      leftMembers: agg?.leftMembers ?? 0,
      interactions: Math.round((chosen.weekWeight.get(w) ?? 0) * 100) / 100,
      newTies: newTies.get(w) ?? 0,
      coreMessages: coreMsgs.get(w) ?? 0,
    });
  }
  return out;
}

/** Calendar days (UTC) of week `w` between the log's first and last event, 1..7. */
function coveredDays(c: Collector, w: number): number {
  const monday = w * 7 * DAY_MS - 3 * DAY_MS; // week indexes count from the Monday before the epoch (a Thursday)
  const from = Math.max(monday, Math.floor(c.firstMs / DAY_MS) * DAY_MS);
  const to = Math.min(monday + 7 * DAY_MS, Math.floor(c.lastMs / DAY_MS) * DAY_MS + DAY_MS);
  return Math.max(1, Math.min(7, Math.round((to - from) / DAY_MS)));
}

export function coreOutput(core: MemberState[], range: WeekRange): CoreOutputSeries {
  const weeks: string[] = [];
  for (let w = range.first; w <= range.last; w++) weeks.push(weekLabel(w));
  return {
    members: core.map((m) => ({ id: m.id, name: m.name })),
    weeks,
    counts: core.map((m) => weeks.map((_, j) => m.weeks.get(range.first + j) ?? 0)),
  };
}

export function funnel(c: Collector, chosen: ChosenInteractions, a: ActivityMetrics): FunnelStep[] {
  const deg = partnerCounts(c, chosen);
  let interacted = 0;
  let beyond = 0;
  for (const m of c.members) {
    if (m.beyondGreeting > 0) beyond++;
    if (m.beyondGreeting > 0 && deg[m.idx]! > 0) interacted++;
  }
  return [
    { step: 'seen', count: a.members },
    { step: 'spoke', count: a.speakers },
    { step: 'spokeBeyondGreeting', count: beyond },
    { step: 'interacted', count: interacted },
    { step: 'activeLast4Weeks', count: a.activeLast4Weeks },
  ];
}

/** Cohorts by the week members first appeared; retained[k] = share who posted k weeks later. */
export function retention(c: Collector, range: WeekRange): RetentionCohort[] {
  const cohorts = new Map<number, MemberState[]>();
  for (const m of c.members) {
    const w = weekIndex(m.firstMs);
    const list = cohorts.get(w);
    if (list) list.push(m);
    else cohorts.set(w, [m]);
  }
  return [...cohorts.keys()]
    .sort((a, b) => a - b)
    .slice(-MAX_COHORTS)
    .map((w) => {
      const list = cohorts.get(w)!;
      const retained: number[] = [];
      for (let k = 0; k < RETENTION_WEEKS && w + k <= range.last; k++) {
        retained.push(round(list.filter((m) => m.weeks.has(w + k)).length / list.length));
      }
      return { week: weekLabel(w), size: list.length, retained };
    });
}

function avg(xs: number[]): number | null {
  return xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length;
}

function nround(x: number | null): number | null {
  return x === null ? null : round(x);
}
