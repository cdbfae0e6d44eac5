/**
 * `shequn serve | migrate | demo`: start-up, migrations and the demo community.
 */
import { loadConfig, type Config } from './config.js';
import type { FastifyPluginAsync } from 'fastify';
import type { Clock } from '../kernel/clock.js';
import { buildServer, createContext } from './server.js';
import { connect } from '../kernel/db/connect.js';
import { migrateToLatest } from '../kernel/db/migrate.js';
import { loadDemo, type DemoResult } from '../features/communities/index.js';
import type { AppContext } from '../kernel/context.js';
import { loadGateDemo } from '../features/gate/index.js';
import { startScheduler } from '../jobs/index.js';

export interface ServeOptions {
  /** `false` is `--no-demo`; SHEQUN_DEMO=0 in the environment switches it off as well. */
  demo?: boolean;
  /** For a caller in code only (the end-to-end launcher under test/): the CLI sets neither. */
  clock?: Clock;
  extraRoutes?: FastifyPluginAsync[];
}

export async function serve({ demo = true, clock, extraRoutes }: ServeOptions = {}): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  const ctx = await createContext(config, clock);
  const result = await loadDemoOnFirstStart(ctx, demo && config.demo);
  if (result?.created) console.log(`Loaded the demo community "${result.name}" (/c/${result.slug}).`);
  if (result?.signIn) console.log(`Demo sign-in: ${result.signIn.email} / ${result.signIn.password}  (owner of /c/${result.slug})`);
  const app = await buildServer(ctx, { extraRoutes });
  await app.listen({ port: config.port, host: config.host });
  console.log(`Shequn is running at ${config.publicUrl} (${describeDb(config)}) — ready in ${Date.now() - started} ms`);

  startScheduler(ctx, (job, err) => app.log.error({ job, err }, 'scheduled job failed'));
  const mailTimer = setInterval(() => void ctx.mailer.flush(ctx.db.kysely).catch((e) => app.log.error(e)), 10_000);
  mailTimer.unref();
  const stop = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    clearInterval(mailTimer);
    await app.close();
    await ctx.db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

export async function migrateCommand(): Promise<number> {
  const config = loadConfig();
  const db = connect({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath });
  try {
    const applied = await migrateToLatest(db);
    console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}` : 'Database is up to date.');
    return 0;
  } finally {
    await db.close();
  }
}

export async function demoCommand({ force }: { force: boolean }): Promise<number> {
  const config = loadConfig();
  const ctx = await createContext(config);
  try {
    const result = await loadDemo(ctx, { onlyIfEmpty: false, force });
    if (result.created) await loadGateDemo(ctx, { slug: result.slug, force: true });
    console.log(result.created ? `Loaded the demo community "${result.name}" (/c/${result.slug}).` : `The demo community is already there (/c/${result.slug}); use --force to load it again.`);
    if (result.signIn) console.log(`Demo sign-in: ${result.signIn.email} / ${result.signIn.password}`);
    return 0;
  } finally {
    await ctx.db.close();
  }
}

/**
 * The demo is for evaluating Shequn: it goes only into a database that holds no
 * community at all, so a deployment's own communities never get a demo beside them.
 */
export async function loadDemoOnFirstStart(ctx: AppContext, wanted: boolean): Promise<DemoResult | null> {
  if (!wanted) return null;
  const result = await loadDemo(ctx, { onlyIfEmpty: true });
  // The gate's side of the demo (form, rules, campaign links, applications, introductions)
  if (result.created) await loadGateDemo(ctx, { slug: result.slug, force: true });
  return result;
}

function describeDb(config: Config): string {
  return config.databaseUrl ? 'PostgreSQL' : `SQLite ${config.sqlitePath}`;
}
