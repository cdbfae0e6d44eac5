/**
 * Paid tiers (会员费) use cases: operators define tiers and mark payments
 * received (until a payment provider exists); a job sends renewal reminders;
 * the pruning side asks who has lapsed and until when each member has paid.
 */
import type { AppContext } from '../../kernel/context.js';
import { recordDecision } from '../../kernel/audit.js';
import { inTransaction, type Q } from '../../kernel/db/tx.js';
import { Invalid, NotFound } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { membershipOf, openCommunity } from '../communities/index.js';
import { notify } from '../members/index.js';
import { asGate } from './access.js';
import { loadConfig } from './config.js';
import { dueReminder, paidStatus, periodForPayment, type TierInput } from './rules.js';
import * as tiers from './tiers-store.js';
import { toTier } from './views.js';

export async function createTier(ctx: AppContext, slug: string, userId: string | null, input: TierInput) {
  const at = ctx.clock.now().toISOString();
  return inTransaction(ctx.db, async (trx) => {
    const { community } = await openCommunity(trx, { slug }, userId, asGate(trx, 'gate.configure'));
    const row = { id: newId(), communityId: community.id, ...input, archivedAt: null, createdAt: at };
    await tiers.insertTier(trx, row);
    return { tier: row };
  });
}

/** Tiers and, for operators, each paying member's status. */
export async function listTiers(ctx: AppContext, slug: string, userId: string | null) {
  const db = ctx.db.kysely;
  const { community } = await openCommunity(db, { slug }, userId, asGate(db, 'gate.mark_paid'));
  const { settings } = await loadConfig(db, community.id);
  const rows = await tiers.listMemberTiers(db, community.id);
  const now = ctx.clock.now();
  return { tiers: (await tiers.listTiers(db, community.id)).map(toTier), members: rows.map((r) => ({ ...r, status: paidStatus(r.paidThrough, now, settings.reminderDays) })) };
}

/** Records a payment an operator received; the member's paid period extends by one tier period. */
export async function markPaid(ctx: AppContext, slug: string, userId: string | null, input: { userId: string; tierId: string; amountMinor?: number; note?: string }) {
  const now = ctx.clock.now();
  const at = now.toISOString();
  return inTransaction(ctx.db, async (trx) => {
    const { community, me } = await openCommunity(trx, { slug }, userId, asGate(trx, 'gate.mark_paid'));
    const tier = await tiers.findTier(trx, community.id, input.tierId);
    if (!tier) throw Invalid('tierId', 'no such tier in this community');
    const m = await membershipOf(trx, community.id, input.userId);
    if (m?.state !== 'member') throw NotFound('member');
    const current = await tiers.findMemberTier(trx, community.id, input.userId);
    const sameTier = current?.tierId === tier.id;
    const period = periodForPayment(sameTier ? (current?.paidThrough ?? null) : null, now, tier);
    const payment = {
      id: newId(now.getTime()), communityId: community.id, userId: input.userId, tierId: tier.id, amountMinor: input.amountMinor ?? tier.feeMinor, currency: tier.currency,
      paidAt: at, periodStart: period.start, periodEnd: period.end, markedBy: me, note: input.note ?? null,
    };
    await tiers.insertPayment(trx, payment);
    if (current) await tiers.updateMemberTier(trx, community.id, current.id, { tierId: tier.id, paidThrough: period.end, remindersSent: '[]', updatedAt: at });
    else await tiers.insertMemberTier(trx, { id: newId(), communityId: community.id, userId: input.userId, tierId: tier.id, paidThrough: period.end, remindersSent: '[]', updatedAt: at });
    await recordDecision(trx, community.id, { action: 'payment.recorded', decidedBy: me, subjectId: input.userId, data: { tierId: tier.id, amountMinor: payment.amountMinor, periodEnd: period.end }, at });
    return { payment };
  });
}

/** Job: the renewal reminders due now in every community where someone holds a paid tier. */
export async function sendAllRenewalReminders(ctx: AppContext): Promise<void> {
  for (const communityId of await tiers.communitiesWithPaidTiers(ctx.db.kysely)) await sendRenewalReminders(ctx, communityId);
}

/** Sends the renewal reminders due now in one community (once per offset per period). Returns how many. */
export async function sendRenewalReminders(ctx: AppContext, communityId: string): Promise<number> {
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (trx) => {
    const { community } = await openCommunity(trx, { id: communityId }, null, 'anyone');
    const { settings } = await loadConfig(trx, community.id);
    let sent = 0;
    for (const r of await tiers.paidPeriods(trx, communityId)) {
      const sentOffsets = JSON.parse(r.remindersSent) as number[];
      const due = dueReminder(r.paidThrough!, now, settings.reminderDays, sentOffsets);
      if (due === null) continue;
      const m = await membershipOf(trx, communityId, r.userId);
      if (m?.state !== 'member') continue;
      await tiers.updateMemberTier(trx, communityId, r.id, { remindersSent: JSON.stringify([...sentOffsets, due]), updatedAt: now.toISOString() });
      await notify(ctx, trx, { communityId, userId: r.userId, kind: 'gate.renewal', data: { days: due, until: r.paidThrough!.slice(0, 10) } });
      sent++;
    }
    return sent;
  });
}

/** Members whose paid period has ended (for the pruning rule "paid membership lapsed"). */
export function lapsedMembers(ctx: AppContext, communityId: string): Promise<{ userId: string; paidThrough: string }[]> {
  return tiers.lapsed(ctx.db.kysely, communityId, ctx.clock.now().toISOString());
}

/** Each member's paid-through date, or null when the community has no tier (nothing can lapse there). */
export async function tierExpiry(db: Q, communityId: string): Promise<Map<string, string | null> | null> {
  return (await tiers.hasTiers(db, communityId)) ? tiers.paidThrough(db, communityId) : null;
}
