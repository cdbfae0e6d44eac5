/**
 * The audit trail: every decision about a person — by a rule or by an operator —
 * with who, what, which rule, why and when. Written in the same transaction as
 * the decision; admins read and export it.
 */
import type { Kysely } from 'kysely';
import type { Database } from './db/schema.js';
import { newId } from './ids.js';

export interface AuditDecision {
  action: string;
  /** The operator who decided; null when a rule decided on its own. */
  decidedBy: string | null;
  subjectId?: string | null;
  rule?: string | null;
  reason?: string | null;
  data?: Record<string, unknown>;
  at: string;
}

export interface AuditEntry extends AuditDecision {
  id: string;
  communityId: string;
  automatic: boolean;
}

export async function recordDecision(trx: Kysely<Database>, communityId: string, d: AuditDecision): Promise<string> {
  const id = newId(new Date(d.at).getTime());
  await trx
    .insertInto('auditEntries')
    .values({
      id,
      communityId,
      decidedBy: d.decidedBy,
      automatic: d.decidedBy ? 0 : 1,
      action: d.action,
      subjectId: d.subjectId ?? null,
      rule: d.rule ?? null,
      reason: d.reason ?? null,
      data: d.data ? JSON.stringify(d.data) : null,
      at: d.at,
    })
    .execute();
  return id;
}

/** The trail's order, newest first: when, then id. */
export type AuditKey = [at: string, id: string];

export async function listDecisions(
  db: Kysely<Database>,
  communityId: string,
  q: { subjectId?: string; action?: string; before?: string; after?: AuditKey; limit?: number } = {},
): Promise<AuditEntry[]> {
  let query = db.selectFrom('auditEntries').selectAll().where('communityId', '=', communityId);
  if (q.subjectId) query = query.where('subjectId', '=', q.subjectId);
  if (q.action) query = query.where('action', '=', q.action);
  if (q.before) query = query.where('at', '<', q.before);
  // Newest first: a page continues below the last entry shown (audit_community_at_id, audit_subject_at_id).
  if (q.after) query = query.where((eb) => eb(eb.refTuple('at', 'id'), '<', eb.tuple(q.after![0], q.after![1])));
  const rows = await query.orderBy('at', 'desc').orderBy('id', 'desc').limit(q.limit ?? 200).execute();
  return rows.map((r) => ({
    id: r.id,
    communityId: r.communityId,
    decidedBy: r.decidedBy,
    automatic: r.automatic === 1,
    action: r.action,
    subjectId: r.subjectId,
    rule: r.rule,
    reason: r.reason,
    data: r.data ? JSON.parse(r.data) : undefined,
    at: r.at,
  }));
}
