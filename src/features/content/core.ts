/**
 * The core's side: duties the owner sets (per core member or for all), the
 * core dashboard (who supplies what, week by week, who is behind), and
 * suggestions — members whose value would qualify them as core, core members
 * below their duties — for the owner to decide, never applied on their own.
 */
import type { AppContext } from '../../kernel/context.js';
import { recordDecision } from '../../kernel/audit.js';
import { inTransaction, type Q } from '../../kernel/db/tx.js';
import { Forbidden, Invalid, NotFound } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { openCommunity, roleRank } from '../communities/index.js';
import { mergeSettings, type ContentSettings } from './rules.js';
import { belowDuties, dutyStatus, fulfilment, qualifiesForCore, total, weeklyStats, weekStarts, type Duty, type DutyKind, type DutyPeriod, type WeekStats } from './supply.js';
import * as store from './store.js';

const WEEK_MS = 7 * 86_400_000;

async function openOperators(ctx: AppContext, db: Q, slug: string, userId: string | null, ownerOnly = false) {
  const o = await openCommunity(db, { slug }, userId, ownerOnly ? 'community.edit_charter' : 'console.open');
  if (ownerOnly && o.membership?.role !== 'owner') throw Forbidden('only the owner sets core duties');
  return { ...o, settings: mergeSettings(await store.loadSettings(db, o.community.id)) };
}

export interface DutyInput {
  userId?: string | null;
  kind: DutyKind;
  target: number;
  period?: DutyPeriod;
}

export async function addDuty(ctx: AppContext, slug: string, userId: string | null, input: DutyInput, trx?: Q) {
  return inTransaction(trx ?? ctx.db, async (db) => {
    const o = await openOperators(ctx, db, slug, userId, true);
    if (input.userId) {
      const m = (await store.activeMembers(db, o.community.id)).find((p) => p.userId === input.userId);
      if (!m || roleRank(m.role) < roleRank('core')) throw Invalid('userId', 'a duty is for a core member (or for all of them)');
    }
    const at = ctx.clock.now().toISOString();
    const row: store.DutyRow = { id: newId(ctx.clock.now().getTime()), communityId: o.community.id, userId: input.userId ?? null, kind: input.kind, target: input.target, period: input.period ?? 'week', createdBy: o.me, createdAt: at };
    await store.insertDuty(db, row);
    await recordDecision(db, o.community.id, { action: 'content.duty_set', decidedBy: o.me, subjectId: row.userId, data: { kind: row.kind, target: row.target, period: row.period }, at });
    return { duty: dutyView(row) };
  });
}

export async function removeDuty(ctx: AppContext, slug: string, userId: string | null, dutyId: string, trx?: Q) {
  return inTransaction(trx ?? ctx.db, async (db) => {
    const o = await openOperators(ctx, db, slug, userId, true);
    if (!(await store.deleteDuty(db, o.community.id, dutyId))) throw NotFound('duty');
    await recordDecision(db, o.community.id, { action: 'content.duty_removed', decidedBy: o.me, data: { dutyId }, at: ctx.clock.now().toISOString() });
    return { ok: true };
  });
}

const dutyView = (d: store.DutyRow): Duty => ({ id: d.id, userId: d.userId, kind: d.kind, target: d.target, period: d.period });

/** The core dashboard and the owner's suggestions (owners and admins). */
export async function coreDashboard(ctx: AppContext, slug: string, userId: string | null) {
  const db = ctx.db.kysely;
  const o = await openOperators(ctx, db, slug, userId);
  const th: ContentSettings = o.settings;
  const now = ctx.clock.now().getTime();
  const since = new Date(now - th.weeks * WEEK_MS).toISOString();
  const [events, asked, people, dutyRows] = await Promise.all([
    store.contentEvents(db, o.community.id, since),
    store.askedQuestions(db, o.community.id, since),
    store.activeMembers(db, o.community.id),
    store.duties(db, o.community.id),
  ]);
  const stats = weeklyStats(events, now, th.weeks);
  const weeksOf = (id: string): WeekStats[] => stats.get(id) ?? weekStarts(now, th.weeks).map(() => total([]));
  const all = dutyRows.map(dutyView);
  const core = people
    .filter((p) => p.role === 'core')
    .map((p) => {
      const mine = all.filter((d) => d.userId === null || d.userId === p.userId);
      const weeks = weeksOf(p.userId);
      const ratio = fulfilment(mine, weeks);
      const statuses = mine.map((d) => ({ ...d, ...dutyStatus(d, weeks, asked.filter((q) => q.askedUserId === p.userId), now) }));
      return {
        user: { id: p.userId, displayName: p.displayName },
        weeks,
        duties: statuses,
        fulfilment: ratio,
        behind: statuses.some((s) => !s.met),
        belowDuties: belowDuties(ratio, th),
      };
    });
  const suggestions = people
    .filter((p) => p.role === 'member')
    .map((p) => ({ user: { id: p.userId, displayName: p.displayName }, totals: total(weeksOf(p.userId)) }))
    .filter((s) => qualifiesForCore(s.totals, th));
  return {
    weeks: weekStarts(now, th.weeks).map((ms) => new Date(ms).toISOString()),
    core,
    suggestions,
    duties: all,
    thresholds: { weeks: th.weeks, promoteOriginalPosts: th.promoteOriginalPosts, promoteValueMarks: th.promoteValueMarks, promoteRepliesReceived: th.promoteRepliesReceived, stepDownBelowPercent: th.stepDownBelowPercent },
    canEdit: o.membership?.role === 'owner',
  };
}
