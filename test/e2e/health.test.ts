/**
 * Health, live, in Debian's Chromium against the built server: the owner opens
 * the console on its first page (health), uploads a chat export and watches the
 * progress bar finish, links a chat author to themself, and the page shows the
 * verdict with the who-talks-to-whom chart drawn. Screenshots at 1366 and 375 px.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { telegramExport } from '../../src/features/health/testing.js';
import { launchBrowser, missingPrerequisite, screenshotDir, startServer, type Browser, type RunningServer } from './helpers.js';

const slug = 'kaoyan-health';
const stamp = Date.now();
const owner = { email: `owner-${stamp}@example.com`, password: 'e2e-health-2026', displayName: 'Olivia Owner', locale: 'en' };

let server: RunningServer;
let browser: Browser;
let page: Page;
let shots: string;

const eventually = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 30_000, interval: 200 });
const shot = (name: string) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });

/** A write through the browser's own session (its cookies), with the CSRF token the app would send. */
async function post(path: string, data: unknown) {
  const { token } = (await (await page.request.get('/api/csrf')).json()) as { token: string };
  const res = await page.request.post(path, { data, headers: { 'x-csrf-token': token } });
  expect(res.status(), await res.text()).toBeLessThan(300);
}

describe('the health page, with an imported chat', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    const missing = missingPrerequisite();
    if (missing) throw new Error(`e2e cannot run: ${missing}`);
    server = await startServer(['--no-demo']);
    browser = await launchBrowser({ locale: 'en-US', viewport: { width: 1366, height: 900 }, baseURL: server.url });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.setDefaultTimeout(30_000);
    shots = screenshotDir('health');
    console.log(`e2e screenshots: ${shots}`);
    await page.goto('/');
    await post('/api/auth/signup', owner);
    await post('/api/communities', {
      slug,
      name: 'Kaoyan study group',
      type: 'persona',
      sharedNeed: 'Passing the graduate entrance exam',
      valuePromise: 'Notes and answers from people who passed',
      norms: 'No ads',
      entryCriteria: 'Sitting the exam this year',
    });
  }, 90_000);
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && page) await shot(`failed-${ctx.task.name.replace(/\W+/g, '-')}`).catch(() => {});
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens the console on health, with what to do when there is nothing to diagnose yet', async () => {
    await page.goto(`/c/${slug}/console`);
    await eventually(() => page.getByRole('heading', { name: 'Health' }).isVisible()).toBe(true);
    await eventually(() => page.getByText('Import your chat group').isVisible()).toBe(true);
    await shot('01-health-empty-1366');
  });

  it('uploads an export, shows the progress to the end, and the diagnosis with the network drawn', async () => {
    const file = join(shots, 'result.json');
    await writeFile(file, telegramExport({ weeks: 8, start: new Date(Date.now() - 8 * 7 * 86_400_000).toISOString() }), 'utf8');
    await page.locator('input[type=file]').setInputFiles(file);
    await eventually(() => page.getByTestId('import-progress').isVisible()).toBe(true);
    await eventually(() => page.getByText(/Imported: \d+ new events, 0 already there/).isVisible()).toBe(true);

    await eventually(() => page.getByTestId('health-verdict').isVisible()).toBe(true);
    await eventually(() => page.getByTestId('network-chart').locator('svg path').count()).toBeGreaterThan(8);
    await eventually(() => page.getByTestId('network-chart').getByText('陈一').count()).toBeGreaterThan(0);
    await shot('02-health-imported-1366');
  });

  it('links a chat author to the owner, and the network names the owner instead', async () => {
    const row = page.getByRole('row').filter({ has: page.getByTestId('author-user1') });
    await row.getByRole('combobox').click();
    // antd keeps closed dropdowns in the DOM: click the option of the one that is open.
    await page.locator('.ant-select-item-option').filter({ hasText: owner.displayName }).filter({ visible: true }).click();
    await eventually(() => row.locator('.ant-tag').textContent()).toBe(owner.displayName);
    await eventually(() => page.getByTestId('network-chart').getByText(owner.displayName).isVisible()).toBe(true);
    await eventually(() => page.getByTestId('network-chart').getByText('陈一').count()).toBe(0);
    await shot('03-health-linked-1366');

    await page.setViewportSize({ width: 375, height: 812 });
    await eventually(() => page.getByTestId('health-verdict').isVisible()).toBe(true);
    await shot('04-health-375');
  });
});
