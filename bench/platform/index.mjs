/**
 * The platform part of `npm run bench`: reads and writes of the running server.
 *
 *   node bench/run.mjs --platform [--scale 100] [--rounds 3] [--duration 5]
 *        [--connections 100] [--samples 30] [--apply 1000] [--parts throughput,scale,apply] [--keep]
 *
 * 1. Builds the 1× database (the demo community) and the N× one (generate.mjs).
 * 2. Throughput: starts the built server on the 1× file and a bare Fastify +
 *    one better-sqlite3 SELECT baseline (baseline.mjs), runs autocannon against
 *    the baseline and each endpoint in turn, `rounds` times, and prints the
 *    median requests/s, its ratio to the baseline's median and the p99.
 * 3. Scale: one request at a time, the median latency of every paged read on the
 *    1× and the N× file, and their ratio.
 * 4. Writes: `apply` throughput on SQLite and PostgreSQL (apply.mjs), same run.
 * Timings go to the console only; no test asserts them.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { buildIfStale, root } from '../build.mjs';
import { makeDemo, scaleUp } from './generate.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : dflt);
const scale = opt('--scale', 100);
const rounds = opt('--rounds', 3);
const duration = opt('--duration', 5);
const connections = opt('--connections', 100);
const samples = opt('--samples', 30);
const applyN = opt('--apply', 1000);
const keep = args.includes('--keep');
const parts = new Set(args.includes('--parts') ? args[args.indexOf('--parts') + 1].split(',') : ['throughput', 'scale', 'apply']);
if (args.includes('--no-apply')) parts.delete('apply');
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

buildIfStale();
const dir = mkdtempSync(join(tmpdir(), 'shequn-platform-'));
const children = [];
try {
  console.error('building the 1× database (shequn demo)...');
  const x1 = makeDemo(dir);
  let xN;
  if (parts.has('scale')) {
    console.error(`building the ${scale}× database...`);
    xN = scaleUp(x1, dir, scale);
    console.error(`${scale}×: ${xN.members} members, ${xN.events} events`);
  }

  const throughput = parts.has('throughput') ? await throughputTable(x1) : null;
  const latency = xN ? await scaleTable(x1, xN) : null;
  const writes = parts.has('apply') ? await applyTable(x1) : null;

  console.log(`\nPlatform benchmark, node ${process.version}, ${cpus().length} CPUs, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  if (throughput) {
    console.log(`\nThroughput on the 1× database: autocannon -c ${connections} -d ${duration}, median of ${rounds} rounds, side by side`);
    console.table(throughput);
  }
  if (latency) {
    console.log(`\nOne request at a time (median of ${samples}), 1× vs ${scale}× (${xN.members} members, ${xN.events} events)`);
    console.table(latency);
  }
  if (writes) {
    console.log(`\napply() write throughput, ${applyN} applications, 20 at a time`);
    console.table(writes);
  }
  console.log('targets: public page, member home, member list ≥ 0.5× baseline; every paged read at the large scale ≤ 2× its 1× latency');
} finally {
  for (const c of children) c.kill('SIGTERM');
  if (!keep) rmSync(dir, { recursive: true, force: true });
  else console.error(`kept ${dir}`);
}

// ── the three parts ──────────────────────────────────────────────────────────

async function throughputTable(db) {
  const base = await startBaseline(db.file, 4101);
  const app = await startServer(db.dataDir, 4102);
  const cookie = await signIn(app, db);
  const slug = db.slug;
  const targets = [
    { name: 'baseline: bare Fastify + 1 SELECT', url: `${base}/c/${slug}` },
    { name: 'public page', url: `${app}/api/communities/${slug}` },
    { name: 'member home', url: `${app}/api/communities/${slug}/home`, cookie },
    { name: 'member list (owner)', url: `${app}/api/communities/${slug}/members`, cookie },
    { name: 'notices', url: `${app}/api/communities/${slug}/notices`, cookie },
    { name: 'referral stats', url: `${app}/api/communities/${slug}/gate/referrals`, cookie },
    { name: 'activity log', url: `${app}/api/communities/${slug}/activity`, cookie },
  ];
  const results = new Map(targets.map((t) => [t.name, []]));
  for (let r = 0; r < rounds; r++) {
    for (const t of targets) {
      console.error(`round ${r + 1}/${rounds}: ${t.name}`);
      results.get(t.name).push(await cannon(t));
      await settle(app); // requests still queued from this target must not count against the next
    }
  }
  const baseRps = median(results.get(targets[0].name).map((x) => x.rps));
  const table = {};
  for (const t of targets) {
    const runs = results.get(t.name);
    const rps = median(runs.map((x) => x.rps));
    table[t.name] = { 'req/s': Math.round(rps), '× baseline': +(rps / baseRps).toFixed(3), 'p99 ms': median(runs.map((x) => x.p99)), non2xx: runs.reduce((s, x) => s + x.non2xx, 0) };
  }
  stopAll();
  return table;
}

async function scaleTable(x1, xN) {
  const reads = (slug) => [
    ['public page', `/api/communities/${slug}`],
    ['member home', `/api/communities/${slug}/home`],
    ['member list', `/api/communities/${slug}/members?limit=50`],
    ['member search', `/api/communities/${slug}/members?q=${encodeURIComponent('王')}&limit=50`],
    ['review queue', `/api/communities/${slug}/gate/applications?state=approved&limit=50`],
    ['audit trail', `/api/communities/${slug}/audit?limit=50`],
    ['notices', `/api/communities/${slug}/notices`],
    ['referral stats', `/api/communities/${slug}/gate/referrals`],
    ['activity log', `/api/communities/${slug}/activity?limit=50`],
  ];
  const measured = {};
  for (const [label, db] of [['1×', x1], [`${scale}×`, xN]]) {
    const app = await startServer(db.dataDir, 4103);
    const cookie = await signIn(app, db);
    for (const [name, path] of reads(db.slug)) {
      console.error(`${label}: ${name}`);
      (measured[name] ??= {})[label] = await sequential(`${app}${path}`, cookie);
    }
    stopAll();
  }
  const table = {};
  for (const [name, m] of Object.entries(measured)) {
    table[name] = { '1× ms': +m['1×'].toFixed(2), [`${scale}× ms`]: +m[`${scale}×`].toFixed(2), ratio: +(m[`${scale}×`] / m['1×']).toFixed(2) };
  }
  return table;
}

async function applyTable(x1) {
  const schema = `bench_apply_${process.pid}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  try {
    const pgUrl = `${PG_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    const pgDir = join(dir, 'pg');
    console.error('loading the demo into PostgreSQL...');
    makeDemo(pgDir, { DATABASE_URL: pgUrl });
    const sqliteDir = join(dir, 'apply-sqlite');
    makeDemo(sqliteDir);
    const rows = {};
    for (const [engine, env] of [['SQLite', { DATA_DIR: join(sqliteDir, 'x1'), DATABASE_URL: '' }], ['PostgreSQL', { DATABASE_URL: pgUrl }]]) {
      console.error(`apply on ${engine}...`);
      const r = spawnSync(process.execPath, [join(root, 'bench/platform/apply.mjs'), x1.slug, '--n', String(applyN)], { cwd: root, env: { ...process.env, LOG_LEVEL: 'warn', ...env }, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`apply bench on ${engine} failed:\n${r.stderr}`);
      const out = JSON.parse(r.stdout.trim().split('\n').pop());
      rows[engine] = { 'applications/s': Math.round(out.perSecond), 'p50 ms': +out.p50.toFixed(1), 'p99 ms': +out.p99.toFixed(1) };
    }
    rows.PostgreSQL['× SQLite'] = +(rows.PostgreSQL['applications/s'] / rows.SQLite['applications/s']).toFixed(2);
    return rows;
  } finally {
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
}

// ── helpers ──────────────────────────────────────────────────────────────────

async function cannon(t) {
  const r = await autocannon({ url: t.url, connections, duration, headers: t.cookie ? { cookie: t.cookie } : {} });
  return { rps: r.requests.average, p99: r.latency.p99, non2xx: r.non2xx + r.errors };
}

/** Median wall time of `samples` requests one after another, after a few to warm up. */
async function sequential(url, cookie) {
  const times = [];
  for (let i = 0; i < samples + 5; i++) {
    const t = process.hrtime.bigint();
    const res = await fetch(url, { headers: { cookie } });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    if (i >= 5) times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(times);
}

/** Waits until the server answers its health probe, i.e. the queue left by a load run has drained. */
async function settle(base) {
  await (await fetch(`${base}/healthz`)).arrayBuffer();
}

function startServer(dataDir, port) {
  const env = { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATABASE_URL: '', NODE_ENV: 'production' };
  return start([join(root, 'bin/shequn.js'), 'serve', '--no-demo'], env, `http://127.0.0.1:${port}`, '/healthz');
}

function startBaseline(file, port) {
  return start([join(root, 'bench/platform/baseline.mjs'), file, String(port)], process.env, `http://127.0.0.1:${port}`, '/c/none');
}

async function start(argv, env, base, probe) {
  const child = spawn(process.execPath, argv, { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
  children.push(child);
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`${argv[0]} exited with ${child.exitCode}`);
    try {
      if ((await fetch(base + probe)).status < 500) return base;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${argv.join(' ')} did not start`);
}

function stopAll() {
  while (children.length) children.pop().kill('SIGTERM');
}

/** Signs in as the demo owner through the API (CSRF token first); returns the Cookie header. */
async function signIn(base, db) {
  const csrf = await fetch(`${base}/api/csrf`);
  const { token } = await csrf.json();
  const jar = csrf.headers.getSetCookie().map((c) => c.split(';')[0]);
  const res = await fetch(`${base}/api/auth/signin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': token, cookie: jar.join('; ') },
    body: JSON.stringify({ email: db.email, password: db.password }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return [...jar, ...res.headers.getSetCookie().map((c) => c.split(';')[0])].join('; ');
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
