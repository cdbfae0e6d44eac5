/**
 * The HTTP base every feature plugs into: Zod-validated routes, one error format,
 * security headers (./headers.ts), cookie sessions, CSRF on unsafe methods,
 * rate-limit support, the OpenAPI document at /api/openapi.json with a browsable
 * page at /api/docs, /healthz, request logs, and the built web app with SPA fallback.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { AppError, HTTP_STATUS, Unauthorized, type ErrorCode, type FieldProblem, type ProblemParams } from '../errors.js';
import { zodFieldProblem } from './problems.js';
import { recordRoutes } from './routes.js';
import { readSession, SESSION_COOKIE, type SessionUser } from '../auth/session.js';
import { negotiateLang, type Lang, isLang } from '../i18n.js';
import { packageRoot } from '../paths.js';
import { isCancelled } from '../db/connect.js';
import { registerDeadline, timeoutBody } from './deadline.js';
import { registerHealth, type HealthThresholds } from './health.js';
import { registerSecurityHeaders } from './headers.js';

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null;
    lang: Lang;
  }
}

export type Http = FastifyInstance;
export type TypedHttp = ReturnType<FastifyInstance['withTypeProvider']> & FastifyInstance;

export interface HttpOptions {
  /** Requests per minute per IP for sign-in, sign-up and password reset. */
  authRateLimit?: number;
  webDir?: string;
  /** Overrides the config's request deadline (tests). */
  requestTimeoutMs?: number;
  health?: HealthThresholds;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export async function createHttp(ctx: AppContext, options: HttpOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: ctx.config.isTest ? false : { level: ctx.config.logLevel },
    trustProxy: ctx.config.trustProxy ?? 'loopback',
    bodyLimit: 1_048_576,
  });
  recordRoutes(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('ctx', ctx);
  app.decorate('authRateLimit', options.authRateLimit ?? 10);
  app.decorateRequest('user', null);
  app.decorateRequest('lang', 'zh-Hans');
  registerDeadline(app, options.requestTimeoutMs ?? ctx.config.requestTimeoutMs);

  await registerSecurityHeaders(app, { https: ctx.config.https });
  await app.register(fastifyCookie);
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    cookieOpts: { httpOnly: true, sameSite: 'lax', path: '/', secure: ctx.config.cookieSecure },
  });
  // With REDIS_URL the limits are counted in Redis, so every app process shares them.
  const redis = ctx.config.redisUrl ? new (await import('ioredis')).Redis(ctx.config.redisUrl, { maxRetriesPerRequest: 1 }) : undefined;
  if (redis) app.addHook('onClose', async () => void (await redis.quit()));
  await app.register(fastifyRateLimit, {
    global: false,
    ...(redis ? { redis } : {}),
    errorResponseBuilder: (_req, context) => {
      const seconds = Math.ceil(context.ttl / 1000);
      return { statusCode: 429, error: { code: 'rate_limited', message: `too many requests; try again in ${seconds} s`, params: { seconds } } };
    },
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Shequn API', version: '0.1.0', description: 'Shequn (社群) community operating system' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
    // Schemas with an id (recursive ones need one) become components the operations refer to.
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  // Who is asking, in which language. Lookups are cheap (indexed hash of the token).
  app.addHook('onRequest', async (req) => {
    req.user = await readSession(ctx.db.kysely, req.cookies[SESSION_COOKIE], ctx.clock);
    const cookieLang = req.cookies['shequn_lang'];
    req.lang = isLang(cookieLang) ? cookieLang : isLang(req.user?.locale) ? (req.user!.locale as Lang) : negotiateLang(req.headers['accept-language']);
  });
  // Cookie-authenticated writes need the CSRF token (double-submit, @fastify/csrf-protection).
  app.addHook('onRequest', (req, reply, done) => {
    if (UNSAFE.has(req.method) && req.url.startsWith('/api/')) return app.csrfProtection(req, reply, done);
    done();
  });

  app.setErrorHandler((err, req, reply) => sendError(err, req, reply));
  app.setNotFoundHandler((req, reply) => notFound(req, reply, options.webDir ?? join(packageRoot, 'dist', 'web')));

  registerHealth(app, ctx, options.health);
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get(
    '/api/csrf',
    { schema: { tags: ['kernel'], summary: 'A CSRF token for the x-csrf-token header of writes', response: { 200: z.object({ token: z.string() }) } } },
    async (_req, reply) => ({ token: reply.generateCsrf() }),
  );

  const webDir = options.webDir ?? join(packageRoot, 'dist', 'web');
  if (existsSync(join(webDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: false, index: false });
  }
  return app;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
    authRateLimit: number;
  }
}

export function requireUser(req: FastifyRequest): SessionUser {
  if (!req.user) throw Unauthorized();
  return req.user;
}

/**
 * The one error format: { error: { code, message, params?, fields?: [{ path, in, message, code, params? }] } }.
 * Messages are English; codes and params let the client translate (locales/<lang>/errors.json).
 */
function sendError(err: unknown, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof AppError) return reply.status(HTTP_STATUS[err.code]).send(body(err.code, err.message, wireFields(err), err.params));
  if (isCancelled(err)) return reply.status(503).send(timeoutBody(ctxTimeout(req)));
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = err.validationContext ?? 'body';
    const input = { body: req.body, querystring: req.query, params: req.params, headers: req.headers }[where];
    const fields = err.validation.map((v) => zodFieldProblem(v, where, input));
    const first = fields[0];
    const message = first ? `${first.path || first.in}: ${first.message}` : 'invalid input';
    return reply.status(400).send(body('invalid', message, fields));
  }
  const e = err as { statusCode?: number; message?: string; code?: string };
  const status = e.statusCode ?? 500;
  // @fastify/rate-limit throws the errorResponseBuilder's object, whose message and params sit under `error`.
  if (status === 429) {
    const limited = (err as { error?: { message?: string; params?: ProblemParams } }).error;
    return reply.status(429).send(body('rate_limited', limited?.message ?? e.message ?? 'too many requests', [], limited?.params));
  }
  if (status === 403) return reply.status(403).send(body('forbidden', e.message ?? 'forbidden'));
  if (status >= 400 && status < 500) return reply.status(status).send(body(status === 404 ? 'not_found' : 'invalid', e.message ?? 'bad request'));
  req.log.error(err);
  return reply.status(500).send(body('internal', 'internal error'));
}

function ctxTimeout(req: FastifyRequest): number {
  return req.server.ctx.config.statementTimeoutMs;
}

/** A use case's problems without a code of their own take the error's (invalid, conflict). */
function wireFields(err: AppError) {
  return err.fields.map((f) => ({ ...f, code: f.code ?? err.code }));
}

function body(code: ErrorCode | 'internal', message: string, fields: (FieldProblem & { in?: string })[] = [], params?: ProblemParams) {
  return { error: { code, message, ...(params ? { params } : {}), ...(fields.length ? { fields } : {}) } };
}

let indexHtml: string | undefined;
function notFound(req: FastifyRequest, reply: FastifyReply, webDir: string) {
  if (req.method !== 'GET' || req.url.startsWith('/api/') || req.url === '/api') {
    return reply.status(404).send(body('not_found', `no route ${req.method} ${req.url.split('?')[0]}`));
  }
  const file = join(webDir, 'index.html');
  if (!existsSync(file)) return reply.status(404).type('text/plain').send('web app not built: run `npm run build`');
  indexHtml ??= readFileSync(file, 'utf8');
  return reply.type('text/html; charset=utf-8').send(indexHtml);
}
