/**
 * Figures that depend on the machine and so are measured here, never asserted in tests:
 *
 *   signin  — an unknown e-mail is refused in about the time a wrong password is (the dummy
 *             argon2 check in src/features/accounts/password.ts). Without it the ratio is ~0.05.
 *   heap    — the Telegram importer streams: the heap after 200,000 messages is about what it
 *             was after 50,000 (runs in a child process with --expose-gc).
 *
 *   node bench/checks.mjs [--messages 200000] [--rounds 7]
 *
 * Reads the built server (dist/); bench/run.mjs builds it when stale and calls this file.
 * Prints one table and a target line; exits 0 either way (a figure is not a verdict).
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const arg = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const messages = arg('--messages', 200_000);
const rounds = arg('--rounds', 7);

/** Runs one measurement in its own node process (own heap, own flags) and reads its JSON line. */
function measure(script, extraArgs, nodeFlags = []) {
  const r = spawnSync(process.execPath, [...nodeFlags, join(root, 'bench', script), ...extraArgs.map(String)], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`${script} failed (${r.status}):\n${r.stderr.slice(0, 2000)}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => x.toFixed(1);
const mib = (bytes) => (bytes / 2 ** 20).toFixed(1);

const signin = measure('signin-timing.mjs', [rounds]);
const heap = measure('import-heap.mjs', [messages], ['--expose-gc']);

console.log(`\nMachine-dependent checks, node ${process.version}`);
console.table([
  {
    check: 'sign-in refusal time',
    figure: `unknown e-mail ${ms(median(signin.unknownMs))} ms / wrong password ${ms(median(signin.wrongMs))} ms (median of ${rounds})`,
    value: (median(signin.unknownMs) / median(signin.wrongMs)).toFixed(2),
    target: '> 0.4',
  },
  {
    check: 'importer heap growth',
    figure: `heap at 50,000 ${mib(heap.heapAt50k)} MiB, at ${heap.messages.toLocaleString('en')} ${mib(heap.heapAtEnd)} MiB`,
    value: `${mib(heap.heapAtEnd - heap.heapAt50k)} MiB`,
    target: '< 16 MiB',
  },
]);
console.log('sign-in: a ratio near 1 means an unknown e-mail cannot be told from a known one by timing; heap: streaming keeps it flat (keeping the events adds ~54 MiB).');

