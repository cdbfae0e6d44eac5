/**
 * Both ends of the gate in Debian's Chromium against the built server, with the server's clock
 * started at a fixed date by the test launcher and moved by the owner through POST /api/testing/clock:
 * a visitor applies through a campaign link, is auto-approved by a screening rule and writes the
 * self-introduction; another member goes quiet, is warned by the inactivity rule (after a dry run
 * in the console), and is removed once the grace period has passed; they see why and may appeal.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Api, signInThroughPage, DEADLINE_MS, eventually, STEP_TIMEOUT_MS, launchBrowser, missingPrerequisite, screenshotDir, startServer, type Browser, type RunningServer } from './helpers.js';

const slug = 'night-readers';
const password = 'e2e-gate-pruning-1';
const stamp = Date.now();
const owner = { email: `owner-${stamp}@example.com`, name: 'Olivia Owner' };
const quiet = { email: `quiet-${stamp}@example.com`, name: 'Quentin Quiet' };
const newcomer = { email: `new-${stamp}@example.com`, name: 'Nina Newcomer' };

let server: RunningServer;
let browser: Browser;
let page: Page;
let shots: string;
let code: string;

async function signUp(api: Api, who: { email: string; name: string }) {
  return api.signUp(who, password);
}

const ownerApi = new Api(() => server.url);
const quietApi = new Api(() => server.url);

const advanceDays = async (days: number) => expect((await ownerApi.call('POST', '/api/testing/clock', { days })).status).toBe(200);
const shot = (name: string) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });

const signInAs = (who: { email: string }) => signInThroughPage(page, who, password);

// A journey in steps on one server and one clock: the steps keep their order under --sequence.shuffle.
describe('the gate, both ways, in a real browser', { timeout: STEP_TIMEOUT_MS, shuffle: false }, () => {
  beforeAll(async () => {
    const missing = missingPrerequisite();
    if (missing) throw new Error(`e2e cannot run: ${missing}`);
    server = await startServer(['--no-demo'], {}, { clock: '2026-03-01T08:00:00Z' });
    browser = await launchBrowser({ locale: 'en-US', viewport: { width: 390, height: 844 }, baseURL: server.url });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.setDefaultTimeout(DEADLINE_MS);
    shots = screenshotDir('gate-pruning');
    console.log(`e2e screenshots: ${shots}`);

    // The operator's setup: a community, a form, a rule that approves everyone from the salon, a campaign link.
    await signUp(ownerApi, owner);
    const c = await ownerApi.call('POST', '/api/communities', {
      slug, name: 'Night Readers', type: 'interest', sharedNeed: 'People who read one book a month', valuePromise: 'A reading partner and notes',
      norms: 'One book a month. No ads.', entryCriteria: 'You read',
    });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    const config = await ownerApi.call('PATCH', `/api/communities/${slug}/gate/config`, {
      form: { questions: [{ id: 'book', kind: 'short_text', label: 'The last book you finished', required: true, maxLength: 100 }] },
      rules: [{ id: 'salon', name: 'From the salon', conditions: [{ on: 'channel', op: 'is', value: ['salon'] }], outcome: 'approve' }],
    });
    expect(config.status, JSON.stringify(config.body)).toBe(200);
    const link = await ownerApi.call('POST', `/api/communities/${slug}/invites`, { kind: 'campaign', name: 'Spring salon', channel: 'salon' });
    expect(link.status, JSON.stringify(link.body)).toBe(201);
    code = link.body.code;

    // Quentin came through the same link on day 0, introduced himself, and then went quiet.
    await signUp(quietApi, quiet);
    expect((await quietApi.call('POST', `/api/communities/${slug}/apply`, { answers: { book: 'Walden' }, code })).status).toBe(201);
    expect((await quietApi.call('POST', `/api/communities/${slug}/intro`, { intro: { city: 'Hangzhou', work: 'Teacher', offer: 'Book notes', seeking: 'A reading partner' } })).status).toBe(200);
    await advanceDays(8);
  }, STEP_TIMEOUT_MS);
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && page) await shot(`failed-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}`).catch(() => undefined);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a visitor applies through the campaign link and is approved by the rule at once', async () => {
    await page.goto(`/c/${slug}/join/${code}`);
    await page.getByText('You came through “Spring salon”').waitFor();
    await page.getByRole('button', { name: 'Sign up and apply' }).click();
    await page.getByLabel('Display name').fill(newcomer.name);
    await page.getByLabel('Email').fill(newcomer.email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign up and sign in' }).click();
    await page.getByTestId('apply-form').waitFor();
    await page.getByLabel('The last book you finished').fill('The Remains of the Day');
    await shot('01-apply-form');
    await page.getByTestId('apply-submit').click();
    await page.getByText('You are a member').waitFor();
    await shot('02-approved');
  });

  it('the new member accepts the norms and writes the self-introduction', async () => {
    await page.getByRole('button', { name: 'Read the norms, introduce yourself' }).click();
    await page.getByText('One book a month. No ads.').waitFor();
    await page.getByTestId('accept-norms').click();
    await page.getByText('You accepted the norms.').waitFor();
    const fields = page.getByTestId('intro-form').locator('input, textarea');
    const values = ['Shanghai', 'Nurse', 'Night-shift reading tips', 'Someone to discuss novels with'];
    for (let i = 0; i < (await fields.count()); i++) await fields.nth(i).fill(values[i % values.length]!);
    await page.getByTestId('intro-submit').click();
    await page.getByRole('button', { name: 'Update my introduction' }).waitFor();
    await shot('03-introduced');
  });

  it('the operator tries the inactivity rule in a dry run, switches it on and sweeps: only the quiet member is warned', async () => {
    await advanceDays(3); // day 11: Quentin has been silent for 11 days, Nina joined 3 days ago
    await page.setViewportSize({ width: 1280, height: 900 });
    await signInAs(owner);
    await page.goto(`/c/${slug}/console/pruning`);
    await page.getByRole('switch', { name: 'Inactive for N days' }).click();
    await page.getByLabel('Inactive for N days N').fill('10');
    await page.getByLabel('Grace period (days)').fill('3');
    await page.getByLabel('remove automatically').check();
    await page.getByRole('button', { name: 'Dry run (changes nothing)' }).click();
    const dry = page.locator('.ant-table-row').filter({ hasText: 'Inactive for N days' });
    await eventually(() => dry.count()).toBe(1);
    expect(await dry.first().innerText()).toContain(quiet.name);
    expect(await page.locator('.ant-table-row').filter({ hasText: newcomer.name }).count()).toBe(0);
    await shot('04-dry-run');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Settings saved').waitFor();
    await page.getByRole('button', { name: 'Run the sweep now' }).click();
    // The daily sweep job also runs once the clock has moved, and may get there first: either way
    // the quiet member is warned once (the next step reads the warning).
    await page.getByText(/^Sweep done: [01] warned, 0 cleared, 0 to review, 0 removed$/).waitFor();
  });

  it('the warned member reads why, the deadline and what would keep them', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signInAs(quiet);
    // The member home says so and the bell has the notice; both lead to the standing page.
    await page.goto(`/c/${slug}/home`);
    await page.getByTestId('standing-banner').waitFor();
    await expect(page.getByTestId('standing-banner').textContent()).resolves.toMatch(/You may be removed on .+ \(Inactive for N days\)/);
    // Two unread: the approval of his application and the warning.
    await page.getByRole('button', { name: 'Notices, 2 unread' }).click();
    const warning = page.getByTestId('notice').filter({ hasText: /^Warning \(Inactive for N days\)/ });
    await eventually(() => warning.count()).toBe(1);
    await shot('05-notices');
    await warning.getByRole('link').click();
    await eventually(() => page.url().endsWith(`/c/${slug}/standing`)).toBe(true);
    await page.getByText('Warning: Inactive for N days').waitFor();
    await page.getByRole('button', { name: 'Notices, 1 unread' }).waitFor();
    await expect(page.getByText('Post, reply, check in or attend an event before the deadline.').isVisible()).resolves.toBe(true);
    await shot('05-warned');
  });

  it('after the grace period the sweep removes the member, who can then appeal', async () => {
    await advanceDays(4); // day 15: the deadline (day 14) has passed; Nina is 7 days in, under the threshold
    await signInAs(owner);
    await page.goto(`/c/${slug}/console/pruning`);
    await page.getByRole('button', { name: 'Run the sweep now' }).click();
    // As above, the daily job may have removed him a moment earlier; the audit trail shows one removal.
    await page.getByText(/^Sweep done: 0 warned, 0 cleared, 0 to review, [01] removed$/).waitFor();
    await page.getByRole('tab', { name: 'Audit trail' }).click();
    await eventually(() => page.locator('.ant-table-row, [data-testid="row-card"]').filter({ hasText: 'removed' }).filter({ hasText: quiet.name }).count()).toBe(1);
    await shot('06-audit');

    await signInAs(quiet);
    // The community's own page shows a removed member their standing, not an invitation to apply.
    await page.goto(`/c/${slug}`);
    await page.getByTestId('standing-banner').waitFor();
    await page.getByRole('button', { name: 'See my standing and appeal' }).click();
    await eventually(() => page.url().endsWith(`/c/${slug}/standing`)).toBe(true);
    await page.getByText(/You were removed on/).waitFor();
    await page.getByLabel('Your appeal').fill('I was travelling for a month; I am back and reading again.');
    await page.getByRole('button', { name: 'Send appeal' }).click();
    await page.getByText('Your appeal is waiting for the admins.').waitFor();
    await shot('07-appealed');
    const home = await quietApi.call('GET', `/api/communities/${slug}/home`);
    expect(home.status).toBe(403);
  });
});
