/**
 * The viewer's permissions at the gate, handed out with the console's gate
 * reads so the web never re-derives the policy. Pure: asks gate/policy.ts.
 */
import type { Actor } from '../communities/index.js';
import { authorizeGate, type GateAction } from './policy.js';
import type { GatePermissions } from './schemas.js';

export function gatePermissions(actor: Actor, communityId: string, settings: { coreCanReview: boolean }): GatePermissions {
  const can = (action: GateAction) => authorizeGate(actor, action, { communityId, coreCanReview: settings.coreCanReview });
  return {
    canConfigure: can('gate.configure'),
    canReview: can('gate.review'),
    canSeeReferrals: can('gate.referrals'),
    canMarkPaid: can('gate.mark_paid'),
    canSetCoreReview: can('gate.set_core_review'),
  };
}
