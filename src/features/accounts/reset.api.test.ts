import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../kernel/db/testing.js';
import { startTestApp, type TestApp } from '../../kernel/http/testing.js';
import { latestMailTo, listOutbox, resetTokenFrom } from './testing.js';

const OLD = 'old-password-2019';
const NEW = 'new-password-2026';

for (const dialect of DIALECTS) {
  describe(`password reset (${dialect})`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(dialect);
    });
    afterAll(() => t?.close());

    async function account(email: string, locale = 'zh-Hans') {
      const c = t.client();
      const res = await c.post('/api/auth/signup', { email, password: OLD, displayName: '陈 静', locale });
      expect(res.status).toBe(201);
      return c;
    }

    async function requestLink(email: string): Promise<string> {
      t.clock.advance(1000); // outbox ids order by time; two mails in one (frozen) millisecond have no order
      const res = await t.client().post('/api/auth/password-reset', { email });
      expect(res.status).toBe(202);
      const mail = await latestMailTo(t.db.kysely, email);
      expect(mail).toBeDefined();
      return resetTokenFrom(mail!.textBody)!;
    }

    it('mails a link, and the link sets a new password, ends old sessions and signs in anew', async () => {
      const laptop = await account('chen@example.com');
      const phone = t.client();
      expect((await phone.post('/api/auth/signin', { email: 'chen@example.com', password: OLD })).status).toBe(200);

      const res = await t.client().post('/api/auth/password-reset', { email: 'Chen@Example.com' });
      expect(res.status).toBe(202);
      expect(res.body).toEqual({ ok: true });
      const mail = (await latestMailTo(t.db.kysely, 'chen@example.com'))!;
      expect(mail.subject).toBe('重设你在 Shequn 的密码');
      expect(mail.textBody).toContain('陈 静');
      expect(mail.textBody).toMatch(new RegExp(`${t.ctx.config.publicUrl}/reset/[A-Za-z0-9_-]{43}\\b`));
      expect(mail.textBody).toContain('60');

      const browser = t.client();
      const done = await browser.post('/api/auth/password-reset/confirm', { token: resetTokenFrom(mail.textBody), password: NEW });
      expect(done.status).toBe(200);
      expect(done.body.user.email).toBe('chen@example.com');
      expect((await browser.get('/api/auth/me')).body.user.email).toBe('chen@example.com');

      expect((await laptop.get('/api/auth/me')).body.user).toBeNull();
      expect((await phone.get('/api/auth/me')).body.user).toBeNull();
      expect((await t.client().post('/api/auth/signin', { email: 'chen@example.com', password: OLD })).status).toBe(401);
      expect((await t.client().post('/api/auth/signin', { email: 'chen@example.com', password: NEW })).status).toBe(200);
    });

    it('answers 202 for an unknown address and sends nothing', async () => {
      const before = (await listOutbox(t.db.kysely)).length;
      const res = await t.client().post('/api/auth/password-reset', { email: 'nobody-here@example.com' });
      expect(res.status).toBe(202);
      expect(res.body).toEqual({ ok: true });
      expect((await listOutbox(t.db.kysely)).length).toBe(before);
    });

    it('a malformed address is a 400 on field email', async () => {
      const res = await t.client().post('/api/auth/password-reset', { email: 'not an email' });
      expect(res.status).toBe(400);
      expect(res.body.error.fields[0].path).toBe('email');
    });

    it('a link works only once', async () => {
      await account('once@example.com');
      const token = await requestLink('once@example.com');
      expect((await t.client().post('/api/auth/password-reset/confirm', { token, password: NEW })).status).toBe(200);
      const again = await t.client().post('/api/auth/password-reset/confirm', { token, password: 'third-password-x' });
      expect(again.status).toBe(400);
      expect(again.body.error.fields).toEqual([{ path: 'token', code: 'invalid', message: expect.stringMatching(/already used/) }]);
      expect((await t.client().post('/api/auth/signin', { email: 'once@example.com', password: NEW })).status).toBe(200);
    });

    it('using one link voids the other links sent before it', async () => {
      await account('two-links@example.com');
      const first = await requestLink('two-links@example.com');
      const second = await requestLink('two-links@example.com');
      expect(first).not.toBe(second);
      expect((await t.client().post('/api/auth/password-reset/confirm', { token: second, password: NEW })).status).toBe(200);
      const res = await t.client().post('/api/auth/password-reset/confirm', { token: first, password: 'third-password-x' });
      expect(res.status).toBe(400);
      expect(res.body.error.fields[0].path).toBe('token');
    });

    it('a link older than an hour is refused and the password stays', async () => {
      await account('late@example.com');
      const token = await requestLink('late@example.com');
      t.clock.advance(2 * 60 * 60 * 1000);
      const res = await t.client().post('/api/auth/password-reset/confirm', { token, password: NEW });
      expect(res.status).toBe(400);
      expect(res.body.error.fields).toEqual([{ path: 'token', code: 'invalid', message: expect.stringMatching(/expired/) }]);
      expect((await t.client().post('/api/auth/signin', { email: 'late@example.com', password: OLD })).status).toBe(200);
    });

    it('a made-up token is 400 on field token', async () => {
      const res = await t.client().post('/api/auth/password-reset/confirm', { token: 'made-up-token', password: NEW });
      expect(res.status).toBe(400);
      expect(res.body.error.fields[0].path).toBe('token');
    });

    it('the new password must follow the password rules, and the link survives a rejected attempt', async () => {
      await account('rules@example.com');
      const token = await requestLink('rules@example.com');
      const short = await t.client().post('/api/auth/password-reset/confirm', { token, password: 'short' });
      expect(short.status).toBe(400);
      expect(short.body.error.fields[0].path).toBe('password');
      const asEmail = await t.client().post('/api/auth/password-reset/confirm', { token, password: 'RULES@example.com' });
      expect(asEmail.body.error.fields[0].path).toBe('password');
      expect((await t.client().post('/api/auth/password-reset/confirm', { token, password: NEW })).status).toBe(200);
    });

    it("writes the mail in the account's language", async () => {
      await account('hant@example.com', 'zh-Hant');
      await account('en@example.com', 'en');
      await t.client().post('/api/auth/password-reset', { email: 'hant@example.com' });
      await t.client().post('/api/auth/password-reset', { email: 'en@example.com' });
      expect((await latestMailTo(t.db.kysely, 'hant@example.com'))!.subject).toBe('重設你在 Shequn 的密碼');
      const en = (await latestMailTo(t.db.kysely, 'en@example.com'))!;
      expect(en.subject).toBe('Reset your Shequn password');
      expect(en.textBody).toMatch(/expires in 60 minutes/);
    });

    it('stores only a hash of the reset token', async () => {
      await account('hashed@example.com');
      const token = await requestLink('hashed@example.com');
      const rows = await t.db.kysely.selectFrom('passwordResets').select('id').execute();
      expect(rows.some((r) => r.id === token)).toBe(false);
      expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.id))).toBe(true);
    });
  });
}
