/**
 * Pruning use cases, part two: a member's own status, reports (举报) and their
 * queue, appeals (申诉) and the audit trail with its CSV export.
 */
import type { AppContext } from '../../kernel/context.js';
import { listDecisions } from '../../kernel/audit.js';
import { recordDecision } from '../../kernel/audit.js';
import { transaction } from '../../kernel/db/connect.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../../kernel/errors.js';
import { toCsv } from '../../kernel/csv.js';
import { newId } from '../../kernel/ids.js';
import { assertCan } from '../communities/policy.js';
import { transitionMembership } from '../communities/membership.js';
import type { MembershipState, Role } from '../communities/rules.js';
import { actorIn, loadCommunity, signedIn } from '../communities/service.js';
import { notify } from './notify.js';
import { appealDeadline, canAppeal } from './rules.js';
import { asAdmin, loadSettings, toWarningView } from './service.js';
import * as store from './store.js';

// ── the member's own status ──────────────────────────────────────────────────

/** What a person sees about themself: warnings (why, deadline, what keeps them) or their removal and appeal. */
export async function myStatus(ctx: AppContext, slug: string, userId: string | null) {
  const db = ctx.db.kysely;
  const me = signedIn(userId);
  const community = await loadCommunity(db, slug);
  const { membership } = await actorIn(db, community.id, me);
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
    state: membership.state as MembershipState, // the store still types these columns as string
    role: membership.role as Role,
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
  return transaction(ctx.db, async (trx) => {
    const community = await loadCommunity(trx, slug);
    const { actor } = await actorIn(trx, community.id, signedIn(userId));
    assertCan(actor, 'community.view_member_home', { communityId: community.id });
    if (subjectId === actor.userId) throw Invalid('subjectId', 'you cannot report yourself');
    const subject = await trx.selectFrom('memberships').select('state').where('communityId', '=', community.id).where('userId', '=', subjectId).executeTakeFirst();
    if (!subject || subject.state !== 'member') throw NotFound('member');
    if (await store.findOpenReportBy(trx, community.id, actor.userId!, subjectId)) throw Conflict('you already reported this member; the admins have not decided yet', 'subjectId');
    const id = newId(new Date(at).getTime());
    await store.insertReport(trx, { id, communityId: community.id, reporterId: actor.userId!, subjectId, reason, state: 'open', createdAt: at, decidedBy: null, decidedAt: null, note: null });
    return { report: { id, subjectId, reason, state: 'open' as const, createdAt: at } };
  });
}

export async function listReports(ctx: AppContext, slug: string, userId: string | null, q: { state?: 'open' | 'upheld' | 'dismissed'; limit?: number; offset?: number }) {
  const { community } = await asAdmin(ctx.db.kysely, slug, userId);
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

export async function decideReport(ctx: AppContext, slug: string, userId: string | null, reportId: string, decision: 'uphold' | 'dismiss', note?: string) {
  const at = ctx.clock.now().toISOString();
  return transaction(ctx.db, async (trx) => {
    const { community, adminId } = await asAdmin(trx, slug, userId);
    const report = await store.findReport(trx, community.id, reportId);
    if (!report) throw NotFound('report');
    const to: 'upheld' | 'dismissed' = decision === 'uphold' ? 'upheld' : 'dismissed';
    if (!(await store.decideReport(trx, community.id, reportId, to, adminId, at, note ?? null))) throw Conflict(`this report was already ${report.state}`);
    await recordDecision(trx, community.id, { action: `report.${to}`, decidedBy: adminId, subjectId: report.subjectId, rule: 'reported', reason: note ?? null, data: { reportId, reporterId: report.reporterId, report: report.reason }, at });
    // The reporter learns the outcome; the subject learns of an upheld report (it counts toward
    // the `reported` rule) but never who made it. The admins' note stays with the admins.
    const subject = (await store.usersById(trx, [report.subjectId])).get(report.subjectId);
    await notify(ctx, trx, community.id, report.reporterId, to === 'upheld' ? 'report_upheld' : 'report_dismissed', { subject: subject?.displayName ?? '' });
    if (to === 'upheld') await notify(ctx, trx, community.id, report.subjectId, 'reported_upheld', {});
    return { report: { id: reportId, state: to } };
  });
}

// ── appeals ──────────────────────────────────────────────────────────────────

export async function appeal(ctx: AppContext, slug: string, userId: string | null, text: string) {
  const at = ctx.clock.now().toISOString();
  return transaction(ctx.db, async (trx) => {
    const me = signedIn(userId);
    const community = await loadCommunity(trx, slug);
    const { membership } = await actorIn(trx, community.id, me);
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
  const { community } = await asAdmin(ctx.db.kysely, slug, userId);
  const rows = await store.listAppeals(ctx.db.kysely, community.id, q);
  return { appeals: rows.map((a) => ({ id: a.id, userId: a.userId, displayName: a.displayName, text: a.text, state: a.state, createdAt: a.createdAt, decidedAt: a.decidedAt, note: a.note })) };
}

/**
 * Granting re-admits through the communities feature (the membership row, its
 * role and its whole activity history come back; event member.readmitted). The
 * state machine lets only one of two racing admins re-admit.
 */
export async function decideAppeal(ctx: AppContext, slug: string, userId: string | null, appealId: string, decision: 'grant' | 'deny', note?: string) {
  const db = ctx.db.kysely;
  const { community, adminId } = await asAdmin(db, slug, userId);
  const a = await store.findAppeal(db, community.id, appealId);
  if (!a) throw NotFound('appeal');
  if (a.state !== 'open') throw Conflict(`this appeal was already ${a.state}`);
  const to: 'granted' | 'denied' = decision === 'grant' ? 'granted' : 'denied';
  const at = ctx.clock.now().toISOString();
  // The appeal's outcome is stored with the re-admission, in one transaction.
  const record = async (trx: Parameters<typeof store.decideAppeal>[0]) => {
    if (!(await store.decideAppeal(trx, community.id, appealId, to, adminId, at, note ?? null))) throw Conflict('another admin decided this appeal first');
    await recordDecision(trx, community.id, { action: `appeal.${to}`, decidedBy: adminId, subjectId: a.userId, reason: note ?? null, data: { appealId }, at });
    await notify(ctx, trx, community.id, a.userId, decision === 'grant' ? 'appeal_granted' : 'appeal_denied', { note: note ?? null });
  };
  if (decision === 'grant') {
    const m = await db.selectFrom('memberships').select('role').where('communityId', '=', community.id).where('userId', '=', a.userId).executeTakeFirst();
    const role = (m?.role ?? 'member') as Role;
    await transitionMembership(ctx, { communityId: community.id, userId: a.userId, transition: 'readmit', by: adminId, reason: note, role: role === 'owner' ? 'member' : role, within: record });
  } else {
    await transaction(ctx.db, record);
  }
  return { appeal: { id: appealId, state: to } };
}

// ── the audit trail ──────────────────────────────────────────────────────────

export async function readAudit(ctx: AppContext, slug: string, userId: string | null, q: { subjectId?: string; action?: string; before?: string; limit?: number }) {
  const db = ctx.db.kysely;
  const { community } = await asAdmin(db, slug, userId);
  const entries = await listDecisions(db, community.id, q);
  const people = await store.usersById(db, [...new Set(entries.flatMap((e) => [e.decidedBy, e.subjectId]).filter((x): x is string => !!x))]);
  const who = (id: string | null | undefined) => (id ? { id, displayName: people.get(id)?.displayName ?? '' } : null);
  return {
    entries: entries.map((e) => ({ id: e.id, at: e.at, action: e.action, automatic: e.automatic, decidedBy: who(e.decidedBy), subject: who(e.subjectId), rule: e.rule ?? null, reason: e.reason ?? null, data: e.data ?? null })),
  };
}

export async function exportAuditCsv(ctx: AppContext, slug: string, userId: string | null, q: { subjectId?: string; action?: string }) {
  const { entries } = await readAudit(ctx, slug, userId, { ...q, limit: 50_000 });
  const rows = entries.map((e) => [e.at, e.action, e.automatic ? 'yes' : 'no', e.decidedBy?.displayName ?? '', e.decidedBy?.id ?? '', e.subject?.displayName ?? '', e.subject?.id ?? '', e.rule ?? '', e.reason ?? '', e.data ? JSON.stringify(e.data) : '']);
  return toCsv(['at', 'action', 'automatic', 'decided_by', 'decided_by_id', 'subject', 'subject_id', 'rule', 'reason', 'data'], rows);
}
