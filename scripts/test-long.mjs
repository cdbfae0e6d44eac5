#!/usr/bin/env node
// `npm run test:long [-- --seed N] [-- --scale N]`: the property tests (every test file that
// imports fast-check) on a new random seed with 20× their usual runs. The seed is printed
// first; SHEQUN_PROPERTY_SEED=<seed> npx vitest run <file> replays a failure. See docs/testing.md.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const option = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};

function* testFiles(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* testFiles(p);
    else if (/\.test\.tsx?$/.test(e.name)) yield p;
  }
}

const files = [...testFiles(join(root, 'src')), ...testFiles(join(root, 'web/src'))]
  .filter((f) => readFileSync(f, 'utf8').includes("from 'fast-check'"))
  .map((f) => relative(root, f));
const env = { ...process.env, SHEQUN_PROPERTY_SEED: option('seed', 'random'), SHEQUN_PROPERTY_SCALE: option('scale', '20') };
const r = spawnSync('npx', ['vitest', 'run', ...files], { cwd: root, stdio: 'inherit', env });
process.exit(r.status ?? 1);
