/**
 * What ships: dist/ (what `npm run build` writes and `shequn` runs) holds no test code. No module
 * imports vitest, no test helper or test file is there, and no route can move the clock. Reads
 * the build as it is; `npm test` builds first.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/kernel/paths.js';

const dist = join(packageRoot, 'dist');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

function built(): string[] {
  if (!existsSync(join(dist, 'app', 'cli.js'))) throw new Error('dist/ is not built: run `npm run build`');
  return files(dist).map((f) => relative(dist, f));
}

describe('the build', () => {
  it('has no module that imports vitest', () => {
    const importers = built()
      .filter((f) => /\.(js|mjs|cjs)$/.test(f))
      .filter((f) => /(from\s*|import\s*\(\s*|require\s*\(\s*)["']vitest(\/[^"']*)?["']/.test(readFileSync(join(dist, f), 'utf8')));
    expect(importers).toEqual([]);
  });

  it('has no test file and no test helper', () => {
    const helpers = built().filter((f) => /(^|\/)(testing([-./]|$)|[^/]*\.test\.)/.test(f));
    expect(helpers).toEqual([]);
  });

  it('has no route that moves the clock, in its code or in the running server', async () => {
    const mentions = built()
      .filter((f) => /\.(js|mjs|cjs|html)$/.test(f))
      .filter((f) => /testing\/clock|FAKE_NOW|ShiftedClock/.test(readFileSync(join(dist, f), 'utf8')));
    expect(mentions).toEqual([]);

    const dir = mkdtempSync(join(tmpdir(), 'shequn-dist-'));
    const { loadConfig } = await import(join(dist, 'app/config.js'));
    const { buildServer, createContext } = await import(join(dist, 'app/server.js'));
    const ctx = await createContext(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dir, SHEQUN_FAKE_NOW: '2026-03-01T08:00:00Z' }));
    const app = await buildServer(ctx);
    try {
      expect((await app.inject({ method: 'GET', url: '/api/testing/clock' })).statusCode).toBe(404);
      expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await app.close();
      await ctx.db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
