/**
 * Every response carries the security headers: API answers, errors, the web app's
 * HTML and assets, and the API docs page. HSTS only when served over https.
 * (That the web app and /api/docs actually run under the CSP is checked in Chromium:
 * test/e2e/csp.test.ts.)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './testing.js';

const PAGES = ['/api/auth/me', '/api/no-such-route', '/healthz', '/', '/c/some-community', '/assets/app.js', '/api/docs', '/api/docs/static/swagger-ui.css', '/api/docs/json', '/api/openapi.json'];

function expectSecurityHeaders(url: string, headers: Record<string, unknown>) {
  const csp = String(headers['content-security-policy'] ?? '');
  expect(csp, url).toContain("default-src 'self'");
  expect(csp, url).toContain("script-src 'self';");
  expect(csp, url).toContain("frame-ancestors 'none'");
  expect(csp, url).not.toMatch(/script-src[^;]*unsafe/);
  expect(headers['x-frame-options'], url).toBe('DENY');
  expect(headers['x-content-type-options'], url).toBe('nosniff');
  expect(headers['referrer-policy'], url).toBe('same-origin');
}

describe('security headers', () => {
  let t: TestApp;
  let webDir: string;
  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'shequn-web-'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><div id="root"></div><script type="module" src="/assets/app.js"></script>');
    writeFileSync(join(webDir, 'assets', 'app.js'), 'console.log(1)');
    t = await startTestApp('sqlite', { webDir });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('are on API answers, errors, the web app, its assets and the API docs', async () => {
    const client = t.client();
    for (const url of PAGES) {
      const res = await client.get(url);
      expect(res.status, url).toBeLessThan(500);
      expectSecurityHeaders(url, res.headers);
    }
    expect((await client.get('/c/some-community')).body).toContain('<div id="root">');
    const docs = await client.get('/api/docs');
    expect(docs.status).toBe(200);
    expect(String(docs.body)).toContain('swagger-ui');
  });

  it('are on a refused write too (CSRF, validation)', async () => {
    const res = await t.client().request('POST', '/api/auth/signin', { email: 'a@example.com', password: 'x' }, { csrf: false });
    expect(res.status).toBe(403);
    expectSecurityHeaders('POST /api/auth/signin', res.headers);
  });

  it('send no HSTS and no upgrade over plain http', async () => {
    const res = await t.client().get('/');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(String(res.headers['content-security-policy'])).not.toContain('upgrade-insecure-requests');
  });
});

describe('security headers over https', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite', { env: { PUBLIC_URL: 'https://community.example.org' } });
  });
  afterAll(() => t?.close());

  it('add HSTS and upgrade-insecure-requests when PUBLIC_URL is https', async () => {
    const res = await t.client().get('/api/auth/me');
    expect(res.headers['strict-transport-security']).toMatch(/^max-age=\d{7,}/);
    expect(String(res.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
  });
});
