/**
 * The platform end to end in Debian's Chromium against the built server: a new operator signs up,
 * founds a community with its charter, reads its public page and member home, edits the charter in
 * the console, switches the interface language and finds the charter in each, and the choice lasts.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEADLINE_MS, eventually, pickOption as pickFrom, STEP_TIMEOUT_MS, launchBrowser, missingPrerequisite, outbox, screenshotDir, startServer, type Browser, type RunningServer } from './helpers.js';

const MOBILE = { width: 375, height: 812 };
const DESKTOP = { width: 1280, height: 860 };

let server: RunningServer;
let browser: Browser;
let page: Page;
let shots: string;
let browserLog: string[] = [];

async function setUp(o: { serveArgs: string[]; locale: string; viewport: typeof MOBILE; name: string }) {
  const missing = missingPrerequisite();
  if (missing) throw new Error(`e2e cannot run: ${missing}`);
  server = await startServer(o.serveArgs);
  browser = await launchBrowser({ locale: o.locale, viewport: o.viewport, baseURL: server.url });
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.setDefaultTimeout(DEADLINE_MS);
  browserLog = [];
  page.on('console', (m) => browserLog.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => browserLog.push(`pageerror: ${e.message}`));
  page.on('response', (r) => r.status() >= 400 && browserLog.push(`HTTP ${r.status()} ${r.request().method()} ${r.url()}`));
  shots = screenshotDir(o.name);
  console.log(`e2e screenshots: ${shots}`);
}

async function tearDown() {
  await browser?.close();
  await server?.stop();
}

/** When a step fails, the page as it was is the best explanation. */
async function shootFailure(ctx: { task: { name: string; result?: { state?: string } } }) {
  if (ctx.task.result?.state !== 'fail' || !page) return;
  console.log(`browser log before the failure:\n${browserLog.slice(-30).join('\n')}`);
  await shot(`failed-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}`).catch(() => undefined);
}

/** The sign-in form's submit button. Not matched by exact name: antd keeps its loading icon,
 *  labelled "loading", in the button while the icon's leave animation runs. */
const signInButton = () => page.locator('form button[type="submit"]');
const shot = (name: string) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });

const pickOption = (label: string | RegExp) => pickFrom(page, label);

const LANG_OF = { 简体中文: 'zh-Hans', 繁體中文: 'zh-Hant', English: 'en' } as const;

/**
 * Picks a language in the header switcher and waits until the page has switched. A click that lands
 * while the dropdown is still sliding in is lost now and then on a loaded machine: try again.
 */
async function chooseLanguage(label: keyof typeof LANG_OF) {
  for (let attempt = 1; ; attempt++) {
    await page.getByTestId('language-switcher').click();
    await page.locator('.ant-select-item-option').filter({ hasText: label }).filter({ visible: true }).click();
    const switched = await page
      .waitForFunction((lang) => document.documentElement.lang === lang, LANG_OF[label], { timeout: 10_000 })
      .then(() => true)
      .catch(() => false);
    if (switched) break;
    if (attempt === 3) throw new Error(`the interface did not switch to ${label}`);
    await page.keyboard.press('Escape');
  }
  await eventually(() => page.locator('.ant-select-dropdown').filter({ visible: true }).count()).toBe(0);
}

/**
 * Signs out through the account menu, until the server says nobody is signed in: like the language
 * switcher, a click on an item of a menu still opening is lost now and then on a loaded machine.
 */
async function signOut() {
  // Asked with the browser's cookies but outside the page, which may be navigating away.
  const signedIn = async () => (await (await page.request.get('/api/auth/me')).json()).user !== null;
  for (let attempt = 1; (await signedIn()) && attempt <= 3; attempt++) {
    if (attempt > 1) await page.keyboard.press('Escape');
    await page.getByTestId('account-menu').click();
    await page.getByRole('menuitem', { name: '登出' }).click({ timeout: 10_000 }).catch(() => undefined);
    await expect.poll(signedIn, { timeout: 15_000, interval: 250 }).toBe(false).catch(() => undefined);
  }
  expect(await signedIn(), 'still signed in after three tries of the account menu').toBe(false);
}

const email = `founder-${Date.now()}@example.com`;
const password = 'kaoyan-2019-pku';
const slug = 'pku-mba-e2e';
const sharedNeed = '想考上北京大学 2019 年 MBA 的考生';
const valuePromise = '招生办老师发布的通知与内部资料，往届学长学姐的复习经验';
const addedPromise = '每周一次模拟面试';

// Journeys in steps on one server: the steps keep their order under --sequence.shuffle.
describe('the platform in a real browser', { timeout: STEP_TIMEOUT_MS, shuffle: false }, () => {
  beforeAll(() => setUp({ serveArgs: ['--no-demo'], locale: 'zh-CN', viewport: MOBILE, name: 'platform' }), 90_000);
  afterEach(shootFailure);
  afterAll(tearDown);

  it('a first visit from a zh-CN browser reads Simplified Chinese', async () => {
    await page.goto('/');
    await page.getByRole('heading', { name: '社群不是微信群' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-Hans');
    await shot('01-welcome-375');
  });

  it('signs up; a password equal to the email is refused under the password field', async () => {
    await page.getByRole('button', { name: '注册，创建你的社群' }).click();
    await page.getByLabel('昵称').fill('李老师');
    await page.getByLabel('邮箱').fill(email);
    await page.getByLabel('密码').fill(email);
    await page.getByRole('button', { name: '注册并登录' }).click();
    await page.getByText('密码不能与邮箱相同').waitFor();
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: '注册并登录' }).click();
    await page.getByRole('heading', { name: '我的社群' }).waitFor();
    await page.getByText('你还没有加入任何社群。').waitFor();
  });

  it('founds a community by writing its charter, then sees its member home', async () => {
    await page.getByRole('button', { name: '创建第一个社群' }).click();
    await page.getByLabel('社群名称').fill('2019 北大 MBA 备考群');
    await page.getByLabel('网址').fill('API');
    await page.getByText('请使用 3–40 个小写英文字母').waitFor();
    await page.getByLabel('网址').fill(slug);
    await page.getByText(`主页地址：${server.url}/c/${slug}`).waitFor();
    await page.getByText('兴趣型').click();
    await page.getByLabel('共同需求').fill(sharedNeed);
    await page.getByLabel('价值承诺').fill(valuePromise);
    await page.getByLabel('群规').fill('1. 进群请按模板自我介绍\n2. 不发广告');
    await page.getByLabel('入群条件').fill('已报名 2019 年北大 MBA 考试');
    await page.getByLabel('人数上限').fill('500');
    await page.getByRole('switch', { name: '公开主页显示预览' }).click();
    await page.getByLabel('预览内容').fill('本周骨干分享：历年面试真题整理（节选）');
    await shot('02-charter-form-375');
    await page.getByRole('button', { name: '创建社群' }).click();

    await page.waitForURL(`**/c/${slug}/home`);
    await eventually(() => page.getByTestId('community-name').textContent()).toBe('2019 北大 MBA 备考群');
    expect(await page.getByTestId('charter-sharedNeed').textContent()).toContain(sharedNeed);
    expect(await page.getByTestId('charter-valuePromise').textContent()).toContain(valuePromise);
    await shot('03-member-home-375');
    // joining is in the recent activity, by its translated name
    expect(await page.getByText('加入', { exact: true }).first().isVisible()).toBe(true);
  });

  it('shows the public page with the teaser and the member count', async () => {
    await page.getByRole('link', { name: '公开主页' }).click();
    await page.waitForURL(`**/c/${slug}`);
    // the member home stays on screen while the public page loads: wait for what only the public page shows
    await page.getByText('本周骨干分享：历年面试真题整理（节选）').waitFor();
    expect(await page.getByTestId('community-name').textContent()).toBe('2019 北大 MBA 备考群');
    expect(await page.getByText('1 位成员').isVisible()).toBe(true);
    expect(await page.getByTestId('charter-entryCriteria').textContent()).toContain('已报名');
    await shot('04-public-page-375');
  });

  it('edits the charter in the console and the change is in the activity log', async () => {
    await page.setViewportSize(DESKTOP);
    await page.getByRole('button', { name: '运营后台' }).click();
    await page.waitForURL(`**/c/${slug}/console`);
    // The console opens on health; the charter is the next page.
    await page.getByRole('menuitem', { name: '章程' }).click();
    await page.waitForURL(`**/c/${slug}/console/charter`);
    const promise = page.getByLabel('价值承诺');
    await eventually(() => promise.inputValue()).toBe(valuePromise);
    await promise.fill(`${valuePromise}；${addedPromise}`);
    await page.getByRole('button', { name: '保存章程' }).click();
    await page.getByText('章程已保存').waitFor();
    await shot('05-console-charter-desktop');

    await page.getByRole('menuitem', { name: '成员' }).click();
    await page.waitForURL(`**/console/members`);
    await page.getByRole('cell', { name: email }).waitFor();
    expect(await page.getByRole('cell', { name: '群主' }).isVisible()).toBe(true);
    await shot('06-console-members-desktop');

    await page.getByRole('menuitem', { name: '动态' }).click();
    await page.waitForURL(`**/console/activity`);
    await page.getByText('修改了：价值承诺').waitFor();
    expect(await page.getByText('修改章程').first().isVisible()).toBe(true);
    await shot('07-console-activity-desktop');
  });

  it('switches to English and to Traditional Chinese; the charter stays, and the choice survives a reload', async () => {
    await chooseLanguage('English');
    await page.getByRole('menuitem', { name: 'Activity' }).waitFor();
    expect(await page.getByText('Charter edited').first().isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    await page.goto(`/c/${slug}/home`);
    await page.getByTestId('charter-valuePromise').getByText('Value promise').waitFor();
    expect(await page.getByTestId('charter-valuePromise').textContent()).toContain(addedPromise);
    await shot('08-member-home-en-desktop');

    await chooseLanguage('繁體中文');
    await page.getByTestId('charter-valuePromise').getByText('價值承諾').waitFor();
    expect(await page.getByTestId('charter-valuePromise').textContent()).toContain(addedPromise);
    expect(await page.getByRole('button', { name: '營運後台' }).isVisible()).toBe(true);

    await page.setViewportSize(MOBILE);
    await page.reload();
    await page.getByTestId('charter-valuePromise').getByText('價值承諾').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-Hant');
    await shot('09-member-home-zh-Hant-375');
    // saved to the account too, not only to this browser
    const me = await page.evaluate(() => fetch('/api/auth/me').then((r) => r.json()));
    expect(me.user.locale).toBe('zh-Hant');
  });

  it('after signing out: a taken email is named under its field, a wrong password says so, both in 繁體中文', async () => {
    await signOut();
    await page.getByRole('heading', { name: '社群不是微信群' }).waitFor();

    // a visitor sees the public page and is asked to sign in to apply; the member home stays closed
    await page.goto(`/c/${slug}`);
    await page.getByRole('button', { name: '登入後申請' }).waitFor();
    expect(await page.getByText('本週骨幹分享').count()).toBe(0); // content is never converted: the teaser reads as written
    expect(await page.getByText('本周骨干分享：历年面试真题整理（节选）').isVisible()).toBe(true);
    await page.goto(`/c/${slug}/home`);
    await page.getByText('請先登入').waitFor();
    expect(await page.getByTestId('charter-valuePromise').count()).toBe(0);

    await page.goto('/signup');
    await page.getByLabel('暱稱').fill('另一位');
    await page.getByLabel('電子郵件').fill(email);
    await page.getByLabel('密碼').fill('another-password-1');
    await page.getByRole('button', { name: '註冊並登入' }).click();
    await page.getByText('這個電子郵件不能用於註冊').waitFor();

    await page.goto('/signin');
    await page.getByLabel('電子郵件').fill(email);
    await page.getByLabel('密碼').fill('not-the-password');
    await signInButton().click();
    await eventually(() => page.getByRole('alert').textContent()).toContain('電子郵件或密碼不正確');

    await page.getByLabel('密碼').fill(password);
    await signInButton().click();
    await page.getByRole('link', { name: '2019 北大 MBA 备考群' }).waitFor();
  });

  it('resets a forgotten password through the mailed link, which works once', async () => {
    await signOut();
    await page.goto('/signin');
    await page.getByRole('link', { name: '忘記密碼？' }).click();
    await page.getByRole('heading', { name: '找回密碼' }).waitFor();
    await page.getByLabel('電子郵件').fill(email);
    await page.getByRole('button', { name: '傳送重設連結' }).click();
    await page.getByText('請查收郵件').waitFor();

    let link: string | undefined;
    await eventually(() => (link = outbox(server, email)[0]?.textBody.match(/https?:\/\/\S+\/reset\/\S+/)?.[0])).toBeTruthy();
    await page.goto(link!);
    await page.getByRole('heading', { name: '設定新密碼' }).waitFor();
    await page.getByLabel('新密碼', { exact: true }).fill('a-new-password-2019');
    await page.getByLabel('再次輸入新密碼').fill('a-new-password-2019');
    await shot('10-reset-375');
    await page.getByRole('button', { name: '儲存新密碼並登入' }).click();
    await page.getByRole('heading', { name: '我的社群' }).waitFor();

    await page.goto(link!);
    await page.getByRole('heading', { name: '設定新密碼' }).waitFor();
    await page.getByLabel('新密碼', { exact: true }).fill('yet-another-password');
    await page.getByLabel('再次輸入新密碼').fill('yet-another-password');
    await page.getByRole('button', { name: '儲存新密碼並登入' }).click();
    await page.getByText('這個連結無效、已過期或已被使用。').waitFor();
  });
});

describe('the operator console on the demo community', { timeout: STEP_TIMEOUT_MS, shuffle: false }, () => {
  beforeAll(() => setUp({ serveArgs: [], locale: 'en-US', viewport: DESKTOP, name: 'console' }), 90_000); // with the demo community
  afterEach(shootFailure);
  afterAll(tearDown);

  it('the owner changes a member\'s role and removes another with a reason; both land in the activity log', async () => {
    const signIn = server.output().match(/Demo sign-in: (\S+) \/ (\S+)/);
    expect(signIn, `the server printed no demo sign-in:\n${server.output()}`).not.toBeNull();
    const slug = server.output().match(/\(\/c\/([a-z0-9-]+)\)/)![1]!;

    await page.goto(`/signin?next=/c/${slug}/console/members`);
    await page.getByLabel('Email').fill(signIn![1]!);
    await page.getByLabel('Password').fill(signIn![2]!);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(`**/c/${slug}/console/members`);
    // the demo owner saved zh-Hans on the account, and the account's choice follows them here
    await page.getByText(/^共 \d+ 人$/).waitFor();
    await chooseLanguage('English');
    await page.getByText(/^\d+ in total$/).waitFor();
    const total = Number((await page.getByText(/^\d+ in total$/).textContent())!.split(' ')[0]);
    expect(total).toBeGreaterThan(100);
    await shot('01-console-members-demo-desktop');

    await page.getByRole('combobox', { name: 'Filter by role' }).click();
    await pickOption(/^Member$/);
    const roleSelect = page.getByRole('combobox', { name: /^Role of / }).first();
    const promoted = (await roleSelect.getAttribute('aria-label'))!.replace(/^Role of /, '');
    await roleSelect.click();
    await pickOption(/^Core$/);
    // Making someone core shows their evidence first: last active, introduction, invites, contributions.
    const evidence = page.getByRole('dialog').getByTestId('member-evidence');
    await evidence.waitFor();
    expect(await evidence.textContent()).toMatch(/Last active.*Introduction.*Invites that stayed.*Contributed.*posts/);
    await shot('01b-core-evidence-desktop');
    await page.getByRole('dialog').getByRole('button', { name: 'Make core member' }).click();
    await page.getByText(`${promoted} is now Core`).waitFor();

    const row = page.locator('tr.ant-table-row', { has: page.getByRole('button', { name: 'Remove' }) }).first();
    const removed = (await row.locator('td').first().textContent())!.trim();
    await row.getByRole('button', { name: 'Remove' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(`Remove “${removed}”?`).waitFor();
    await dialog.getByLabel('Reason for removal').fill('Silent for 60 days');
    await shot('02-remove-dialog-desktop');
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await page.getByText(`${removed} was removed`).waitFor();

    await page.getByRole('menuitem', { name: 'Activity' }).click();
    await page.waitForURL(`**/console/activity`);
    await page.getByText('Removed: Silent for 60 days').waitFor();
    expect(await page.getByText('Role: Member → Core').first().isVisible()).toBe(true);
    const removedRow = page.locator('tr', { hasText: 'Removed: Silent for 60 days' });
    expect(await removedRow.textContent()).toContain(removed);
    await shot('03-console-activity-demo-desktop');

    await page.setViewportSize(MOBILE);
    await page.goto(`/c/${slug}/home`);
    await page.getByText('Core members', { exact: true }).waitFor();
    await shot('04-member-home-demo-375');
  });

  it('an admin is offered role and removal controls only for core members and members, and may not let core members review', async () => {
    const password = server.output().match(/Demo sign-in: (\S+) \/ (\S+)/)![2]!;
    const demo = server.output().match(/\(\/c\/([a-z0-9-]+)\)/)![1]!;
    await page.setViewportSize(DESKTOP);
    await browser.context.clearCookies();
    await page.goto(`/signin?next=/c/${demo}/console/members`);
    await page.getByLabel(/^(Email|电子邮件)$/).fill('admin@demo.shequn.local');
    await page.getByLabel(/^(Password|密码)$/).fill(password);
    await signInButton().click();
    await page.waitForURL(`**/c/${demo}/console/members`);
    if ((await page.evaluate(() => document.documentElement.lang)) !== 'en') await chooseLanguage('English');
    await eventually(() => page.getByText(/^\d+ in total$/).isVisible()).toBe(true);

    // What the page offers per row is what the server said this admin may do to that person.
    const filterBy = async (role: RegExp) => {
      await page.getByRole('combobox', { name: 'Filter by role' }).click();
      await pickOption(role);
    };
    await filterBy(/^Owner$/);
    await eventually(() => page.getByText('1 in total').isVisible()).toBe(true);
    expect(await page.getByRole('combobox', { name: /^Role of / }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Remove' }).count()).toBe(0);
    await filterBy(/^Admin$/); // only this admin: nobody acts on themself
    await eventually(() => page.getByText('1 in total').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Remove' }).count()).toBe(0);
    await filterBy(/^Core$/);
    await eventually(() => page.getByRole('button', { name: 'Remove' }).count()).toBeGreaterThan(0);
    const roleSelect = page.getByRole('combobox', { name: /^Role of / }).first();
    await roleSelect.click();
    // The dropdown opens after the click returns: wait for its options rather than read them at once.
    await eventually(() => page.locator('.ant-select-dropdown').filter({ visible: true }).locator('.ant-select-item-option').allTextContents()).toEqual(['Core', 'Member']);
    await page.keyboard.press('Escape');
    await shot('05-console-members-as-admin-desktop');

    await page.goto(`/c/${demo}/console/gate?tab=settings`);
    await eventually(() => page.getByText('Only the owner can change this.').isVisible()).toBe(true);
    expect(await page.getByRole('switch').last().isDisabled()).toBe(true);
  });
});
