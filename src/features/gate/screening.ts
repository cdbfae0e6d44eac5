/**
 * Screening rules (筛选规则): evaluated in order, the first rule whose conditions
 * all hold decides — approve, reject (with the reason the applicant reads) or
 * send to manual review. No rule matching means manual review: a person decides
 * whatever the rules did not foresee. Pure; `previewRules` replays a rule set
 * over past applications so an operator sees its effect before saving it.
 */
import { z } from 'zod';
import type { Answers } from './form.js';

const ANSWER_OPS = ['equals', 'not_equals', 'contains', 'not_contains', 'any_of', 'all_of', 'none_of', 'min_length', 'max_length', 'answered', 'unanswered'] as const;

export const conditionSchema = z.discriminatedUnion('on', [
  z.object({
    on: z.literal('answer'),
    questionId: z.string().min(1).max(32),
    op: z.enum(ANSWER_OPS),
    value: z.union([z.string().max(500), z.array(z.string().max(200)).max(30), z.number().int().min(0).max(100_000)]).optional(),
  }),
  /** referred: came through a member's personal link; vouched: that link vouches (担保). */
  z.object({ on: z.literal('referral'), op: z.enum(['referred', 'not_referred', 'vouched']) }),
  z.object({ on: z.literal('channel'), op: z.enum(['is', 'is_not']), value: z.array(z.string().min(1).max(80)).min(1).max(30) }),
]);
export type Condition = z.infer<typeof conditionSchema>;

export const OUTCOMES = ['approve', 'reject', 'review'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const screeningRuleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9_-]{1,32}$/),
    name: z.string().trim().min(1).max(120),
    enabled: z.boolean().default(true),
    conditions: z.array(conditionSchema).min(1).max(20),
    outcome: z.enum(OUTCOMES),
    /** Shown to the applicant on a rejection; required then. */
    reason: z.string().trim().max(500).optional(),
  })
  .superRefine((r, ctx) => {
    if (r.outcome === 'reject' && !r.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'a rejecting rule needs the reason the applicant will read' });
    r.conditions.forEach((c, i) => {
      if (c.on !== 'answer') return;
      const needsList = c.op === 'any_of' || c.op === 'all_of' || c.op === 'none_of';
      const needsNumber = c.op === 'min_length' || c.op === 'max_length';
      const needsText = c.op === 'equals' || c.op === 'not_equals' || c.op === 'contains' || c.op === 'not_contains';
      const ok = needsList ? Array.isArray(c.value) && c.value.length > 0 : needsNumber ? typeof c.value === 'number' : needsText ? typeof c.value === 'string' && c.value !== '' : true;
      if (!ok) ctx.addIssue({ code: 'custom', path: ['conditions', i, 'value'], message: `"${c.op}" needs ${needsList ? 'a list of values' : needsNumber ? 'a number' : 'a text value'}` });
    });
  });
export const screeningRulesSchema = z.array(screeningRuleSchema).max(50).superRefine((rules, ctx) => {
  const seen = new Set<string>();
  rules.forEach((r, i) => {
    if (seen.has(r.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `rule id "${r.id}" is used twice` });
    seen.add(r.id);
  });
});
export type ScreeningRule = z.infer<typeof screeningRuleSchema>;

/** What the rules may look at about one application. */
export interface ApplicantFacts {
  answers: Answers;
  referred: boolean;
  vouched: boolean;
  /** The campaign channel (or 'referral' / 'direct'). */
  channel: string;
}

export interface Verdict {
  outcome: Outcome;
  ruleId: string | null;
  ruleName: string | null;
  /** Applicant-facing reason (rejections). */
  reason: string | null;
}

/** The first enabled rule whose conditions all hold decides; otherwise manual review. */
export function screen(rules: ScreeningRule[], facts: ApplicantFacts): Verdict {
  for (const rule of rules) {
    if (!rule.enabled) continue;
    if (rule.conditions.every((c) => holds(c, facts))) {
      return { outcome: rule.outcome, ruleId: rule.id, ruleName: rule.name, reason: rule.outcome === 'reject' ? (rule.reason ?? null) : null };
    }
  }
  return { outcome: 'review', ruleId: null, ruleName: null, reason: null };
}

export function holds(c: Condition, f: ApplicantFacts): boolean {
  if (c.on === 'referral') return c.op === 'referred' ? f.referred : c.op === 'not_referred' ? !f.referred : f.vouched;
  if (c.on === 'channel') return c.value.includes(f.channel) === (c.op === 'is');
  const raw = f.answers[c.questionId];
  const given = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  const text = Array.isArray(raw) ? raw.join(' ') : (raw ?? '');
  const wanted = Array.isArray(c.value) ? c.value.map(fold) : [];
  const picked = given.map(fold);
  switch (c.op) {
    case 'answered':
      return given.length > 0;
    case 'unanswered':
      return given.length === 0;
    case 'equals':
      return given.length > 0 && picked.every((p) => p === fold(String(c.value)));
    case 'not_equals':
      return !(given.length > 0 && picked.every((p) => p === fold(String(c.value))));
    case 'contains':
      return fold(text).includes(fold(String(c.value)));
    case 'not_contains':
      return !fold(text).includes(fold(String(c.value)));
    case 'any_of':
      return wanted.some((w) => picked.includes(w) || (typeof raw === 'string' && fold(text).includes(w)));
    case 'all_of':
      return wanted.every((w) => picked.includes(w) || (typeof raw === 'string' && fold(text).includes(w)));
    case 'none_of':
      return !wanted.some((w) => picked.includes(w) || (typeof raw === 'string' && fold(text).includes(w)));
    case 'min_length':
      return [...text].length >= Number(c.value);
    case 'max_length':
      return [...text].length <= Number(c.value);
  }
}

/** Case- and width-insensitive comparison (Ａ = a, full-width digits = digits). */
function fold(s: string): string {
  return s.normalize('NFKC').toLowerCase().trim();
}

export interface PastApplication {
  id: string;
  facts: ApplicantFacts;
  /** What actually happened: approved / rejected / pending… */
  actual: string;
}

export interface Preview {
  total: number;
  counts: Record<Outcome, number>;
  /** How many applications each rule decides (first match only). */
  byRule: { ruleId: string; name: string; matched: number }[];
  /** Applications where the rule set disagrees with the recorded decision. */
  changed: { id: string; actual: string; wouldBe: Outcome; ruleId: string | null }[];
}

const AGREES: Record<Outcome, string[]> = { approve: ['approved', 'waitlisted'], reject: ['rejected'], review: ['pending'] };

/** Replays `rules` over past applications: counts, per-rule hits and disagreements. */
export function previewRules(rules: ScreeningRule[], past: PastApplication[]): Preview {
  const counts: Record<Outcome, number> = { approve: 0, reject: 0, review: 0 };
  const hits = new Map(rules.map((r) => [r.id, 0]));
  const changed: Preview['changed'] = [];
  for (const app of past) {
    const v = screen(rules, app.facts);
    counts[v.outcome]++;
    if (v.ruleId) hits.set(v.ruleId, (hits.get(v.ruleId) ?? 0) + 1);
    if (!AGREES[v.outcome].includes(app.actual)) changed.push({ id: app.id, actual: app.actual, wouldBe: v.outcome, ruleId: v.ruleId });
  }
  return { total: past.length, counts, byRule: rules.map((r) => ({ ruleId: r.id, name: r.name, matched: hits.get(r.id) ?? 0 })), changed };
}
