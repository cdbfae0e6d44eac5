/**
 * Queries of the gate feature only: no policy, no events. Every function on a
 * community-owned row takes the communityId (tenancy is explicit).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../kernel/db/schema.js';
import type { ApplicationState, ApplicationsTable, GateConfigsTable, InvitesTable, TiersTable } from './tables.js';

type Q = Kysely<Database>;
export type ApplicationRow = ApplicationsTable;
export type InviteRow = InvitesTable;
export type TierRow = TiersTable;

// ── config ───────────────────────────────────────────────────────────────────

export function findConfig(db: Q, communityId: string): Promise<GateConfigsTable | undefined> {
  return db.selectFrom('gateConfigs').selectAll().where('communityId', '=', communityId).executeTakeFirst();
}

export async function saveConfig(db: Q, row: GateConfigsTable): Promise<void> {
  const { communityId, ...rest } = row;
  const done = await db.updateTable('gateConfigs').set(rest).where('communityId', '=', communityId).executeTakeFirst();
  if (Number(done.numUpdatedRows) === 0) await db.insertInto('gateConfigs').values(row).execute();
}

// ── applications ─────────────────────────────────────────────────────────────

export async function insertApplication(db: Q, row: ApplicationRow): Promise<void> {
  await db.insertInto('applications').values(row).execute();
}

export function findApplication(db: Q, communityId: string, id: string): Promise<ApplicationRow | undefined> {
  return db.selectFrom('applications').selectAll().where('communityId', '=', communityId).where('id', '=', id).executeTakeFirst();
}

/** The person's newest application here. */
export function latestApplication(db: Q, communityId: string, userId: string): Promise<ApplicationRow | undefined> {
  return db
    .selectFrom('applications')
    .selectAll()
    .where('communityId', '=', communityId)
    .where('userId', '=', userId)
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/**
 * Moves an application out of `from` only if it is still there: of two
 * reviewers deciding at once, exactly one sees a row updated.
 */
export async function moveApplication(db: Q, communityId: string, id: string, from: ApplicationState, patch: Partial<ApplicationRow>): Promise<boolean> {
  const r = await db.updateTable('applications').set(patch).where('communityId', '=', communityId).where('id', '=', id).where('state', '=', from).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The queue's order, oldest first: when they applied, then id. */
export type QueueKey = [createdAt: string, id: string];

export interface QueueQuery {
  state: ApplicationState;
  limit: number;
  /** Rows after this key (applications_queue_keyset). */
  after?: QueueKey;
}

/**
 * One page of applications in a state, with the applicant's and referrer's
 * names and the invite's name, and — on the first page only — how many there are.
 * Reads `limit + 1` rows so the caller knows whether there is more.
 */
export async function listApplications(db: Q, communityId: string, q: QueueQuery) {
  const base = db.selectFrom('applications as a').where('a.communityId', '=', communityId).where('a.state', '=', q.state);
  const after = q.after;
  const rows = await (after ? base.where((eb) => eb(eb.refTuple('a.createdAt', 'a.id'), '>', eb.tuple(after[0], after[1]))) : base)
    .innerJoin('users as u', 'u.id', 'a.userId')
    .leftJoin('users as r', 'r.id', 'a.referrerId')
    .leftJoin('invites as i', 'i.id', 'a.inviteId')
    .selectAll('a')
    .select(['u.displayName as applicantName', 'u.email as applicantEmail', 'r.displayName as referrerName', 'i.name as inviteName'])
    .orderBy('a.createdAt', 'asc')
    .orderBy('a.id', 'asc')
    .limit(q.limit + 1)
    .execute();
  if (after) return { rows, total: null };
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(total.n) };
}

/** Past applications for a rule preview, newest first. */
export function recentApplications(db: Q, communityId: string, limit: number): Promise<ApplicationRow[]> {
  return db.selectFrom('applications').selectAll().where('communityId', '=', communityId).orderBy('createdAt', 'desc').limit(limit).execute();
}

/** Communities where someone waits for a place (the waitlist job visits these). */
export async function communitiesWithWaitlist(db: Q): Promise<string[]> {
  const rows = await db.selectFrom('applications').select('communityId').distinct().where('state', '=', 'waitlisted').execute();
  return rows.map((r) => r.communityId);
}

export function waitlisted(db: Q, communityId: string): Promise<ApplicationRow[]> {
  return db.selectFrom('applications').selectAll().where('communityId', '=', communityId).where('state', '=', 'waitlisted').execute();
}

/** How many applications reached each stage (the funnel's first steps). */
export async function countApplications(db: Q, communityId: string): Promise<Partial<Record<ApplicationState, number>>> {
  const rows = await db
    .selectFrom('applications')
    .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
    .where('communityId', '=', communityId)
    .groupBy('state')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
}

// ── invites ──────────────────────────────────────────────────────────────────

export async function insertInvite(db: Q, row: InviteRow): Promise<void> {
  await db.insertInto('invites').values(row).execute();
}

export function findInviteByHash(db: Q, communityId: string, codeHash: string): Promise<InviteRow | undefined> {
  return db.selectFrom('invites').selectAll().where('communityId', '=', communityId).where('codeHash', '=', codeHash).executeTakeFirst();
}

export function findInvite(db: Q, communityId: string, id: string): Promise<InviteRow | undefined> {
  return db.selectFrom('invites').selectAll().where('communityId', '=', communityId).where('id', '=', id).executeTakeFirst();
}

/** Takes one use if any is left; false when another redemption took the last. */
export async function takeInviteUse(db: Q, communityId: string, id: string): Promise<boolean> {
  const r = await db
    .updateTable('invites')
    .set((eb) => ({ uses: eb('uses', '+', 1) }))
    .where('communityId', '=', communityId)
    .where('id', '=', id)
    .where((eb) => eb.or([eb('maxUses', 'is', null), eb('uses', '<', eb.ref('maxUses'))]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function listInvites(db: Q, communityId: string, q: { ownerId?: string; kind?: InviteRow['kind'] }) {
  let query = db.selectFrom('invites').selectAll().where('communityId', '=', communityId);
  if (q.ownerId) query = query.where('ownerId', '=', q.ownerId);
  if (q.kind) query = query.where('kind', '=', q.kind);
  return query.orderBy('createdAt', 'desc').limit(500).execute();
}

/** Personal invites that count against the quota: all but revoked, never-used ones. */
export async function countQuotaUsed(db: Q, communityId: string, ownerId: string): Promise<number> {
  const r = await db
    .selectFrom('invites')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('communityId', '=', communityId)
    .where('ownerId', '=', ownerId)
    .where('kind', '=', 'personal')
    .where((eb) => eb.or([eb('revokedAt', 'is', null), eb('uses', '>', 0)]))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function revokeInvite(db: Q, communityId: string, id: string, at: string): Promise<void> {
  await db.updateTable('invites').set({ revokedAt: at }).where('communityId', '=', communityId).where('id', '=', id).where('revokedAt', 'is', null).execute();
}

// ── blocklist ────────────────────────────────────────────────────────────────

export async function isBlocked(db: Q, communityId: string, userId: string): Promise<boolean> {
  const r = await db.selectFrom('gateBlocks').select('id').where('communityId', '=', communityId).where('userId', '=', userId).executeTakeFirst();
  return r !== undefined;
}

export async function insertBlock(db: Q, row: Database['gateBlocks']): Promise<void> {
  await db.insertInto('gateBlocks').values(row).execute();
}

export async function deleteBlock(db: Q, communityId: string, userId: string): Promise<boolean> {
  const r = await db.deleteFrom('gateBlocks').where('communityId', '=', communityId).where('userId', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export function listBlocks(db: Q, communityId: string) {
  return db
    .selectFrom('gateBlocks as b')
    .innerJoin('users as u', 'u.id', 'b.userId')
    .select(['b.userId', 'u.displayName', 'b.reason', 'b.createdAt'])
    .where('b.communityId', '=', communityId)
    .orderBy('b.createdAt', 'desc')
    .execute();
}

/**
 * For each of `referrerIds`: how many people they brought in (joined through
 * their link) and how many of those are still members. One grouped query over
 * the referrers' own applications (index applications(community_id, referrer_id)).
 */
export async function referralStays(db: Q, communityId: string, referrerIds: string[]): Promise<Map<string, { brought: number; stayed: number }>> {
  if (!referrerIds.length) return new Map();
  const rows = await db
    .selectFrom('applications as a')
    .leftJoin('memberships as m', (j) => j.onRef('m.communityId', '=', 'a.communityId').onRef('m.userId', '=', 'a.userId'))
    .select((eb) => [
      'a.referrerId',
      eb.fn.countAll<number>().as('brought'),
      eb.fn.sum<number>(eb.case().when('m.state', '=', 'member').then(1).else(0).end()).as('stayed'),
    ])
    .where('a.communityId', '=', communityId)
    .where('a.referrerId', 'in', referrerIds)
    .where('a.joinedAt', 'is not', null)
    .groupBy('a.referrerId')
    .execute();
  return new Map(rows.map((r) => [r.referrerId!, { brought: Number(r.brought), stayed: Number(r.stayed) }]));
}
