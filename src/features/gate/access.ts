/**
 * The gate's question to the one opening (communities' `openCommunity`): may
 * this actor do `action` here? Reviewing depends on the community's settings
 * (the owner may let core members review), read in the same transaction.
 */
import type { Q } from '../../kernel/db/tx.js';
import type { Check } from '../communities/index.js';
import { loadConfig } from './config.js';
import { authorizeGate, type GateAction } from './policy.js';

export function asGate(db: Q, action: GateAction): Check {
  return async (actor, community) => {
    const coreCanReview = action === 'gate.review' ? (await loadConfig(db, community.id)).settings.coreCanReview : undefined;
    return authorizeGate(actor, action, { communityId: community.id, coreCanReview });
  };
}
