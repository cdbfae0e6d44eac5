/**
 * The weekly health report: once per ISO week, each community's owner and
 * admins get its verdict, score and change, and the next steps the diagnosis
 * recommends (a notice and a mail, through the members' notify). When the
 * verdict worsened or the core stopped supplying, the report is an alert.
 */
import type { AppContext } from '../../kernel/context.js';
import { inTransaction } from '../../kernel/db/tx.js';
import { isUniqueViolation } from '../../kernel/db/connect.js';
import { allCommunityIds, openCommunity, operatorsOf } from '../communities/index.js';
import { notify } from '../members/index.js';
import { isoWeek, scoreChange, worsened, type WeeklyState } from './rules.js';
import { healthOf } from './service.js';
import * as store from './store.js';

/** The scheduler's job: every community, at most one report each per week. */
export async function sendWeeklyReports(ctx: AppContext, now: Date): Promise<number> {
  let sent = 0;
  for (const communityId of await allCommunityIds(ctx.db.kysely)) if (await sendWeeklyReport(ctx, communityId, now)) sent++;
  return sent;
}

export async function sendWeeklyReport(ctx: AppContext, communityId: string, now: Date): Promise<boolean> {
  const week = isoWeek(now);
  const db = ctx.db.kysely;
  if (await store.findReport(db, communityId, week)) return false;
  const { community } = await openCommunity(db, { id: communityId }, null, 'anyone');
  const result = await healthOf(ctx, communityId, community.name);
  if (result.source.messages === 0 || result.verdict.kind === 'not_group') return false; // nothing to report on yet
  const cur: WeeklyState = { kind: result.verdict.kind, score: result.verdict.score, coreStatus: result.conditions.find((c) => c.id === 'coreSupply')?.status ?? 'not_measurable' };
  try {
    return await inTransaction(ctx.db, async (trx) => {
      const prev = await store.previousReport(trx, communityId, week);
      await store.insertReport(trx, { communityId, week, ...cur, createdAt: now.toISOString() });
      const alert = worsened(prev, cur);
      const [a1, a2] = result.verdict.actions;
      const data = {
        score: cur.score === null ? '—' : Math.round(cur.score),
        change: scoreChange(prev, cur),
        verdict: { key: `kinds.${cur.kind}` },
        action1: a1 ? { key: `actions.${a1}` } : '',
        action2: a2 ? { key: `actions.${a2}` } : '',
        ...(alert ? { reason: { key: `mail.worsenedBecause.${alert}` } } : {}),
      };
      for (const userId of await operatorsOf(trx, communityId)) await notify(ctx, trx, { communityId, userId, kind: alert ? 'health.worsened' : 'health.weekly', data });
      return true;
    });
  } catch (err) {
    if (isUniqueViolation(err)) return false; // another process sent this week's report first
    throw err;
  }
}
