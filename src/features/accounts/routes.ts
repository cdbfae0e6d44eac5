/**
 * HTTP ↔ account use cases. Sets and clears the session cookie; everything the
 * product decides lives in service.ts and rules.ts.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireUser } from '../../kernel/http/server.js';
import { SESSION_COOKIE, SESSION_DAYS } from '../../kernel/auth/session.js';
import * as s from './schemas.js';
import * as service from './service.js';

export const accountRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const ctx = app.ctx;
  const limited = { rateLimit: { max: app.authRateLimit, timeWindow: '1 minute' } };
  const tags = ['accounts'];

  app.post(
    '/auth/signup',
    {
      config: limited,
      schema: {
        tags,
        summary: 'Create an account and sign in',
        description: 'An email that already has an account gives 409 on field `email`.',
        body: s.signUpBody,
        response: { 201: s.userBody },
      },
    },
    async (req, reply) => {
      const signed = await service.signUp(ctx, req.body, req.lang);
      await startSession(req, reply, signed);
      return reply.status(201).send({ user: signed.user });
    },
  );

  app.post(
    '/auth/signin',
    {
      config: limited,
      schema: {
        tags,
        summary: 'Sign in with email and password',
        description: `A wrong password and an unknown email both give 401 "${service.WRONG_CREDENTIALS}".`,
        body: s.signInBody,
        response: { 200: s.userBody },
      },
    },
    async (req, reply) => {
      const signed = await service.signIn(ctx, req.body);
      await startSession(req, reply, signed);
      return { user: signed.user };
    },
  );

  app.post('/auth/signout', { schema: { tags, summary: 'Sign out (ends this session)', response: { 204: s.noContent } } }, async (req, reply) => {
    await service.signOut(ctx, req.cookies[SESSION_COOKIE]);
    clearSessionCookie(reply);
    return reply.status(204).send(null);
  });

  app.get(
    '/auth/me',
    { schema: { tags, summary: 'The signed-in user, or null', response: { 200: s.meBody } } },
    async (req) => ({ user: req.user }),
  );

  app.patch(
    '/auth/me',
    {
      schema: {
        tags,
        summary: 'Change display name or language',
        body: s.profilePatch,
        response: { 200: s.userBody },
      },
    },
    async (req) => ({ user: await service.updateProfile(ctx, requireUser(req).id, req.body) }),
  );

  app.post(
    '/auth/password-reset',
    {
      config: limited,
      schema: {
        tags,
        summary: 'Mail a password-reset link',
        description: 'Always 202 for a well-formed address, whether or not it has an account.',
        body: s.resetRequestBody,
        response: { 202: s.accepted },
      },
    },
    async (req, reply) => {
      const sent = await service.requestPasswordReset(ctx, req.body, req.lang);
      // Without SMTP the mail only reaches the outbox; the log line lets a local operator use the link.
      // With SMTP the link stays out of the logs, where it would be a credential.
      if (sent && !ctx.config.smtpUrl) req.log.info({ to: sent.to }, `password reset link (no SMTP_URL, outbox only): ${sent.link}`);
      return reply.status(202).send({ ok: true as const });
    },
  );

  app.post(
    '/auth/password-reset/confirm',
    {
      config: limited,
      schema: {
        tags,
        summary: 'Set a new password with a reset link; signs in and ends other sessions',
        body: s.resetConfirmBody,
        response: { 200: s.userBody },
      },
    },
    async (req, reply) => {
      const signed = await service.confirmPasswordReset(ctx, req.body);
      await startSession(req, reply, signed);
      return { user: signed.user };
    },
  );
};

async function startSession(req: FastifyRequest, reply: FastifyReply, signed: service.SignedIn): Promise<void> {
  // A sign-in replaces whatever session this browser had, rather than leaving it alive behind the new one.
  const previous = req.cookies[SESSION_COOKIE];
  if (previous) await service.signOut(req.server.ctx, previous);
  reply.setCookie(SESSION_COOKIE, signed.session.token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: req.server.ctx.config.cookieSecure,
    path: '/',
    // Max-Age rather than Expires: it does not depend on the client's clock.
    maxAge: SESSION_DAYS * 86_400,
  });
}

function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: reply.server.ctx.config.cookieSecure });
}
