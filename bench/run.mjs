/**
 * `npm run bench`: times `shequn diagnose --json` on generated Telegram exports
 * against a bare `JSON.parse(fs.readFileSync(file, 'utf8'))` of the same file.
 *
 *   node bench/run.mjs [--importer-only] [--sizes 100000,1000000] [--keep] [--checks-only | --no-checks]
 *
 * --importer-only times the importer alone (no analysis), for tuning it.
 * Then bench/checks.mjs prints the machine-dependent checks that tests must not assert
 * (sign-in refusal timing, importer heap growth); --checks-only runs just those.
 * Files go to a temporary folder, removed afterwards unless --keep.
 *
 *   node bench/run.mjs --platform [flags]   the server's reads and writes (bench/platform/index.mjs)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeTelegramExport } from './generate.mjs';
import { buildIfStale, root } from './build.mjs';
const args = process.argv.slice(2);
if (args.includes('--platform')) {
  await import('./platform/index.mjs');
  process.exit(0);
}
const importerOnly = args.includes('--importer-only');
const keep = args.includes('--keep');
const sizesArg = args[args.indexOf('--sizes') + 1];
const sizes = args.includes('--sizes') ? sizesArg.split(',').map(Number) : [100_000, 1_000_000];
const checksOnly = args.includes('--checks-only');
const checks = !args.includes('--no-checks');

/** Runs node with the given arguments; returns wall and CPU seconds and peak RSS in MiB. */
function timeNode(nodeArgs, dir) {
  const rssFile = join(dir, 'rss.txt');
  rmSync(rssFile, { force: true });
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', join(root, 'bench/maxrss.mjs'), ...nodeArgs], {
    cwd: root,
    env: { ...process.env, BENCH_RSS_FILE: rssFile },
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) throw new Error(`node ${nodeArgs.join(' ')} failed (${r.status}):\n${String(r.stderr).slice(0, 2000)}`);
  const usage = existsSync(rssFile) ? JSON.parse(readFileSync(rssFile, 'utf8')) : { maxRSS: NaN, cpu: NaN };
  return { seconds, cpu: usage.cpu / 1e6, rssMiB: usage.maxRSS / 1024, stdout: String(r.stdout) };
}

buildIfStale();
if (checksOnly) {
  runChecks();
  process.exit(0);
}
const dir = mkdtempSync(join(tmpdir(), 'shequn-bench-'));
const rows = [];
try {
  for (const n of sizes) {
    const file = join(dir, `telegram-${n}.json`);
    console.error(`generating ${n.toLocaleString('en')} messages...`);
    await writeTelegramExport(file, n, 42);
    const mib = statSync(file).size / 2 ** 20;
    const parse = timeNode(['-e', `JSON.parse(require('fs').readFileSync(${JSON.stringify(file)}, 'utf8'))`], dir);
    const run = importerOnly
      ? timeNode([join(root, 'bench/import-only.mjs'), file], dir)
      : timeNode([join(root, 'bin/shequn.js'), 'diagnose', file, '--json'], dir);
    if (!importerOnly) {
      const result = JSON.parse(run.stdout);
      if (result?.source?.messages === undefined) throw new Error('diagnose --json printed no source.messages');
    }
    rows.push({
      messages: n.toLocaleString('en'),
      'file MiB': mib.toFixed(0),
      'parse s': parse.seconds.toFixed(2),
      [importerOnly ? 'import s' : 'diagnose s']: run.seconds.toFixed(2),
      'messages/s': Math.round(n / run.seconds).toLocaleString('en'),
      ratio: (run.seconds / parse.seconds).toFixed(2),
      'CPU s parse/run': `${parse.cpu.toFixed(1)}/${run.cpu.toFixed(1)}`,
      'parse peak RSS MiB': parse.rssMiB.toFixed(0),
      [importerOnly ? 'import peak RSS MiB' : 'diagnose peak RSS MiB']: run.rssMiB.toFixed(0),
    });
    rmSync(file, { force: !keep });
    if (keep) console.error(`kept ${file}`);
  }
} finally {
  if (!keep) rmSync(dir, { recursive: true, force: true });
}
console.log(`\nTelegram export benchmark (${importerOnly ? 'importer only' : 'shequn diagnose --json'}), node ${process.version}`);
console.table(rows);
console.log('target: ratio <= 2 and peak RSS < 1024 MiB at 1,000,000 messages');
console.log(`load average now: ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')} on ${(await import('node:os')).cpus().length} CPUs (wall times are only comparable on a quiet machine)`);
if (checks) runChecks();

function runChecks() {
  const r = spawnSync(process.execPath, [join(root, 'bench/checks.mjs')], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`bench/checks.mjs failed (${r.status})`);
}
