/**
 * The platform bench's databases. 1× is the demo community exactly as
 * `shequn demo` loads it (its plan is seeded: kernel/random.ts). N× clones every
 * person of the demo except the owner N−1 times into the same community, with
 * their memberships, applications, profiles, notices, audit entries and
 * activity events, in SQL on the SQLite file (deterministic: clone k of user u
 * is `u~k`, so the same seed and N give the same database).
 *
 *   node bench/platform/generate.mjs <dir> [--scale 100]
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { root } from '../build.mjs';

/** Columns that hold a user id; a clone points them at the cloned person (the owner stays one). */
const USER_COLUMNS = new Set(['user_id', 'actor_id', 'target_id', 'referrer_id', 'decided_by', 'subject_id', 'created_by', 'owner_id', 'reporter_id']);
/** Community-owned tables whose rows are about people; everything else (config, invites, jobs) stays as in the demo. */
const CLONED = ['memberships', 'applications', 'member_profiles', 'notifications', 'audit_entries', 'activity_events'];

/** Loads the demo into `<dir>/x1/shequn.db`; returns its slug and the owner's sign-in. */
export function makeDemo(dir, env = {}) {
  const dataDir = join(dir, 'x1');
  mkdirSync(dataDir, { recursive: true });
  const r = spawnSync(process.execPath, [join(root, 'bin/shequn.js'), 'demo'], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '', ...env },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`shequn demo failed:\n${r.stderr}`);
  const slug = /\/c\/([^)\s]+)\)/.exec(r.stdout)?.[1];
  const signIn = /Demo sign-in: (\S+) \/ (\S+)/.exec(r.stdout);
  if (!slug || !signIn) throw new Error(`cannot read the demo's slug and sign-in from:\n${r.stdout}`);
  return { dataDir, file: join(dataDir, 'shequn.db'), slug, email: signIn[1], password: signIn[2] };
}

/** Copies the 1× file to `<dir>/x<scale>/shequn.db` and clones its people scale−1 times. */
export function scaleUp(demo, dir, scale) {
  const dataDir = join(dir, `x${scale}`);
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'shequn.db');
  copyFileSync(demo.file, file);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF'); // a bench file: no need to survive a power cut while it is built
  const owner = db.prepare('SELECT u.id FROM users u WHERE u.email = ?').get(demo.email).id;
  const community = db.prepare('SELECT id FROM communities WHERE slug = ?').get(demo.slug).id;
  const userCols = columns(db, 'users');
  const remap = (c, k) => (USER_COLUMNS.has(c) ? `CASE WHEN ${c} IS NULL OR ${c} = '${owner}' THEN ${c} ELSE ${c} || '~${k}' END` : c);
  const clone = db.transaction((k) => {
    const sel = userCols.map((c) => (c === 'id' ? `id || '~${k}'` : c === 'email' ? `'c${k}.' || email` : c === 'display_name' ? `display_name || ' ${k}'` : c));
    db.prepare(`INSERT INTO users (${userCols.join(', ')}) SELECT ${sel.join(', ')} FROM users
      WHERE id <> ? AND id IN (SELECT user_id FROM memberships WHERE community_id = ?) AND id NOT LIKE '%~%'`).run(owner, community);
    for (const table of CLONED) {
      const cols = columns(db, table).filter((c) => !(table === 'activity_events' && c === 'id'));
      const sel = cols.map((c) => (c === 'id' ? `id || '~${k}'` : remap(c, k)));
      const mine = table === 'activity_events' ? 'actor_id' : table === 'audit_entries' ? 'subject_id' : 'user_id';
      db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) SELECT ${sel.join(', ')} FROM ${table}
        WHERE community_id = ? AND ${mine} IS NOT NULL AND ${mine} <> ? AND ${mine} NOT LIKE '%~%'`).run(community, owner);
    }
  });
  const searchable = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'search_docs'").get();
  // The clones' search documents: the originals' terms plus the clone's suffix and email prefix (kernel/search/text.ts).
  const cloneSearch = db.prepare(`INSERT INTO search_docs (scope, doc_id, body) SELECT scope, doc_id || '~' || @k, body || ' ' || @k || ' c' || @k
    FROM search_docs WHERE scope = 'user' AND doc_id <> @owner AND doc_id NOT LIKE '%~%' AND doc_id IN (SELECT user_id FROM memberships WHERE community_id = @community)`);
  for (let k = 1; k < scale; k++) {
    clone(k);
    if (searchable) cloneSearch.run({ k: String(k), owner, community });
  }
  if (searchable) db.exec("INSERT INTO search_fts (search_fts) VALUES ('rebuild')");
  db.exec('ANALYZE');
  const counts = {
    members: db.prepare("SELECT count(*) n FROM memberships WHERE community_id = ? AND state = 'member'").get(community).n,
    events: db.prepare('SELECT count(*) n FROM activity_events WHERE community_id = ?').get(community).n,
  };
  db.close();
  return { ...demo, dataDir, file, ...counts };
}

function columns(db, table) {
  return db.prepare(`PRAGMA table_info(${table})`).all().map((c) => c.name);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  const scale = Number(process.argv[process.argv.indexOf('--scale') + 1]) || 100;
  const demo = makeDemo(dir);
  console.log(scaleUp(demo, dir, scale));
}
