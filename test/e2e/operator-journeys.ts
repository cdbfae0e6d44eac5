/**
 * The operator's journeys through the console and the member's side of each, written against
 * what a person sees (roles, labels from the English catalogue), not against internals. Each
 * journey builds its own community and people, so it runs alone and in any order; the
 * instance owner runs every community and moves the clock. Run by operator.test.ts.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { Api, browseAs, DEADLINE_MS, eventually, pickOption, signInThroughPage, type RunningServer } from './helpers.js';

export const PASSWORD = 'e2e-operator-journeys-1';

export interface Who {
  email: string;
  name: string;
}

export interface Stage {
  server: RunningServer;
  page: Page;
  /** The instance owner, signed in: owns every community here and moves the clock. */
  owner: Api;
  ownerWho: Who;
  shots: string;
}

export type Journey = (s: Stage) => Promise<void>;

let counter = 0;
/** Names unique to this run and journey, so journeys never meet. */
function names(journey: string) {
  const tag = `${journey}-${Date.now().toString(36)}-${++counter}`;
  return { slug: tag, who: (name: string): Who => ({ email: `${name.toLowerCase().replace(/\W+/g, '.')}.${tag}@example.com`, name }) };
}

const shot = (s: Stage, name: string) => s.page.screenshot({ path: join(s.shots, `${name}.png`), fullPage: true });
const advance = (s: Stage, body: { days?: number; hours?: number }) => s.owner.expect(200, 'POST', '/api/testing/clock', body);
const asOwner = (s: Stage) => signInThroughPage(s.page, s.ownerWho, PASSWORD);

async function found(s: Stage, slug: string, extra: Record<string, unknown> = {}) {
  await s.owner.expect(201, 'POST', '/api/communities', {
    slug, name: `Readers ${slug.split('-')[0]}`, type: 'interest', sharedNeed: 'People who read a book a month', valuePromise: 'A reading partner',
    norms: 'No ads.', entryCriteria: 'You read', ...extra,
  });
}

/** Someone who signs up and applies (the form of a new community is empty); returns their client and application. */
async function applicant(s: Stage, slug: string, who: Who, answers: Record<string, unknown> = {}) {
  const api = new Api(() => s.server.url);
  const id = await api.signUp(who, PASSWORD);
  const r = await api.expect<{ application: { id: string; state: string } }>(201, 'POST', `/api/communities/${slug}/apply`, { answers });
  return { api, id, application: r.application };
}

/** A member let in by the owner, for journeys that start with members already there. */
async function member(s: Stage, slug: string, who: Who) {
  const a = await applicant(s, slug, who);
  await s.owner.expect(200, 'POST', `/api/communities/${slug}/gate/applications/decide`, { ids: [a.application.id], decision: 'approve' });
  return a;
}

/** The owner removes a member from the console's member list, giving a reason. */
async function removeInConsole(s: Stage, slug: string, who: Who, reason: string) {
  const { page } = s;
  await page.goto(`/c/${slug}/console/members`);
  const row = page.locator('tr.ant-table-row').filter({ hasText: who.name });
  await row.getByRole('button', { name: 'Remove' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText(`Remove “${who.name}”?`).waitFor();
  await dialog.getByLabel('Reason for removal').fill(reason);
  await dialog.getByRole('button', { name: 'Remove' }).click();
  await page.getByText(`${who.name} was removed`).waitFor();
}

/** Opens the bell on the member home and returns the notice texts. */
async function notices(s: Stage, slug: string): Promise<string[]> {
  const { page } = s;
  await page.goto(`/c/${slug}/home`);
  const bell = page.getByRole('button', { name: /^Notices, \d+ unread$/ });
  await bell.click();
  await eventually(() => page.getByTestId('notice').count()).toBeGreaterThan(0);
  return page.getByTestId('notice').allInnerTexts();
}

/** An admin decides the first open item of a pruning queue row matching `name`, with a note. */
async function decideInQueue(s: Stage, slug: string, tab: 'reports' | 'appeals', name: string, button: string, title: string, note: string) {
  const { page } = s;
  await page.goto(`/c/${slug}/console/pruning?tab=${tab}`);
  const row = page.locator('tr.ant-table-row').filter({ hasText: name });
  await row.getByText('open', { exact: true }).waitFor();
  await row.getByRole('button', { name: button }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: title });
  await dialog.getByLabel('Note for the record (optional)').fill(note);
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await page.getByText('Decision recorded').waitFor();
  return row;
}

// ── the gate console, end to end ───────────────────────────────────────────────────────────

/** Adds a question in the form editor: its kind, text, and options for the choice kinds. */
async function addQuestion(page: Page, n: number, q: { kind: string; label: string; required?: boolean; options?: string[] }) {
  await page.getByRole('button', { name: 'Add question' }).click();
  const card = page.locator('.ant-card').filter({ hasText: `Question ${n}` });
  await card.getByLabel('Question', { exact: true }).fill(q.label);
  if (q.required) await card.getByLabel('Required').check();
  if (q.kind !== 'Short text') {
    await card.getByLabel('Kind').click();
    await pickOption(page, q.kind);
  }
  for (const [i, text] of (q.options ?? []).entries()) {
    await card.getByRole('button', { name: 'Add option' }).click();
    await card.getByPlaceholder('Option text').nth(i).fill(text);
  }
}

export const gateConsole: Journey = async (s) => {
  const { page } = s;
  const { slug, who } = names('gate');
  const [early, seller, visitor] = [who('Erin Early'), who('Sam Seller'), who('Vera Visitor')];
  await found(s, slug);
  await asOwner(s);

  // The form: one question of each kind.
  await page.goto(`/c/${slug}/console/gate?tab=form`);
  await addQuestion(page, 1, { kind: 'Short text', label: 'Your name in the group', required: true });
  await addQuestion(page, 2, { kind: 'Long text', label: 'Why do you want to join?', required: true });
  await addQuestion(page, 3, { kind: 'Single choice', label: 'How often do you read?', options: ['Every week', 'Every month'] });
  await addQuestion(page, 4, { kind: 'Multiple choice', label: 'What do you read?', options: ['Novels', 'Poetry'] });
  await page.getByRole('button', { name: 'Save form' }).click();
  await page.getByText('Form saved').waitFor();
  await shot(s, 'gate-01-form');

  // Two people applied before there was any rule: both wait for a person.
  for (const [w, why] of [[early, 'I read every night'], [seller, 'I sell reading courses']] as const) {
    const a = await applicant(s, slug, w, { q1: w.name, q2: why });
    expect(a.application.state).toBe('pending');
  }

  // A rule that turns sellers away, previewed on those two before it is saved.
  await page.goto(`/c/${slug}/console/gate?tab=rules`);
  await page.getByRole('button', { name: 'Add rule' }).click();
  const rule = page.locator('.ant-card').filter({ hasText: 'Rule 1' });
  await rule.getByLabel('Name').fill('No sellers');
  await rule.getByLabel('Outcome').click();
  await pickOption(page, 'Reject');
  await rule.getByLabel('Reason the applicant reads').fill('We are not a marketplace.');
  await rule.locator('.ant-select').filter({ hasText: 'Your name in the group' }).click();
  await pickOption(page, 'Why do you want to join?');
  await rule.locator('.ant-select').filter({ hasText: 'is answered' }).click();
  await pickOption(page, /^contains$/);
  await rule.getByPlaceholder('Value').fill('sell');
  await page.getByRole('button', { name: 'Preview on past applications' }).click();
  const preview = page.locator('.ant-card').filter({ hasText: 'Preview on the last 2 applications' });
  await eventually(() => preview.locator('tr').filter({ hasText: 'No sellers' }).innerText()).toMatch(/No sellers\s+1/);
  await shot(s, 'gate-02-rule-preview');
  await page.getByRole('button', { name: 'Save rules' }).click();
  await page.getByText('Rules saved').waitFor();

  // Settings: a rejected person waits a week before applying again.
  await page.goto(`/c/${slug}/console/gate?tab=settings`);
  await page.getByLabel('Days before a rejected or removed person may apply again').fill('7');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByText('Settings saved').waitFor();

  // An invite link for the autumn fair.
  await page.goto(`/c/${slug}/console/gate?tab=invites`);
  await page.getByPlaceholder('Name (e.g. offline salon 2019-03)').fill('Autumn fair');
  await page.getByPlaceholder('Channel key').fill('fair');
  await page.getByRole('button', { name: 'Create link' }).click();
  await page.getByTestId('campaign-url').waitFor();
  const link = new URL((await page.getByTestId('campaign-url').innerText()).trim());

  // A visitor comes through the link and answers every kind of question.
  await browseAs(page, visitor);
  await page.goto(link.pathname);
  await page.getByText('You came through “Autumn fair”').waitFor();
  await page.getByRole('button', { name: 'Sign up and apply' }).click();
  await page.getByLabel('Display name').fill(visitor.name);
  await page.getByLabel('Email').fill(visitor.email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign up and sign in' }).click();
  await page.getByTestId('apply-form').waitFor();
  const fillForm = async () => {
    await page.getByLabel('Your name in the group').fill('Vera');
    await page.getByLabel('Why do you want to join?').fill('To find people who read poetry aloud.');
    await page.getByLabel('Every month').check();
    await page.getByLabel('Novels').check();
    await page.getByLabel('Poetry').check();
  };
  await fillForm();
  await shot(s, 'gate-03-apply');
  await page.getByTestId('apply-submit').click();
  await page.getByText('Your application is being reviewed', { exact: true }).waitFor();

  // The owner reads her answers in the review queue and rejects her with a reason.
  await asOwner(s);
  await page.goto(`/c/${slug}/console/gate?tab=review`);
  const row = page.locator('tr.ant-table-row').filter({ hasText: visitor.name });
  await row.getByText('Autumn fair').waitFor();
  await row.getByRole('button', { name: 'Expand row' }).click();
  const answers = page.locator('.ant-descriptions').filter({ hasText: 'How often do you read?' });
  await eventually(() => answers.innerText()).toMatch(/How often do you read\?\s+Every month/);
  expect(await answers.innerText()).toMatch(/What do you read\?\s+Novels, Poetry/);
  await row.getByRole('button', { name: 'Reject' }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: 'Reject 1 application(s)' });
  await dialog.locator('textarea').fill('We meet in person in Hangzhou only.');
  await dialog.getByRole('button', { name: 'Reject' }).click();
  await page.getByText('1 decided').waitFor();

  // The rule now decides on its own: a seller applying is turned away with the rule's reason.
  const late = await applicant(s, slug, who('Lee Seller'), { q1: 'Lee', q2: 'I sell books door to door' });
  expect(late.application.state).toBe('rejected');
  await page.getByText('Rejected', { exact: true }).click();
  await page.locator('tr.ant-table-row').filter({ hasText: 'Lee Seller' }).getByText(/^rule /).waitFor();
  await shot(s, 'gate-04-review');

  // She reads the reason and the cooldown; applying again is refused until it has passed.
  await signInThroughPage(page, visitor, PASSWORD);
  await page.goto(`/c/${slug}/status`);
  await page.getByText('Your application was not approved', { exact: true }).waitFor();
  expect(await page.getByText('Reason: We meet in person in Hangzhou only.').isVisible()).toBe(true);
  // A week from now, as set in the settings tab (the default is 30 days).
  const { now } = await s.owner.expect<{ now: string }>(200, 'GET', '/api/testing/clock');
  const weekLater = new Date(Date.parse(now) + 7 * 86_400_000).toLocaleDateString('en-US');
  expect(await page.getByText(/^You can apply again after /).innerText()).toContain(`after ${weekLater}`);
  await page.goto(`/c/${slug}/apply`);
  await page.getByTestId('apply-form').waitFor();
  await fillForm();
  await page.getByTestId('apply-submit').click();
  await page.getByRole('alert').filter({ hasText: /You can apply again after / }).waitFor();
  await shot(s, 'gate-05-cooldown');

  await advance(s, { days: 8 });
  await page.goto(`/c/${slug}/status`);
  await page.getByRole('button', { name: 'Apply again' }).click();
  await page.getByTestId('apply-form').waitFor();
  await fillForm();
  await page.getByTestId('apply-submit').click();
  await page.getByText('Your application is being reviewed', { exact: true }).waitFor();
};

// ── an appeal decided, the member re-admitted ──────────────────────────────────────────────

export const appealReadmits: Journey = async (s) => {
  const { page } = s;
  const { slug, who } = names('appeal');
  const ada = who('Ada Appeal');
  await found(s, slug);
  await member(s, slug, ada);

  await asOwner(s);
  await removeInConsole(s, slug, ada, 'Posted ads twice');

  await signInThroughPage(page, ada, PASSWORD);
  await page.goto(`/c/${slug}/home`);
  await page.getByTestId('standing-banner').waitFor();
  expect(await page.getByText('Core members', { exact: true }).isVisible()).toBe(false);
  await page.goto(`/c/${slug}/standing`);
  await page.getByText(/^You were removed on /).waitFor();
  expect(await page.getByText('Reason: Posted ads twice').isVisible()).toBe(true);
  await page.getByLabel('Your appeal').fill('Those were links to a free library event; I will ask first next time.');
  await page.getByRole('button', { name: 'Send appeal' }).click();
  await page.getByText('Your appeal is waiting for the admins.').waitFor();
  await shot(s, 'appeal-01-sent');

  await asOwner(s);
  const row = await decideInQueue(s, slug, 'appeals', ada.name, 'Re-admit', `Re-admit ${ada.name}?`, 'A misunderstanding; welcome back.');
  await row.getByText('granted', { exact: true }).waitFor();
  await shot(s, 'appeal-02-granted');

  await signInThroughPage(page, ada, PASSWORD);
  await page.goto(`/c/${slug}/standing`);
  await page.getByText('You are in good standing.').waitFor();
  expect(await notices(s, slug)).toContainEqual(expect.stringContaining('Your appeal was granted. Welcome back.'));
  // Back in: the members-only home is hers again, with what only members read.
  await page.goto(`/c/${slug}/home`);
  await page.getByText('Core members', { exact: true }).waitFor();
};

// ── a report upheld ────────────────────────────────────────────────────────────────────────

export const reportUpheld: Journey = async (s) => {
  const { page } = s;
  const { slug, who } = names('report');
  const [rita, mark] = [who('Rita Reporter'), who('Mark Marketer')];
  await found(s, slug);
  await member(s, slug, rita);
  const subject = await member(s, slug, mark);

  await signInThroughPage(page, rita, PASSWORD);
  await page.goto(`/c/${slug}/m/${subject.id}`);
  await page.getByTestId('report-member').click();
  const dialog = page.getByRole('dialog').filter({ hasText: `Report ${mark.name} to the admins` });
  await dialog.getByLabel('What happened').fill('Posted a paid course link three times this week.');
  await dialog.getByRole('button', { name: 'Send report' }).click();
  await page.getByText('Report sent to the admins').waitFor();

  await asOwner(s);
  const row = await decideInQueue(s, slug, 'reports', mark.name, 'Uphold', `Uphold the report about ${mark.name}?`, 'Confirmed in the chat log.');
  await row.getByText('upheld', { exact: true }).waitFor();
  await page.getByRole('tab', { name: 'Audit trail' }).click();
  await eventually(() => page.locator('tr.ant-table-row').filter({ hasText: 'report upheld' }).filter({ hasText: mark.name }).count()).toBe(1);
  await shot(s, 'report-01-upheld');

  await signInThroughPage(page, rita, PASSWORD);
  expect(await notices(s, slug)).toContainEqual(expect.stringContaining(`Your report about ${mark.name} was upheld. Thank you.`));
  await signInThroughPage(page, mark, PASSWORD);
  expect(await notices(s, slug)).toContainEqual(expect.stringContaining('The admins upheld a report about you.'));
};

// ── the waitlist promotes a member when a place frees ──────────────────────────────────────

export const waitlistPromotes: Journey = async (s) => {
  const { page } = s;
  const { slug, who } = names('waitlist');
  const [max, wendy] = [who('Max Member'), who('Wendy Waiting')];
  await found(s, slug, { capacity: 2 }); // the owner and one member
  await member(s, slug, max);
  await applicant(s, slug, wendy);

  await asOwner(s);
  await page.goto(`/c/${slug}/console/gate?tab=review`);
  const row = page.locator('tr.ant-table-row').filter({ hasText: wendy.name });
  await row.getByRole('button', { name: 'Approve' }).click();
  await page.getByText('1 decided').waitFor();
  await page.getByText('Waitlisted', { exact: true }).click();
  await page.locator('tr.ant-table-row').filter({ hasText: wendy.name }).waitFor();

  await signInThroughPage(page, wendy, PASSWORD);
  await page.goto(`/c/${slug}/status`);
  await page.getByText('Approved — on the waitlist').waitFor();
  expect(await page.getByText('You are number 1 in line; places are offered in order.').isVisible()).toBe(true);
  await shot(s, 'waitlist-01-waiting');

  await asOwner(s);
  await removeInConsole(s, slug, max, 'Moved abroad');
  // The waitlist job offers freed places every few minutes of the server's clock; the
  // scheduler looks every 30 s, so this state gets a longer deadline than the others.
  await advance(s, { hours: 1 });
  await signInThroughPage(page, wendy, PASSWORD);
  await expect
    .poll(async () => {
      await page.goto(`/c/${slug}/status`);
      await page.getByText(/^(Approved — on the waitlist|You are a member)$/).first().waitFor();
      return page.getByText('You are a member').isVisible();
    }, { timeout: 3 * DEADLINE_MS, interval: 2000 })
    .toBe(true);
  await shot(s, 'waitlist-02-admitted');
  expect(await notices(s, slug)).toContainEqual(expect.stringContaining('A place opened up: you are now a member.'));
};
