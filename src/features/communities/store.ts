/**
 * Queries of the communities feature, nothing else: no policy, no events.
 * Every query on a community-owned row takes the communityId, so no query can
 * read or write another community's rows by accident (tenancy is explicit).
 */
import { sql, type Kysely } from 'kysely';
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

/** Active members, how many of them hold core or operator roles, and how many joined since `since`. */
export async function countMembers(db: Q, communityId: string, since: string): Promise<MemberCounts> {
  const row = await db
    .selectFrom('memberships')
    .select((eb) => [
      eb.fn.countAll<number>().as('members'),
      eb.fn.sum<number>(eb.case().when('role', 'in', ['owner', 'admin', 'core']).then(1).else(0).end()).as('core'),
      eb.fn.sum<number>(eb.case().when('joinedAt', '>=', since).then(1).else(0).end()).as('joinedSince'),
    ])
    .where('communityId', '=', communityId)
    .where('state', '=', 'member')
    .executeTakeFirstOrThrow();
  return { members: Number(row.members), core: Number(row.core ?? 0), joinedSince: Number(row.joinedSince ?? 0) };
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

export interface MemberQuery {
  state?: MembershipState;
  role?: Role;
  q?: string;
  limit: number;
  offset: number;
}

const memberColumns = [
  'memberships.userId',
  'users.displayName',
  'users.email',
  'memberships.role',
  'memberships.state',
  'memberships.joinedAt',
] as const;

export async function listMembers(db: Q, communityId: string, query: MemberQuery) {
  let q = db.selectFrom('memberships').innerJoin('users', 'users.id', 'memberships.userId').where('memberships.communityId', '=', communityId);
  if (query.state) q = q.where('memberships.state', '=', query.state);
  if (query.role) q = q.where('memberships.role', '=', query.role);
  if (query.q) {
    const pattern = `%${query.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb(sql`lower(users.display_name)`, 'like', sql`${pattern} escape '\\'`),
        eb(sql`lower(users.email)`, 'like', sql`${pattern} escape '\\'`),
      ]),
    );
  }
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .select(memberColumns)
    .orderBy(sql`case memberships.role when 'owner' then 0 when 'admin' then 1 when 'core' then 2 else 3 end`)
    .orderBy('memberships.joinedAt', 'asc')
    .orderBy('memberships.userId', 'asc')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  return { rows, total: Number(total.n) };
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

/** Active owners, admins and core members, strongest role first. */
export function listCore(db: Q, communityId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.userId')
    .select(['memberships.userId', 'users.displayName', 'memberships.role'])
    .where('memberships.communityId', '=', communityId)
    .where('memberships.state', '=', 'member')
    .where('memberships.role', 'in', ['owner', 'admin', 'core'])
    .orderBy(sql`case memberships.role when 'owner' then 0 when 'admin' then 1 else 2 end`)
    .orderBy('memberships.joinedAt', 'asc')
    .execute();
}

// ── activity log (read side with names; writes go through kernel/activity/log.ts) ──

export interface ActivityQuery {
  kinds?: readonly EventKind[];
  limit: number;
  /** Only events with a smaller id (ids follow append order). */
  before?: number;
}

export async function listActivity(db: Q, communityId: string, query: ActivityQuery) {
  let q = db
    .selectFrom('activityEvents as e')
    .leftJoin('users as a', 'a.id', 'e.actorId')
    .leftJoin('users as t', 't.id', 'e.targetId')
    .select([
      'e.id',
      'e.kind',
      'e.at',
      'e.actorId',
      'a.displayName as actorName',
      'e.targetId',
      't.displayName as targetName',
      'e.objectType',
      'e.objectId',
      'e.data',
    ])
    .where('e.communityId', '=', communityId);
  if (query.kinds?.length) q = q.where('e.kind', 'in', query.kinds);
  if (query.before !== undefined) q = q.where('e.id', '<', query.before);
  return q.orderBy('e.id', 'desc').limit(query.limit).execute();
}
