/**
 * The error format carries machine codes and parameters next to the English messages,
 * so a client can say "至少需要 8 个字符" instead of Zod's English. Real server, both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../db/testing.js';
import { startTestApp, type TestApp } from './testing.js';

for (const dialect of DIALECTS) {
  describe(`field problems carry codes and params (${dialect})`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(dialect);
    });
    afterAll(() => t?.close());

    it('a short password and a missing display name: too_small with the minimum, and required', async () => {
      const res = await t.client().post('/api/auth/signup', { email: 'wang.fang@example.com', password: 'abc12' });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid');
      const byPath = Object.fromEntries(res.body.error.fields.map((f: { path: string }) => [f.path, f]));
      expect(Object.keys(byPath).sort()).toEqual(['displayName', 'password']);
      expect(byPath.password).toMatchObject({ in: 'body', code: 'too_small', params: { origin: 'string', minimum: 8, inclusive: true } });
      expect(byPath.password.message).toMatch(/8/); // the English message stays for logs and API users
      expect(byPath.displayName).toMatchObject({ in: 'body', code: 'required' });
      expect(byPath.displayName.params).not.toHaveProperty('input');
    });

    it('a wrong type that is present stays invalid_type; an unknown language is invalid_value with the choices', async () => {
      const res = await t.client().post('/api/auth/signup', { email: 'wang.fang@example.com', password: 12345678, displayName: '王芳', locale: 'fr' });
      expect(res.status).toBe(400);
      const byPath = Object.fromEntries(res.body.error.fields.map((f: { path: string }) => [f.path, f]));
      expect(byPath.password).toMatchObject({ code: 'invalid_type', params: { expected: 'string' } });
      expect(byPath.locale).toMatchObject({ code: 'invalid_value', params: { values: ['zh-Hans', 'zh-Hant', 'en'] } });
    });

    it('a too-long display name is too_big with the maximum', async () => {
      const res = await t.client().post('/api/auth/signup', { email: 'wang.fang@example.com', password: 'beikao-2019-mba', displayName: '王'.repeat(500) });
      expect(res.status).toBe(400);
      expect(res.body.error.fields[0]).toMatchObject({ path: 'displayName', code: 'too_big', params: { origin: 'string', maximum: expect.any(Number) } });
    });

    it("a use case's Invalid and Conflict keep their English message and carry their codes", async () => {
      const bad = await t.client().post('/api/auth/signup', { email: 'not-an-email', password: 'beikao-2019-mba', displayName: '王芳' });
      expect(bad.status).toBe(400);
      expect(bad.body.error).toMatchObject({ code: 'invalid', message: expect.stringMatching(/^email: /) });
      expect(bad.body.error.fields).toEqual([
        { path: 'email', code: 'invalid_format', params: { format: 'email' }, message: expect.stringMatching(/not an email address/) },
      ]);

      const first = await t.client().post('/api/auth/signup', { email: 'zhang.wei@example.com', password: 'beikao-2019-mba', displayName: '张伟' });
      expect(first.status).toBe(201);
      const taken = await t.client().post('/api/auth/signup', { email: 'zhang.wei@example.com', password: 'beikao-2019-mba', displayName: '张伟' });
      expect(taken.status).toBe(409);
      expect(taken.body.error.code).toBe('conflict');
      expect(taken.body.error.fields).toEqual([{ path: 'email', code: 'conflict', message: expect.stringMatching(/already exists/) }]);
    });

    it('an unknown API route is not_found without fields', async () => {
      const res = await t.client().get('/api/no-such-thing');
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ error: { code: 'not_found', message: 'no route GET /api/no-such-thing' } });
    });

    it('429 says how many seconds to wait, as a parameter', async () => {
      const limited = await startTestApp(dialect, { authRateLimit: 2 });
      try {
        const c = limited.client();
        let last;
        for (let i = 0; i < 3; i++) last = await c.post('/api/auth/signin', { email: 'guess@example.com', password: `guess-${i}-xxxx` });
        expect(last!.status).toBe(429);
        expect(last!.body.error.code).toBe('rate_limited');
        expect(last!.body.error.params.seconds).toBeGreaterThan(0);
        expect(last!.body.error.params.seconds).toBeLessThanOrEqual(60);
        expect(last!.body.error.message).toBe(`too many requests; try again in ${last!.body.error.params.seconds} s`);
      } finally {
        await limited.close();
      }
    });
  });
}
