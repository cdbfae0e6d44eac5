/**
 * Activities in Debian's Chromium at 375 px against the built server: a member
 * joins the 打卡 challenge, checks in and sees the streak; RSVPs to a full event
 * and lands on the waitlist; the host checks a going member in by their code.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Api, launchBrowser, missingPrerequisite, screenshotDir, signInThroughPage, startServer, type Browser, type RunningServer } from './helpers.js';

const slug = 'daily-practice';
const password = 'e2e-activities-1';
const stamp = Date.now();
const owner = { email: `owner-${stamp}@example.com`, name: 'Olivia Host' };
const member = { email: `member-${stamp}@example.com`, name: 'Mei Member' };
const goer = { email: `goer-${stamp}@example.com`, name: 'Gao Goer' };

let server: RunningServer;
let browser: Browser;
let page: Page;
let shots: string;
let challengeId: string;
let eventId: string;
let goerCode: string;

const ownerApi = new Api(() => server.url);
const memberApi = new Api(() => server.url);
const goerApi = new Api(() => server.url);
const eventually = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000, interval: 150 });
const shot = (name: string) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });

async function call(api: Api, method: string, path: string, body?: unknown, status = 200) {
  const r = await api.call(method, path, body);
  expect(r.status, `${method} ${path}: ${JSON.stringify(r.body)}`).toBe(status);
  return r.body;
}

/** Signs up, applies and is approved by the owner. */
async function admit(api: Api, who: { email: string; name: string }) {
  const me = await call(api, 'POST', '/api/auth/signup', { email: who.email, password, displayName: who.name, locale: 'en' }, 201);
  const a = await call(api, 'POST', `/api/communities/${slug}/apply`, { answers: { why: 'Practice every day' } }, 201);
  await call(ownerApi, 'POST', `/api/communities/${slug}/gate/applications/decide`, { ids: [a.application.id], decision: 'approve' });
  return me.user.id as string;
}

const signIn = (who: { email: string }) => signInThroughPage(page, who, password);

describe('activities in a real browser at 375 px', () => {
  beforeAll(async () => {
    const missing = missingPrerequisite();
    if (missing) throw new Error(`e2e cannot run: ${missing}`);
    server = await startServer(['--no-demo']);
    browser = await launchBrowser({ locale: 'en-US', viewport: { width: 375, height: 812 }, baseURL: server.url });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.setDefaultTimeout(15_000);
    shots = screenshotDir('activities');
    console.log(`e2e screenshots: ${shots}`);

    await call(ownerApi, 'POST', '/api/auth/signup', { email: owner.email, password, displayName: owner.name, locale: 'en' }, 201);
    await call(ownerApi, 'POST', '/api/communities', { slug, name: 'Daily Practice', type: 'action', sharedNeed: 'Practise every day', valuePromise: 'Company on the way', norms: 'Be kind', entryCriteria: 'You practise' }, 201);
    await call(ownerApi, 'PATCH', `/api/communities/${slug}/gate/config`, { form: { questions: [{ id: 'why', kind: 'short_text', label: 'Why?', required: true, maxLength: 100 }] } });
    await admit(memberApi, member);
    await admit(goerApi, goer);
    challengeId = (await call(ownerApi, 'POST', `/api/communities/${slug}/challenges`, { title: 'Every day a page', period: 'daily', length: 21 }, 201)).id;
    // Someone is already on a streak, so the leaderboard has two rows.
    await call(goerApi, 'POST', `/api/communities/${slug}/challenges/${challengeId}/join`);
    await call(goerApi, 'POST', `/api/communities/${slug}/challenges/${challengeId}/checkins`, { text: 'first page' }, 201);
    // An event with one place, taken.
    eventId = (await call(ownerApi, 'POST', `/api/communities/${slug}/events`, { title: 'Mock exam meetup', startsAt: new Date(Date.now() + 5 * 86_400_000).toISOString(), capacity: 1, venue: 'Room 201, Guanghua Building' }, 201)).id;
    expect((await call(goerApi, 'POST', `/api/communities/${slug}/events/${eventId}/rsvp`, { status: 'going' })).status).toBe('going');
    goerCode = (await call(goerApi, 'GET', `/api/communities/${slug}/events/${eventId}/my-code`)).code;
  }, 120_000);
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && page) await shot(`failed-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}`).catch(() => undefined);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a member joins the challenge, checks in and sees the streak', async () => {
    await signIn(member);
    await page.goto(`/c/${slug}/activities`);
    await page.getByText('Every day a page').click();
    await page.getByRole('button', { name: 'Join the challenge' }).click();
    await eventually(() => page.getByRole('button', { name: 'Check in', exact: true }).isVisible()).toBe(true);
    await page.getByLabel('What you did').fill('Read chapter one');
    await page.getByRole('button', { name: 'Check in', exact: true }).click();
    await eventually(() => page.getByText('Checked in today — you can still edit it').isVisible()).toBe(true);
    const streak = page.locator('.ant-statistic').filter({ hasText: 'Streak (days)' });
    await eventually(() => streak.textContent()).toContain('1');
    await eventually(() => page.getByText('Read chapter one').isVisible()).toBe(true);
    await eventually(() => page.getByRole('row').filter({ hasText: member.name }).isVisible()).toBe(true);
    await shot('01-checked-in-375');
  });

  it('the member RSVPs to the full event and lands on the waitlist; the venue stays hidden', async () => {
    await page.goto(`/c/${slug}/events/${eventId}`);
    await eventually(() => page.getByText('Shown once you are going').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Going', exact: true }).click();
    await eventually(() => page.getByText('you are number 1 on the waitlist', { exact: false }).first().isVisible()).toBe(true);
    expect(await page.getByText('Room 201').count()).toBe(0);
    await shot('02-waitlisted-375');
  });

  it('the host checks the going member in by the code they show', async () => {
    await signIn(owner);
    await page.goto(`/c/${slug}/events/${eventId}/checkin`);
    await page.getByLabel('Code shown by the member').fill(goerCode.toLowerCase());
    await page.getByRole('button', { name: 'Check in', exact: true }).click();
    await eventually(() => page.getByText(`${goer.name} is checked in`).isVisible()).toBe(true);
    await eventually(() => page.getByText('1 came').isVisible()).toBe(true);
    await shot('03-host-checkin-375');
    // The same code a second time is refused.
    await page.getByLabel('Code shown by the member').fill(goerCode);
    await page.getByRole('button', { name: 'Check in', exact: true }).click();
    await eventually(() => page.locator('.ant-message').textContent()).toBeTruthy();
    await page.goto(`/c/${slug}/events/${eventId}`);
    await eventually(() => page.getByText('Room 201, Guanghua Building').isVisible()).toBe(true);
    await shot('04-event-host-375');
  });
});
