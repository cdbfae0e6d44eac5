/**
 * The evidence each condition card shows, and the status it may claim. A value
 * shown with a threshold is decisive: the condition is `met` only when every
 * such value meets its threshold, so the report never draws a metric in red
 * under "met". Values without a threshold are context. docs/metrics.md §Evidence.
 */
import type { ConditionId, ConditionStatus, MeasuredValue } from './result.js';
import { T, type VerdictInput } from './verdict.js';

/** Share of members among pruning candidates above which hygiene cannot be met (most members are candidates). */
export const PRUNE_MAJORITY = 0.5;
/** Share of what the core posts that must be its own (not forwards, not bare links) for core supply to be met. */
export const CORE_ORIGINAL_MIN = 0.6;
/** Original content share below which a group is mostly forwarded (also the verdict's `mostly_forwarded`). */
export const ORIGINAL_SHARE_MIN = 0.6;
/** Newcomers answered within a day below this is named in the verdict (`newcomers_unanswered`). */
export const NEWCOMERS_ANSWERED_MIN = 0.3;

const decisive = (metric: string, value: number | null, threshold: number, direction: '>=' | '<='): MeasuredValue => ({ metric, value, threshold, direction });
const context = (metric: string, value: number | null): MeasuredValue => ({ metric, value });

export function measuredEvidence(v: VerdictInput): Record<ConditionId, MeasuredValue[]> {
  const s = v.structure;
  const a = v.activity;
  const ev = v.exclusiveValue;
  return {
    sharedNeed: [],
    exclusiveValue: [
      decisive('exclusiveValue.originalShare', ev.originalShare, ORIGINAL_SHARE_MIN, '>='),
      context('exclusiveValue.substantialShare', ev.substantialShare),
      context('exclusiveValue.original.answeredShare', ev.original.answeredShare),
    ],
    coreSupply: [
      decisive('core.valueRate', v.core.valueRate, T.coreValueRate, '>='),
      decisive('core.originalRate', v.core.originalRate, CORE_ORIGINAL_MIN, '>='),
      context('core.substantialShare', v.core.substantialShare),
      context('core.originalContentShare', v.core.originalContentShare),
      context('core.continuity', v.core.continuity),
      context('core.busFactor', v.core.busFactor),
    ],
    // Degree centralization is not shown: on interaction graphs it is as high for a healthy
    // community (the core talks with everyone) as for a star. The weighted share of the
    // most central member separates them and is shown instead.
    structure: [
      decisive('structure.meshIndex', s.meshIndex, T.meshMin, '>='),
      decisive('structure.meshPerMessage', s.meshPerMessage, T.meshPerMessageMin, '>='),
      decisive('activity.topPostersShare', a.topPostersShare, T.broadcastTopShare, '<='),
      context('structure.topMemberShare', s.topMemberShare),
      context('structure.reciprocity', s.reciprocity),
      context('structure.clustering', s.clustering),
      context('structure.mainComponentShare', s.mainComponentShare),
    ],
    familiarity: [
      context('familiarity.meanPartners', v.familiarity.meanPartners),
      context('familiarity.strongTieShare', v.familiarity.strongTieShare),
      context('familiarity.partnersGrowth', v.familiarity.partnersGrowth),
    ],
    activity: [
      decisive('activity.silentShare', a.silentShare, T.silentMajority, '<='),
      decisive('activity.recentToPeak', a.recentToPeak, T.declineRecentToPeak, '>='),
      decisive('activity.newcomers.answeredWithinDayShare', a.newcomers.answeredWithinDayShare, NEWCOMERS_ANSWERED_MIN, '>='),
      context('activity.newcomers.retention4w', a.newcomers.retention4w),
    ],
    hygiene: [
      decisive('hygiene.spamSuspects', v.hygiene.spamSuspects.length, 0, '<='),
      decisive('hygiene.pruningCandidateShare', v.hygiene.pruningCandidateShare, PRUNE_MAJORITY, '<='),
    ],
  };
}

/** Whether a decisive value misses its threshold (null values decide nothing). */
export function missesThreshold(m: MeasuredValue): boolean {
  if (m.threshold === undefined || m.direction === undefined || m.value === null) return false;
  return m.direction === '>=' ? m.value < m.threshold : m.value > m.threshold;
}

/** A status of `met` with a decisive value missing its threshold is at most `weak`. */
export function statusWithEvidence(status: ConditionStatus, measured: MeasuredValue[]): ConditionStatus {
  return status === 'met' && measured.some(missesThreshold) ? 'weak' : status;
}
