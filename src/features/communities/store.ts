/**
 * Queries of the communities feature, nothing else: no policy, no events.
 * Every query on a community-owned row takes the communityId, so no query can
 * read or write another community's rows by accident (tenancy is explicit).
 */
import { sql, type Kysely } from 'kysely';
import { runCompiled } from '../../kernel/db/compiled.js';
import type { Database } from '../../kernel/db/schema.js';
import { forUpdate } from '../../kernel/db/tx.js';
import type { EventKind } from '../../kernel/activity/taxonomy.js';
import type { MembershipState, Role } from './rules.js';
import type { CommunitiesTable, MembershipsTable } from './tables.js';

type Q = Kysely<Database>;
export type CommunityRow = CommunitiesTable;
export type MembershipRow = MembershipsTable;

/** Lock the row for the rest of the transaction (FOR UPDATE where the engine has row locks). */
export interface LockOption {
  lock?: boolean;
}

// ── communities ──────────────────────────────────────────────────────────────

export async function insertCommunity(db: Q, row: CommunityRow): Promise<void> {
  await db.insertInto('communities').values(row).execute();
}

export function findCommunityBySlug(db: Q, slug: string, { lock }: LockOption = {}): Promise<CommunityRow | undefined> {
  return forUpdate(db, db.selectFrom('communities').selectAll().where('slug', '=', slug), lock === true).executeTakeFirst();
}

export function findCommunityById(db: Q, communityId: string, { lock }: LockOption = {}): Promise<CommunityRow | undefined> {
  return forUpdate(db, db.selectFrom('communities').selectAll().where('id', '=', communityId), lock === true).executeTakeFirst();
}

export async function updateCommunity(db: Q, communityId: string, patch: Partial<Omit<CommunityRow, 'id' | 'createdBy' | 'createdAt'>>): Promise<void> {
  await db.updateTable('communities').set(patch).where('id', '=', communityId).execute();
}

export async function deleteCommunity(db: Q, communityId: string): Promise<void> {
  await db.deleteFrom('communities').where('id', '=', communityId).execute();
}

export async function anyCommunity(db: Q): Promise<Pick<CommunityRow, 'slug' | 'name'> | undefined> {
  return db.selectFrom('communities').select(['slug', 'name']).orderBy('createdAt', 'asc').limit(1).executeTakeFirst();
}

/** The communities a user belongs to or has applied to (a user-owned query, not a community's). */
export function listUserCommunities(db: Q, userId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('communities', 'communities.id', 'memberships.communityId')
    .selectAll('communities')
    .select(['memberships.state as viewerState', 'memberships.role as viewerRole'])
    .where('memberships.userId', '=', userId)
    .where('memberships.state', 'in', ['member', 'applicant'])
    .orderBy('communities.name', 'asc')
    .execute();
}

// ── memberships ──────────────────────────────────────────────────────────────

export function findMembership(db: Q, communityId: string, userId: string, { lock }: LockOption = {}): Promise<MembershipRow | undefined> {
  return forUpdate(db, db.selectFrom('memberships').selectAll().where('communityId', '=', communityId).where('userId', '=', userId), lock === true).executeTakeFirst();
}

export async function insertMembership(db: Q, row: MembershipRow): Promise<void> {
  await db.insertInto('memberships').values(row).execute();
}

export async function insertMemberships(db: Q, rows: MembershipRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) await db.insertInto('memberships').values(rows.slice(i, i + 200)).execute();
}

export async function updateMembership(
  db: Q,
  communityId: string,
  userId: string,
  patch: Partial<Pick<MembershipRow, 'state' | 'role' | 'joinedAt' | 'endedAt' | 'endReason' | 'updatedAt'>>,
): Promise<void> {
  await db.updateTable('memberships').set(patch).where('communityId', '=', communityId).where('userId', '=', userId).execute();
}

export interface MemberCounts {
  members: number;
  core: number;
  joinedSince: number;
}

/**
 * Active members, how many of them hold core or operator roles, and how many
 * joined since `since`: three counts, each a range of one index
 * (memberships_community_state, memberships_list, memberships_joined).
 */
export async function countMembers(db: Q, communityId: string, since: string): Promise<MemberCounts> {
  const active = () => db.selectFrom('memberships').select((eb) => eb.fn.countAll<number>().as('n')).where('communityId', '=', communityId).where('state', '=', 'member');
  const [members, core, joined] = await Promise.all([
    active().executeTakeFirstOrThrow(),
    active().where(roleRank, '<', 3).executeTakeFirstOrThrow(),
    active().where('joinedAt', '>=', since).executeTakeFirstOrThrow(),
  ]);
  return { members: Number(members.n), core: Number(core.n), joinedSince: Number(joined.n) };
}

export async function countActiveMembers(db: Q, communityId: string): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('communityId', '=', communityId)
    .where('state', '=', 'member')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** People in one state (or any) and role (or any): a range count of memberships_community_state. */
export async function countMembersIn(db: Q, communityId: string, q: { state?: MembershipState; role?: Role }): Promise<number> {
  let query = db.selectFrom('memberships').select((eb) => eb.fn.countAll<number>().as('n')).where('communityId', '=', communityId);
  if (q.state) query = query.where('state', '=', q.state);
  if (q.role) query = query.where('role', '=', q.role);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

/** Active members of several communities at once (the "my communities" list). */
export async function countActiveMembersOf(db: Q, communityIds: string[]): Promise<Map<string, number>> {
  if (communityIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('memberships')
    .select((eb) => ['communityId', eb.fn.countAll<number>().as('n')])
    .where('communityId', 'in', communityIds)
    .where('state', '=', 'member')
    .groupBy('communityId')
    .execute();
  return new Map(rows.map((r) => [r.communityId, Number(r.n)]));
}

/** Generated columns (migration 0006): the list's order, kept right by the database on every write. */
const roleRank = sql<number>`memberships.role_rank`;
const sortAt = sql<string>`memberships.sort_at`;

/** The member list's sort key: strongest role first, then who joined (or applied) first. */
export type MemberKey = [rank: number, sortAt: string, userId: string];

export interface MemberQuery {
  state?: MembershipState;
  role?: Role;
  /** Only these people (a search's hits); the caller bounds the list. */
  userIds?: string[];
  limit: number;
  /** Rows after this key. */
  after?: MemberKey;
}

const memberColumns = [
  'memberships.userId',
  'users.displayName',
  'users.email',
  'memberships.role',
  'memberships.state',
  'memberships.joinedAt',
] as const;

/**
 * One page of members in list order, walking memberships_list (one state) or
 * memberships_list_all (every state) from the cursor; `limit + 1` rows so the
 * caller learns whether a next page exists without counting.
 */
export async function listMembers(db: Q, communityId: string, query: MemberQuery) {
  let q = db.selectFrom('memberships').innerJoin('users', 'users.id', 'memberships.userId').where('memberships.communityId', '=', communityId);
  if (query.state) q = q.where('memberships.state', '=', query.state);
  if (query.role) q = q.where('memberships.role', '=', query.role);
  if (query.userIds) q = q.where('memberships.userId', 'in', query.userIds.length ? query.userIds : ['']);
  if (query.after) {
    const [rank, at, userId] = query.after;
    q = q.where((eb) => eb(eb.refTuple(roleRank, sortAt, 'memberships.userId'), '>', eb.tuple(rank, at, userId)));
  }
  // The sort key is rebuilt from plain columns: reading SQLite's virtual generated columns costs more than the page.
  const rows = await q
    .select(memberColumns)
    .select('memberships.createdAt')
    .orderBy(roleRank)
    .orderBy(sortAt)
    .orderBy('memberships.userId')
    .limit(query.limit + 1)
    .execute();
  return rows.map((r) => ({ ...r, rank: roleRankOf(r.role), sortAt: r.joinedAt ?? r.createdAt }));
}

/** The value of the generated column `role_rank` (migration 0006), for a cursor. */
function roleRankOf(role: string): number {
  return role === 'owner' ? 0 : role === 'admin' ? 1 : role === 'core' ? 2 : 3;
}

export function findMember(db: Q, communityId: string, userId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.userId')
    .select(memberColumns)
    .where('memberships.communityId', '=', communityId)
    .where('memberships.userId', '=', userId)
    .executeTakeFirst();
}

/** Active owners, admins and core members, strongest role first, the first `limit` of them (memberships_list). */
export function listCore(db: Q, communityId: string, limit = 30) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.userId')
    .select(['memberships.userId', 'users.displayName', 'memberships.role'])
    .where('memberships.communityId', '=', communityId)
    .where('memberships.state', '=', 'member')
    .where(roleRank, '<', 3)
    .orderBy(roleRank)
    .orderBy(sortAt)
    .orderBy('memberships.userId')
    .limit(limit)
    .execute();
}

// ── activity log (read side with names; writes go through kernel/activity/log.ts) ──

export interface ActivityQuery {
  kinds?: readonly EventKind[];
  limit: number;
  /** Only events before this one in log order (at, then id). */
  before?: ActivityKey;
}

/** The log's order: when it happened, ties (same instant) by append order. */
export type ActivityKey = [at: string, id: number];

/**
 * One page of the log, newest first, with the actor's and target's names;
 * `limit + 1` rows so the caller knows whether there is more. It walks
 * activity_community_at_id backwards from the cursor, keeping the kinds asked
 * for; one kind walks that kind's own range (activity_community_kind_at_id)
 * instead, so a rare kind does not mean reading the whole log. (Several kinds
 * — the member home's feed — are most of a living community's events, so the
 * walk reads little more than the page; one range per kind merged was measured
 * ten times slower on SQLite.) Names come in a second statement for the page's
 * people only. The statement is compiled once per shape (kernel/db/compiled.ts).
 */
export async function listActivity(db: Q, communityId: string, query: ActivityQuery) {
  const kinds = query.kinds?.length ? [...new Set(query.kinds)] : [];
  const before = query.before;
  const args = [communityId, query.limit + 1, before?.[0], before?.[1], ...kinds];
  const shape = `activity:${kinds.length}:${before ? 'before' : 'first'}`;
  const events = await runCompiled(db, shape, args, ([cid, n, at, id, ...ks]) => {
    let q = db
      .selectFrom('activityEvents')
      .select(['id', 'kind', 'at', 'actorId', 'targetId', 'objectType', 'objectId', 'data'])
      .where('communityId', '=', cid as string);
    if (ks.length === 1) q = q.where('kind', '=', ks[0] as EventKind);
    else if (ks.length) q = q.where('kind', 'in', ks as EventKind[]);
    if (before) q = q.where((eb) => eb(eb.refTuple('at', 'id'), '<', eb.tuple(at as string, id as number)));
    return q.orderBy('at', 'desc').orderBy('id', 'desc').limit(n as number);
  });
  const people = [...new Set(events.flatMap((e) => [e.actorId, e.targetId]).filter((x): x is string => !!x))];
  const names = new Map(
    people.length ? (await db.selectFrom('users').select(['id', 'displayName']).where('id', 'in', people).execute()).map((u) => [u.id, u.displayName]) : [],
  );
  return events.map((e) => ({
    ...e,
    actorName: e.actorId ? (names.get(e.actorId) ?? null) : null,
    targetName: e.targetId ? (names.get(e.targetId) ?? null) : null,
  }));
}
