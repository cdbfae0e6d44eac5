/**
 * Pruning use cases, part two: a member's own status, reports (举报) and their
 * queue, appeals (申诉) and the audit trail with its CSV export.
 */
import { Readable } from 'node:stream';
import type { AppContext } from '../../kernel/context.js';
import { listDecisions, recordDecision, type AuditEntry, type AuditKey } from '../../kernel/audit.js';
import { inTransaction, type Q } from '../../kernel/db/tx.js';
import { decodeCursor, pageOf } from '../../kernel/paging.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../../kernel/errors.js';
import { csvHead, csvRows } from '../../kernel/csv.js';
import { newId } from '../../kernel/ids.js';
import { usersById } from '../accounts/index.js';
import { membershipOf, openCommunity, transitionMembership } from '../communities/index.js';
import { notify } from '../members/index.js';
import { appealDeadline, canAppeal } from './rules.js';
import { loadSettings, toWarningView } from './service.js';
import * as store from './store.js';

// ── the member's own status ──────────────────────────────────────────────────

/** What a person sees about themself: warnings (why, deadline, what keeps them) or their removal and appeal. */
export async function myStatus(ctx: AppContext, slug: string, userId: string | null) {
  const db = ctx.db.kysely;
  const { community, membership, me } = await openCommunity(db, { slug }, userId, 'signed-in');
  if (!membership) throw NotFound('membership');
  const warnings = membership.state === 'member' ? await store.listWarnings(db, community.id, { userId: me, states: ['open', 'review'] }) : [];
  let removal = null;
  if (membership.state === 'removed') {
    const settings = await loadSettings(db, community.id);
    const appeal = await store.latestAppeal(db, community.id, me);
    removal = {
      at: membership.endedAt,
      reason: membership.endReason,
      appealUntil: membership.endedAt ? appealDeadline(membership.endedAt, settings.appealWindowDays) : null,
      canAppeal: canAppeal(membership.endedAt, settings.appealWindowDays, ctx.clock.now()) && !appealSince(appeal, membership.endedAt),
      appeal: appeal && appealSince(appeal, membership.endedAt) ? { id: appeal.id, state: appeal.state, text: appeal.text, createdAt: appeal.createdAt, note: appeal.note } : null,
    };
  }
  return {
    community: { slug: community.slug, name: community.name },
    state: membership.state,
    role: membership.role,
    warnings: warnings.map((w) => {
      const { userId: _u, displayName: _d, ...own } = toWarningView(w);
      return own;
    }),
    removal,
  };
}

/** One appeal per removal: an appeal written after this removal counts. */
function appealSince(appeal: { createdAt: string } | undefined, endedAt: string | null): boolean {
  return !!appeal && !!endedAt && appeal.createdAt >= endedAt;
}

// ── reports ──────────────────────────────────────────────────────────────────

export async function reportMember(ctx: AppContext, slug: string, userId: string | null, subjectId: string, reason: string) {
  const at = ctx.clock.now().toISOString();
  return inTransaction(ctx.db, async (trx) => {
    const { community, me } = await openCommunity(trx, { slug }, userId, 'community.view_member_home');
    if (subjectId === me) throw Invalid('subjectId', 'you cannot report yourself');
    const subject = await membershipOf(trx, community.id, subjectId);
    if (!subject || subject.state !== 'member') throw NotFound('member');
    if (await store.findOpenReportBy(trx, community.id, me, subjectId)) throw Conflict('you already reported this member; the admins have not decided yet', 'subjectId');
    const id = newId(new Date(at).getTime());
    await store.insertReport(trx, { id, communityId: community.id, reporterId: me, subjectId, reason, state: 'open', createdAt: at, decidedBy: null, decidedAt: null, note: null });
    return { report: { id, subjectId, reason, state: 'open' as const, createdAt: at } };
  });
}

export async function listReports(ctx: AppContext, slug: string, userId: string | null, q: { state?: 'open' | 'upheld' | 'dismissed'; limit?: number; offset?: number }) {
  const { community } = await openCommunity(ctx.db.kysely, { slug }, userId, 'console.open');
  const rows = await store.listReports(ctx.db.kysely, community.id, q);
  return {
    reports: rows.map((r) => ({
      id: r.id,
      reporter: { id: r.reporterId, displayName: r.reporterName },
      subject: { id: r.subjectId, displayName: r.subjectName },
      reason: r.reason,
      state: r.state,
      createdAt: r.createdAt,
      decidedAt: r.decidedAt,
      note: r.note,
    })),
  };
}

export function decideReport(ctx: AppContext, slug: string, userId: string | null, reportId: string, decision: 'uphold' | 'dismiss', note?: string) {
  const to: 'upheld' | 'dismissed' = decision === 'uphold' ? 'upheld' : 'dismissed';
  return decideCase(ctx, slug, userId, { table: 'memberReports', noun: 'report', id: reportId, to, note }, async (trx, communityId, report, adminId, at) => {
    await recordDecision(trx, communityId, { action: `report.${to}`, decidedBy: adminId, subjectId: report.subjectId, rule: 'reported', reason: note ?? null, data: { reportId, reporterId: report.reporterId, report: report.reason }, at });
    // The reporter learns the outcome; the subject learns of an upheld report (it counts toward
    // the `reported` rule) but never who made it. The admins' note stays with the admins.
    const subject = (await usersById(trx, [report.subjectId])).get(report.subjectId);
    await notify(ctx, trx, { communityId, userId: report.reporterId, kind: to === 'upheld' ? 'pruning.report_upheld' : 'pruning.report_dismissed', data: { subject: subject?.displayName ?? '' } });
    if (to === 'upheld') await notify(ctx, trx, { communityId, userId: report.subjectId, kind: 'pruning.reported_upheld' });
    return { report: { id: reportId, state: to } };
  });
}

// ── appeals ──────────────────────────────────────────────────────────────────

export async function appeal(ctx: AppContext, slug: string, userId: string | null, text: string) {
  const at = ctx.clock.now().toISOString();
  return inTransaction(ctx.db, async (trx) => {
    // The person's membership row is locked: two appeals sent at once make one.
    const { community, membership, me } = await openCommunity(trx, { slug }, userId, 'signed-in', { lockActor: true });
    if (!membership || membership.state !== 'removed') throw Forbidden('only a removed member can appeal');
    const settings = await loadSettings(trx, community.id);
    if (!canAppeal(membership.endedAt, settings.appealWindowDays, ctx.clock.now())) throw Forbidden('the appeal window has closed');
    if (appealSince(await store.latestAppeal(trx, community.id, me), membership.endedAt)) throw Conflict('you have already appealed this removal');
    const id = newId(new Date(at).getTime());
    await store.insertAppeal(trx, { id, communityId: community.id, userId: me, text, state: 'open', createdAt: at, decidedBy: null, decidedAt: null, note: null });
    return { appeal: { id, state: 'open' as const, text, createdAt: at } };
  });
}

export async function listAppeals(ctx: AppContext, slug: string, userId: string | null, q: { state?: 'open' | 'granted' | 'denied'; limit?: number; offset?: number }) {
  const { community } = await openCommunity(ctx.db.kysely, { slug }, userId, 'console.open');
  const rows = await store.listAppeals(ctx.db.kysely, community.id, q);
  return { appeals: rows.map((a) => ({ id: a.id, userId: a.userId, displayName: a.displayName, text: a.text, state: a.state, createdAt: a.createdAt, decidedAt: a.decidedAt, note: a.note })) };
}

/**
 * Granting re-admits through the communities feature (the membership row, its
 * role and its whole activity history come back; event member.readmitted).
 */
export function decideAppeal(ctx: AppContext, slug: string, userId: string | null, appealId: string, decision: 'grant' | 'deny', note?: string) {
  const to: 'granted' | 'denied' = decision === 'grant' ? 'granted' : 'denied';
  return decideCase(ctx, slug, userId, { table: 'appeals', noun: 'appeal', id: appealId, to, note }, async (trx, communityId, a, adminId, at) => {
    if (to === 'granted') {
      // Back with the role they had (never as owner: ownership is not given back by appeal).
      const role = (await membershipOf(trx, communityId, a.userId))?.role ?? 'member';
      await transitionMembership(ctx, { communityId, userId: a.userId, transition: 'readmit', by: adminId, reason: note, role: role === 'owner' ? 'member' : role }, trx);
    }
    await recordDecision(trx, communityId, { action: `appeal.${to}`, decidedBy: adminId, subjectId: a.userId, reason: note ?? null, data: { appealId }, at });
    await notify(ctx, trx, { communityId, userId: a.userId, kind: to === 'granted' ? 'pruning.appeal_granted' : 'pruning.appeal_denied', data: { note: note ?? null } });
    return { appeal: { id: appealId, state: to } };
  });
}

/**
 * An admin decides an open case (a report, an appeal) once: the admin's rights
 * and the case are read inside the transaction, the case row locked, so of two
 * admins deciding at once the second finds it decided. `then` writes what the
 * outcome means, in the same transaction.
 */
function decideCase<T extends store.CaseTable, R>(
  ctx: AppContext,
  slug: string,
  userId: string | null,
  c: { table: T; noun: string; id: string; to: store.CaseOutcome<T>; note?: string },
  then: (trx: Q, communityId: string, row: store.CaseRows[T], adminId: string, at: string) => Promise<R>,
): Promise<R> {
  const at = ctx.clock.now().toISOString();
  return inTransaction(ctx.db, async (trx) => {
    const { community, me } = await openCommunity(trx, { slug }, userId, 'console.open');
    const row = await store.findCase(trx, c.table, community.id, c.id, { lock: true });
    if (!row) throw NotFound(c.noun);
    if (row.state !== 'open' || !(await store.closeCase(trx, c.table, community.id, c.id, c.to, me, at, c.note ?? null))) {
      throw Conflict(`this ${c.noun} was already ${row.state === 'open' ? 'decided' : row.state}`);
    }
    return then(trx, community.id, row, me, at);
  });
}

// ── the audit trail ──────────────────────────────────────────────────────────

export async function readAudit(ctx: AppContext, slug: string, userId: string | null, q: { subjectId?: string; action?: string; before?: string; cursor?: string; limit?: number }) {
  const db = ctx.db.kysely;
  const { community } = await openCommunity(db, { slug }, userId, 'console.open');
  const limit = q.limit ?? 200;
  const after = decodeCursor(q.cursor, ['string', 'string']) as AuditKey | undefined;
  const page = pageOf(await listDecisions(db, community.id, { ...q, after, limit: limit + 1 }), limit, (e) => [e.at, e.id]);
  return { entries: await named(db, page.rows), nextCursor: page.nextCursor };
}

/**
 * The whole trail as CSV, written page by page (a BOM first, so spreadsheet
 * programs read the Chinese names as UTF-8): memory stays one page however long it is.
 */
export async function exportAuditCsv(ctx: AppContext, slug: string, userId: string | null, q: { subjectId?: string; action?: string }): Promise<Readable> {
  const db = ctx.db.kysely;
  const { community } = await openCommunity(db, { slug }, userId, 'console.open');
  const columns = ['at', 'action', 'automatic', 'decided_by', 'decided_by_id', 'subject', 'subject_id', 'rule', 'reason', 'data'];
  async function* pages() {
    yield csvHead(columns);
    let after: AuditKey | undefined;
    for (;;) {
      const entries = await listDecisions(db, community.id, { ...q, after, limit: 1000 });
      if (!entries.length) return;
      const rows = (await named(db, entries)).map((e) => [e.at, e.action, e.automatic ? 'yes' : 'no', e.decidedBy?.displayName ?? '', e.decidedBy?.id ?? '', e.subject?.displayName ?? '', e.subject?.id ?? '', e.rule ?? '', e.reason ?? '', e.data ? JSON.stringify(e.data) : '']);
      yield csvRows(rows);
      const last = entries[entries.length - 1]!;
      after = [last.at, last.id];
    }
  }
  return Readable.from(pages());
}

async function named(db: Q, entries: AuditEntry[]) {
  const people = await usersById(db, [...new Set(entries.flatMap((e) => [e.decidedBy, e.subjectId]).filter((x): x is string => !!x))]);
  const who = (id: string | null | undefined) => (id ? { id, displayName: people.get(id)?.displayName ?? '' } : null);
  return entries.map((e) => ({ id: e.id, at: e.at, action: e.action, automatic: e.automatic, decidedBy: who(e.decidedBy), subject: who(e.subjectId), rule: e.rule ?? null, reason: e.reason ?? null, data: e.data ?? null }));
}
