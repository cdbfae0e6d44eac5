import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../kernel/db/testing.js';
import { startTestApp, type TestApp, type TestClient } from '../../kernel/http/testing.js';

const PASSWORD = 'beikao-2019-mba';

function signUp(client: TestClient, email: string, extra: Record<string, unknown> = {}) {
  return client.post('/api/auth/signup', { email, password: PASSWORD, displayName: '李 伟', ...extra });
}

function setCookies(headers: Record<string, unknown>): string[] {
  const raw = headers['set-cookie'];
  return (Array.isArray(raw) ? raw : raw ? [raw] : []).map(String);
}

for (const dialect of DIALECTS) {
  describe(`accounts API (${dialect})`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(dialect);
    });
    afterAll(() => t?.close());

    it('signs up, is signed in, signs out, and is then nobody', async () => {
      const c = t.client();
      const up = await signUp(c, '  Li.Wei@Example.com ');
      expect(up.status).toBe(201);
      expect(up.body.user).toMatchObject({ email: 'li.wei@example.com', displayName: '李 伟' });
      expect(up.body.user).not.toHaveProperty('passwordHash');
      expect((await c.get('/api/auth/me')).body.user).toEqual(up.body.user);

      expect((await c.post('/api/auth/signout')).status).toBe(204);
      expect(c.cookies.has('shequn_session')).toBe(false);
      expect((await c.get('/api/auth/me')).body).toEqual({ user: null });
    });

    it('signing out ends the session on the server, not just the cookie', async () => {
      const c = t.client();
      await signUp(c, 'stolen@example.com');
      const token = c.cookies.get('shequn_session')!;
      await c.post('/api/auth/signout');
      const thief = t.client();
      thief.cookies.set('shequn_session', token);
      expect((await thief.get('/api/auth/me')).body.user).toBeNull();
    });

    it('signs back in with any case of the email', async () => {
      await signUp(t.client(), 'wang@example.com');
      const c = t.client();
      const res = await c.post('/api/auth/signin', { email: 'WANG@example.com', password: PASSWORD });
      expect(res.status).toBe(200);
      expect(res.body.user.email).toBe('wang@example.com');
      expect((await c.get('/api/auth/me')).body.user.email).toBe('wang@example.com');
    });

    it('a wrong password and an unknown email get the very same answer', async () => {
      await signUp(t.client(), 'zhao@example.com');
      const wrong = await t.client().post('/api/auth/signin', { email: 'zhao@example.com', password: 'not-the-password' });
      const unknown = await t.client().post('/api/auth/signin', { email: 'nobody@example.com', password: 'not-the-password' });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.body).toEqual({ error: { code: 'unauthorized', message: 'wrong email or password' } });
      expect(unknown.body).toEqual(wrong.body);
      expect(setCookies(wrong.headers).some((c) => c.startsWith('shequn_session='))).toBe(false);
    });

    it('a taken email gets 409 on field email', async () => {
      await signUp(t.client(), 'taken@example.com');
      const res = await signUp(t.client(), 'TAKEN@example.com ');
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('conflict');
      expect(res.body.error.fields).toEqual([{ path: 'email', code: 'conflict', message: expect.stringMatching(/already exists/) }]);
    });

    it('bad input gets 400 naming the field', async () => {
      const c = t.client();
      const fieldOf = async (body: Record<string, unknown>) => {
        const res = await c.post('/api/auth/signup', body);
        expect(res.status).toBe(400);
        expect(res.body.error.code).toBe('invalid');
        return res.body.error.fields.map((f: { path: string }) => f.path);
      };
      expect(await fieldOf({ email: 'not-an-email', password: PASSWORD, displayName: 'A' })).toEqual(['email']);
      expect(await fieldOf({ email: 'short@example.com', password: 'short', displayName: 'A' })).toEqual(['password']);
      expect(await fieldOf({ email: 'noname@example.com', password: PASSWORD })).toEqual(['displayName']);
      expect(await fieldOf({ email: 'blank@example.com', password: PASSWORD, displayName: '   ' })).toEqual(['displayName']);
      expect(await fieldOf({ email: 'same@example.com', password: 'Same@Example.com', displayName: 'A' })).toEqual(['password']);
      expect(await fieldOf({ email: 'fr@example.com', password: PASSWORD, displayName: 'A', locale: 'fr' })).toEqual(['locale']);
      const msg = (await c.post('/api/auth/signup', { email: 'x@y', password: PASSWORD, displayName: 'A' })).body.error.message;
      expect(msg).toMatch(/^email: .*not an email address/);
    });

    it('sets the session cookie httpOnly, SameSite=Lax, path /, for 30 days', async () => {
      const res = await signUp(t.client(), 'cookie@example.com');
      const session = setCookies(res.headers).find((c) => c.startsWith('shequn_session='))!;
      expect(session).toBeDefined();
      expect(session).toMatch(/; HttpOnly/i);
      expect(session).toMatch(/; SameSite=Lax/i);
      expect(session).toMatch(/; Path=\//);
      expect(session).toMatch(/; Max-Age=2592000/);
      expect(session).not.toMatch(/; Secure/i); // PUBLIC_URL is http in tests
    });

    it('marks the cookie Secure when the site is served over https', async () => {
      t.ctx.config.cookieSecure = true;
      try {
        const res = await signUp(t.client(), 'https@example.com');
        expect(setCookies(res.headers).find((c) => c.startsWith('shequn_session='))).toMatch(/; Secure/i);
      } finally {
        t.ctx.config.cookieSecure = false;
      }
    });

    it('keeps the language chosen at sign-up, else the browser language', async () => {
      expect((await signUp(t.client(), 'hant@example.com', { locale: 'zh-Hant' })).body.user.locale).toBe('zh-Hant');
      const c = t.client();
      c.lang = 'en-US,en;q=0.9';
      expect((await signUp(c, 'browser-en@example.com')).body.user.locale).toBe('en');
    });

    it('PATCH me changes language and display name, and they stick', async () => {
      const c = t.client();
      await signUp(c, 'patch@example.com');
      const res = await c.patch('/api/auth/me', { locale: 'en', displayName: ' Wei  Li ' });
      expect(res.status).toBe(200);
      expect(res.body.user).toMatchObject({ locale: 'en', displayName: 'Wei Li' });
      expect((await c.get('/api/auth/me')).body.user).toMatchObject({ locale: 'en', displayName: 'Wei Li' });
      const bad = await c.patch('/api/auth/me', { locale: 'de' });
      expect(bad.status).toBe(400);
      expect(bad.body.error.fields[0].path).toBe('locale');
    });

    it('PATCH me without a session is 401', async () => {
      const res = await t.client().patch('/api/auth/me', { locale: 'en' });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('unauthorized');
    });

    it('signing in again replaces the old session of that browser', async () => {
      const c = t.client();
      await signUp(c, 'twice@example.com');
      const first = c.cookies.get('shequn_session')!;
      await c.post('/api/auth/signin', { email: 'twice@example.com', password: PASSWORD });
      expect(c.cookies.get('shequn_session')).not.toBe(first);
      const old = t.client();
      old.cookies.set('shequn_session', first);
      expect((await old.get('/api/auth/me')).body.user).toBeNull();
    });

    it('documents the account routes and their bounds in /api/openapi.json', async () => {
      const doc = (await t.client().get('/api/openapi.json')).body;
      for (const path of ['/api/auth/signup', '/api/auth/signin', '/api/auth/signout', '/api/auth/password-reset', '/api/auth/password-reset/confirm']) {
        expect(doc.paths[path]?.post, path).toBeDefined();
      }
      expect(doc.paths['/api/auth/me'].patch).toBeDefined();
      const signup = doc.paths['/api/auth/signup'].post.requestBody.content['application/json'].schema;
      expect(signup.required).toEqual(expect.arrayContaining(['email', 'password', 'displayName']));
      expect(signup.properties.password).toMatchObject({ minLength: 8, maxLength: 200 });
    });

    it('stores only an argon2id hash of the password', async () => {
      await signUp(t.client(), 'stored@example.com');
      const row = await t.db.kysely.selectFrom('users').select('passwordHash').where('email', '=', 'stored@example.com').executeTakeFirstOrThrow();
      expect(row.passwordHash).toMatch(/^\$argon2id\$/);
      expect(row.passwordHash).not.toContain(PASSWORD);
    });
  });
}
