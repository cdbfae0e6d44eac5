#!/usr/bin/env node
// `npm test`: build what the end-to-end tests serve, then run every test (unit,
// API, SQLite and PostgreSQL dialect tests, Chromium end-to-end) and close with
// one plain line "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } });

const build = run('npm', ['run', '--silent', 'build']);
if (build.status !== 0) {
  console.error('build failed');
  console.log('0 passed, 1 failed');
  process.exit(build.status ?? 1);
}

const results = join(root, '.vitest-results.json');
rmSync(results, { force: true });
const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${results}`, ...process.argv.slice(2)];
const tests = run('npx', args);

if (existsSync(results)) {
  const r = JSON.parse(readFileSync(results, 'utf8'));
  // A file that failed before its tests ran (a hook threw: no browser, no database) reports
  // them as skipped; they did not pass, so they count as failed here.
  const notRun = (r.testResults ?? [])
    .filter((f) => f.status === 'failed' && !f.assertionResults.some((a) => a.status === 'failed'))
    .reduce((n, f) => n + Math.max(1, f.assertionResults.filter((a) => a.status === 'skipped' || a.status === 'pending').length), 0);
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0) - notRun;
  console.log(`\n${r.numPassedTests} passed, ${r.numFailedTests + notRun} failed, ${Math.max(0, skipped)} skipped`);
  if (r.numTotalTests === 0) {
    console.error('no test ran');
    process.exit(1);
  }
}
process.exit(tests.status ?? 1);
