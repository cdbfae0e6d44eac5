/**
 * Who may do what with activities. Every check starts from the one tenancy
 * check (`memberHere`): a membership elsewhere, a removed member or an
 * applicant gets nothing here.
 */
import { memberHere, roleRank, type Actor } from '../communities/index.js';

interface CommunityRef {
  id: string;
}

/** Core members and up run challenges and events (create them, see host lists, check people in). */
export function canRun(actor: Actor, community: CommunityRef): boolean {
  const m = memberHere(actor, community.id);
  return !!m && roleRank(m.role) >= roleRank('core');
}

/** Active members see and take part in the community's activities. */
export function canTakePart(actor: Actor, community: CommunityRef): boolean {
  return memberHere(actor, community.id) !== null;
}
