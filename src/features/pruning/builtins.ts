/**
 * The built-in rules and where their facts come from: the activity log (last
 * taking part in any source, within the coverage the communities feature records; member.introduced, which the gate writes when
 * a self-introduction is saved), upheld reports, and the gate's tier expiry
 * through the reader it registers (no reader, no tier_lapsed rule).
 */
import { tierExpiry } from '../gate/index.js';
import { linkedAuthors } from '../health/index.js';
import { currentTierReader, registerPruningRule } from './registry.js';
import { inactiveRule, noIntroductionRule, reportedRule, tierLapsedRule } from './rules.js';
import { latestEventByActor } from '../../kernel/activity/log.js';
import { activeMembers, upheldReportCounts } from './store.js';
import { activitySources, coveredSince, coversWindow, PARTICIPATION_KINDS } from '../communities/index.js';

/** Imported chat talk counts for the member an operator linked its author to. */
function creditLinkedAuthors(last: Map<string, string>, links: Map<string, string>): Map<string, string> {
  const out = new Map(last);
  for (const [author, userId] of links) {
    const at = last.get(author);
    const mine = out.get(userId);
    if (at && (!mine || at > mine)) out.set(userId, at);
  }
  return out;
}

const mapValues = <A, B>(m: Map<string, A>, f: (a: A) => B) => new Map([...m].map(([k, v]) => [k, f(v)]));

let registered = false;
if (!registered) {
  registered = true;
  registerPruningRule(inactiveRule, async (db, communityId, now, threshold) => {
    // Silence is judged only where some source could have seen activity for the whole window.
    const sources = await activitySources(db, communityId);
    if (!coversWindow(sources, now, threshold)) return null;
    const since = coveredSince(sources, now);
    const [events, links, members] = await Promise.all([
      latestEventByActor(db, communityId, PARTICIPATION_KINDS),
      linkedAuthors(db, communityId),
      activeMembers(db, communityId),
    ]);
    const last = creditLinkedAuthors(events, links);
    return new Map(members.map((m) => [m.userId, { lastActiveAt: last.get(m.userId) ?? null, coveredSince: since }]));
  });
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
