/**
 * The demo community is for evaluation: a deployment can switch it off, and it never
 * lands beside a community a deployment already has. (The CLI flag and the environment
 * switch are driven through the built `shequn serve` in test/e2e/serve-demo.test.ts.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { loadDemoOnFirstStart } from './serve.js';
import { startTestApp, type TestApp } from '../kernel/http/testing.js';
import { DIALECTS } from '../kernel/db/testing.js';
import { charter } from '../features/communities/testing.js';

describe('SHEQUN_DEMO', () => {
  it('is on unless switched off with 0/false/no/off', () => {
    expect(loadConfig({}).demo).toBe(true);
    for (const on of ['1', 'true', 'yes', 'on']) expect(loadConfig({ SHEQUN_DEMO: on }).demo, on).toBe(true);
    for (const off of ['0', 'false', 'no', 'off']) expect(loadConfig({ SHEQUN_DEMO: off }).demo, off).toBe(false);
  });

  it('a value that is neither names the variable', () => {
    expect(() => loadConfig({ SHEQUN_DEMO: 'maybe' })).toThrow(/SHEQUN_DEMO/);
  });
});

for (const dialect of DIALECTS) {
  describe(`the demo on first start (${dialect})`, () => {
    let t: TestApp | undefined;
    afterEach(() => t?.close());
    const communities = () => t!.db.kysely.selectFrom('communities').select(['slug']).execute();

    it('switched off, a fresh database stays without any community', async () => {
      t = await startTestApp(dialect);
      expect(await loadDemoOnFirstStart(t.ctx, false)).toBeNull();
      expect(await communities()).toEqual([]);
    });

    it('is not loaded into a database that already holds a community', async () => {
      t = await startTestApp(dialect);
      const owner = t.client();
      expect((await owner.post('/api/auth/signup', { email: 'founder@example.com', password: 'a-long-password', displayName: '创始人' })).status).toBe(201);
      expect((await owner.post('/api/communities', charter('our-own'))).status).toBe(201);

      const result = await loadDemoOnFirstStart(t.ctx, true);
      expect(result?.created).toBe(false);
      expect(result?.signIn).toBeUndefined();
      expect(await communities()).toEqual([{ slug: 'our-own' }]);
    });
  });
}
