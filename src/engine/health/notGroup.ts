/**
 * A chat between two people is not a group: it gets a "not a group chat"
 * result instead of a group verdict (docs/metrics.md §Not a group chat).
 */
import { LANGS, t, type Lang } from '../../kernel/i18n.js';
import type { ConditionEvidence, ConditionId, DiagnosisText, Verdict } from './result.js';

/** Fewest members (authors, mentioned, joined) that make a group. */
export const GROUP_MIN_MEMBERS = 3;

/** One or two people are not a group; an empty log stays a (silent) group with nothing measured. */
export function isGroupChat(members: number): boolean {
  return members === 0 || members >= GROUP_MIN_MEMBERS;
}

const CONDITIONS: ConditionId[] = ['sharedNeed', 'exclusiveValue', 'coreSupply', 'structure', 'familiarity', 'activity', 'hygiene'];

export function notGroupVerdict(members: number): Verdict {
  const diagnosis = {} as Record<Lang, DiagnosisText>;
  for (const lang of LANGS) diagnosis[lang] = { summary: t(lang, 'health:summary.not_group', { members }), actions: [] };
  return {
    kind: 'not_group',
    score: null,
    subscores: { exclusiveValue: null, coreSupply: null, structure: null, familiarity: null, activity: null, hygiene: null },
    confidence: 'high',
    reasons: ['not_a_group_chat'],
    actions: [],
    diagnosis,
  };
}

export function notGroupConditions(): ConditionEvidence[] {
  return CONDITIONS.map((id) => {
    const text = {} as Record<Lang, string>;
    for (const lang of LANGS) {
      text[lang] = t(lang, 'health:format.conditionLine', {
        name: t(lang, `health:conditions.${id}.name`),
        status: t(lang, 'health:status.not_measurable'),
        detail: t(lang, 'health:conditions.notGroup'),
      });
    }
    return { id, status: 'not_measurable', score: null, measured: [], text };
  });
}
