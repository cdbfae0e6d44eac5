import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runs } from '../../../test/support/property.js';
import {
  applicationFormSchema, checkAnswers, formProblems, screen, previewRules, screeningRulesSchema,
  type ApplicationForm, type ApplicantFacts, type ScreeningRule,
} from './rules.js';

const form: ApplicationForm = applicationFormSchema.parse({
  questions: [
    { id: 'q1', kind: 'short_text', label: 'City', required: true, maxLength: 20 },
    { id: 'q2', kind: 'long_text', label: 'Why join', required: true, minLength: 10 },
    { id: 'q3', kind: 'single_choice', label: 'Role', required: true, options: [{ id: 'dev', label: 'Developer' }, { id: 'pm', label: 'PM' }] },
    { id: 'q4', kind: 'multi_choice', label: 'Topics', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }, { id: 'c', label: 'C' }], maxChoices: 2 },
  ],
});

describe('application form', () => {
  it('accepts complete answers and trims text', () => {
    const r = checkAnswers(form, { q1: ' 上海 ', q2: '我想认识更多独立开发者', q3: 'dev', q4: ['a', 'a', 'b'] });
    expect(r).toEqual({ ok: true, answers: { q1: '上海', q2: '我想认识更多独立开发者', q3: 'dev', q4: ['a', 'b'] } });
  });

  it('names each wrong answer by its question id', () => {
    const r = checkAnswers(form, { q1: 'x'.repeat(21), q2: 'short', q3: 'ceo', q4: ['a', 'b', 'c'], q9: 'hi' });
    expect(r.ok).toBe(false);
    const paths = !r.ok ? r.problems.map((p) => p.path).sort() : [];
    expect(paths).toEqual(['answers.q1', 'answers.q2', 'answers.q3', 'answers.q4', 'answers.q9']);
  });

  it('requires required questions, and skips optional ones left blank', () => {
    const r = checkAnswers(form, { q1: '北京', q2: '   ', q3: 'pm' });
    expect(!r.ok && r.problems).toEqual([{ path: 'answers.q2', message: 'this question is required' }]);
    const ok = checkAnswers(form, { q1: '北京', q2: '一二三四五六七八九十', q3: 'pm', q4: [] });
    expect(ok.ok && ok.answers.q4).toBeUndefined();
  });

  it('counts Chinese characters and emoji as one each', () => {
    expect(checkAnswers(form, { q1: '😀'.repeat(20), q2: '一二三四五六七八九十', q3: 'pm' }).ok).toBe(true);
    expect(checkAnswers(form, { q1: '😀'.repeat(21), q2: '一二三四五六七八九十', q3: 'pm' }).ok).toBe(false);
  });

  it('rejects a form with a choice question without options or duplicate ids', () => {
    const problems = formProblems({ questions: [{ id: 'a', kind: 'single_choice', label: 'x' }, { id: 'a', kind: 'short_text', label: 'y' }] });
    expect(problems.map((p) => p.path)).toEqual(expect.arrayContaining(['form.questions.0.options', 'form.questions.1.id']));
  });

  it('never accepts text longer than the hard bound, whatever the input (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const r = checkAnswers(form, { q1: s, q2: '一二三四五六七八九十', q3: 'dev' });
        if (r.ok) expect([...(r.answers.q1 as string)].length).toBeLessThanOrEqual(20);
      }),
      runs(100),
    );
  });
});

const rules: ScreeningRule[] = screeningRulesSchema.parse([
  { id: 'vouched', name: 'Vouched by a member', conditions: [{ on: 'referral', op: 'vouched' }], outcome: 'approve' },
  { id: 'spam', name: 'Ads', conditions: [{ on: 'answer', questionId: 'q2', op: 'contains', value: '加微信' }], outcome: 'reject', reason: 'We do not accept advertising.' },
  { id: 'salon-devs', name: 'Salon developers', conditions: [{ on: 'channel', op: 'is', value: ['salon-2019-03'] }, { on: 'answer', questionId: 'q3', op: 'equals', value: 'dev' }], outcome: 'approve' },
  { id: 'off', name: 'Disabled', enabled: false, conditions: [{ on: 'answer', questionId: 'q1', op: 'answered' }], outcome: 'reject', reason: 'x' },
]);
const facts = (over: Partial<ApplicantFacts> = {}): ApplicantFacts => ({
  answers: { q1: '上海', q2: '想交流技术', q3: 'dev' }, referred: false, vouched: false, channel: 'direct', ...over,
});

describe('screening rules', () => {
  it('the first matching rule decides, in order', () => {
    expect(screen(rules, facts({ vouched: true, referred: true, answers: { q2: '加微信 买课' } })).ruleId).toBe('vouched');
    const r = screen(rules, facts({ answers: { q2: '欢迎加微信领资料', q3: 'dev' }, channel: 'salon-2019-03' }));
    expect(r).toEqual({ outcome: 'reject', ruleId: 'spam', ruleName: 'Ads', reason: 'We do not accept advertising.' });
  });

  it('all conditions of a rule must hold', () => {
    expect(screen(rules, facts({ channel: 'salon-2019-03' })).outcome).toBe('approve');
    expect(screen(rules, facts({ channel: 'salon-2019-03', answers: { q3: 'pm' } })).outcome).toBe('review');
  });

  it('sends to manual review when no rule matches, and ignores disabled rules', () => {
    expect(screen(rules, facts())).toEqual({ outcome: 'review', ruleId: null, ruleName: null, reason: null });
  });

  it('matches text ignoring case and full-width forms', () => {
    const r = screeningRulesSchema.parse([{ id: 'r', name: 'r', conditions: [{ on: 'answer', questionId: 'q1', op: 'any_of', value: ['rust', 'go'] }], outcome: 'approve' }]);
    expect(screen(r, facts({ answers: { q1: 'I write ＲＵＳＴ daily' } })).outcome).toBe('approve');
    expect(screen(r, facts({ answers: { q1: 'python' } })).outcome).toBe('review');
  });

  it('supports all_of / none_of on choices and length bounds', () => {
    const r = screeningRulesSchema.parse([
      { id: 'both', name: 'both', conditions: [{ on: 'answer', questionId: 'q4', op: 'all_of', value: ['a', 'b'] }, { on: 'answer', questionId: 'q2', op: 'min_length', value: 5 }], outcome: 'approve' },
      { id: 'noc', name: 'noc', conditions: [{ on: 'answer', questionId: 'q4', op: 'none_of', value: ['c'] }], outcome: 'reject', reason: 'Pick C' },
    ]);
    expect(screen(r, facts({ answers: { q4: ['a', 'b'], q2: '12345' } })).ruleId).toBe('both');
    expect(screen(r, facts({ answers: { q4: ['a', 'b'], q2: '1234' } })).ruleId).toBe('noc');
    expect(screen(r, facts({ answers: { q4: ['c'], q2: '1234' } })).ruleId).toBe(null);
  });

  it('refuses a rejecting rule without the reason the applicant will read', () => {
    const r = screeningRulesSchema.safeParse([{ id: 'x', name: 'x', conditions: [{ on: 'referral', op: 'referred' }], outcome: 'reject' }]);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual([0, 'reason']);
  });

  it('previews a rule set against past applications, listing disagreements', () => {
    const past = [
      { id: 'a1', facts: facts({ vouched: true }), actual: 'approved' },
      { id: 'a2', facts: facts({ answers: { q2: '加微信' } }), actual: 'approved' },
      { id: 'a3', facts: facts(), actual: 'pending' },
      { id: 'a4', facts: facts({ channel: 'salon-2019-03' }), actual: 'rejected' },
    ];
    const p = previewRules(rules, past);
    expect(p.counts).toEqual({ approve: 2, reject: 1, review: 1 });
    expect(p.byRule.find((b) => b.ruleId === 'spam')?.matched).toBe(1);
    expect(p.changed).toEqual([
      { id: 'a2', actual: 'approved', wouldBe: 'reject', ruleId: 'spam' },
      { id: 'a4', actual: 'rejected', wouldBe: 'approve', ruleId: 'salon-devs' },
    ]);
  });
});
