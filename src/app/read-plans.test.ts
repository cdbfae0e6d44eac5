/**
 * The query plans of every paged read and aggregate the issue of bounded reads
 * lists: each statement the stores send is EXPLAINed on both engines, and a
 * full scan of activity_events or memberships fails the test. PostgreSQL plans
 * with `enable_seqscan = off`, so a small table cannot hide a missing index.
 */
import SQLite from 'better-sqlite3';
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect, type CompiledQuery } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendEvents } from '../kernel/activity/log.js';
import { listDecisions, recordDecision } from '../kernel/audit.js';
import type { Database } from '../kernel/db/schema.js';
import { DIALECTS, openTestDb, type TestDb } from '../kernel/db/testing.js';
import { searchDocuments } from '../kernel/search/index.js';
import { indexPeople } from '../features/accounts/index.js';
import { HOME_KINDS } from '../features/communities/service.js';
import * as cstore from '../features/communities/store.js';
import * as gstore from '../features/gate/store.js';
import * as rstore from '../features/gate/referrals-store.js';
import { noticesOf } from '../features/members/notices.js';
import { insertNotice } from '../features/members/store.js';
import { sql } from 'kysely';
import { newId } from '../kernel/ids.js';

const WATCHED = /\b(activity_events|memberships)\b/;

for (const dialect of DIALECTS) {
  describe(`query plans on ${dialect}`, () => {
    let db: TestDb;
    let seen: CompiledQuery[] = [];
    let k: Kysely<Database>;
    let close: () => Promise<void>;
    let C: Awaited<ReturnType<typeof seedCommunity>>;

    beforeAll(async () => {
      db = await openTestDb(dialect);
      C = await seedCommunity(db.kysely);
      await sql`ANALYZE`.execute(db.kysely);
      ({ k, close } = recording(db, (q) => seen.push(q)));
    });
    afterAll(async () => {
      await close();
      await db.destroy();
    });

    /** Runs `read` through the recording handle and returns the plan lines of every statement it sent. */
    async function plansOf(read: (k: Kysely<Database>) => Promise<unknown>): Promise<{ sql: string; plan: string[] }[]> {
      seen = [];
      await read(k);
      expect(seen.length).toBeGreaterThan(0);
      return Promise.all(seen.map(async (q) => ({ sql: q.sql, plan: await explain(db, q) })));
    }

    const reads: [string, (k: Kysely<Database>) => Promise<unknown>][] = [
      ['activity log, a later page', (k) => cstore.listActivity(k, C.id, { limit: 50, before: [C.midAt, 10_000_000] })],
      ['home feed (kinds merged), a later page', (k) => cstore.listActivity(k, C.id, { kinds: HOME_KINDS, limit: 20, before: [C.midAt, 10_000_000] })],
      ['member list, a later page', (k) => cstore.listMembers(k, C.id, { state: 'member', limit: 50, after: [3, C.midAt, ''] })],
      ['member list of every state', (k) => cstore.listMembers(k, C.id, { limit: 50 })],
      ['member search', (k) => searchDocuments(k, 'user', '成员 12', 500).then((ids) => cstore.listMembers(k, C.id, { state: 'member', userIds: ids, limit: 50 }))],
      ['member counts and core', (k) => Promise.all([cstore.countMembers(k, C.id, C.midAt), cstore.countMembersIn(k, C.id, { state: 'member' }), cstore.listCore(k, C.id)])],
      ['public member count', (k) => cstore.countActiveMembers(k, C.id)],
      ['review queue, a later page', (k) => gstore.listApplications(k, C.id, { state: 'approved', limit: 50, after: [C.midAt, ''] })],
      ['audit trail and one person’s', (k) => Promise.all([listDecisions(k, C.id, { after: [C.midAt, 'z'], limit: 50 }), listDecisions(k, C.id, { subjectId: C.people[3]!, limit: 50 })])],
      ['notices, a later page', (k) => noticesOf(k, C.id, C.people[1]!, 50, [C.midAt, 'z'])],
      ['referral leaders and their branches', (k) => rstore.topReferrers(k, C.id, 20).then((top) => rstore.descendants(k, C.id, top.map((t) => t.userId)))],
      ['referral tree levels', (k) => Promise.all([rstore.treePage(k, C.id, null, undefined, 50), rstore.treePage(k, C.id, C.people[0]!, [C.midAt, ''], 50)])],
      ['referral channels, growth, funnel', (k) => Promise.all([rstore.joinsPerChannel(k, C.id), rstore.growthCounts(k, C.id, C.midAt, C.endAt), rstore.introducedAndActive(k, C.id, C.midAt)])],
    ];

    it.each(reads)('%s reads activity_events and memberships through an index only', async (_name, read) => {
      for (const { sql, plan } of await plansOf(read)) {
        const scans = plan.filter((line) => /^(SCAN|FULL)\b/.test(line) && WATCHED.test(line));
        expect(scans, `${sql}\n${plan.join('\n')}`).toEqual([]);
      }
    });

    it('the check is real: counting a whole table is caught as a full scan', async () => {
      const plans = await plansOf((k) => k.selectFrom('activityEvents').select((eb) => eb.fn.countAll().as('n')).where('data', 'is', null).execute());
      expect(plans[0]!.plan.some((l) => /^(SCAN|FULL) activity_events/.test(l))).toBe(true);
    });
  });
}

/** A second handle on the same database that reports every statement it sends. */
function recording(db: TestDb, onQuery: (q: CompiledQuery) => void) {
  const log = (e: { level: string; query: CompiledQuery }) => onQuery(e.query);
  if (db.dialect === 'sqlite') {
    const k = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SQLite(db.sqlitePath!) }), plugins: [new CamelCasePlugin()], log });
    return { k, close: () => k.destroy() };
  }
  const pool = new pg.Pool({ connectionString: db.databaseUrl, max: 2, options: `-c search_path=${db.pgSchema} -c enable_seqscan=off` });
  const k = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()], log });
  return { k, close: () => k.destroy() };
}

async function explain(db: TestDb, q: CompiledQuery): Promise<string[]> {
  if (db.dialect === 'sqlite') {
    const raw = new SQLite(db.sqlitePath!, { readonly: true });
    try {
      const rows = raw.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...(q.parameters as unknown[])) as { detail: string }[];
      return rows.map((r) => r.detail);
    } finally {
      raw.close();
    }
  }
  const c = new pg.Client({ connectionString: db.databaseUrl, options: `-c search_path=${db.pgSchema} -c enable_seqscan=off` });
  await c.connect();
  try {
    const r = await c.query(`EXPLAIN (FORMAT JSON) ${q.sql}`, q.parameters as unknown[]);
    return pgScans((r.rows[0] as Record<string, [{ Plan: PgNode }]>)['QUERY PLAN']![0].Plan);
  } finally {
    await c.end();
  }
}

interface PgNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Plans?: PgNode[];
}

/**
 * PostgreSQL plan nodes in SQLite's words: `FULL t` for a sequential scan or an
 * index scan without an index condition (a walk of the whole index), `SEARCH t`
 * for an index scan with one, `NODE type` for the rest.
 */
function pgScans(node: PgNode): string[] {
  const type = node['Node Type'];
  const table = node['Relation Name'];
  let line = `NODE ${type}`;
  if (table && type === 'Seq Scan') line = `FULL ${table}`;
  else if (table && /^Index (Only )?Scan$/.test(type)) line = `${node['Index Cond'] ? 'SEARCH' : 'FULL'} ${table} USING ${node['Index Name']}`;
  else if (table) line = `SEARCH ${table} (${type})`;
  return [line, ...(node.Plans ?? []).flatMap(pgScans)];
}

/** Two communities of a few hundred people each, with every kind of row the reads above touch. */
async function seedCommunity(k: Kysely<Database>) {
  const start = Date.parse('2026-01-01T00:00:00Z');
  const iso = (minutes: number) => new Date(start + minutes * 60_000).toISOString();
  let main = { id: '', people: [] as string[], midAt: iso(1500), endAt: iso(4000) };
  for (const slug of ['main', 'other']) {
    const people = Array.from({ length: 300 }, () => newId());
    const id = newId();
    const users = people.map((u, i) => ({ id: u, email: `${slug}${i}@x.test`, passwordHash: 'x', displayName: `成员 ${i}`, locale: null, createdAt: iso(i), updatedAt: iso(i) }));
    for (let i = 0; i < users.length; i += 100) await k.insertInto('users').values(users.slice(i, i + 100)).execute();
    await indexPeople(k, users);
    await k.insertInto('communities').values({ id, slug, name: slug, type: 'interest', sharedNeed: '', valuePromise: '', norms: '', entryCriteria: '', capacity: null, publicTeaser: 1, teaser: '', createdBy: people[0]!, createdAt: iso(0), updatedAt: iso(0) }).execute();
    const role = (i: number) => (i === 0 ? 'owner' : i < 3 ? 'admin' : i < 10 ? 'core' : 'member');
    const state = (i: number) => (i % 17 === 5 ? 'removed' : i % 13 === 4 ? 'applicant' : 'member');
    await k.insertInto('memberships').values(people.map((u, i) => ({ id: newId(), communityId: id, userId: u, state: state(i), role: role(i), createdAt: iso(i * 10), joinedAt: state(i) === 'applicant' ? null : iso(i * 10 + 1), endedAt: null, endReason: null, updatedAt: iso(i * 10) }))).execute();
    for (let i = 1; i < people.length; i += 100) {
      await k.insertInto('applications').values(people.slice(i, i + 100).map((u, j) => {
        const n = i + j;
        return { id: newId(), communityId: id, userId: u, state: n % 4 ? 'approved' : 'pending', answers: '{}', inviteId: null, referrerId: n % 3 ? people[n % 20]! : null, channel: n % 3 ? 'referral' : 'salon', vouched: 0, ruleId: null, reason: null, decidedBy: null, decidedAt: null, approvedAt: null, joinedAt: n % 4 ? iso(n * 10 + 1) : null, createdAt: iso(n * 10), updatedAt: iso(n * 10) };
      })).execute();
    }
    await k.insertInto('memberProfiles').values(people.slice(0, 100).map((u, i) => ({ id: newId(), communityId: id, userId: u, normsAcceptedAt: iso(i), intro: '{}', introducedAt: i % 2 ? iso(i * 10 + 5) : null, introDueAt: null, updatedAt: iso(i) }))).execute();
    const kinds = ['content.posted', 'content.replied', 'member.joined', 'content.reacted', 'activity.checked_in', 'member.role_changed'] as const;
    await appendEvents(k, id, Array.from({ length: 3000 }, (_, i) => ({ kind: kinds[i % kinds.length]!, at: iso(i), actorId: people[(i * 7) % 300]!, targetId: i % 5 ? null : people[(i * 3) % 300]! })));
    for (let i = 0; i < 200; i++) await recordDecision(k, id, { action: 'member.warned', decidedBy: people[1]!, subjectId: people[i % 300]!, at: iso(i * 5) });
    for (let i = 0; i < 60; i++) await insertNotice(k, new Date(start + i * 3_600_000), { communityId: id, userId: people[1]!, kind: 'pruning.warned', data: {} });
    if (slug === 'main') main = { ...main, id, people };
  }
  return main;
}
