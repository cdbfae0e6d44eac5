/**
 * The operator's journeys in Debian's Chromium against the built server (test/e2e/operator-journeys.ts):
 * the gate console end to end, an appeal granted, a report upheld, the waitlist moving up. Each
 * journey is one test with its own community, so they pass in any order. The server runs on the
 * embedded SQLite file; the journeys that write the most under locks run again on PostgreSQL.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Api, DEADLINE_MS, freshPgDatabase, launchBrowser, missingPrerequisite, screenshotDir, startServer, STEP_TIMEOUT_MS, type Browser, type RunningServer } from './helpers.js';
import { appealReadmits, gateConsole, PASSWORD, reportUpheld, waitlistPromotes, type Stage } from './operator-journeys.js';

const DATABASES = [
  { name: 'SQLite', journeys: { gateConsole, appealReadmits, reportUpheld, waitlistPromotes } },
  { name: 'PostgreSQL', journeys: { appealReadmits, waitlistPromotes } },
] as const;

const TITLES: Record<string, string> = {
  gateConsole: 'the gate console: a form of every kind, a rule previewed, an invite, a rejection with a reason, the cooldown, applying again',
  appealReadmits: 'a removed member appeals, an admin re-admits them, and they are back in',
  reportUpheld: 'a member reports another, an admin upholds it, and both are told',
  waitlistPromotes: 'an approved applicant waits on the waitlist and becomes a member when a place frees',
};

for (const db of DATABASES) {
  describe(`operator journeys on ${db.name}`, { timeout: 2 * STEP_TIMEOUT_MS }, () => {
    let server: RunningServer;
    let browser: Browser;
    let page: Page;
    let stage: Stage;
    let dropDatabase: (() => Promise<void>) | undefined;

    beforeAll(async () => {
      const missing = missingPrerequisite();
      if (missing) throw new Error(`e2e cannot run: ${missing}`);
      const env: Record<string, string> = {};
      if (db.name === 'PostgreSQL') {
        const pg = await freshPgDatabase();
        env.DATABASE_URL = pg.url;
        dropDatabase = pg.drop;
      }
      server = await startServer(['--no-demo'], env, { clock: '2026-03-01T08:00:00Z' });
      const health = (await (await fetch(`${server.url}/healthz`)).json()) as { database: string };
      expect(health.database, 'the server runs on the database this describe names').toBe(db.name === 'PostgreSQL' ? 'postgres' : 'sqlite');
      browser = await launchBrowser({ locale: 'en-US', viewport: { width: 1280, height: 900 }, baseURL: server.url });
      page = browser.context.pages()[0] ?? (await browser.context.newPage());
      page.setDefaultTimeout(DEADLINE_MS);
      const shots = screenshotDir(`operator-${db.name.toLowerCase()}`);
      console.log(`e2e screenshots: ${shots}`);
      // The instance owner: the first account, so the one who may move the test clock.
      const ownerWho = { email: `owner-${Date.now()}@example.com`, name: 'Olga Operator' };
      const owner = new Api(() => server.url);
      await owner.signUp(ownerWho, PASSWORD);
      stage = { server, page, owner, ownerWho, shots };
    }, STEP_TIMEOUT_MS);
    afterEach(async (ctx) => {
      if (ctx.task.result?.state !== 'fail' || !page) return;
      console.log(`server output before the failure:\n${server.output().slice(-3000)}`);
      await page.screenshot({ path: `${stage.shots}/failed-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}.png`, fullPage: true }).catch(() => undefined);
    });
    afterAll(async () => {
      await browser?.close();
      await server?.stop();
      await dropDatabase?.();
    });

    for (const [key, journey] of Object.entries(db.journeys)) it(TITLES[key]!, () => journey(stage));
  });
}
