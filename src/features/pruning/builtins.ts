/**
 * The built-in rules and where their facts come from: the activity log (last
 * content / check-in / attendance; member.introduced, which the gate writes when
 * a self-introduction is saved), upheld reports, and the gate's tier expiry
 * through the reader it registers (no reader, no tier_lapsed rule).
 */
import { tierExpiry } from '../gate/index.js';
import { currentTierReader, registerPruningRule } from './registry.js';
import { inactiveRule, noIntroductionRule, reportedRule, tierLapsedRule } from './rules.js';
import { ACTIVE_KINDS, latestEventByActor, upheldReportCounts } from './store.js';

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
    // The gate's paid tiers (会员费) unless a payment provider registered its own reader.
    const reader = currentTierReader() ?? tierExpiry;
    const expiry = await reader(db, communityId);
    return expiry ? mapValues(expiry, (expiresAt) => ({ expiresAt })) : null;
  });
  registerPruningRule(reportedRule, async (db, communityId) => mapValues(await upheldReportCounts(db, communityId), (upheld) => ({ upheld })));
}
