/** Builds the server (and, when asked, the web app) when src/ is newer than dist/. Shared by the benches. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function newestMtime(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

export function buildIfStale() {
  const out = join(root, 'dist/app/cli.js');
  if (existsSync(out) && statSync(out).mtimeMs >= newestMtime(join(root, 'src'))) return;
  console.error('building the server (npm run build:server)...');
  const r = spawnSync('npm', ['run', 'build:server'], { cwd: root, stdio: 'inherit' });
  // tsc exits non-zero on type errors in unrelated files but still emits; only a missing output is fatal
  if (!existsSync(out)) throw new Error(`build failed (exit ${r.status})`);
}
