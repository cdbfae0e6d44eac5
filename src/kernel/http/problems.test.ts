/**
 * Zod issues become field problems a client can translate: the code, and only the
 * parameters a message uses, all JSON-safe (bigint and date limits included).
 */
import { validatorCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { zodFieldProblem, type ZodValidationEntry } from './problems.js';

/** Validates the way the server does (the type provider's compiler), then maps. */
function problems(schema: z.ZodType, input: unknown) {
  const r = (validatorCompiler as unknown as (o: { schema: z.ZodType }) => (d: unknown) => { error?: ZodValidationEntry[] })({ schema })(input);
  if (!r.error) throw new Error('expected the input to fail');
  return r.error.map((v) => zodFieldProblem(v, 'body', input));
}

describe('zodFieldProblem', () => {
  it('names the format of a bad email, url or pattern', () => {
    const schema = z.object({ email: z.email(), site: z.url(), code: z.string().regex(/^[a-z]+$/) });
    const byPath = Object.fromEntries(problems(schema, { email: 'nope', site: 'also nope', code: 'ABC' }).map((p) => [p.path, p]));
    expect(byPath['email']).toMatchObject({ code: 'invalid_format', params: { format: 'email' } });
    expect(byPath['site']).toMatchObject({ code: 'invalid_format', params: { format: 'url' } });
    expect(byPath['code']).toMatchObject({ code: 'invalid_format', params: { format: 'regex' } });
  });

  it('a missing nested value is required; a present wrong one is invalid_type', () => {
    const schema = z.object({ charter: z.object({ capacity: z.number(), name: z.string() }) });
    const byPath = Object.fromEntries(problems(schema, { charter: { name: 5 } }).map((p) => [p.path, p]));
    expect(byPath['charter.capacity']).toMatchObject({ code: 'required', in: 'body' });
    expect(byPath['charter.name']).toMatchObject({ code: 'invalid_type', params: { expected: 'string' } });
  });

  it('lists unknown keys of a strict object and keeps limits JSON-safe', () => {
    const [extra] = problems(z.strictObject({ a: z.string() }), { a: 'x', b: 1, c: 2 });
    expect(extra).toMatchObject({ code: 'unrecognized_keys', params: { keys: ['b', 'c'] } });
    const [big] = problems(z.object({ n: z.bigint().max(10n) }), { n: 11n });
    expect(big!.params).toMatchObject({ maximum: '10' });
    const [early] = problems(z.object({ d: z.date().min(new Date('2026-01-01T00:00:00Z')) }), { d: new Date('2025-01-01T00:00:00Z') });
    expect(early!.code).toBe('too_small');
    expect(() => JSON.stringify([big, early])).not.toThrow();
    expect(early!.params).toMatchObject({ origin: 'date', minimum: '2026-01-01T00:00:00.000Z' });
  });

  it('a not-multiple-of number carries the divisor, an exclusive bound says so', () => {
    const byPath = Object.fromEntries(problems(z.object({ step: z.number().multipleOf(5), price: z.number().positive() }), { step: 7, price: 0 }).map((p) => [p.path, p]));
    expect(byPath['step']).toMatchObject({ code: 'not_multiple_of', params: { divisor: 5 } });
    expect(byPath['price']).toMatchObject({ code: 'too_small', params: { origin: 'number', minimum: 0, inclusive: false } });
  });
});
