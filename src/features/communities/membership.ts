/**
 * Membership use cases: the member list, role changes, removal, leaving, and
 * `transitionMembership`, the one runner of the state machine in rules.ts that
 * every feature (gate, pruning, invites, carriers) uses. Each joins the
 * caller's transaction or opens one: opening → policy → rules → store →
 * activity event (+ the audit trail for decisions about a person). Carriers
 * hear of a change after the outermost commit.
 */
import type { AppContext } from '../../kernel/context.js';
import { appendEvent } from '../../kernel/activity/log.js';
import type { ActivityEvent } from '../../kernel/activity/taxonomy.js';
import { recordDecision } from '../../kernel/audit.js';
import { afterCommit, inTransaction, type Q } from '../../kernel/db/tx.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { decodeCursor, pageOf } from '../../kernel/paging.js';
import { searchDocuments } from '../../kernel/search/index.js';
import { notifyCarriers, type MembershipChange } from '../carriers/index.js';
import { openCommunity } from './opening.js';
import { assertCan, type Action } from './policy.js';
import { nextState, TRANSITION_EVENT, type MembershipState, type Role, type Transition } from './rules.js';
import * as store from './store.js';
import { toMember, type Member } from './views.js';
import { memberPermissions } from './permissions.js';
import type { MemberPermissions } from './schemas.js';

/** How many people a member search looks at, at most: a search narrows, it does not list. */
export const MEMBER_SEARCH_LIMIT = 500;

export async function listMembers(
  ctx: AppContext,
  slug: string,
  userId: string | null,
  query: { state?: MembershipState; role?: Role; q?: string; limit?: number; cursor?: string },
): Promise<{ members: (Member & { permissions: MemberPermissions })[]; nextCursor: string | null; total: number | null }> {
  const db = ctx.db.kysely;
  const { community, actor } = await openCommunity(db, { slug }, userId, 'members.list');
  const limit = query.limit ?? 50;
  const after = decodeCursor(query.cursor, ['number', 'string', 'string']) as store.MemberKey | undefined;
  const userIds = query.q ? await searchDocuments(db, 'user', query.q, MEMBER_SEARCH_LIMIT) : undefined;
  const rows = await store.listMembers(db, community.id, { state: query.state, role: query.role, userIds, limit, after });
  const page = pageOf(rows, limit, (r) => [r.rank, r.sortAt, r.userId]);
  // The total is counted once, on the first page, from the index (later pages carry the cursor instead).
  const total = after ? null : userIds ? null : await store.countMembersIn(db, community.id, { state: query.state, role: query.role });
  const members = page.rows.map((r) => ({ ...toMember(r), permissions: memberPermissions(actor, community.id, toMember(r)) }));
  return { members, nextCursor: page.nextCursor, total };
}

export async function changeRole(ctx: AppContext, slug: string, userId: string | null, targetUserId: string, role: Role): Promise<{ member: Member }> {
  const at = ctx.clock.now().toISOString();
  return inTransaction(ctx.db, async (trx) => {
    // Only operators learn whether the target exists.
    const { community, actor } = await openCommunity(trx, { slug }, userId, 'console.open');
    const target = await store.findMembership(trx, community.id, targetUserId, { lock: true });
    if (!target || target.state !== 'member') throw NotFound('member');
    assertCan(actor, 'members.change_role', { communityId: community.id, targetUserId, targetRole: target.role, newRole: role });
    if (target.role !== role) {
      await store.updateMembership(trx, community.id, targetUserId, { role, updatedAt: at });
      const data = { from: target.role, to: role };
      await appendEvent(trx, community.id, { kind: 'member.role_changed', at, actorId: actor.userId, targetId: targetUserId, objectType: 'membership', objectId: target.id, data });
      await recordDecision(trx, community.id, { action: 'member.role_changed', decidedBy: actor.userId, subjectId: targetUserId, data, at });
    }
    return { member: toMember((await store.findMember(trx, community.id, targetUserId))!) };
  });
}

export function removeMember(ctx: AppContext, slug: string, userId: string | null, targetUserId: string, reason?: string): Promise<{ member: Member }> {
  return inTransaction(ctx.db, async (trx) => {
    const { community, me } = await openCommunity(trx, { slug }, userId, 'signed-in');
    return transitionMembership(ctx, { communityId: community.id, userId: targetUserId, transition: 'remove', by: me, reason }, trx);
  });
}

export function leave(ctx: AppContext, slug: string, userId: string | null, reason?: string): Promise<{ member: Member }> {
  return inTransaction(ctx.db, async (trx) => {
    const { community, me } = await openCommunity(trx, { slug }, userId, 'signed-in');
    return transitionMembership(ctx, { communityId: community.id, userId: me, transition: 'leave', by: me, reason }, trx);
  });
}

/** A direct join decided elsewhere (founder, vouched invite, carrier join). */
export function joinCommunity(ctx: AppContext, input: { communityId: string; userId: string; role?: Exclude<Role, 'owner'>; via?: string }, db?: Q) {
  return transitionMembership(ctx, { ...input, transition: 'join', by: null }, db);
}

/**
 * Room for more members, read where a capacity is enforced: the community row
 * is locked first, so two entries racing for the last place are serialized
 * (PostgreSQL; SQLite has one writer). Without a limit nothing is locked or
 * counted. `active` is counted only when there is a capacity.
 */
export async function seats(trx: Q, communityId: string): Promise<{ capacity: number | null; active: number }> {
  const community = await store.findCommunityById(trx, communityId);
  if (!community) throw NotFound('community');
  if (community.capacity === null) return { capacity: null, active: 0 };
  const locked = (await store.findCommunityById(trx, communityId, { lock: true }))!;
  if (locked.capacity === null) return { capacity: null, active: 0 };
  return { capacity: Number(locked.capacity), active: await store.countActiveMembers(trx, communityId) };
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
  /** How they came: invite, carrier, application channel… (kept on the events). */
  via?: string;
  /**
   * The calling use case already asked its own policy for `by` (the gate's
   * reviewers may include core members): skip the operator check here.
   */
  authorized?: boolean;
  /** More for the decision's event: the rule that decided and its reason in words (pruning). */
  eventData?: Record<string, unknown>;
  /** More for the audit entry: the rule that decided, the caller's record (the application). */
  audit?: { rule?: string | null; data?: Record<string, unknown> };
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
/** What the carriers (chat groups of members) hear; an applicant's moves change no group. */
const CARRIER_CHANGE: Partial<Record<Transition, MembershipChange['change']>> = {
  approve: 'approved',
  join: 'joined',
  readmit: 'readmitted',
  remove: 'removed',
  ban: 'banned',
  leave: 'left',
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

/** Moves one membership through the state machine, in the caller's transaction when given. */
export async function transitionMembership(ctx: AppContext, input: TransitionInput, db?: Q): Promise<{ member: Member }> {
  const { communityId, userId, transition, by } = input;
  const reason = input.reason?.trim() || undefined; // an empty reason is no reason
  if ((input.role as string | undefined) === 'owner') throw Invalid('role', 'ownership is set when the community is created');
  const at = ctx.clock.now().toISOString();
  return inTransaction(db ?? ctx.db, async (trx) => {
    const current = await store.findMembership(trx, communityId, userId, { lock: true });
    await authorizeTransition(trx, input, current);

    const outcome = nextState(current ? current.state : 'none', transition, current?.role);
    if (!outcome.ok) throw Conflict(outcome.reason);
    const entering = outcome.to === 'member';
    if (entering) {
      const { capacity, active } = await seats(trx, communityId);
      if (capacity !== null && active >= capacity) throw Conflict('the community is full', 'capacity');
    }
    const ending = outcome.to === 'left' || outcome.to === 'removed' || outcome.to === 'banned' || outcome.to === 'rejected';
    // Entering or applying again starts fresh: no end date, no end reason.
    const fresh = entering || outcome.to === 'applicant';
    const role: Role = entering ? (input.role ?? 'member') : (current?.role ?? 'member');
    const membershipId = current?.id ?? newId(new Date(at).getTime());
    const patch = {
      state: outcome.to,
      role,
      joinedAt: entering ? at : (current?.joinedAt ?? null),
      endedAt: ending ? at : fresh ? null : (current?.endedAt ?? null),
      endReason: ending ? (reason ?? null) : fresh ? null : (current?.endReason ?? null),
      updatedAt: at,
    };
    if (current) await store.updateMembership(trx, communityId, userId, patch);
    else await store.insertMembership(trx, { id: membershipId, communityId, userId, createdAt: at, ...patch });
    for (const event of transitionEvents({ ...input, reason }, membershipId, at, role)) await appendEvent(trx, communityId, event);
    const auditAction = AUDITED[transition];
    if (auditAction && by !== userId) {
      await recordDecision(trx, communityId, { action: auditAction, decidedBy: by, subjectId: userId, reason: reason ?? null, rule: input.audit?.rule ?? null, data: input.audit?.data, at });
    }
    const change = CARRIER_CHANGE[transition];
    if (change) await afterCommit(trx, () => notifyCarriers({ communityId, userId, change, reason: reason ?? null }, (err) => console.error('carrier hook failed', err)));
    return { member: toMember((await store.findMember(trx, communityId, userId))!) };
  });
}

async function authorizeTransition(trx: Q, input: TransitionInput, current: store.MembershipRow | undefined) {
  const { by, userId, transition, communityId } = input;
  if (by === null || input.authorized) return; // a rule or the calling use case's own policy already decided
  if (by === userId) {
    if (!SELF.has(transition)) throw Forbidden(`you cannot ${transition} your own membership`);
    return;
  }
  const { actor } = await openCommunity(trx, { id: communityId }, by, 'console.open');
  const action = OPERATOR[transition];
  if (!action) throw Forbidden(`only the member can ${transition}`);
  if (!current && transition !== 'join') throw NotFound('member');
  assertCan(actor, action, { communityId, targetUserId: userId, targetRole: current?.role ?? 'member' });
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
  const data = { ...(reason ? { reason } : {}), ...(via ? { via } : {}), ...input.eventData };
  const decision: ActivityEvent = {
    ...base,
    kind: TRANSITION_EVENT[transition],
    actorId: self ? userId : by,
    targetId: self ? null : userId,
    data: Object.keys(data).length ? data : null,
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
