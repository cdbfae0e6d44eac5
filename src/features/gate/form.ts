/**
 * The application form (申请表): the questions an operator sets, and the check of
 * an applicant's answers against them. Pure: no I/O. Problems name the field as
 * `answers.<questionId>` so the form can point at the exact question.
 */
import { z } from 'zod';
import type { FieldProblem } from '../../kernel/errors.js';

export const QUESTION_KINDS = ['short_text', 'long_text', 'single_choice', 'multi_choice'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** Hard bounds, whatever an operator sets: they keep rows and pages small. */
export const FORM_LIMITS = {
  questions: 30,
  label: 300,
  help: 1000,
  options: 30,
  optionLabel: 200,
  shortText: 200,
  longText: 5000,
} as const;

const ID = z.string().regex(/^[a-z0-9_-]{1,32}$/, 'use 1–32 lower-case letters, digits, _ or -');

const option = z.object({ id: ID, label: z.string().trim().min(1).max(FORM_LIMITS.optionLabel) });

const question = z
  .object({
    id: ID,
    kind: z.enum(QUESTION_KINDS),
    label: z.string().trim().min(1).max(FORM_LIMITS.label),
    help: z.string().max(FORM_LIMITS.help).optional(),
    required: z.boolean().default(false),
    options: z.array(option).max(FORM_LIMITS.options).optional(),
    minLength: z.number().int().min(0).max(FORM_LIMITS.longText).optional(),
    maxLength: z.number().int().min(1).max(FORM_LIMITS.longText).optional(),
    minChoices: z.number().int().min(0).max(FORM_LIMITS.options).optional(),
    maxChoices: z.number().int().min(1).max(FORM_LIMITS.options).optional(),
  })
  .superRefine((q, ctx) => {
    const choice = q.kind === 'single_choice' || q.kind === 'multi_choice';
    if (choice && (!q.options || q.options.length < 2)) ctx.addIssue({ code: 'custom', path: ['options'], message: 'a choice question needs at least 2 options' });
    if (!choice && q.options?.length) ctx.addIssue({ code: 'custom', path: ['options'], message: 'only choice questions have options' });
    if (q.options && new Set(q.options.map((o) => o.id)).size !== q.options.length) ctx.addIssue({ code: 'custom', path: ['options'], message: 'option ids must be unique' });
    if (q.kind === 'short_text' && (q.maxLength ?? 0) > FORM_LIMITS.shortText) ctx.addIssue({ code: 'custom', path: ['maxLength'], message: `a short answer is at most ${FORM_LIMITS.shortText} characters` });
    if (q.minLength !== undefined && q.maxLength !== undefined && q.minLength > q.maxLength) ctx.addIssue({ code: 'custom', path: ['minLength'], message: 'minLength is above maxLength' });
    if (q.minChoices !== undefined && q.maxChoices !== undefined && q.minChoices > q.maxChoices) ctx.addIssue({ code: 'custom', path: ['minChoices'], message: 'minChoices is above maxChoices' });
  });

export const applicationFormSchema = z
  .object({ questions: z.array(question).max(FORM_LIMITS.questions) })
  .superRefine((f, ctx) => {
    const seen = new Set<string>();
    f.questions.forEach((q, i) => {
      if (seen.has(q.id)) ctx.addIssue({ code: 'custom', path: ['questions', i, 'id'], message: `question id "${q.id}" is used twice` });
      seen.add(q.id);
    });
  });

export type ApplicationForm = z.infer<typeof applicationFormSchema>;
export type Question = ApplicationForm['questions'][number];
/** Text for text questions, option ids for choice questions. */
export type Answers = Record<string, string | string[]>;

/** Problems with a form definition, as field paths under `form.` (empty when it is fine). */
export function formProblems(input: unknown): FieldProblem[] {
  const r = applicationFormSchema.safeParse(input);
  if (r.success) return [];
  return r.error.issues.map((i) => ({ path: ['form', ...i.path].join('.'), message: i.message }));
}

/** Upper bound of a text answer for this question. */
export function maxLengthOf(q: Question): number {
  const cap = q.kind === 'short_text' ? FORM_LIMITS.shortText : FORM_LIMITS.longText;
  return Math.min(q.maxLength ?? cap, cap);
}

/**
 * Checks answers against the form. Returns the cleaned answers (trimmed text,
 * de-duplicated choices, unanswered optional questions dropped) or the problems.
 */
export function checkAnswers(form: ApplicationForm, raw: unknown): { ok: true; answers: Answers } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const push = (id: string, message: string) => problems.push({ path: `answers.${id}`, message });
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, problems: [{ path: 'answers', message: 'answers must be an object keyed by question id' }] };
  }
  const given = raw as Record<string, unknown>;
  const byId = new Map(form.questions.map((q) => [q.id, q]));
  for (const id of Object.keys(given)) if (!byId.has(id)) push(id, 'not a question of this form');

  const answers: Answers = {};
  for (const q of form.questions) {
    const v = given[q.id];
    const empty = v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
    if (empty) {
      if (q.required) push(q.id, 'this question is required');
      continue;
    }
    if (q.kind === 'short_text' || q.kind === 'long_text') {
      if (typeof v !== 'string') { push(q.id, 'expected text'); continue; }
      const text = v.trim();
      const len = [...text].length; // count characters, not UTF-16 units: 汉字 and emoji count as one
      if (len > maxLengthOf(q)) push(q.id, `at most ${maxLengthOf(q)} characters (got ${len})`);
      else if (q.minLength && len < q.minLength) push(q.id, `at least ${q.minLength} characters (got ${len})`);
      else answers[q.id] = text;
      continue;
    }
    const valid = new Set((q.options ?? []).map((o) => o.id));
    if (q.kind === 'single_choice') {
      if (typeof v !== 'string' || !valid.has(v)) push(q.id, 'pick one of the offered options');
      else answers[q.id] = v;
      continue;
    }
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || !valid.has(x))) { push(q.id, 'pick among the offered options'); continue; }
    const picked = [...new Set(v as string[])];
    if (q.maxChoices && picked.length > q.maxChoices) push(q.id, `pick at most ${q.maxChoices}`);
    else if (q.minChoices && picked.length < q.minChoices) push(q.id, `pick at least ${q.minChoices}`);
    else answers[q.id] = picked;
  }
  return problems.length ? { ok: false, problems } : { ok: true, answers };
}
