/**
 * Membership use cases: the member list, role changes, removal, leaving, and
 * `transitionMembership`, the one path every feature (gate, pruning, invites,
 * carriers) uses to move a membership through the state machine in rules.ts.
 * Each runs in one transaction: policy → rules → store → activity event (+ the
 * audit trail for decisions about a person). Carriers hear of it after commit.
 */
import type { Kysely } from 'kysely';
import type { AppContext } from '../../kernel/context.js';
import type { Database } from '../../kernel/db/schema.js';
import { appendEvent } from '../../kernel/activity/log.js';
import type { ActivityEvent } from '../../kernel/activity/taxonomy.js';
import { recordDecision } from '../../kernel/audit.js';
import { transaction } from '../../kernel/db/connect.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { notifyCarriers, type MembershipChange } from '../carriers/hooks.js';
import { assertCan, type Action } from './policy.js';
import { hasRoom, nextState, TRANSITION_EVENT, type MembershipState, type Role, type Transition } from './rules.js';
import { actorIn, loadCommunity, signedIn } from './service.js';
import * as store from './store.js';
import { toMember, type Member } from './views.js';
import { memberPermissions } from './permissions.js';
import type { MemberPermissions } from './schemas.js';

export async function listMembers(
  ctx: AppContext,
  slug: string,
  userId: string | null,
  query: { state?: MembershipState; role?: Role; q?: string; limit?: number; offset?: number },
): Promise<{ members: (Member & { permissions: MemberPermissions })[]; total: number }> {
  const db = ctx.db.kysely;
  const community = await loadCommunity(db, slug);
  const { actor } = await actorIn(db, community.id, signedIn(userId));
  assertCan(actor, 'members.list', { communityId: community.id });
  const { rows, total } = await store.listMembers(db, community.id, { ...query, limit: query.limit ?? 50, offset: query.offset ?? 0 });
  return { members: rows.map((r) => ({ ...toMember(r), permissions: memberPermissions(actor, community.id, toMember(r)) })), total };
}

export async function changeRole(ctx: AppContext, slug: string, userId: string | null, targetUserId: string, role: Role): Promise<{ member: Member }> {
  const at = ctx.clock.now().toISOString();
  const lock = ctx.db.dialect === 'postgres';
  return transaction(ctx.db, async (trx) => {
    const community = await loadCommunity(trx, slug);
    const { actor } = await actorIn(trx, community.id, signedIn(userId));
    // Only operators learn whether the target exists.
    assertCan(actor, 'console.open', { communityId: community.id });
    const target = await store.findMembership(trx, community.id, targetUserId, { lock });
    if (!target || target.state !== 'member') throw NotFound('member');
    assertCan(actor, 'members.change_role', { communityId: community.id, targetUserId, targetRole: target.role as Role, newRole: role });
    if (target.role !== role) {
      await store.updateMembership(trx, community.id, targetUserId, { role, updatedAt: at });
      const data = { from: target.role, to: role };
      await appendEvent(trx, community.id, { kind: 'member.role_changed', at, actorId: actor.userId, targetId: targetUserId, objectType: 'membership', objectId: target.id, data });
      await recordDecision(trx, community.id, { action: 'member.role_changed', decidedBy: actor.userId, subjectId: targetUserId, data, at });
    }
    return { member: toMember((await store.findMember(trx, community.id, targetUserId))!) };
  });
}

export async function removeMember(ctx: AppContext, slug: string, userId: string | null, targetUserId: string, reason?: string): Promise<{ member: Member }> {
  const community = await loadCommunity(ctx.db.kysely, slug);
  return transitionMembership(ctx, { communityId: community.id, userId: targetUserId, transition: 'remove', by: signedIn(userId), reason });
}

export async function leave(ctx: AppContext, slug: string, userId: string | null, reason?: string): Promise<{ member: Member }> {
  const me = signedIn(userId);
  const community = await loadCommunity(ctx.db.kysely, slug);
  return transitionMembership(ctx, { communityId: community.id, userId: me, transition: 'leave', by: me, reason });
}

/** A direct join decided elsewhere (founder, vouched invite, carrier join). */
export function joinCommunity(ctx: AppContext, input: { communityId: string; userId: string; role?: Exclude<Role, 'owner'>; via?: string }) {
  return transitionMembership(ctx, { ...input, transition: 'join', by: null });
}

export interface TransitionInput {
  communityId: string;
  /** The person whose membership moves. */
  userId: string;
  transition: Transition;
  /** Who decided: the person themself, an operator, or null when a rule or another feature decided. */
  by: string | null;
  reason?: string;
  /** Role on entering (join / approve / readmit); member by default. */
  role?: Exclude<Role, 'owner'>;
  /** How they came: invite, carrier, application… (kept on member.joined). */
  via?: string;
  /**
   * The caller's own writes that belong to this decision (its warnings, notices,
   * appeal outcome): they run in the same transaction, so the change and its
   * bookkeeping are stored together or not at all.
   */
  within?: (trx: Kysely<Database>) => Promise<void>;
}

/** What the person may do to their own membership. */
const SELF: ReadonlySet<Transition> = new Set(['apply', 'withdraw', 'leave']);
/** The policy action an operator needs for each transition they make for someone else. */
const OPERATOR: Partial<Record<Transition, Action>> = {
  approve: 'members.admit',
  reject: 'members.admit',
  join: 'members.admit',
  readmit: 'members.admit',
  unban: 'members.admit',
  remove: 'members.remove',
  ban: 'members.ban',
};
const CARRIER_CHANGE: Partial<Record<Transition, MembershipChange['change']>> = {
  approve: 'approved',
  join: 'joined',
  readmit: 'readmitted',
  remove: 'removed',
  ban: 'banned',
  leave: 'left',
  withdraw: 'left',
};
/** Decisions about a person go to the audit trail, under these names. */
const AUDITED: Partial<Record<Transition, string>> = {
  approve: 'application.approved',
  reject: 'application.rejected',
  remove: 'member.removed',
  ban: 'member.banned',
  unban: 'member.unbanned',
  readmit: 'member.readmitted',
};

export async function transitionMembership(ctx: AppContext, input: TransitionInput): Promise<{ member: Member }> {
  const { communityId, userId, transition, by } = input;
  const reason = input.reason?.trim() || undefined; // an empty reason is no reason
  if ((input.role as Role | undefined) === 'owner') throw Invalid('role', 'ownership is set when the community is created');
  const at = ctx.clock.now().toISOString();
  const lock = ctx.db.dialect === 'postgres';
  const result = await transaction(ctx.db, async (trx) => {
    // Locking the community row serializes joins, so the capacity check holds under concurrency.
    const community = await store.findCommunityById(trx, communityId, { lock });
    if (!community) throw NotFound('community');
    const current = await store.findMembership(trx, communityId, userId, { lock });
    await authorizeTransition(trx, input, current);

    const outcome = nextState(current ? (current.state as MembershipState) : 'none', transition, current?.role as Role | undefined);
    if (!outcome.ok) throw Conflict(outcome.reason);
    const entering = outcome.to === 'member';
    if (entering && !hasRoom(community.capacity === null ? null : Number(community.capacity), await store.countActiveMembers(trx, communityId))) {
      throw Conflict('the community is full', 'capacity');
    }
    const ending = outcome.to === 'left' || outcome.to === 'removed' || outcome.to === 'banned' || outcome.to === 'rejected';
    const role: Role = entering ? (input.role ?? 'member') : ((current?.role as Role | undefined) ?? 'member');
    const membershipId = current?.id ?? newId(new Date(at).getTime());
    if (!current) {
      await store.insertMembership(trx, {
        id: membershipId,
        communityId,
        userId,
        state: outcome.to,
        role,
        createdAt: at,
        joinedAt: entering ? at : null,
        endedAt: ending ? at : null,
        endReason: ending ? (reason ?? null) : null,
        updatedAt: at,
      });
    } else {
      await store.updateMembership(trx, communityId, userId, {
        state: outcome.to,
        role,
        joinedAt: entering ? at : current.joinedAt,
        endedAt: ending ? at : entering ? null : current.endedAt,
        endReason: ending ? (reason ?? null) : entering ? null : current.endReason,
        updatedAt: at,
      });
    }
    for (const event of transitionEvents({ ...input, reason }, membershipId, at, role)) await appendEvent(trx, communityId, event);
    const auditAction = AUDITED[transition];
    if (auditAction && by !== userId) {
      await recordDecision(trx, communityId, { action: auditAction, decidedBy: by, subjectId: userId, reason: reason ?? null, at });
    }
    if (input.within) await input.within(trx);
    return { member: toMember((await store.findMember(trx, communityId, userId))!) };
  });
  const change = CARRIER_CHANGE[transition];
  if (change) await notifyCarriers({ communityId, userId, change, reason: reason ?? null }, (err) => console.error('carrier hook failed', err));
  return result;
}

async function authorizeTransition(trx: Parameters<typeof store.findMembership>[0], input: TransitionInput, current: store.MembershipRow | undefined) {
  const { by, userId, transition, communityId } = input;
  if (by === null) return; // a rule or another feature's use case already decided
  if (by === userId) {
    if (!SELF.has(transition)) throw Forbidden(`you cannot ${transition} your own membership`);
    return;
  }
  const { actor } = await actorIn(trx, communityId, by);
  const action = OPERATOR[transition];
  if (!action) throw Forbidden(`only the member can ${transition}`);
  assertCan(actor, 'console.open', { communityId });
  if (!current && transition !== 'join') throw NotFound('member');
  assertCan(actor, action, { communityId, targetUserId: userId, targetRole: (current?.role as Role | undefined) ?? 'member' });
}

/**
 * The events a transition writes. member.joined always names the person who
 * joined as actor (the health engine counts arrivals by actor); decisions by an
 * operator name the operator as actor and the person as target.
 */
function transitionEvents(input: TransitionInput, membershipId: string, at: string, role: Role): ActivityEvent[] {
  const { by, userId, transition, reason, via } = input;
  const base = { at, objectType: 'membership', objectId: membershipId } as const;
  const self = by === userId;
  const decision: ActivityEvent = {
    ...base,
    kind: TRANSITION_EVENT[transition],
    actorId: self ? userId : by,
    targetId: self ? null : userId,
    data: reason ? { reason } : null,
  };
  const joined = (how: string): ActivityEvent => ({
    ...base,
    kind: 'member.joined',
    actorId: userId,
    data: { role, via: via ?? how, ...(by && by !== userId ? { addedBy: by } : {}) },
  });
  if (transition === 'join') return [joined('direct')];
  if (transition === 'approve') return [decision, joined('application')];
  if (transition === 'readmit') return [decision, joined('readmit')];
  return [decision];
}
