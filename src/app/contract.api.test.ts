/**
 * The typed contract: every route declares its request and response schemas,
 * so the OpenAPI document is complete and the web's types (inferred from the
 * same schemas) cannot drift from what the server sends. A new route without a
 * response schema fails here, by name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeclaredRoute } from '../kernel/http/routes.js';
import { startTestApp, type TestApp } from '../kernel/http/testing.js';

/** Routes that serve no JSON contract of their own. Keep this list short. */
const EXEMPT: { why: string; covers: (r: DeclaredRoute) => boolean }[] = [
  { why: 'the OpenAPI document itself', covers: (r) => r.url === '/api/openapi.json' },
  { why: 'the API docs page (swagger-ui and its assets)', covers: (r) => r.url === '/api/docs' || r.url.startsWith('/api/docs/') },
  { why: 'files of the built web app (SPA)', covers: (r) => !r.url.startsWith('/api/') && r.url !== '/healthz' },
];

const isSuccess = (status: string) => /^2(\d\d|xx)$/.test(status);

describe('every route declares its contract', () => {
  let t: TestApp;
  let routes: DeclaredRoute[];
  beforeAll(async () => {
    t = await startTestApp('sqlite');
    routes = t.app.declaredRoutes.filter((r) => r.method !== 'HEAD' && !EXEMPT.some((e) => e.covers(r)));
  });
  afterAll(() => t?.close());

  it('the check covers the whole API (routes of every feature are in the table)', () => {
    const prefixes = ['/api/auth/', '/api/communities', '/api/communities/:slug/gate/', '/api/communities/:slug/pruning/', '/api/communities/:slug/onboarding', '/api/communities/:slug/tiers'];
    for (const p of prefixes) expect(routes.some((r) => r.url.startsWith(p)), p).toBe(true);
    expect(routes.length).toBeGreaterThan(50);
  });

  it('each route has a response schema for its success status', () => {
    const missing = routes.filter((r) => !Object.keys(r.schema?.response ?? {}).some(isSuccess)).map((r) => `${r.method} ${r.url}`);
    expect(missing).toEqual([]);
  });

  it('each path parameter is declared in a params schema', () => {
    const undeclared = routes.flatMap((r) => {
      const names = [...r.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
      const shape = (r.schema?.params as { shape?: Record<string, unknown> } | undefined)?.shape ?? {};
      return names.filter((n) => !(n in shape)).map((n) => `${r.method} ${r.url} :${n}`);
    });
    expect(undeclared).toEqual([]);
  });

  it('the OpenAPI document shows a response body for each operation under /api', async () => {
    const doc = (await t.client().get('/api/openapi.json')).body as { paths: Record<string, Record<string, { responses: Record<string, { content?: unknown }> }>> };
    const bare = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => !Object.entries(op.responses ?? {}).some(([status, r]) => isSuccess(status) && (status === '204' || r.content)))
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(bare).toEqual([]);
    // Every declared route except the hidden kernel ones is in the document.
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`));
    const shown = routes.filter((r) => !r.schema?.hide).map((r) => `${r.method} ${r.url}`);
    expect(documented.sort()).toEqual(shown.sort());
  });

  it('every schema the OpenAPI document refers to is in it', async () => {
    const doc = (await t.client().get('/api/openapi.json')).body as { components?: { schemas?: Record<string, unknown> } };
    const refs = [...JSON.stringify(doc).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.filter((name) => !(name in (doc.components?.schemas ?? {})))).toEqual([]);
  });
});
