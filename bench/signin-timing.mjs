// Times sign-in refusals on the built server (fastify.inject, a temporary SQLite file):
// a wrong password for a real account against an unknown e-mail. Prints one JSON line.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../dist/app/config.js';
import { buildServer, createContext } from '../dist/app/server.js';

const rounds = Number(process.argv[2] ?? 7);
const dir = mkdtempSync(join(tmpdir(), 'shequn-bench-signin-'));
const ctx = await createContext(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dir }));
const app = await buildServer(ctx, { authRateLimit: 10_000 });

/** A browser-like client: keeps the CSRF cookie and sends the token on writes. */
async function client() {
  const res = await app.inject({ method: 'GET', url: '/api/csrf' });
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const token = res.json().token;
  return (url, payload) => app.inject({ method: 'POST', url, payload, headers: { cookie, 'x-csrf-token': token } });
}

const post = await client();
const up = await post('/api/auth/signup', { email: 'timing@example.com', password: 'long-enough-password-1', displayName: 'timing' });
if (up.statusCode !== 201) throw new Error(`sign-up failed: ${up.statusCode} ${up.body}`);

async function time(email) {
  const started = performance.now();
  const res = await post('/api/auth/signin', { email, password: 'not-the-password' });
  if (res.statusCode !== 401) throw new Error(`expected 401, got ${res.statusCode}`);
  return performance.now() - started;
}

const wrongMs = [];
const unknownMs = [];
try {
  for (let i = 0; i < rounds; i++) {
    wrongMs.push(await time('timing@example.com'));
    unknownMs.push(await time(`ghost${i}@example.com`));
  }
} finally {
  await app.close();
  await ctx.db.close();
  rmSync(dir, { recursive: true, force: true });
}
console.log(JSON.stringify({ wrongMs, unknownMs }));
