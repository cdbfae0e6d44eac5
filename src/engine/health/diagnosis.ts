/**
 * Renders the verdict and the evidence in plain language, in every UI
 * language, from locales/<lang>/health.json.
 */
import { LANGS, t, type Lang } from '../../kernel/i18n.js';
import type { ConditionEvidence, ConditionId, DiagnosisText, MeasuredValue } from './result.js';
import type { VerdictInput, VerdictOutcome } from './verdict.js';
import { T } from './verdict.js';

const pct = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : String(Math.round(x * 100)));
const num = (x: number | null | undefined, digits = 2): string => (x === null || x === undefined ? '—' : x.toFixed(digits));

export function renderDiagnosis(v: VerdictInput, o: VerdictOutcome): Record<Lang, DiagnosisText> {
  const gone = v.core.absences.length;
  const key = o.kind === 'declining' && gone > 0 ? 'decliningCore' : o.kind;
  const params = {
    core: v.core.members.length,
    coreShare: pct(v.core.substantialShare),
    mesh: num(v.structure.meshIndex),
    top: pct(v.topPostersShare),
    recent: pct(v.activity.recentToPeak),
    gone,
    silent: pct(v.activity.silentShare),
  };
  const out = {} as Record<Lang, DiagnosisText>;
  for (const lang of LANGS) {
    // Only a low-confidence reading carries a caveat.
    const caveat = o.confidence === 'low' ? t(lang, 'health:confidence.low') : '';
    const minority = o.reasons.includes('silent_majority') ? ' ' + t(lang, 'health:summary.silentMajority', params) : '';
    const summary = t(lang, `health:summary.${key}`, params) + minority;
    out[lang] = {
      summary: caveat ? t(lang, 'health:format.summaryWithCaveat', { summary, caveat }) : summary,
      actions: o.actions.map((a) => t(lang, `health:actions.${a}`)),
    };
  }
  return out;
}

export function renderConditions(v: VerdictInput, o: VerdictOutcome): ConditionEvidence[] {
  const s = v.structure;
  const a = v.activity;
  const ev = v.exclusiveValue;
  const params: Record<ConditionId, Record<string, string | number>> = {
    sharedNeed: {},
    exclusiveValue: {
      original: pct(ev.originalShare),
      forwarded: pct(ev.originalShare === null ? null : 1 - ev.originalShare),
      substantial: pct(ev.substantialShare),
      answered: pct(ev.original.answeredShare),
    },
    coreSupply: {
      core: v.core.members.length,
      coreValueShare: pct(v.core.substantialShare),
      coreShare: pct(v.core.originalContentShare),
      continuity: pct(v.core.continuity),
      bus: v.core.busFactor,
    },
    structure: { mesh: num(s.meshIndex), centralization: num(s.centralization), reciprocity: num(s.reciprocity), mainComponent: pct(s.mainComponentShare) },
    familiarity: { partners: num(v.familiarity.meanPartners, 1), strong: pct(v.familiarity.strongTieShare) },
    activity: { members: a.members, speakers: a.speakers, silent: pct(a.silentShare), active: a.activeLast4Weeks },
    hygiene: { spam: v.hygiene.spamSuspects.length, candidates: v.hygiene.pruningCandidatesTotal },
  };
  const measured: Record<ConditionId, MeasuredValue[]> = {
    sharedNeed: [],
    exclusiveValue: [
      { metric: 'exclusiveValue.originalShare', value: ev.originalShare, threshold: 0.9, direction: '>=' },
      { metric: 'exclusiveValue.original.answeredShare', value: ev.original.answeredShare, threshold: 0.3, direction: '>=' },
    ],
    coreSupply: [
      { metric: 'core.substantialShare', value: v.core.substantialShare, threshold: 0.6, direction: '>=' },
      { metric: 'core.valueRate', value: v.core.valueRate, threshold: T.coreValueRate, direction: '>=' },
      { metric: 'core.originalContentShare', value: v.core.originalContentShare },
      { metric: 'core.continuity', value: v.core.continuity, threshold: 0.75, direction: '>=' },
      { metric: 'core.busFactor', value: v.core.busFactor },
    ],
    structure: [
      { metric: 'structure.meshIndex', value: s.meshIndex, threshold: T.meshMin, direction: '>=' },
      { metric: 'structure.meshPerMessage', value: s.meshPerMessage, threshold: T.meshPerMessageMin, direction: '>=' },
      { metric: 'activity.topPostersShare', value: a.topPostersShare, threshold: T.broadcastTopShare, direction: '<=' },
      { metric: 'structure.centralization', value: s.centralization, threshold: T.starCentralization, direction: '<=' },
      { metric: 'structure.reciprocity', value: s.reciprocity, threshold: 0.5, direction: '>=' },
      { metric: 'structure.clustering', value: s.clustering },
      { metric: 'structure.mainComponentShare', value: s.mainComponentShare, threshold: 0.9, direction: '>=' },
    ],
    familiarity: [
      { metric: 'familiarity.meanPartners', value: v.familiarity.meanPartners, threshold: 5, direction: '>=' },
      { metric: 'familiarity.strongTieShare', value: v.familiarity.strongTieShare, threshold: 0.2, direction: '>=' },
      { metric: 'familiarity.partnersGrowth', value: v.familiarity.partnersGrowth },
    ],
    activity: [
      { metric: 'activity.silentShare', value: a.silentShare, threshold: T.silentShare, direction: '<=' },
      { metric: 'activity.recentToPeak', value: a.recentToPeak, threshold: T.declineRecentToPeak, direction: '>=' },
      { metric: 'activity.newcomers.retention4w', value: a.newcomers.retention4w, threshold: 0.5, direction: '>=' },
      { metric: 'activity.newcomers.answeredWithinDayShare', value: a.newcomers.answeredWithinDayShare, threshold: 0.8, direction: '>=' },
    ],
    hygiene: [{ metric: 'hygiene.spamSuspects', value: v.hygiene.spamSuspects.length }],
  };
  const ids: ConditionId[] = ['sharedNeed', 'exclusiveValue', 'coreSupply', 'structure', 'familiarity', 'activity', 'hygiene'];
  return ids.map((id) => {
    const status = o.statuses[id];
    const text = {} as Record<Lang, string>;
    for (const lang of LANGS) {
      const detail = status === 'not_measurable' ? t(lang, `health:conditions.${id}.notMeasurable`) : t(lang, `health:conditions.${id}.detail`, params[id]);
      text[lang] = t(lang, 'health:format.conditionLine', { name: t(lang, `health:conditions.${id}.name`), status: t(lang, `health:status.${status}`), detail });
    }
    return { id, status, score: id === 'sharedNeed' ? null : o.subscores[id], measured: measured[id], text };
  });
}
