/**
 * The Content-Security-Policy is strict enough to matter and loose enough to live with:
 * in Debian's Chromium against the built server (demo community loaded), the main pages
 * and the API docs render and the browser reports no CSP violation on any of them.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, missingPrerequisite, startServer, type Browser, type RunningServer } from './helpers.js';

let server: RunningServer;
let browser: Browser;
let page: Page;
const violations: string[] = [];

/** Retries until true; the CPU is shared, so give the page a few seconds. */
const eventually = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000, interval: 100 });

/** The app has rendered something and nothing is still loading. */
async function settled() {
  await page.waitForFunction(() => {
    const root = document.querySelector('#root');
    return !!root && (root.textContent ?? '').trim().length > 0 && !document.querySelector('.ant-spin-spinning, .ant-skeleton-active');
  });
}

async function visit(path: string, shows: () => Promise<boolean>) {
  await page.goto(path);
  await settled();
  await eventually(shows)
    .toBe(true)
    .catch(async (err) => {
      throw new Error(`${path} did not show what it should; the page reads:\n${(await page.locator('body').innerText()).slice(0, 800)}`, { cause: err });
    });
  expect(violations, `CSP violations after ${path}`).toEqual([]);
}

describe('the Content-Security-Policy in Chromium', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    const missing = missingPrerequisite();
    if (missing) throw new Error(`e2e cannot run: ${missing}`);
    server = await startServer([]); // with the demo community: pages full of real content
    browser = await launchBrowser({ locale: 'zh-CN', viewport: { width: 1280, height: 860 }, baseURL: server.url });
    // Runs before any page script and outside the page's CSP, so it sees every violation.
    await browser.context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`securitypolicyviolation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`));
    });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.setDefaultTimeout(15_000);
    page.on('console', (m) => {
      const text = m.text();
      if (text.includes('securitypolicyviolation') || text.includes('Content Security Policy')) violations.push(`${page.url()}: ${text}`);
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the main pages and the API docs run without a violation', async () => {
    const signIn = server.output().match(/Demo sign-in: (\S+) \/ (\S+)/);
    expect(signIn, `the server printed no demo sign-in:\n${server.output()}`).not.toBeNull();
    const slug = server.output().match(/\(\/c\/([a-z0-9-]+)\)/)![1]!;

    await visit('/', () => page.getByRole('heading', { name: '社群不是微信群' }).isVisible());
    await visit(`/c/${slug}`, () => page.getByText('北大MBA 2019 备考群').first().isVisible());
    await visit(`/c/${slug}/apply`, () => page.getByText('申请加入「北大MBA 2019 备考群」').isVisible());
    await visit('/signup', () => page.locator('form button[type="submit"]').isVisible());
    await visit('/signin', () => page.locator('form button[type="submit"]').isVisible());

    await page.getByLabel('邮箱').fill(signIn![1]!);
    await page.getByLabel('密码').fill(signIn![2]!);
    await page.locator('form button[type="submit"]').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
    await settled();

    await visit(`/c/${slug}/home`, () => page.getByTestId('charter-valuePromise').isVisible());
    await visit(`/c/${slug}/console`, () => page.getByTestId('network-chart').locator('svg').first().isVisible());
    await visit(`/c/${slug}/console/charter`, () => page.locator('form').first().isVisible());
    await visit(`/c/${slug}/console/members`, () => page.getByText(/^共 \d+ 人$/).isVisible());
    for (const tab of ['activity', 'pruning', 'gate']) {
      await visit(`/c/${slug}/console/${tab}`, () => page.locator('.ant-table, .ant-card, form').first().isVisible());
    }

    // Swagger UI is not the React app: wait for its own rendering of our document.
    await page.goto('/api/docs');
    await eventually(() => page.locator('.swagger-ui .info .title').textContent()).toContain('Shequn API');
    await eventually(() => page.locator('.swagger-ui .opblock').count()).toBeGreaterThan(10);
    expect(violations, 'CSP violations on /api/docs').toEqual([]);
  });
});
