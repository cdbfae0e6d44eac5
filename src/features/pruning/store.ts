/**
 * Pruning's queries, nothing else. Every function takes the communityId.
 * Decisions that two admins might race on (resolve a warning, decide a report
 * or an appeal) update conditionally on the current state and return whether
 * this call won.
 */
import { forUpdate, type Q } from '../../kernel/db/tx.js';
import type { Message, MemberBasics, OpenWarning } from './rules.js';
import type { AppealsTable, MemberReportsTable, PruningWarningsTable, WarningState } from './tables.js';

// ── settings ─────────────────────────────────────────────────────────────────

export async function readSettings(db: Q, communityId: string): Promise<unknown | null> {
  const row = await db.selectFrom('pruningSettings').select('settings').where('communityId', '=', communityId).executeTakeFirst();
  return row ? JSON.parse(row.settings) : null;
}

export async function writeSettings(db: Q, communityId: string, settings: unknown, by: string, at: string): Promise<void> {
  const json = JSON.stringify(settings);
  await db
    .insertInto('pruningSettings')
    .values({ communityId, settings: json, updatedBy: by, updatedAt: at })
    .onConflict((oc) => oc.column('communityId').doUpdateSet({ settings: json, updatedBy: by, updatedAt: at }))
    .execute();
}

/** Communities that have switched pruning on at all (the daily sweep visits these). */
export async function communitiesWithSettings(db: Q): Promise<string[]> {
  const rows = await db.selectFrom('pruningSettings').select('communityId').execute();
  return rows.map((r) => r.communityId);
}

// ── facts ────────────────────────────────────────────────────────────────────

export async function activeMembers(db: Q, communityId: string): Promise<MemberBasics[]> {
  const rows = await db
    .selectFrom('memberships')
    .select(['userId', 'role', 'joinedAt', 'createdAt'])
    .where('communityId', '=', communityId)
    .where('state', '=', 'member')
    .orderBy('userId')
    .execute();
  return rows.map((r) => ({ userId: r.userId, role: r.role, joinedAt: r.joinedAt ?? r.createdAt }));
}

export async function upheldReportCounts(db: Q, communityId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('memberReports')
    .select((eb) => ['subjectId', eb.fn.countAll<number>().as('n')])
    .where('communityId', '=', communityId)
    .where('state', '=', 'upheld')
    .groupBy('subjectId')
    .execute();
  return new Map(rows.map((r) => [r.subjectId, Number(r.n)]));
}

// ── warnings ─────────────────────────────────────────────────────────────────

export type WarningRow = PruningWarningsTable;

export async function unresolvedWarnings(db: Q, communityId: string): Promise<OpenWarning[]> {
  const rows = await db
    .selectFrom('pruningWarnings')
    .select(['id', 'userId', 'rule', 'deadline', 'state'])
    .where('communityId', '=', communityId)
    .where('state', 'in', ['open', 'review'])
    .execute();
  return rows.flatMap((r) => (r.state === 'open' || r.state === 'review' ? [{ id: r.id, userId: r.userId, ruleId: r.rule, deadline: r.deadline, state: r.state }] : []));
}

export async function insertWarning(
  db: Q,
  communityId: string,
  w: { id: string; userId: string; rule: string; reason: Message; keep: Message; warnedAt: string; deadline: string },
): Promise<void> {
  await db
    .insertInto('pruningWarnings')
    .values({ ...w, communityId, state: 'open', reason: JSON.stringify(w.reason), keep: JSON.stringify(w.keep), resolvedAt: null, resolvedBy: null })
    .execute();
}

/** Moves a warning from one of `from` to `to`; false when someone else already moved it. */
export async function moveWarning(
  db: Q,
  communityId: string,
  id: string,
  from: WarningState[],
  to: WarningState,
  by: string | null,
  at: string,
): Promise<boolean> {
  const resolved = to === 'open' || to === 'review' ? { resolvedAt: null, resolvedBy: null } : { resolvedAt: at, resolvedBy: by };
  const res = await db
    .updateTable('pruningWarnings')
    .set({ state: to, ...resolved })
    .where('communityId', '=', communityId)
    .where('id', '=', id)
    .where('state', 'in', from)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Every unresolved warning of a member leaves with them (removed, left, kept). */
export async function closeWarningsOf(db: Q, communityId: string, userId: string, to: WarningState, by: string | null, at: string): Promise<void> {
  await db
    .updateTable('pruningWarnings')
    .set({ state: to, resolvedAt: at, resolvedBy: by })
    .where('communityId', '=', communityId)
    .where('userId', '=', userId)
    .where('state', 'in', ['open', 'review'])
    .execute();
}

/** Warnings of people who are no longer members (left, or removed by another path) stop applying. */
export async function closeWarningsOfFormerMembers(db: Q, communityId: string, at: string): Promise<number> {
  const res = await db
    .updateTable('pruningWarnings')
    .set({ state: 'cleared', resolvedAt: at, resolvedBy: null })
    .where('communityId', '=', communityId)
    .where('state', 'in', ['open', 'review'])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('memberships')
            .select('memberships.id')
            .whereRef('memberships.communityId', '=', 'pruningWarnings.communityId')
            .whereRef('memberships.userId', '=', 'pruningWarnings.userId')
            .where('memberships.state', '=', 'member'),
        ),
      ),
    )
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** `lock`: hold the row until commit, so a keep and a removal of one warning cannot both win. */
export function findWarning(db: Q, communityId: string, id: string, { lock = false } = {}): Promise<WarningRow | undefined> {
  return forUpdate(db, db.selectFrom('pruningWarnings').selectAll().where('communityId', '=', communityId).where('id', '=', id), lock).executeTakeFirst();
}

export async function listWarnings(db: Q, communityId: string, q: { states?: WarningState[]; userId?: string; limit?: number; offset?: number }) {
  let query = db
    .selectFrom('pruningWarnings')
    .innerJoin('users', 'users.id', 'pruningWarnings.userId')
    .selectAll('pruningWarnings')
    .select('users.displayName')
    .where('pruningWarnings.communityId', '=', communityId);
  if (q.states?.length) query = query.where('pruningWarnings.state', 'in', q.states);
  if (q.userId) query = query.where('pruningWarnings.userId', '=', q.userId);
  return query.orderBy('pruningWarnings.deadline', 'asc').orderBy('pruningWarnings.id').limit(q.limit ?? 100).offset(q.offset ?? 0).execute();
}

// ── reports ──────────────────────────────────────────────────────────────────

export async function insertReport(db: Q, row: MemberReportsTable): Promise<void> {
  await db.insertInto('memberReports').values(row).execute();
}

export function findOpenReportBy(db: Q, communityId: string, reporterId: string, subjectId: string) {
  return db
    .selectFrom('memberReports')
    .select('id')
    .where('communityId', '=', communityId)
    .where('reporterId', '=', reporterId)
    .where('subjectId', '=', subjectId)
    .where('state', '=', 'open')
    .executeTakeFirst();
}



export async function listReports(db: Q, communityId: string, q: { state?: MemberReportsTable['state']; limit?: number; offset?: number }) {
  let query = db
    .selectFrom('memberReports')
    .innerJoin('users as reporter', 'reporter.id', 'memberReports.reporterId')
    .innerJoin('users as subject', 'subject.id', 'memberReports.subjectId')
    .selectAll('memberReports')
    .select(['reporter.displayName as reporterName', 'subject.displayName as subjectName'])
    .where('memberReports.communityId', '=', communityId);
  if (q.state) query = query.where('memberReports.state', '=', q.state);
  return query.orderBy('memberReports.createdAt', 'desc').orderBy('memberReports.id', 'desc').limit(q.limit ?? 100).offset(q.offset ?? 0).execute();
}

// ── cases: reports and appeals, both decided once by an admin ──────────────────

export interface CaseRows {
  memberReports: MemberReportsTable;
  appeals: AppealsTable;
}
export type CaseTable = keyof CaseRows;
export type CaseOutcome<T extends CaseTable> = Exclude<CaseRows[T]['state'], 'open'>;

/** `lock`: hold the row until commit, so two admins deciding one case meet here. */
export function findCase<T extends CaseTable>(db: Q, table: T, communityId: string, id: string, { lock = false } = {}) {
  const q = (db as Q).selectFrom(table as CaseTable).selectAll().where('communityId', '=', communityId).where('id', '=', id);
  return forUpdate(db, q, lock).executeTakeFirst() as Promise<CaseRows[T] | undefined>;
}

/** Closes an open case; false when someone already decided it. */
export async function closeCase<T extends CaseTable>(db: Q, table: T, communityId: string, id: string, to: CaseOutcome<T>, by: string, at: string, note: string | null): Promise<boolean> {
  const res = await db
    .updateTable(table as CaseTable)
    .set({ state: to as CaseOutcome<CaseTable>, decidedBy: by, decidedAt: at, note })
    .where('communityId', '=', communityId)
    .where('id', '=', id)
    .where('state', '=', 'open')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

// ── appeals ──────────────────────────────────────────────────────────────────

export async function insertAppeal(db: Q, row: AppealsTable): Promise<void> {
  await db.insertInto('appeals').values(row).execute();
}

/** The member's latest appeal (the status page shows it). */
export function latestAppeal(db: Q, communityId: string, userId: string) {
  return db.selectFrom('appeals').selectAll().where('communityId', '=', communityId).where('userId', '=', userId).orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
}



export async function listAppeals(db: Q, communityId: string, q: { state?: AppealsTable['state']; limit?: number; offset?: number }) {
  let query = db
    .selectFrom('appeals')
    .innerJoin('users', 'users.id', 'appeals.userId')
    .selectAll('appeals')
    .select('users.displayName')
    .where('appeals.communityId', '=', communityId);
  if (q.state) query = query.where('appeals.state', '=', q.state);
  return query.orderBy('appeals.createdAt', 'desc').orderBy('appeals.id', 'desc').limit(q.limit ?? 100).offset(q.offset ?? 0).execute();
}
