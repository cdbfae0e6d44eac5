/**
 * Composition root: the kernel's HTTP base plus every feature's routes.
 * A new feature adds one line to FEATURES.
 */
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { createHttp, type HttpOptions } from '../kernel/http/server.js';
import type { AppContext } from '../kernel/context.js';
import { connect } from '../kernel/db/connect.js';
import { migrateToLatest } from '../kernel/db/migrate.js';
import { createMailer } from '../kernel/mail.js';
import { systemClock, type Clock } from '../kernel/clock.js';
import type { Config } from './config.js';
import { accountRoutes } from '../features/accounts/routes.js';
import { communityRoutes } from '../features/communities/routes.js';
import { pruningRoutes } from '../features/pruning/routes.js';
import { ShiftedClock, testingClockRoutes } from '../jobs/testing-clock.js';
import { gateRoutes } from '../features/gate/routes.js';
import { membersRoutes } from '../features/members/routes.js';

const FEATURES: FastifyPluginAsync[] = [accountRoutes, communityRoutes, pruningRoutes, gateRoutes, membersRoutes, testingClockRoutes];

export async function buildServer(ctx: AppContext, options: HttpOptions = {}): Promise<FastifyInstance> {
  const app = await createHttp(ctx, options);
  for (const feature of FEATURES) await app.register(feature, { prefix: '/api' });
  return app;
}

export async function createContext(config: Config, clock: Clock = config.fakeNow ? new ShiftedClock(config.fakeNow) : systemClock): Promise<AppContext> {
  const db = connect({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath, statementTimeoutMs: config.statementTimeoutMs });
  await migrateToLatest(db);
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, clock, log: (m) => console.log(m) });
  return { config, db, clock, mailer };
}
