/**
 * One canonical form per address across sign-up, sign-in and reset, and addresses that
 * carry control characters or markup are refused with a 400 naming `email`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../kernel/db/testing.js';
import { startTestApp, type TestApp } from '../../kernel/http/testing.js';

const PASSWORD = 'canonical-2026';

for (const dialect of DIALECTS) {
  describe(`email addresses (${dialect})`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(dialect);
    });
    afterAll(() => t?.close());

    const signUp = (email: string, displayName = '王芳') => t.client().post('/api/auth/signup', { email, password: PASSWORD, displayName });
    const signIn = (email: string) => t.client().post('/api/auth/signin', { email, password: PASSWORD });

    it('"A@Example.COM " and "a@example.com" are one account', async () => {
      const created = await signUp('A@Example.COM ');
      expect(created.status).toBe(201);
      expect(created.body.user.email).toBe('a@example.com');
      expect((await signIn('a@example.com')).status).toBe(200);
      expect((await signIn('  A@EXAMPLE.com')).status).toBe(200);
      const again = await signUp('a@example.com', '另一位');
      expect(again.status).toBe(409);
      expect(again.body.error.fields[0].path).toBe('email');
    });

    it('a composed and a decomposed é are one address', async () => {
      expect((await signUp('Jose\u0301@example.com')).status).toBe(201);
      expect((await signIn('JOS\u00c9@example.com')).status).toBe(200);
      expect((await signUp('jos\u00e9@example.com', '另一位')).status).toBe(409);
    });

    it('a reset request for another spelling reaches the one account', async () => {
      expect((await t.client().post('/api/auth/password-reset', { email: ' A@EXAMPLE.COM' })).status).toBe(202);
      const mail = await t.db.kysely.selectFrom('mailOutbox').select('toAddress').execute();
      expect(mail.map((m) => m.toAddress)).toEqual(['a@example.com']);
    });

    it('NUL, other control characters, markup, specials, spaces, no @ and over-long addresses get a 400 on email', async () => {
      const bad = ['li\u0000wei@qq.com', 'li\u202ewei@qq.com', '<img src=x>@qq.com', 'a,b@qq.com', 'li wei@qq.com', 'liwei.qq.com', `${'a'.repeat(65)}@qq.com`, `a@${'b'.repeat(250)}.cn`];
      for (const email of bad) {
        const res = await signUp(email);
        expect(res.status, JSON.stringify(email)).toBe(400);
        expect(res.body.error.fields.map((f: { path: string }) => f.path), JSON.stringify(email)).toEqual(['email']);
        expect(['invalid_format', 'too_big'], JSON.stringify(email)).toContain(res.body.error.fields[0].code);
      }
      const users = await t.db.kysely.selectFrom('users').select('email').execute();
      expect(users.map((u) => u.email).sort()).toEqual(['a@example.com', 'jos\u00e9@example.com']);
    });
  });
}
