/**
 * Health's queries: the log read in time order (keyset batches), snapshots,
 * imports and their keys, carrier identities. Every query is keyed by communityId.
 */
import { sql } from 'kysely';
import type { StoredEvent } from '../../kernel/activity/log.js';
import type { Q } from '../../kernel/db/tx.js';
import type { CarrierIdentitiesTable, ChatImportsTable, HealthReportsTable, HealthSnapshotsTable } from './tables.js';

// ── the log, in time order ──────────────────────────────────────────────────

export interface Range {
  from?: string;
  to?: string;
}

/**
 * Every event of a community in `range`, ordered by (at, id), read in keyset
 * batches on the (community_id, at) index so memory stays flat. Imported
 * history arrives after the platform's own events but happened before them:
 * the engine needs time order, not append order.
 */
export async function* eventsInTimeOrder(db: Q, communityId: string, range: Range, batch = 5000): AsyncGenerator<StoredEvent> {
  let after: { at: string; id: number } | null = null;
  for (;;) {
    let q = db.selectFrom('activityEvents').selectAll().where('communityId', '=', communityId);
    if (range.from) q = q.where('at', '>=', range.from);
    if (range.to) q = q.where('at', '<', range.to);
    if (after) {
      const a = after;
      // `at >= last` is the index range; the OR only drops the rows of the last instant already read.
      q = q.where('at', '>=', a.at).where((eb) => eb.or([eb('at', '>', a.at), eb('id', '>', a.id)]));
    }
    const rows = await q.orderBy('at').orderBy('id').limit(batch).execute();
    for (const r of rows) {
      yield {
        id: Number(r.id),
        communityId: r.communityId,
        kind: r.kind,
        at: r.at,
        actorId: r.actorId,
        targetId: r.targetId,
        objectType: r.objectType,
        objectId: r.objectId,
        data: r.data ? JSON.parse(r.data) : null,
      };
    }
    if (rows.length < batch) return;
    const last = rows[rows.length - 1]!;
    after = { at: last.at, id: Number(last.id) };
  }
}

export async function lastEventId(db: Q, communityId: string): Promise<number> {
  // max() over the (community_id, id) index (migration 0006): one lookup on both engines.
  const row = await db.selectFrom('activityEvents').select((eb) => eb.fn.max('id').as('last')).where('communityId', '=', communityId).executeTakeFirst();
  return Number(row?.last ?? 0);
}

// ── snapshots ───────────────────────────────────────────────────────────────

export function findSnapshot(db: Q, communityId: string, rangeKey: string): Promise<HealthSnapshotsTable | undefined> {
  return db.selectFrom('healthSnapshots').selectAll().where('communityId', '=', communityId).where('rangeKey', '=', rangeKey).executeTakeFirst();
}

export async function saveSnapshot(db: Q, row: HealthSnapshotsTable): Promise<void> {
  await db
    .insertInto('healthSnapshots')
    .values(row)
    .onConflict((oc) => oc.columns(['communityId', 'rangeKey']).doUpdateSet({ basis: row.basis, result: row.result, computedAt: row.computedAt }))
    .execute();
}

/** Communities whose health was asked for at least once: the ones the refresh job keeps warm. */
export async function communitiesWithSnapshots(db: Q): Promise<string[]> {
  const rows = await db.selectFrom('healthSnapshots').select('communityId').where('rangeKey', '=', '').execute();
  return rows.map((r) => r.communityId);
}

// ── identities ──────────────────────────────────────────────────────────────

export function listIdentities(db: Q, communityId: string): Promise<CarrierIdentitiesTable[]> {
  return db.selectFrom('carrierIdentities').selectAll().where('communityId', '=', communityId).orderBy('messages', 'desc').orderBy('externalId').execute();
}

/** Linked identities as `ext:<carrier>:<id>` → user id (bounded by the community's chat authors). */
export async function linkedIdentities(db: Q, communityId: string): Promise<CarrierIdentitiesTable[]> {
  return db.selectFrom('carrierIdentities').selectAll().where('communityId', '=', communityId).where('userId', 'is not', null).execute();
}

/** The state of the links (how many, the latest change): part of a snapshot's basis. Undoing a link returns the key it had before it. */
export async function linksKey(db: Q, communityId: string): Promise<string> {
  const row = await db
    .selectFrom('carrierIdentities')
    .select([sql<number>`count(*)`.as('n'), sql<string | null>`max(updated_at)`.as('latest')])
    .where('communityId', '=', communityId)
    .where('userId', 'is not', null)
    .executeTakeFirst();
  return `${Number(row?.n ?? 0)}@${row?.latest ?? ''}`;
}

export function findIdentity(db: Q, communityId: string, carrier: string, externalId: string) {
  return db
    .selectFrom('carrierIdentities')
    .selectAll()
    .where('communityId', '=', communityId)
    .where('carrier', '=', carrier)
    .where('externalId', '=', externalId)
    .executeTakeFirst();
}

/** Adds the authors an import met, or adds to their message counts and names them as last seen. */
export async function upsertIdentity(db: Q, row: CarrierIdentitiesTable): Promise<void> {
  await db
    .insertInto('carrierIdentities')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['communityId', 'carrier', 'externalId']).doUpdateSet((eb) => ({
        displayName: eb.ref('excluded.displayName'),
        messages: sql<number>`carrier_identities.messages + excluded.messages`,
      })),
    )
    .execute();
}

export async function setIdentityLink(db: Q, communityId: string, carrier: string, externalId: string, link: { userId: string | null; outsider: number; updatedAt: string }) {
  await db
    .updateTable('carrierIdentities')
    .set(link)
    .where('communityId', '=', communityId)
    .where('carrier', '=', carrier)
    .where('externalId', '=', externalId)
    .execute();
}

// ── imports ─────────────────────────────────────────────────────────────────

export async function insertImport(db: Q, row: ChatImportsTable): Promise<void> {
  await db.insertInto('chatImports').values(row).execute();
}

export async function updateImport(db: Q, communityId: string, id: string, patch: Partial<Omit<ChatImportsTable, 'id' | 'communityId'>>): Promise<void> {
  await db.updateTable('chatImports').set(patch).where('communityId', '=', communityId).where('id', '=', id).execute();
}

export function findImport(db: Q, communityId: string, id: string) {
  return db.selectFrom('chatImports').selectAll().where('communityId', '=', communityId).where('id', '=', id).executeTakeFirst();
}

export function listImports(db: Q, communityId: string, limit = 20) {
  return db.selectFrom('chatImports').selectAll().where('communityId', '=', communityId).orderBy('createdAt', 'desc').limit(limit).execute();
}

/** Of `keys`, those this community has already imported. */
export async function knownKeys(db: Q, communityId: string, keys: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await db.selectFrom('chatImportKeys').select('key').where('communityId', '=', communityId).where('key', 'in', keys.slice(i, i + 500)).execute();
    for (const r of rows) out.add(r.key);
  }
  return out;
}

export async function insertKeys(db: Q, communityId: string, keys: string[]): Promise<void> {
  for (let i = 0; i < keys.length; i += 500) {
    await db
      .insertInto('chatImportKeys')
      .values(keys.slice(i, i + 500).map((key) => ({ communityId, key })))
      .execute();
  }
}

// ── weekly reports ──────────────────────────────────────────────────────────

export function findReport(db: Q, communityId: string, week: string) {
  return db.selectFrom('healthReports').selectAll().where('communityId', '=', communityId).where('week', '=', week).executeTakeFirst();
}

export function previousReport(db: Q, communityId: string, week: string) {
  return db.selectFrom('healthReports').selectAll().where('communityId', '=', communityId).where('week', '<', week).orderBy('week', 'desc').limit(1).executeTakeFirst();
}

export async function insertReport(db: Q, row: HealthReportsTable): Promise<void> {
  await db.insertInto('healthReports').values(row).execute();
}
