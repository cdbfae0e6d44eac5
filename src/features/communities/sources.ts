/**
 * Activity sources (which chats cover which periods of a community): the use
 * case an importer or a carrier connection calls when it brings a chat's
 * activity in, and the read model pruning and the console read. Shequn itself
 * is always a source, from the day the community was created.
 */
import type { AppContext } from '../../kernel/context.js';
import { recordDecision } from '../../kernel/audit.js';
import { inTransaction, type Q } from '../../kernel/db/tx.js';
import { Invalid } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import type { ActivitySource } from './coverage.js';
import { openCommunity } from './opening.js';
import { findCommunityById } from './store.js';
import type { ActivitySourcesTable } from './tables.js';

export interface SourceInput {
  kind: 'import' | 'connection';
  carrier: string;
  /** The chat's stable name at the carrier; importing the same chat again widens its span. */
  sourceKey: string;
  label: string;
  from: string;
  /** Required for an import (the export's last message); null for a live connection. */
  to: string | null;
}

/**
 * Records that `input` covers a span of the community's activity. `by` is the
 * admin who imported or connected it (null for the system: the CLI, a carrier
 * job), who must be able to open the console.
 */
export async function recordActivitySource(ctx: AppContext, communityId: string, by: string | null, input: SourceInput, trx?: Q): Promise<ActivitySource> {
  const span = checkSpan(input);
  const at = ctx.clock.now().toISOString();
  return inTransaction(trx ?? ctx.db, async (q) => {
    if (by) await openCommunity(q, { id: communityId }, by, 'console.open');
    else await openCommunity(q, { id: communityId }, null, 'anyone');
    const existing = await q
      .selectFrom('activitySources')
      .selectAll()
      .where('communityId', '=', communityId)
      .where('kind', '=', input.kind)
      .where('carrier', '=', input.carrier)
      .where('sourceKey', '=', input.sourceKey)
      .executeTakeFirst();
    const row: ActivitySourcesTable = {
      id: existing?.id ?? newId(ctx.clock.now().getTime()),
      communityId,
      kind: input.kind,
      carrier: input.carrier,
      sourceKey: input.sourceKey,
      label: input.label,
      coversFrom: existing && existing.coversFrom < span.from ? existing.coversFrom : span.from,
      coversTo: input.kind === 'connection' || !existing ? span.to : later(existing.coversTo!, span.to!),
      recordedBy: by,
      updatedAt: at,
    };
    if (existing) await q.updateTable('activitySources').set(row).where('id', '=', row.id).where('communityId', '=', communityId).execute();
    else await q.insertInto('activitySources').values(row).execute();
    await recordDecision(q, communityId, { action: 'activity_source.recorded', decidedBy: by, data: { kind: row.kind, carrier: row.carrier, label: row.label, from: row.coversFrom, to: row.coversTo }, at });
    return toSource(row);
  });
}

/** Every source of a community, Shequn itself first, then the chats by the start of their span. */
export async function activitySources(db: Q, communityId: string): Promise<ActivitySource[]> {
  const community = await findCommunityById(db, communityId);
  if (!community) return [];
  const rows = await db.selectFrom('activitySources').selectAll().where('communityId', '=', communityId).orderBy('coversFrom').orderBy('id').execute();
  return [{ kind: 'shequn', carrier: 'shequn', label: 'Shequn', from: community.createdAt, to: null }, ...rows.map(toSource)];
}

function checkSpan(input: SourceInput): { from: string; to: string | null } {
  if (!input.carrier.trim()) throw Invalid('carrier', 'name the chat platform');
  if (!input.sourceKey.trim()) throw Invalid('sourceKey', 'name the chat');
  if (!input.label.trim()) throw Invalid('label', 'give the chat a name people recognise');
  const from = isoOrNull(input.from);
  if (!from) throw Invalid('from', 'must be a date and time (ISO 8601)');
  if (input.kind === 'import' && input.to === null) throw Invalid('to', 'an import ends at its last message');
  const to = input.to === null ? null : isoOrNull(input.to);
  if (input.to !== null && !to) throw Invalid('to', 'must be a date and time (ISO 8601)');
  if (to !== null && to < from) throw Invalid('to', 'must not be before from');
  return { from, to };
}

function isoOrNull(s: string): string | null {
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/** Two imports of one chat cover up to the later end; a connection's end is its latest word (null while live). */
const later = (a: string, b: string) => (a > b ? a : b);

function toSource(r: ActivitySourcesTable): ActivitySource {
  return { kind: r.kind, carrier: r.carrier, label: r.label, from: r.coversFrom, to: r.coversTo };
}
