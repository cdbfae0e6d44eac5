/**
 * Queries of the gate's paid tiers (会员费): tiers, who holds which and until
 * when, payments. Every function takes the communityId.
 */
import type { Q } from '../../kernel/db/tx.js';
import type { MemberTiersTable, PaymentsTable, TiersTable } from './tables.js';

export type TierRow = TiersTable;
export type MemberTierRow = MemberTiersTable;

export async function insertTier(db: Q, row: TierRow): Promise<void> {
  await db.insertInto('tiers').values(row).execute();
}

export function findTier(db: Q, communityId: string, id: string): Promise<TierRow | undefined> {
  return db.selectFrom('tiers').selectAll().where('communityId', '=', communityId).where('id', '=', id).executeTakeFirst();
}

export function listTiers(db: Q, communityId: string): Promise<TierRow[]> {
  return db.selectFrom('tiers').selectAll().where('communityId', '=', communityId).where('archivedAt', 'is', null).orderBy('createdAt').execute();
}

/** Does the community have any tier at all (archived ones included)? */
export async function hasTiers(db: Q, communityId: string): Promise<boolean> {
  return (await db.selectFrom('tiers').select('id').where('communityId', '=', communityId).limit(1).executeTakeFirst()) !== undefined;
}

/** Each paying member with their name. */
export function listMemberTiers(db: Q, communityId: string) {
  return db
    .selectFrom('memberTiers as t')
    .innerJoin('users as u', 'u.id', 't.userId')
    .select(['t.userId', 'u.displayName', 't.tierId', 't.paidThrough'])
    .where('t.communityId', '=', communityId)
    .execute();
}

export function findMemberTier(db: Q, communityId: string, userId: string): Promise<MemberTierRow | undefined> {
  return db.selectFrom('memberTiers').selectAll().where('communityId', '=', communityId).where('userId', '=', userId).executeTakeFirst();
}

export async function insertMemberTier(db: Q, row: MemberTierRow): Promise<void> {
  await db.insertInto('memberTiers').values(row).execute();
}

export async function updateMemberTier(db: Q, communityId: string, id: string, patch: Partial<Pick<MemberTierRow, 'tierId' | 'paidThrough' | 'remindersSent' | 'updatedAt'>>): Promise<void> {
  await db.updateTable('memberTiers').set(patch).where('communityId', '=', communityId).where('id', '=', id).execute();
}

/** Paid periods of a community (those with an end date): the renewal reminders' input. */
export function paidPeriods(db: Q, communityId: string): Promise<MemberTierRow[]> {
  return db.selectFrom('memberTiers').selectAll().where('communityId', '=', communityId).where('paidThrough', 'is not', null).execute();
}

/** Each member's paid-through date (null: holds a tier, never paid). */
export async function paidThrough(db: Q, communityId: string): Promise<Map<string, string | null>> {
  const rows = await db.selectFrom('memberTiers').select(['userId', 'paidThrough']).where('communityId', '=', communityId).execute();
  return new Map(rows.map((r) => [r.userId, r.paidThrough]));
}

/** Active members whose paid period has ended by `now`. */
export async function lapsed(db: Q, communityId: string, now: string): Promise<{ userId: string; paidThrough: string }[]> {
  const rows = await db
    .selectFrom('memberTiers as t')
    .innerJoin('memberships as m', (j) => j.onRef('m.userId', '=', 't.userId').onRef('m.communityId', '=', 't.communityId'))
    .select(['t.userId', 't.paidThrough'])
    .where('t.communityId', '=', communityId)
    .where('m.state', '=', 'member')
    .where('t.paidThrough', '<=', now)
    .execute();
  return rows.map((r) => ({ userId: r.userId, paidThrough: r.paidThrough! }));
}

/** Communities where someone holds a paid tier (the reminder job visits these). */
export async function communitiesWithPaidTiers(db: Q): Promise<string[]> {
  const rows = await db.selectFrom('memberTiers').select('communityId').distinct().execute();
  return rows.map((r) => r.communityId);
}

export async function insertPayment(db: Q, row: PaymentsTable): Promise<void> {
  await db.insertInto('payments').values(row).execute();
}
