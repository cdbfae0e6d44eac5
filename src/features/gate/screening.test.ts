/**
 * Screening operators one by one (docs/gate.md): each condition on both sides of
 * what it tests, the rule-set checks an operator meets when saving rules, and the
 * preview's bookkeeping. The end-to-end order of rules is in rules.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { holds, previewRules, screen, screeningRuleSchema, screeningRulesSchema, type ApplicantFacts, type Condition, type ScreeningRule } from './screening.js';

const facts = (answers: ApplicantFacts['answers'], over: Partial<ApplicantFacts> = {}): ApplicantFacts => ({ answers, referred: false, vouched: false, channel: 'direct', ...over });
const answer = (op: string, value?: unknown): Condition => ({ on: 'answer', questionId: 'q', op, ...(value === undefined ? {} : { value }) }) as Condition;
const on = (c: Condition, q: string | string[] | undefined): boolean => holds(c, facts(q === undefined ? {} : { q }));

describe('answer operators', () => {
  it.each([
    ['answered: a text', answer('answered'), 'x', true],
    ['answered: a choice list', answer('answered'), ['a'], true],
    ['answered: nothing', answer('answered'), undefined, false],
    ['unanswered: nothing', answer('unanswered'), undefined, true],
    ['unanswered: a text', answer('unanswered'), 'x', false],
    ['equals: same text, other case and width', answer('equals', 'Dev'), 'ｄｅｖ ', true],
    ['equals: other text', answer('equals', 'dev'), 'pm', false],
    ['equals: unanswered', answer('equals', 'dev'), undefined, false],
    ['equals: every picked choice must be it', answer('equals', 'a'), ['a', 'b'], false],
    ['equals: a single picked choice', answer('equals', 'a'), ['a'], true],
    ['not_equals: other text', answer('not_equals', 'dev'), 'pm', true],
    ['not_equals: same text, other case', answer('not_equals', 'dev'), 'DEV', false],
    ['not_equals: unanswered is not equal', answer('not_equals', 'dev'), undefined, true],
    ['not_equals: one of two choices differs', answer('not_equals', 'a'), ['a', 'b'], true],
    ['contains: inside the text, any case', answer('contains', 'WeChat'), 'add my wechat id', true],
    ['contains: absent', answer('contains', 'wechat'), 'hello', false],
    ['contains: inside the joined choices', answer('contains', 'b c'), ['a', 'b', 'c'], true],
    ['not_contains: absent', answer('not_contains', '加微信'), '想交流技术', true],
    ['not_contains: present', answer('not_contains', '加微信'), '欢迎加微信', false],
    ['not_contains: unanswered contains nothing', answer('not_contains', 'x'), undefined, true],
    ['any_of: one picked', answer('any_of', ['A', 'z']), ['a', 'b'], true],
    ['any_of: none picked', answer('any_of', ['x', 'z']), ['a', 'b'], false],
    ['any_of: a word inside a text answer', answer('any_of', ['rust']), 'I write Rust', true],
    ['any_of: a word inside a choice does not count', answer('any_of', ['rust']), ['rust lang'], false],
    ['all_of: all picked', answer('all_of', ['a', 'b']), ['b', 'a', 'c'], true],
    ['all_of: one missing', answer('all_of', ['a', 'b']), ['a'], false],
    ['all_of: every word inside a text answer', answer('all_of', ['rust', 'go']), 'rust and go', true],
    ['all_of: a word inside a choice does not count', answer('all_of', ['rust']), ['rust lang'], false],
    ['none_of: none picked', answer('none_of', ['c']), ['a', 'b'], true],
    ['none_of: one picked', answer('none_of', ['c']), ['a', 'c'], false],
    ['none_of: a word inside a text answer', answer('none_of', ['ad']), 'an ad here', false],
    ['none_of: one of two listed is picked', answer('none_of', ['c', 'd']), ['c'], false],
    ['none_of: a word inside a choice does not count', answer('none_of', ['rust']), ['rust lang'], true],
    ['min_length: exactly the bound', answer('min_length', 5), '12345', true],
    ['min_length: one short', answer('min_length', 5), '1234', false],
    ['min_length: Chinese characters and emoji count one each', answer('min_length', 3), '你好😀', true],
    ['max_length: exactly the bound', answer('max_length', 5), '12345', true],
    ['max_length: one over', answer('max_length', 5), '123456', false],
    ['max_length: emoji count one each', answer('max_length', 2), '😀😀', true],
    ['max_length: unanswered is empty', answer('max_length', 0), undefined, true],
  ] as [string, Condition, string | string[] | undefined, boolean][])('%s', (_, c, q, expected) => {
    expect(on(c, q)).toBe(expected);
  });
});

describe('referral and channel conditions', () => {
  it.each([
    ['referred', { referred: true }, true],
    ['referred', { referred: false }, false],
    ['not_referred', { referred: false }, true],
    ['not_referred', { referred: true }, false],
    ['vouched', { vouched: true, referred: true }, true],
    ['vouched', { vouched: false, referred: true }, false],
  ] as [string, Partial<ApplicantFacts>, boolean][])('%s holds for %o: %s', (op, over, expected) => {
    expect(holds({ on: 'referral', op } as Condition, facts({}, over))).toBe(expected);
  });

  it.each([
    ['is', 'salon', true],
    ['is', 'direct', false],
    ['is_not', 'direct', true],
    ['is_not', 'salon', false],
  ] as const)('channel %s [salon, meetup] for an applicant from %s: %s', (op, channel, expected) => {
    expect(holds({ on: 'channel', op, value: ['salon', 'meetup'] }, facts({}, { channel }))).toBe(expected);
  });
});

describe('what the rule set says about one applicant', () => {
  const rule = (over: Partial<ScreeningRule>): ScreeningRule => ({ id: 'r', name: 'Rule', enabled: true, conditions: [answer('answered')], outcome: 'approve', ...over });

  it('gives the reason only with a rejection', () => {
    expect(screen([rule({ outcome: 'approve', reason: 'ignored' })], facts({ q: 'x' }))).toEqual({ outcome: 'approve', ruleId: 'r', ruleName: 'Rule', reason: null });
    expect(screen([rule({ outcome: 'reject', reason: 'No ads.' })], facts({ q: 'x' })).reason).toBe('No ads.');
    expect(screen([rule({ outcome: 'review' })], facts({ q: 'x' }))).toEqual({ outcome: 'review', ruleId: 'r', ruleName: 'Rule', reason: null });
  });

  it('skips a disabled rule for the next one', () => {
    const rules = [rule({ id: 'off', enabled: false, outcome: 'reject', reason: 'x' }), rule({ id: 'on' })];
    expect(screen(rules, facts({ q: 'x' })).ruleId).toBe('on');
  });
});

describe('saving rules checks them', () => {
  const parse = (conditions: unknown[], over: object = {}) => screeningRuleSchema.safeParse({ id: 'r1', name: 'Rule', conditions, outcome: 'approve', ...over });
  const problem = (r: ReturnType<typeof parse>) => (r.success ? null : { path: r.error.issues[0]!.path, message: r.error.issues[0]!.message });

  it.each([
    ['any_of', ['a'], 'a list of values'],
    ['all_of', ['a'], 'a list of values'],
    ['none_of', ['a'], 'a list of values'],
    ['min_length', 3, 'a number'],
    ['max_length', 3, 'a number'],
    ['equals', 'x', 'a text value'],
    ['not_equals', 'x', 'a text value'],
    ['contains', 'x', 'a text value'],
    ['not_contains', 'x', 'a text value'],
  ] as const)('"%s" accepts %o and names what it needs when the value is missing', (op, value, needs) => {
    expect(parse([{ on: 'answer', questionId: 'q', op, value }]).success).toBe(true);
    expect(problem(parse([{ on: 'answer', questionId: 'q', op: 'answered' }, { on: 'answer', questionId: 'q', op }]))).toEqual({
      path: ['conditions', 1, 'value'],
      message: `"${op}" needs ${needs}`,
    });
  });

  it('refuses the wrong kind of value: an empty list, an empty text, a text where a number is needed', () => {
    expect(problem(parse([{ on: 'answer', questionId: 'q', op: 'any_of', value: [] }]))?.message).toBe('"any_of" needs a list of values');
    expect(problem(parse([{ on: 'answer', questionId: 'q', op: 'any_of', value: 'a' }]))?.message).toBe('"any_of" needs a list of values');
    expect(problem(parse([{ on: 'answer', questionId: 'q', op: 'equals', value: '' }]))?.message).toBe('"equals" needs a text value');
    expect(problem(parse([{ on: 'answer', questionId: 'q', op: 'equals', value: ['a'] }]))?.message).toBe('"equals" needs a text value');
    expect(problem(parse([{ on: 'answer', questionId: 'q', op: 'min_length', value: '3' }]))?.message).toBe('"min_length" needs a number');
  });

  it.each([
    [{ on: 'referral', op: 'referred' }],
    [{ on: 'referral', op: 'not_referred' }],
    [{ on: 'referral', op: 'vouched' }],
    [{ on: 'channel', op: 'is', value: ['salon'] }],
    [{ on: 'channel', op: 'is_not', value: ['salon'] }],
  ])('accepts the condition %o', (condition) => {
    expect(parse([condition]).success).toBe(true);
  });

  it('needs no value for answered / unanswered, nor for referral and channel conditions', () => {
    expect(parse([{ on: 'answer', questionId: 'q', op: 'unanswered' }, { on: 'referral', op: 'vouched' }, { on: 'channel', op: 'is_not', value: ['x'] }]).success).toBe(true);
  });

  it('needs the reason the applicant reads on a rejecting rule, and only there', () => {
    expect(problem(parse([{ on: 'referral', op: 'referred' }], { outcome: 'reject' }))).toEqual({ path: ['reason'], message: 'a rejecting rule needs the reason the applicant will read' });
    expect(problem(parse([{ on: 'referral', op: 'referred' }], { outcome: 'reject', reason: '   ' }))?.path).toEqual(['reason']);
    expect(parse([{ on: 'referral', op: 'referred' }], { outcome: 'reject', reason: 'No.' }).success).toBe(true);
    expect(parse([{ on: 'referral', op: 'referred' }], { outcome: 'review' }).success).toBe(true);
  });

  it('enables a rule unless told otherwise, and trims its name', () => {
    const r = screeningRuleSchema.parse({ id: 'r1', name: '  Devs  ', conditions: [{ on: 'referral', op: 'referred' }], outcome: 'approve' });
    expect(r).toMatchObject({ enabled: true, name: 'Devs' });
  });

  it.each([
    ['an id with capitals or spaces', { id: 'Rule 1' }, ['id']],
    ['an id with a prefix before valid characters', { id: '!r1' }, ['id']],
    ['an id with a suffix after valid characters', { id: 'r1!' }, ['id']],
    ['an id longer than 32', { id: 'r'.repeat(33) }, ['id']],
    ['a blank name', { name: '   ' }, ['name']],
    ['a name over 120 characters', { name: 'n'.repeat(121) }, ['name']],
    ['no condition', { conditions: [] }, ['conditions']],
    ['more than 20 conditions', { conditions: Array.from({ length: 21 }, () => ({ on: 'referral', op: 'referred' })) }, ['conditions']],
    ['an unknown outcome', { outcome: 'maybe' }, ['outcome']],
    ['a reason over 500 characters', { outcome: 'reject', reason: 'r'.repeat(501) }, ['reason']],
    ['a channel condition without channels', { conditions: [{ on: 'channel', op: 'is', value: [] }] }, ['conditions', 0, 'value']],
    ['a channel condition with an empty channel', { conditions: [{ on: 'channel', op: 'is', value: [''] }] }, ['conditions', 0, 'value', 0]],
    ['a channel name over 80 characters', { conditions: [{ on: 'channel', op: 'is', value: ['c'.repeat(81)] }] }, ['conditions', 0, 'value', 0]],
    ['more than 30 channels', { conditions: [{ on: 'channel', op: 'is', value: Array.from({ length: 31 }, (_, i) => `c${i}`) }] }, ['conditions', 0, 'value']],
    ['an unknown referral test', { conditions: [{ on: 'referral', op: 'invited' }] }, ['conditions', 0, 'op']],
    ['an unknown answer operator', { conditions: [{ on: 'answer', questionId: 'q', op: 'matches', value: 'x' }] }, ['conditions', 0, 'op']],
    ['an empty question id', { conditions: [{ on: 'answer', questionId: '', op: 'answered' }] }, ['conditions', 0, 'questionId']],
    ['a question id over 32 characters', { conditions: [{ on: 'answer', questionId: 'q'.repeat(33), op: 'answered' }] }, ['conditions', 0, 'questionId']],
    ['a text value over 500 characters', { conditions: [{ on: 'answer', questionId: 'q', op: 'contains', value: 'x'.repeat(501) }] }, ['conditions', 0, 'value']],
    ['an unknown kind of condition', { conditions: [{ on: 'weather', op: 'is' }] }, ['conditions', 0, 'on']],
  ] as [string, object, (string | number)[]][])('refuses %s, naming the field', (_, over, path) => {
    const r = parse([{ on: 'referral', op: 'referred' }], over);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path)).toContainEqual(path);
  });

  it('accepts the longest allowed values', () => {
    const r = parse(
      [
        { on: 'answer', questionId: 'q'.repeat(32), op: 'contains', value: 'x'.repeat(500) },
        { on: 'channel', op: 'is', value: Array.from({ length: 30 }, (_, i) => `${i}`.padEnd(80, 'c')) },
        ...Array.from({ length: 18 }, () => ({ on: 'referral', op: 'referred' })),
      ],
      { id: 'r'.repeat(32), name: 'n'.repeat(120), outcome: 'reject', reason: 'r'.repeat(500) },
    );
    expect(r.success).toBe(true);
  });

  it('refuses a rule set that uses one id twice, naming the second, or holds more than 50 rules', () => {
    const rule = { id: 'same', name: 'R', conditions: [{ on: 'referral', op: 'referred' }], outcome: 'approve' };
    const twice = screeningRulesSchema.safeParse([rule, { ...rule, id: 'other' }, rule]);
    expect(twice.error?.issues.map((i) => ({ path: i.path, message: i.message }))).toEqual([{ path: [2, 'id'], message: 'rule id "same" is used twice' }]);
    const many = (n: number) => Array.from({ length: n }, (_, i) => ({ ...rule, id: `r${i}` }));
    expect(screeningRulesSchema.safeParse(many(50)).success).toBe(true);
    expect(screeningRulesSchema.safeParse(many(51)).success).toBe(false);
  });
});

describe('the preview of a rule set', () => {
  const approve: ScreeningRule = { id: 'a', name: 'Answered', enabled: true, conditions: [answer('answered')], outcome: 'approve' };
  const reject: ScreeningRule = { id: 'b', name: 'Blank', enabled: true, conditions: [answer('unanswered')], outcome: 'reject', reason: 'Answer please.' };

  it('agrees with approved and waitlisted for an approval, rejected for a rejection, pending for review', () => {
    const past = [
      { id: 'p1', facts: facts({ q: 'x' }), actual: 'approved' },
      { id: 'p2', facts: facts({ q: 'x' }), actual: 'waitlisted' },
      { id: 'p3', facts: facts({}), actual: 'rejected' },
      { id: 'p4', facts: facts({}), actual: 'pending' },
      { id: 'p5', facts: facts({ q: 'x' }), actual: 'rejected' },
    ];
    const p = previewRules([approve, reject], past);
    expect(p.total).toBe(5);
    expect(p.counts).toEqual({ approve: 3, reject: 2, review: 0 });
    expect(p.byRule).toEqual([{ ruleId: 'a', name: 'Answered', matched: 3 }, { ruleId: 'b', name: 'Blank', matched: 2 }]);
    expect(p.changed).toEqual([
      { id: 'p4', actual: 'pending', wouldBe: 'reject', ruleId: 'b' },
      { id: 'p5', actual: 'rejected', wouldBe: 'approve', ruleId: 'a' },
    ]);
  });

  it('counts manual review for what no rule decides, without a rule', () => {
    const p = previewRules([approve], [{ id: 'p1', facts: facts({}), actual: 'approved' }, { id: 'p2', facts: facts({}), actual: 'pending' }]);
    expect(p.counts).toEqual({ approve: 0, reject: 0, review: 2 });
    expect(p.byRule).toEqual([{ ruleId: 'a', name: 'Answered', matched: 0 }]);
    expect(p.changed).toEqual([{ id: 'p1', actual: 'approved', wouldBe: 'review', ruleId: null }]);
  });
});
