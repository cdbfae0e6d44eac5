#!/usr/bin/env node
// `npm run mutate [-- <module.ts> …] [-- --survivors]`: mutation-test the pure rule modules
// listed in stryker.config.mjs (or only the ones named), then print one line per module and
// fail when any scores under 80%. Incremental: a rerun retests only mutants whose code or
// covering tests changed; `--force` retests everything. See docs/testing.md.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { MODULES } from '../stryker.config.mjs';

const MIN_SCORE = 80;
const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const showSurvivors = args.includes('--survivors');
const force = args.includes('--force');
const named = args.filter((a) => !a.startsWith('--'));
const unknown = named.filter((m) => !MODULES.includes(m));
if (unknown.length > 0) {
  console.error(`not a mutation-tested module: ${unknown.join(', ')}\nmodules: ${MODULES.join(', ')}`);
  process.exit(2);
}
const modules = named.length > 0 ? named : MODULES;

// Stryker reuses a static mutant's result (one in code run at module load, such as a constant
// table) as long as its file is unchanged, even when the tests changed: it knows no test that
// covers it. Forget those results so that a new test gets the chance to kill them.
const incremental = join(root, '.stryker/incremental.json');
const before = existsSync(incremental) ? JSON.parse(readFileSync(incremental, 'utf8')) : null;
if (before && !force) {
  for (const file of Object.values(before.files)) file.mutants = file.mutants.filter((m) => !m.static);
  writeFileSync(incremental, JSON.stringify(before));
}

const stryker = spawnSync('npx', ['stryker', 'run', '--mutate', modules.join(','), ...(force ? ['--force'] : [])], { cwd: root, stdio: 'inherit' });
if (stryker.status !== 0) process.exit(stryker.status ?? 1);

// Stryker's incremental file holds only the modules of this run: keep the others' results.
if (before && existsSync(incremental)) {
  const after = JSON.parse(readFileSync(incremental, 'utf8'));
  for (const [file, result] of Object.entries(before.files)) after.files[file] ??= result;
  writeFileSync(incremental, JSON.stringify(after));
}

const report = join(root, '.stryker/mutation.json');
if (!existsSync(report)) {
  console.error('no mutation report was written');
  process.exit(1);
}
const files = JSON.parse(readFileSync(report, 'utf8')).files;
const DETECTED = new Set(['Killed', 'Timeout']);
const rows = [];
for (const m of modules) {
  const entry = Object.entries(files).find(([f]) => relative(root, join(root, f)) === m);
  const mutants = entry ? entry[1].mutants.filter((x) => x.status !== 'CompileError' && x.status !== 'RuntimeError' && x.status !== 'Ignored') : [];
  const detected = mutants.filter((x) => DETECTED.has(x.status)).length;
  const score = mutants.length === 0 ? null : (100 * detected) / mutants.length;
  rows.push({ m, total: mutants.length, detected, survived: mutants.filter((x) => x.status === 'Survived').length, noCov: mutants.filter((x) => x.status === 'NoCoverage').length, score });
  if (showSurvivors && entry) {
    for (const x of mutants.filter((y) => !DETECTED.has(y.status))) {
      console.log(`  ${m}:${x.location.start.line}:${x.location.start.column} ${x.status} ${x.mutatorName}: ${JSON.stringify(x.replacement ?? '')}`);
    }
  }
}

const pad = (s, n) => String(s).padEnd(n);
console.log(`\n${pad('module', 40)} ${pad('mutants', 8)} ${pad('killed', 7)} ${pad('survived', 9)} ${pad('no cov', 7)} score`);
for (const r of rows) {
  const score = r.score === null ? 'n/a' : `${r.score.toFixed(1)}%`;
  const mark = r.score !== null && r.score >= MIN_SCORE ? 'ok' : `BELOW ${MIN_SCORE}%`;
  console.log(`${pad(r.m, 40)} ${pad(r.total, 8)} ${pad(r.detected, 7)} ${pad(r.survived, 9)} ${pad(r.noCov, 7)} ${pad(score, 7)} ${mark}`);
}
process.exit(rows.every((r) => r.score !== null && r.score >= MIN_SCORE) ? 0 : 1);
