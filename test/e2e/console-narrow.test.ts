/**
 * Every console page at 375 px in the three languages, on the demo community: the document is
 * never wider than the viewport (no sideways scroll), and no table scrolls sideways inside its own
 * box either (wide tables become cards there, so actions stay on screen). Screenshots of each page
 * are kept for a person to look at.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, missingPrerequisite, screenshotDir, startServer, type Browser, type RunningServer } from './helpers.js';

const PHONE = { width: 375, height: 812 };
const LANGS = ['zh-Hans', 'zh-Hant', 'en'] as const;
const PAGES = [
  '', // health, the console's first page
  '/charter',
  '/members',
  '/activity',
  ...['settings', 'warnings', 'reports', 'appeals', 'audit'].map((tab) => `/pruning?tab=${tab}`),
  ...['review', 'form', 'rules', 'invites', 'tiers', 'settings'].map((tab) => `/gate?tab=${tab}`),
];

let server: RunningServer;
let browser: Browser;
let page: Page;
let slug: string;
let shots: string;

/** The page has rendered: the language is set, the console's content is there and nothing is still loading. */
async function settled(lang: string) {
  await page.waitForFunction(
    (l) =>
      document.documentElement.lang === l &&
      !!document.querySelector('.ant-layout-sider .ant-menu') && // the console itself, not a sign-in or 403 page
      !!document.querySelector('.ant-layout-content *') &&
      !document.querySelector('.ant-spin-spinning, .ant-skeleton'),
    lang,
    { timeout: 60_000 },
  );
}

/** What is wider than the phone: the document, and any table scrolling sideways in its own box. */
function overflow(): Promise<{ document: number; viewport: number; tables: number[] }> {
  return page.evaluate(() => ({
    document: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
    tables: [...document.querySelectorAll('.ant-table-content, .ant-table-body')].filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.scrollWidth),
  }));
}

describe('the console at 375 px', { timeout: 900_000 }, () => {
  beforeAll(async () => {
    const missing = missingPrerequisite();
    if (missing) throw new Error(`e2e cannot run: ${missing}`);
    server = await startServer([]);
    const signIn = server.output().match(/Demo sign-in: (\S+) \/ (\S+)/);
    expect(signIn, `the server printed no demo sign-in:\n${server.output()}`).not.toBeNull();
    slug = server.output().match(/\(\/c\/([a-z0-9-]+)\)/)![1]!;
    browser = await launchBrowser({ locale: 'en-US', viewport: PHONE, baseURL: server.url });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.setDefaultTimeout(60_000);
    shots = screenshotDir('console-375');
    console.log(`e2e screenshots: ${shots}`);
    await page.goto(`/signin?next=/c/${slug}/console`);
    await page.evaluate(() => localStorage.setItem('shequn_lang', 'en'));
    await page.reload();
    await page.getByLabel('Email').fill(signIn![1]!);
    await page.getByLabel('Password').fill(signIn![2]!);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForFunction(() => !location.pathname.startsWith('/signin'));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const lang of LANGS) {
    it(`no console page scrolls sideways in ${lang}`, async () => {
      // Start from a page of ours, whatever the previous language's test left open.
      await page.goto(`/c/${slug}/console`);
      await page.evaluate((l) => localStorage.setItem('shequn_lang', l), lang);
      const wide: string[] = [];
      for (const p of PAGES) {
        await page.goto(`/c/${slug}/console${p}`);
        await settled(lang);
        const o = await overflow();
        await page.screenshot({ path: join(shots, `${lang}-${p.replace(/[^a-z]+/g, '-') || 'health'}.png`), fullPage: true });
        if (o.document > o.viewport || o.tables.length) wide.push(`${p || '/'}: document ${o.document} px${o.tables.length ? `, tables ${o.tables.join(', ')} px` : ''}`);
      }
      expect(wide).toEqual([]);
    });
  }
});
