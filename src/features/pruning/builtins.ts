/**
 * The built-in rules and where their facts come from: the activity log (last
 * content / check-in / attendance; member.introduced, which the gate writes when
 * a self-introduction is saved), upheld reports, and the gate's tier expiry
 * through the reader it registers (no reader, no tier_lapsed rule).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../kernel/db/schema.js';
import { currentTierReader, registerPruningRule } from './registry.js';
import { inactiveRule, noIntroductionRule, reportedRule, tierLapsedRule } from './rules.js';
import { ACTIVE_KINDS, latestEventByActor, upheldReportCounts } from './store.js';

/**
 * The gate's paid tiers (会员费): each member's paid-through date. A community
 * without any tier has nothing to lapse, so the rule is unavailable there.
 */
const gateTierReader = async (db: Kysely<Database>, communityId: string): Promise<Map<string, string | null> | null> => {
  const tier = await db.selectFrom('tiers').select('id').where('communityId', '=', communityId).limit(1).executeTakeFirst();
  if (!tier) return null;
  const rows = await db.selectFrom('memberTiers').select(['userId', 'paidThrough']).where('communityId', '=', communityId).execute();
  return new Map(rows.map((r) => [r.userId, r.paidThrough]));
};

const mapValues = <A, B>(m: Map<string, A>, f: (a: A) => B) => new Map([...m].map(([k, v]) => [k, f(v)]));

let registered = false;
if (!registered) {
  registered = true;
  registerPruningRule(inactiveRule, async (db, communityId) =>
    mapValues(await latestEventByActor(db, communityId, ACTIVE_KINDS), (at) => ({ lastActiveAt: at })),
  );
  registerPruningRule(noIntroductionRule, async (db, communityId) =>
    mapValues(await latestEventByActor(db, communityId, ['member.introduced']), (at) => ({ introducedAt: at })),
  );
  registerPruningRule(tierLapsedRule, async (db, communityId) => {
    const reader = currentTierReader() ?? gateTierReader;
    const expiry = await reader(db, communityId);
    return expiry ? mapValues(expiry, (expiresAt) => ({ expiresAt })) : null;
  });
  registerPruningRule(reportedRule, async (db, communityId) => mapValues(await upheldReportCounts(db, communityId), (upheld) => ({ upheld })));
}
