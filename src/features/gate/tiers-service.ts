/**
 * Paid tiers (会员费) use cases: operators define tiers and mark payments
 * received (until a payment provider exists); a job sends renewal reminders;
 * the pruning side asks who has lapsed.
 */
import type { AppContext } from '../../kernel/context.js';
import { recordDecision } from '../../kernel/audit.js';
import { transaction } from '../../kernel/db/connect.js';
import { Invalid, NotFound } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { signedIn } from '../communities/service.js';
import * as cstore from '../communities/store.js';
import { loadConfig } from './config.js';
import { notify } from './notify.js';
import { dueReminder, paidStatus, periodForPayment, type Period, type TierInput } from './rules.js';
import { toTier } from './views.js';
import { gateActor } from './access.js';

export async function createTier(ctx: AppContext, slug: string, userId: string | null, input: TierInput) {
  const me = signedIn(userId);
  const at = ctx.clock.now().toISOString();
  return transaction(ctx.db, async (trx) => {
    const { community } = await gateActor(trx, slug, me, 'gate.configure');
    const row = { id: newId(), communityId: community.id, ...input, archivedAt: null, createdAt: at };
    await trx.insertInto('tiers').values(row).execute();
    return { tier: row };
  });
}

/** Tiers and, for operators, each paying member's status. */
export async function listTiers(ctx: AppContext, slug: string, userId: string | null) {
  const me = signedIn(userId);
  const db = ctx.db.kysely;
  const { community } = await gateActor(db, slug, me, 'gate.mark_paid');
  const { settings } = await loadConfig(db, community.id);
  const tiers = await db.selectFrom('tiers').selectAll().where('communityId', '=', community.id).where('archivedAt', 'is', null).orderBy('createdAt').execute();
  const rows = await db
    .selectFrom('memberTiers as t')
    .innerJoin('users as u', 'u.id', 't.userId')
    .select(['t.userId', 'u.displayName', 't.tierId', 't.paidThrough'])
    .where('t.communityId', '=', community.id)
    .execute();
  const now = ctx.clock.now();
  return { tiers: tiers.map(toTier), members: rows.map((r) => ({ ...r, status: paidStatus(r.paidThrough, now, settings.reminderDays) })) };
}

/** Records a payment an operator received; the member's paid period extends by one tier period. */
export async function markPaid(ctx: AppContext, slug: string, userId: string | null, input: { userId: string; tierId: string; amountMinor?: number; note?: string }) {
  const me = signedIn(userId);
  const now = ctx.clock.now();
  const at = now.toISOString();
  return transaction(ctx.db, async (trx) => {
    const { community } = await gateActor(trx, slug, me, 'gate.mark_paid');
    const tier = await trx.selectFrom('tiers').selectAll().where('communityId', '=', community.id).where('id', '=', input.tierId).executeTakeFirst();
    if (!tier) throw Invalid('tierId', 'no such tier in this community');
    const m = await cstore.findMembership(trx, community.id, input.userId);
    if (m?.state !== 'member') throw NotFound('member');
    const current = await trx.selectFrom('memberTiers').selectAll().where('communityId', '=', community.id).where('userId', '=', input.userId).executeTakeFirst();
    const sameTier = current?.tierId === tier.id;
    const period = periodForPayment(sameTier ? (current?.paidThrough ?? null) : null, now, tier as unknown as Period);
    const payment = {
      id: newId(now.getTime()), communityId: community.id, userId: input.userId, tierId: tier.id, amountMinor: input.amountMinor ?? tier.feeMinor, currency: tier.currency,
      paidAt: at, periodStart: period.start, periodEnd: period.end, markedBy: me, note: input.note ?? null,
    };
    await trx.insertInto('payments').values(payment).execute();
    if (current) {
      await trx.updateTable('memberTiers').set({ tierId: tier.id, paidThrough: period.end, remindersSent: '[]', updatedAt: at }).where('id', '=', current.id).execute();
    } else {
      await trx.insertInto('memberTiers').values({ id: newId(), communityId: community.id, userId: input.userId, tierId: tier.id, paidThrough: period.end, remindersSent: '[]', updatedAt: at }).execute();
    }
    await recordDecision(trx, community.id, { action: 'payment.recorded', decidedBy: me, subjectId: input.userId, data: { tierId: tier.id, amountMinor: payment.amountMinor, periodEnd: period.end }, at });
    return { payment };
  });
}

/** Job: sends the renewal reminders due now (once per offset per period). Returns how many. */
export async function sendRenewalReminders(ctx: AppContext, communityId: string): Promise<number> {
  const now = ctx.clock.now();
  return transaction(ctx.db, async (trx) => {
    const community = await cstore.findCommunityById(trx, communityId);
    if (!community) return 0;
    const { settings } = await loadConfig(trx, communityId);
    const rows = await trx.selectFrom('memberTiers').selectAll().where('communityId', '=', communityId).where('paidThrough', 'is not', null).execute();
    let sent = 0;
    for (const r of rows) {
      const sentOffsets = JSON.parse(r.remindersSent) as number[];
      const due = dueReminder(r.paidThrough!, now, settings.reminderDays, sentOffsets);
      if (due === null) continue;
      const m = await cstore.findMembership(trx, communityId, r.userId);
      if (m?.state !== 'member') continue;
      await trx.updateTable('memberTiers').set({ remindersSent: JSON.stringify([...sentOffsets, due]), updatedAt: now.toISOString() }).where('id', '=', r.id).execute();
      await notify(ctx, trx, community, r.userId, 'renewal', { days: due, until: r.paidThrough!.slice(0, 10) });
      sent++;
    }
    return sent;
  });
}

/** Members whose paid period has ended (for the pruning rule "paid membership lapsed"). */
export async function lapsedMembers(ctx: AppContext, communityId: string): Promise<{ userId: string; paidThrough: string }[]> {
  const now = ctx.clock.now().toISOString();
  const rows = await ctx.db.kysely
    .selectFrom('memberTiers as t')
    .innerJoin('memberships as m', (j) => j.onRef('m.userId', '=', 't.userId').onRef('m.communityId', '=', 't.communityId'))
    .select(['t.userId', 't.paidThrough'])
    .where('t.communityId', '=', communityId)
    .where('m.state', '=', 'member')
    .where('t.paidThrough', '<=', now)
    .execute();
  return rows.map((r) => ({ userId: r.userId, paidThrough: r.paidThrough! }));
}
