/**
 * Who may do what at the gate. Builds on the communities policy's Actor; the
 * one gate-specific twist is that the owner may let core members review.
 */
import { memberHere, roleRank, type Actor } from '../communities/index.js';
import { Forbidden } from '../../kernel/errors.js';

export type GateAction =
  | 'gate.configure' // form, rules, settings, tiers, campaign links
  | 'gate.review' // read the queue and answers, approve / reject
  | 'gate.referrals' // referral tree, leaderboard, channels
  | 'gate.invite' // create a personal invite link
  | 'gate.mark_paid' // record a payment received
  | 'gate.set_core_review'; // let core members review (or stop them): the owner's call

export function authorizeGate(actor: Actor, action: GateAction, r: { communityId: string; coreCanReview?: boolean }): boolean {
  const m = memberHere(actor, r.communityId);
  if (!m) return false;
  const rank = roleRank(m.role);
  switch (action) {
    case 'gate.invite':
      return true;
    case 'gate.review':
      return rank >= roleRank('admin') || (m.role === 'core' && r.coreCanReview === true);
    case 'gate.configure':
    case 'gate.referrals':
    case 'gate.mark_paid':
      return rank >= roleRank('admin');
    case 'gate.set_core_review':
      return m.role === 'owner';
  }
}

export function assertGate(actor: Actor, action: GateAction, r: { communityId: string; coreCanReview?: boolean }): void {
  if (!authorizeGate(actor, action, r)) throw Forbidden(`not allowed: ${action}`);
}
