/**
 * The diagnose report in real headless Chromium (Debian's, never a downloaded
 * browser): the verdict reads in the chosen language, every chart is drawn, the
 * page logs no error and makes no network request, and it fits a phone screen.
 */
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDiagnose, type DiagnoseIO } from '../../src/app/diagnose.js';
import { generateTelegram, type Shape } from '../fixtures/chat/report/generate.js';
import { CHROMIUM, CHROMIUM_ARGS, missingPrerequisite } from './helpers.js';

const CHARTS = ['weekly', 'network', 'coreOutput', 'funnel', 'retention'];

const dir = mkdtempSync(join(tmpdir(), 'shequn-e2e-report-'));
let browser: Browser;

/** Runs the real command on a generated export and returns the report's path. */
async function report(shape: Shape, lang: string): Promise<string> {
  const input = join(dir, `${shape}.json`);
  writeFileSync(input, JSON.stringify(generateTelegram(shape)));
  const out = join(dir, `${shape}.${lang}.html`);
  const sink = { write: () => true };
  const io: DiagnoseIO = { stdout: sink, stderr: sink, env: {} };
  expect(await runDiagnose(input, { out, lang }, io)).toBe(0);
  return out;
}

interface Opened {
  page: Page;
  errors: string[];
  requests: string[];
}

async function open(file: string, viewport = { width: 1280, height: 900 }): Promise<Opened> {
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto('file://' + file);
  await page.waitForFunction(() => document.documentElement.dataset.chartsReady !== undefined, null, { timeout: 15_000 });
  return { page, errors, requests };
}

describe('diagnose report in Chromium', () => {
  beforeAll(async () => {
    // The report is a file: no server build needed, but a missing browser fails the run.
    const missing = missingPrerequisite({ build: false });
    if (missing) throw new Error(`e2e cannot run: ${missing}`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a star reads as 广播群 in Simplified Chinese, with every chart drawn, no error and no request', async () => {
    const file = await report('star', 'zh-Hans');
    const { page, errors, requests } = await open(file);
    await expect(page.locator('h1.kind').textContent()).resolves.toBe('广播群');
    expect(await page.locator('h1.kind').isVisible()).toBe(true);
    expect(await page.locator('.actions li').count()).toBeGreaterThanOrEqual(2);
    for (const id of CHARTS) expect(await page.locator(`#chart-${id} svg, #chart-${id} canvas`).count(), id).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.dataset.chartsReady)).toBe(String(CHARTS.length));
    expect(errors).toEqual([]);
    expect(requests).toEqual(['file://' + file]);
    const shot = join(dir, 'star.zh-Hans.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(statSync(shot).size).toBeGreaterThan(50_000);
    await page.close();
  });

  it('a healthy group reads as Community in English and its network shows the core members', async () => {
    const file = await report('community', 'en');
    const { page, errors, requests } = await open(file);
    await expect(page.locator('h1.kind').textContent()).resolves.toBe('Community');
    // core members are labelled on the network chart
    const coreName = await page.locator('#core tbody tr td').first().textContent();
    expect(coreName).toBeTruthy();
    expect(await page.locator('#chart-network svg text', { hasText: coreName! }).count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    expect(requests).toEqual(['file://' + file]);
    await page.screenshot({ path: join(dir, 'community.en.png'), fullPage: true });
    await page.close();
  });

  it('fits a phone screen in Traditional Chinese and prints', async () => {
    const file = await report('community', 'zh-Hant');
    const { page, errors } = await open(file, { width: 390, height: 844 });
    await expect(page.locator('h1.kind').textContent()).resolves.toBe('社群');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    for (const id of CHARTS) expect(await page.locator(`#chart-${id} svg`).count(), id).toBeGreaterThan(0);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.length).toBeGreaterThan(50_000);
    expect(errors).toEqual([]);
    await page.close();
  });
});
