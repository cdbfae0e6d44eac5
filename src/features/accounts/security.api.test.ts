import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { loadConfig } from '../../app/config.js';
import { buildServer } from '../../app/server.js';
import { ManualClock } from '../../kernel/clock.js';
import type { AppContext } from '../../kernel/context.js';
import { DIALECTS, openTestDb, type TestDb } from '../../kernel/db/testing.js';
import { startTestApp, TestClient, type TestApp } from '../../kernel/http/testing.js';
import { createMailer } from '../../kernel/mail.js';
import { latestMailTo, resetTokenFrom } from './testing.js';

const PASSWORD = 'rate-limit-2019';

for (const dialect of DIALECTS) {
  describe(`rate limits and CSRF (${dialect})`, () => {
    let t: TestApp | undefined;
    afterEach(async () => {
      await t?.close();
      t = undefined;
    });

    it('the 4th sign-in attempt within a minute gets 429 in the error format', async () => {
      t = await startTestApp(dialect, { authRateLimit: 3 });
      const c = t.client();
      const statuses: number[] = [];
      let last;
      for (let i = 0; i < 4; i++) {
        last = await c.post('/api/auth/signin', { email: 'guess@example.com', password: `guess-${i}-xxxx` });
        statuses.push(last.status);
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
      expect(last!.body).toEqual({ error: { code: 'rate_limited', message: expect.stringMatching(/^too many requests; try again in \d+ s$/), params: { seconds: expect.any(Number) } } });
      expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
    });

    it('a client cannot dodge the limit by inventing X-Forwarded-For; a proxy on this host is believed', async () => {
      t = await startTestApp(dialect, { authRateLimit: 3 });
      const c = t.client();
      const token = await c.csrfToken();
      const attempt = (remoteAddress: string, forwardedFor: string) =>
        t!.app.inject({
          method: 'POST',
          url: '/api/auth/signin',
          remoteAddress,
          headers: { 'x-csrf-token': token, cookie: `_csrf=${c.cookies.get('_csrf')}`, 'x-forwarded-for': forwardedFor },
          payload: { email: 'guess@example.com', password: 'guess-xxxx' },
        });
      const direct: number[] = [];
      for (let i = 0; i < 4; i++) direct.push((await attempt('203.0.113.7', `10.0.0.${i}`)).statusCode);
      expect(direct).toEqual([401, 401, 401, 429]);
      // Behind a reverse proxy on the same host, each real client has its own allowance.
      const proxied: number[] = [];
      for (let i = 0; i < 4; i++) proxied.push((await attempt('127.0.0.1', `198.51.100.${i}`)).statusCode);
      expect(proxied).toEqual([401, 401, 401, 401]);
    });

    it('sign-up, reset and reset confirmation are limited too, each on its own counter', async () => {
      t = await startTestApp(dialect, { authRateLimit: 3 });
      const c = t.client();
      for (const [url, body] of [
        ['/api/auth/signup', (i: number) => ({ email: `spam${i}@example.com`, password: PASSWORD, displayName: 'S' })],
        ['/api/auth/password-reset', (i: number) => ({ email: `spam${i}@example.com` })],
        ['/api/auth/password-reset/confirm', (i: number) => ({ token: `guess-${i}`, password: PASSWORD })],
      ] as const) {
        const statuses: number[] = [];
        for (let i = 0; i < 4; i++) statuses.push((await c.post(url, body(i))).status);
        expect(statuses.slice(0, 3), url).not.toContain(429);
        expect(statuses[3], url).toBe(429);
      }
      // Reading who you are is not limited.
      for (let i = 0; i < 5; i++) expect((await c.get('/api/auth/me')).status).toBe(200);
    });

    it('a write without the x-csrf-token header is refused with 403; with it, it succeeds', async () => {
      t = await startTestApp(dialect);
      const c = t.client();
      const body = { email: 'csrf@example.com', password: PASSWORD, displayName: '王 芳' };

      // A cross-site form post has neither the secret cookie nor the header.
      const noSecret = await c.request('POST', '/api/auth/signup', body, { csrf: false });
      expect(noSecret.status).toBe(403);
      expect(noSecret.body).toEqual({ error: { code: 'forbidden', message: expect.any(String) } });

      // Even with the secret cookie (the browser sends it along), the header is still required.
      await c.csrfToken();
      const noHeader = await c.request('POST', '/api/auth/signup', body, { csrf: false });
      expect(noHeader.status).toBe(403);
      expect(noHeader.body.error.code).toBe('forbidden');
      expect(await t.db.kysely.selectFrom('users').select('id').where('email', '=', 'csrf@example.com').executeTakeFirst()).toBeUndefined();

      expect((await c.post('/api/auth/signup', body)).status).toBe(201);
      const signedOut = await c.request('POST', '/api/auth/signout', undefined, { csrf: false });
      expect(signedOut.status).toBe(403);
      expect((await c.get('/api/auth/me')).body.user.email).toBe('csrf@example.com');
    });
  });
}

describe('password-reset mail over SMTP', () => {
  let smtp: SMTPServer;
  let port = 0;
  const received: { from: string; to: string[]; raw: string }[] = [];
  let db: TestDb;
  let ctx: AppContext;

  beforeAll(async () => {
    // A real SMTP listener speaking the protocol to nodemailer; no TLS or auth, as on a local relay.
    smtp = new SMTPServer({
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
    port = (smtp.server.address() as AddressInfo).port;
    db = await openTestDb('sqlite');
  });
  afterAll(async () => {
    await db?.destroy();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('delivers the reset mail with its link, and flush marks it sent', async () => {
    const env = { NODE_ENV: 'test', LOG_LEVEL: 'silent', SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Shequn <club@example.org>' };
    const config = { ...loadConfig(env), isTest: true };
    const clock = new ManualClock('2026-03-01T08:00:00.000Z');
    ctx = { config, db, clock, mailer: createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, clock }) };
    const app = await buildServer(ctx, { authRateLimit: 1000 });
    await app.ready();
    try {
      const c = new TestClient(app);
      await c.post('/api/auth/signup', { email: 'smtp@example.com', password: PASSWORD, displayName: 'Mail Test', locale: 'en' });
      expect((await c.post('/api/auth/password-reset', { email: 'smtp@example.com' })).status).toBe(202);
      const queued = (await latestMailTo(db.kysely, 'smtp@example.com'))!;
      expect(queued.sentAt).toBeNull();

      expect(await ctx.mailer.flush(db.kysely)).toBe(1);
      expect(received).toHaveLength(1);
      expect(received[0]!.from).toBe('club@example.org');
      expect(received[0]!.to).toEqual(['smtp@example.com']);
      const raw = received[0]!.raw.replace(/=\r?\n/g, ''); // undo quoted-printable soft line breaks
      expect(raw).toMatch(/^Subject: Reset your Shequn password/m);
      const token = resetTokenFrom(queued.textBody)!;
      expect(raw).toContain(`${config.publicUrl}/reset/${token}`);

      expect((await latestMailTo(db.kysely, 'smtp@example.com'))!.sentAt).toBe('2026-03-01T08:00:00.000Z');
      expect(await ctx.mailer.flush(db.kysely)).toBe(0); // nothing is sent twice
      expect(received).toHaveLength(1);

      // The link from the delivered mail works.
      expect((await new TestClient(app).post('/api/auth/password-reset/confirm', { token, password: 'brand-new-pass' })).status).toBe(200);
    } finally {
      await app.close();
    }
  });
});
