/**
 * Membership moves made inside a gate use case's transaction. The communities
 * service's `transitionMembership` opens its own transaction; the gate needs
 * the application, the membership, the audit entry and the notice to commit
 * together, so it uses the same state machine and store functions here, and
 * writes the same events (member.applied / approved / joined / rejected).
 */
import type { Kysely } from 'kysely';
import { appendEvent } from '../../kernel/activity/log.js';
import type { Database } from '../../kernel/db/schema.js';
import { Conflict } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import * as cstore from '../communities/store.js';
import { nextState, TRANSITION_EVENT, type MembershipState, type Role } from '../communities/rules.js';

export interface Move {
  communityId: string;
  userId: string;
  transition: 'apply' | 'approve' | 'reject' | 'join' | 'withdraw';
  /** Who decided (reviewer); null for a screening rule or the applicant themself. */
  by: string | null;
  reason?: string | null;
  via?: string;
  at: string;
}

export async function moveMembership(trx: Kysely<Database>, m: Move, lock: boolean): Promise<string> {
  const current = await cstore.findMembership(trx, m.communityId, m.userId, { lock });
  const outcome = nextState(current ? (current.state as MembershipState) : 'none', m.transition, current?.role as Role | undefined);
  if (!outcome.ok) throw Conflict(outcome.reason);
  const entering = outcome.to === 'member';
  const ending = outcome.to === 'rejected' || outcome.to === 'left';
  const id = current?.id ?? newId(new Date(m.at).getTime());
  // Coming back after leaving or removal starts as a plain member again.
  const role: Role = entering || !current ? 'member' : (current.role as Role);
  const patch = {
    state: outcome.to,
    role,
    joinedAt: entering ? m.at : (current?.joinedAt ?? null),
    endedAt: ending ? m.at : outcome.to === 'applicant' || entering ? null : (current?.endedAt ?? null),
    endReason: ending ? (m.reason ?? null) : null,
    updatedAt: m.at,
  };
  if (current) await cstore.updateMembership(trx, m.communityId, m.userId, patch);
  else await cstore.insertMembership(trx, { id, communityId: m.communityId, userId: m.userId, createdAt: m.at, ...patch });

  const base = { at: m.at, objectType: 'membership', objectId: id } as const;
  const self = m.transition === 'apply' || m.transition === 'withdraw';
  await appendEvent(trx, m.communityId, {
    ...base,
    kind: TRANSITION_EVENT[m.transition],
    actorId: self ? m.userId : m.by,
    targetId: self ? null : m.userId,
    data: m.reason ? { reason: m.reason, ...(m.via ? { via: m.via } : {}) } : m.via ? { via: m.via } : null,
  });
  if (m.transition === 'approve') {
    await appendEvent(trx, m.communityId, { ...base, kind: 'member.joined', actorId: m.userId, data: { role, via: m.via ?? 'application' } });
  }
  return id;
}
