/**
 * `shequn serve` as a deployment starts it: SHEQUN_DEMO=0 starts clean, and a database
 * that already holds a community never gets the demo beside it, even without the switch.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { missingPrerequisite, startServer, type RunningServer } from './helpers.js';

let server: RunningServer | undefined;
let dataDir: string | undefined;

function communitySlugs(dir: string): string[] {
  const db = new Database(join(dir, 'shequn.db'), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT slug FROM communities ORDER BY slug').all() as { slug: string }[]).map((r) => r.slug);
  } finally {
    db.close();
  }
}

/** Signs up and founds a community through the API, as a browser would (CSRF cookie + header). */
async function foundCommunity(url: string, slug: string) {
  const cookies = new Map<string, string>();
  const call = async (method: string, path: string, body?: unknown, csrf?: string) => {
    const res = await fetch(url + path, {
      method,
      headers: { 'content-type': 'application/json', cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '), ...(csrf ? { 'x-csrf-token': csrf } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const c of res.headers.getSetCookie()) cookies.set(c.split('=')[0]!, c.split('=')[1]!.split(';')[0]!);
    return res;
  };
  const { token } = (await (await call('GET', '/api/csrf')).json()) as { token: string };
  expect((await call('POST', '/api/auth/signup', { email: 'founder@example.com', password: 'a-long-password', displayName: '创始人' }, token)).status).toBe(201);
  const charter = { slug, name: '我们自己的社群', type: 'interest', sharedNeed: '一起读书', valuePromise: '书单和讨论', norms: '不发广告', entryCriteria: '爱读书', capacity: null, publicTeaser: false, teaser: '' };
  expect((await call('POST', '/api/communities', charter, token)).status).toBe(201);
}

describe('shequn serve and the demo community', { timeout: 90_000 }, () => {
  afterEach(async () => {
    await server?.stop();
    server = undefined;
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('SHEQUN_DEMO=0 starts a fresh database clean', async () => {
    const missing = missingPrerequisite();
    if (missing) throw new Error(`e2e cannot run: ${missing}`);
    server = await startServer([], { SHEQUN_DEMO: '0' });
    expect(server.output()).not.toContain('Demo sign-in');
    expect(communitySlugs(server.dataDir)).toEqual([]);
  });

  it('a database with its own community does not get the demo, even with the demo switched on', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'shequn-e2e-own-'));
    server = await startServer(['--no-demo'], { DATA_DIR: dataDir });
    await foundCommunity(server.url, 'our-own');
    await server.stop();

    server = await startServer([], { DATA_DIR: dataDir, SHEQUN_DEMO: '1' });
    expect(server.output()).not.toContain('Loaded the demo community');
    expect(communitySlugs(dataDir)).toEqual(['our-own']);
  });
});
