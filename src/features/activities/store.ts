/**
 * Queries of activities: challenges, their members, check-ins and the
 * responses to them. Every query is keyed by the community.
 */
import type { Insertable, Selectable } from 'kysely';
import { forUpdate, type Q } from '../../kernel/db/tx.js';
import type { ChallengeMembersTable, ChallengesTable, CheckinResponsesTable, CheckinsTable } from './tables.js';

export type ChallengeRow = Selectable<ChallengesTable>;
export type ChallengeMemberRow = Selectable<ChallengeMembersTable>;
export type CheckinRow = Selectable<CheckinsTable>;
export type ResponseRow = Selectable<CheckinResponsesTable>;

export async function insertChallenge(db: Q, row: Insertable<ChallengesTable>): Promise<void> {
  await db.insertInto('challenges').values(row).execute();
}

export function findChallenge(db: Q, communityId: string, id: string): Promise<ChallengeRow | undefined> {
  return db.selectFrom('challenges').selectAll().where('communityId', '=', communityId).where('id', '=', id).executeTakeFirst();
}

export function listChallenges(db: Q, communityId: string): Promise<(ChallengeRow & { members: number })[]> {
  return db
    .selectFrom('challenges')
    .selectAll('challenges')
    .select((eb) => eb.selectFrom('challengeMembers').whereRef('challengeMembers.challengeId', '=', 'challenges.id').select(eb.fn.countAll<number>().as('n')).as('members'))
    .where('communityId', '=', communityId)
    .orderBy('createdAt', 'desc')
    .execute() as Promise<(ChallengeRow & { members: number })[]>;
}

export function joinedChallenges(db: Q, communityId: string, userId: string): Promise<string[]> {
  return db
    .selectFrom('challengeMembers')
    .select('challengeId')
    .where('communityId', '=', communityId)
    .where('userId', '=', userId)
    .execute()
    .then((rows) => rows.map((r) => r.challengeId));
}

/** A member's place in a challenge; `lock` serializes that member's check-ins (PostgreSQL). */
export function findChallengeMember(db: Q, communityId: string, challengeId: string, userId: string, { lock = false } = {}): Promise<ChallengeMemberRow | undefined> {
  const q = db.selectFrom('challengeMembers').selectAll().where('communityId', '=', communityId).where('challengeId', '=', challengeId).where('userId', '=', userId);
  return forUpdate(db, q, lock).executeTakeFirst();
}

/** Joins unless already in: a second join changes nothing. True when this call joined. */
export async function insertChallengeMember(db: Q, row: Insertable<ChallengeMembersTable>): Promise<boolean> {
  const r = await db
    .insertInto('challengeMembers')
    .values(row)
    .onConflict((oc) => oc.columns(['challengeId', 'userId']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export function challengeMembers(db: Q, communityId: string, challengeId: string): Promise<ChallengeMemberRow[]> {
  return db.selectFrom('challengeMembers').selectAll().where('communityId', '=', communityId).where('challengeId', '=', challengeId).execute();
}

export async function useMakeupCard(db: Q, communityId: string, challengeId: string, userId: string): Promise<void> {
  await db
    .updateTable('challengeMembers')
    .set((eb) => ({ makeupsUsed: eb('makeupsUsed', '+', 1) }))
    .where('communityId', '=', communityId)
    .where('challengeId', '=', challengeId)
    .where('userId', '=', userId)
    .execute();
}

export function findCheckin(db: Q, communityId: string, challengeId: string, userId: string, periodKey: string): Promise<CheckinRow | undefined> {
  return db
    .selectFrom('checkins')
    .selectAll()
    .where('communityId', '=', communityId)
    .where('challengeId', '=', challengeId)
    .where('userId', '=', userId)
    .where('periodKey', '=', periodKey)
    .executeTakeFirst();
}

export function findCheckinById(db: Q, communityId: string, challengeId: string, id: string): Promise<CheckinRow | undefined> {
  return db.selectFrom('checkins').selectAll().where('communityId', '=', communityId).where('challengeId', '=', challengeId).where('id', '=', id).executeTakeFirst();
}

export async function insertCheckin(db: Q, row: Insertable<CheckinsTable>): Promise<void> {
  await db.insertInto('checkins').values(row).execute();
}

export async function updateCheckin(db: Q, communityId: string, id: string, patch: { text: string; value: number | null; updatedAt: string }): Promise<void> {
  await db.updateTable('checkins').set(patch).where('communityId', '=', communityId).where('id', '=', id).execute();
}

/** Every check-in of a challenge (period and who), for streaks and the leaderboard. */
export function checkinMarks(db: Q, communityId: string, challengeId: string, userId?: string): Promise<Pick<CheckinRow, 'userId' | 'periodKey' | 'madeUp'>[]> {
  let q = db.selectFrom('checkins').select(['userId', 'periodKey', 'madeUp']).where('communityId', '=', communityId).where('challengeId', '=', challengeId);
  if (userId) q = q.where('userId', '=', userId);
  return q.execute();
}

export function recentCheckins(db: Q, communityId: string, challengeId: string, limit: number): Promise<CheckinRow[]> {
  return db
    .selectFrom('checkins')
    .selectAll()
    .where('communityId', '=', communityId)
    .where('challengeId', '=', challengeId)
    .orderBy('updatedAt', 'desc')
    .limit(limit)
    .execute();
}

export async function insertResponse(db: Q, row: Insertable<CheckinResponsesTable>): Promise<void> {
  await db.insertInto('checkinResponses').values(row).execute();
}

export function findReaction(db: Q, communityId: string, checkinId: string, userId: string, text: string): Promise<ResponseRow | undefined> {
  return db
    .selectFrom('checkinResponses')
    .selectAll()
    .where('communityId', '=', communityId)
    .where('checkinId', '=', checkinId)
    .where('userId', '=', userId)
    .where('kind', '=', 'reaction')
    .where('text', '=', text)
    .executeTakeFirst();
}

export function responsesTo(db: Q, communityId: string, checkinIds: string[]): Promise<ResponseRow[]> {
  if (!checkinIds.length) return Promise.resolve([]);
  return db.selectFrom('checkinResponses').selectAll().where('communityId', '=', communityId).where('checkinId', 'in', checkinIds).orderBy('createdAt', 'asc').execute();
}
