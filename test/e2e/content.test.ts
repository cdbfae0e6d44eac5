/**
 * The inside of a community in Debian's Chromium against the built server, on
 * a phone-sized screen: a member asks a core member a question, the core member
 * answers from the notice, the member accepts the answer; the owner marks it
 * 精华; a visitor sees only a post's public teaser; a search in 繁體 finds the
 * 简体 post.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, missingPrerequisite, screenshotDir, startServer, type Browser, type RunningServer } from './helpers.js';

const slug = 'pku-mba-e2e';
const password = 'e2e-content-pass-1';
const stamp = Date.now();
const owner = { email: `owner-${stamp}@example.com`, name: 'Olivia Owner' };
const core = { email: `core-${stamp}@example.com`, name: 'Carol Core' };
const member = { email: `member-${stamp}@example.com`, name: 'Mia Member' };
const QUESTION = '提前面试的个人陈述要写多长？';
const SECRET = '正文里只有成员能看到的部分：历年真题的逐题批注';

let server: RunningServer;
let browser: Browser;
let page: Page;
let shots: string;
let coreId: string;
let teasedId: string;

/** A signed-in API client for setup steps a person would do elsewhere (cookie jar + CSRF). */
class Api {
  private cookies = new Map<string, string>();
  private csrf?: string;
  async call<T = any>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    if (method !== 'GET' && !this.csrf) this.csrf = (await this.call<{ token: string }>('GET', '/api/csrf')).body.token;
    const headers: Record<string, string> = { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    if (method !== 'GET') headers['x-csrf-token'] = this.csrf!;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(server.url + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, ...v] = pair!.split('=');
      this.cookies.set(k!.trim(), v.join('='));
    }
    const text = await res.text();
    return { status: res.status, body: (text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T };
  }
}

async function signUp(api: Api, who: { email: string; name: string }) {
  const r = await api.call('POST', '/api/auth/signup', { email: who.email, password, displayName: who.name, locale: 'en' });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.user.id as string;
}

const eventually = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000, interval: 150 });
const shot = (name: string) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });

async function signInAs(who: { email: string }) {
  await browser.context.clearCookies();
  await page.goto('/signin');
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await eventually(() => page.url().endsWith('/signin')).toBe(false);
}

describe('posts, questions to the core, 精华 and search, in a real browser', () => {
  beforeAll(async () => {
    const missing = missingPrerequisite();
    if (missing) throw new Error(`e2e cannot run: ${missing}`);
    server = await startServer(['--no-demo']);
    browser = await launchBrowser({ locale: 'en-US', viewport: { width: 375, height: 812 }, baseURL: server.url });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.setDefaultTimeout(15_000);
    shots = screenshotDir('content');
    console.log(`e2e screenshots: ${shots}`);

    // The owner's community lets everyone from one campaign link straight in; one of them becomes core.
    const ownerApi = new Api();
    await signUp(ownerApi, owner);
    const c = await ownerApi.call('POST', '/api/communities', {
      slug, name: '北大MBA备考', type: 'persona', sharedNeed: '2019 年报考北大光华 MBA 的人', valuePromise: '真题解析、面试经验、骨干答疑',
      norms: '不发广告', entryCriteria: '今年报考', publicTeaser: true,
    });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    const config = await ownerApi.call('PATCH', `/api/communities/${slug}/gate/config`, {
      form: { questions: [{ id: 'year', kind: 'short_text', label: 'Year', required: true, maxLength: 10 }] },
      rules: [{ id: 'link', name: 'From the link', conditions: [{ on: 'channel', op: 'is', value: ['salon'] }], outcome: 'approve' }],
    });
    expect(config.status, JSON.stringify(config.body)).toBe(200);
    const link = await ownerApi.call('POST', `/api/communities/${slug}/invites`, { kind: 'campaign', name: 'Salon', channel: 'salon' });
    const coreApi = new Api();
    const memberApi = new Api();
    coreId = await signUp(coreApi, core);
    await signUp(memberApi, member);
    for (const api of [coreApi, memberApi]) expect((await api.call('POST', `/api/communities/${slug}/apply`, { answers: { year: '2019' }, code: link.body.code })).status).toBe(201);
    expect((await ownerApi.call('PATCH', `/api/communities/${slug}/members/${coreId}`, { role: 'core' })).status).toBe(200);

    const teased = await coreApi.call('POST', `/api/communities/${slug}/posts`, {
      title: '考研资料分享：历年管综真题', body: `先说结论：按题型刷比按年份刷有效。\n\n${SECRET}`, teaser: '先说结论：按题型刷比按年份刷有效。', tags: ['真题'],
    });
    expect(teased.status, JSON.stringify(teased.body)).toBe(201);
    teasedId = teased.body.id;
    await coreApi.call('POST', `/api/communities/${slug}/posts`, { title: '转发：招生简章', body: 'https://www.gsm.pku.edu.cn/admission/mba2019.html' });
  }, 120_000);
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && page) await shot(`failed-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}`).catch(() => undefined);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a member asks a core member a question from the member home', async () => {
    await signInAs(member);
    await page.goto(`/c/${slug}/home`);
    await eventually(() => page.getByTestId('post-card').count()).toBeGreaterThanOrEqual(2);
    await expect(page.getByTestId('shared-tag').first().textContent()).resolves.toBe('Shared link');
    await shot('01-feed-375');
    await page.locator('li').filter({ hasText: core.name }).getByTestId('ask-core-member').click();
    await eventually(() => page.getByTestId('post-body').isVisible()).toBe(true);
    await expect(page.getByTestId('asked-to').textContent()).resolves.toContain(core.name);
    await page.getByTestId('post-title').fill(QUESTION);
    await page.getByTestId('post-body').fill('我写了 **1500 字**，会不会太长？');
    await page.getByRole('tab', { name: 'Preview' }).click();
    await eventually(() => page.getByTestId('post-preview').innerHTML()).toContain('<strong>1500 字</strong>');
    await page.getByTestId('post-submit').click();
    await eventually(() => page.getByTestId('question-state').textContent()).toBe('Open');
  });

  it('the core member answers from the notice', async () => {
    await signInAs(core);
    await page.goto(`/c/${slug}/home`);
    await page.getByTestId('notices-bell').click();
    await page.getByText(`${member.name} asked you a question: “${QUESTION}”`).click();
    await eventually(() => page.getByTestId('post-title').textContent()).toBe(QUESTION);
    await page.getByTestId('reply-body').fill('800 字以内。面试官只看前两段，把最有说服力的一件事放前面。');
    await page.getByTestId('reply-submit').click();
    await eventually(() => page.getByTestId('reply').count()).toBe(1);
    await eventually(() => page.getByTestId('question-state').textContent()).toBe('Answered');
  });

  it('the member accepts the answer', async () => {
    await signInAs(member);
    await page.goto(`/c/${slug}/home`);
    await page.getByTestId('notices-bell').click();
    await page.getByText(`${core.name} answered your question “${QUESTION}”`).click();
    await page.getByTestId('accept').click();
    await eventually(() => page.getByTestId('accepted').isVisible()).toBe(true);
    await eventually(() => page.getByTestId('question-state').textContent()).toBe('Accepted');
    await shot('02-question-thread-375');
  });

  it('the owner marks it 精华', async () => {
    await signInAs(owner);
    await page.goto(`/c/${slug}/home`);
    await page.getByText(QUESTION).click();
    await page.getByTestId('moderate').click();
    await page.getByText('Mark as essence').click();
    await eventually(() => page.getByTestId('essence-tag').isVisible()).toBe(true);
    await page.goto(`/c/${slug}/home`);
    await page.getByText('Essence', { exact: true }).click();
    await eventually(() => page.getByTestId('post-card').allTextContents()).toEqual([expect.stringContaining(QUESTION)]);
  });

  it('a visitor sees only the teaser, and the post itself asks them to sign in', async () => {
    await browser.context.clearCookies();
    await page.goto(`/c/${slug}`);
    await eventually(() => page.getByTestId('teaser').textContent()).toContain('先说结论：按题型刷比按年份刷有效。');
    expect(await page.content()).not.toContain(SECRET);
    await shot('03-public-teaser-375');
    await page.goto(`/c/${slug}/posts/${teasedId}`);
    await eventually(() => page.getByText('Sign in', { exact: true }).first().isVisible()).toBe(true);
    expect(await page.content()).not.toContain(SECRET);
  });

  it('a search in 繁體 finds the 简体 post', async () => {
    await signInAs(member);
    await page.goto(`/c/${slug}/home`);
    await page.getByTestId('search-input').locator('input').fill('考研資料');
    await page.getByTestId('search-input').locator('input').press('Enter');
    await eventually(() => page.getByTestId('search-results').textContent()).toContain('考研资料分享：历年管综真题');
    await shot('04-search-375');
  });
});
