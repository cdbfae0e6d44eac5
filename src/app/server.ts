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
import { accountRoutes } from '../features/accounts/index.js';
import { communityRoutes } from '../features/communities/index.js';
import { pruningRoutes } from '../features/pruning/index.js';
import { contentRoutes } from '../features/content/index.js';
import { gateRoutes, loadConfig as loadGateConfig, referralStays } from '../features/gate/index.js';
import { membersRoutes, useIntroSettings, useReferralReader } from '../features/members/index.js';
import { healthRoutes } from '../features/health/index.js';
import { activitiesRoutes } from '../features/activities/index.js';

const FEATURES: FastifyPluginAsync[] = [accountRoutes, communityRoutes, pruningRoutes, gateRoutes, membersRoutes, healthRoutes, contentRoutes, activitiesRoutes];

// The introduction template and deadline live in the gate's settings; members reads them from there.
useIntroSettings(async (db, communityId) => (await loadGateConfig(db, communityId)).settings);
// Who brought whom is the gate's; the members' evidence counts the people each member brought who stayed.
useReferralReader(referralStays);

export interface ServerOptions extends HttpOptions {
  /**
   * More routes under /api, for a caller that builds the server in code (the end-to-end tests'
   * launcher adds its clock route here). Nothing in the CLI or the environment can set this.
   */
  extraRoutes?: FastifyPluginAsync[];
}

export async function buildServer(ctx: AppContext, options: ServerOptions = {}): Promise<FastifyInstance> {
  const { extraRoutes = [], ...http } = options;
  const app = await createHttp(ctx, http);
  for (const feature of [...FEATURES, ...extraRoutes]) await app.register(feature, { prefix: '/api' });
  return app;
}

export async function createContext(config: Config, clock: Clock = systemClock): Promise<AppContext> {
  const db = connect({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath, statementTimeoutMs: config.statementTimeoutMs });
  await migrateToLatest(db);
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, clock, log: (m) => console.log(m) });
  return { config, db, clock, mailer };
}
