/**
 * Renders the verdict and the evidence in plain language, in every UI
 * language, from locales/<lang>/health.json.
 */
import { LANGS, t, type Lang } from '../../kernel/i18n.js';
import { measuredEvidence, statusWithEvidence } from './evidence.js';
import type { ConditionEvidence, ConditionId, DiagnosisText } from './result.js';
import type { VerdictInput, VerdictOutcome } from './verdict.js';

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
    structure: { mesh: num(s.meshIndex), top: pct(s.topMemberShare), reciprocity: num(s.reciprocity), mainComponent: pct(s.mainComponentShare) },
    familiarity: { partners: num(v.familiarity.meanPartners, 1), strong: pct(v.familiarity.strongTieShare) },
    activity: { members: a.members, speakers: a.speakers, silent: pct(a.silentShare), active: a.activeLast4Weeks },
    hygiene: { spam: v.hygiene.spamSuspects.length, candidates: v.hygiene.pruningCandidatesTotal, members: a.members },
  };
  const measured = measuredEvidence(v);
  const ids: ConditionId[] = ['sharedNeed', 'exclusiveValue', 'coreSupply', 'structure', 'familiarity', 'activity', 'hygiene'];
  return ids.map((id) => {
    const status = statusWithEvidence(o.statuses[id], measured[id]);
    const text = {} as Record<Lang, string>;
    for (const lang of LANGS) {
      const detail =
        status === 'not_measurable'
          ? t(lang, `health:conditions.${id}.notMeasurable`)
          : t(lang, `health:conditions.${id}.detail`, params[id]) + (id === 'activity' ? retentionSentence(v, lang) : '');
      text[lang] = t(lang, 'health:format.conditionLine', { name: t(lang, `health:conditions.${id}.name`), status: t(lang, `health:status.${status}`), detail });
    }
    return { id, status, score: id === 'sharedNeed' ? null : o.subscores[id], measured: measured[id], text };
  });
}

/** Which cohorts the headline retention covers, so it can be read against the retention table. */
function retentionSentence(v: VerdictInput, lang: Lang): string {
  const n = v.activity.newcomers;
  const c = n.retentionCohorts;
  if (n.retention4w === null || !c || c.first === null) return '';
  return ' ' + t(lang, 'health:conditions.activity.retention', { retention: pct(n.retention4w), newcomers: c.members, from: c.first, to: c.last ?? c.first, cohorts: c.cohorts });
}
