/**
 * Onboarding and the self-introduction (自我介绍): a new member accepts the
 * charter's norms and writes an introduction from the community's template
 * (city, work, what I can offer, what I am looking for…) within N days. Pure.
 */
import { z } from 'zod';
import { DAY_MS } from '../../kernel/clock.js';
import type { FieldProblem } from '../../kernel/errors.js';

export const INTRO_LIMITS = { fields: 12, label: 120, answer: 1000 } as const;

const field = z.object({
  id: z.string().regex(/^[a-z0-9_-]{1,32}$/),
  label: z.string().trim().min(1).max(INTRO_LIMITS.label),
  required: z.boolean().default(false),
  maxLength: z.number().int().min(1).max(INTRO_LIMITS.answer).optional(),
});

export const introTemplateSchema = z
  .object({ fields: z.array(field).min(1).max(INTRO_LIMITS.fields) })
  .superRefine((t, ctx) => {
    const seen = new Set<string>();
    t.fields.forEach((f, i) => {
      if (seen.has(f.id)) ctx.addIssue({ code: 'custom', path: ['fields', i, 'id'], message: `field id "${f.id}" is used twice` });
      seen.add(f.id);
    });
  });
export type IntroTemplate = z.infer<typeof introTemplateSchema>;

/**
 * The template a community starts with. Labels are catalogue keys
 * (`gate:intro.city` …) so each reader sees them in their language; an
 * operator's own labels are shown as written.
 */
export const DEFAULT_INTRO_TEMPLATE: IntroTemplate = {
  fields: [
    { id: 'city', label: 'gate:intro.city', required: true, maxLength: 60 }, // 城市
    { id: 'work', label: 'gate:intro.work', required: true, maxLength: 200 }, // 工作
    { id: 'offer', label: 'gate:intro.offer', required: true, maxLength: 500 }, // 我能提供
    { id: 'seeking', label: 'gate:intro.seeking', required: true, maxLength: 500 }, // 我在寻找
    { id: 'more', label: 'gate:intro.more', required: false, maxLength: 1000 },
  ],
};

/** Checks a self-introduction; problems are named `intro.<fieldId>`. */
export function checkIntro(template: IntroTemplate, raw: unknown): { ok: true; intro: Record<string, string> } | { ok: false; problems: FieldProblem[] } {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, problems: [{ path: 'intro', message: 'expected an object keyed by field id' }] };
  const given = raw as Record<string, unknown>;
  const problems: FieldProblem[] = [];
  const ids = new Set(template.fields.map((f) => f.id));
  for (const k of Object.keys(given)) if (!ids.has(k)) problems.push({ path: `intro.${k}`, message: 'not a field of this template' });
  const intro: Record<string, string> = {};
  for (const f of template.fields) {
    const v = given[f.id];
    if (v !== undefined && v !== null && typeof v !== 'string') { problems.push({ path: `intro.${f.id}`, message: 'expected text' }); continue; }
    const text = (v ?? '').trim();
    const max = Math.min(f.maxLength ?? INTRO_LIMITS.answer, INTRO_LIMITS.answer);
    if (!text) { if (f.required) problems.push({ path: `intro.${f.id}`, message: 'this field is required' }); continue; }
    if ([...text].length > max) { problems.push({ path: `intro.${f.id}`, message: `at most ${max} characters` }); continue; }
    intro[f.id] = text;
  }
  return problems.length ? { ok: false, problems } : { ok: true, intro };
}

export const DEFAULT_INTRO_DUE_DAYS = 7;

export function introDueAt(joinedAt: string, dueDays: number): string {
  return new Date(new Date(joinedAt).getTime() + dueDays * DAY_MS).toISOString();
}

export interface OnboardingFacts {
  joinedAt: string;
  normsAcceptedAt: string | null;
  introducedAt: string | null;
  dueDays: number;
}

export interface OnboardingStatus {
  normsAccepted: boolean;
  introduced: boolean;
  dueAt: string;
  /** Whole days left before the introduction is due (negative when late). */
  daysLeft: number;
  overdue: boolean;
  done: boolean;
}

export function onboardingStatus(f: OnboardingFacts, now: Date): OnboardingStatus {
  const dueAt = introDueAt(f.joinedAt, f.dueDays);
  const left = new Date(dueAt).getTime() - now.getTime();
  const introduced = f.introducedAt !== null;
  return {
    normsAccepted: f.normsAcceptedAt !== null,
    introduced,
    dueAt,
    daysLeft: Math.ceil(left / DAY_MS),
    overdue: !introduced && left < 0,
    done: introduced && f.normsAcceptedAt !== null,
  };
}
