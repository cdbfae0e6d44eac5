/**
 * The one opening of a use case: load the community (by slug or id), the
 * acting person and their membership inside the caller's transaction, and ask
 * the policy — before anything is decided or written. Signed out is 401, not
 * allowed is 403 (raised before the use case looks anything else up).
 */
import type { Q } from '../../kernel/db/tx.js';
import { Forbidden, NotFound, Unauthorized } from '../../kernel/errors.js';
import { actorOf } from './permissions.js';
import { assertCan, type Action, type Actor } from './policy.js';
import * as store from './store.js';

export type Where = { slug: string } | { id: string };

/**
 * What the opening asks: a communities Action; a predicate of another
 * feature's policy (the gate's reviewers); 'signed-in' (the use case decides
 * on the person's own rows); or 'anyone' (public reads, no sign-in needed).
 */
export type Ask = Action | 'signed-in' | 'anyone' | Check;
/** Another feature's policy, asked through the opening. */
export type Check = (actor: Actor, community: store.CommunityRow) => boolean | Promise<boolean>;

export interface OpenOptions {
  /** Lock the community row (charter edits, one sweep at a time). */
  lockCommunity?: boolean;
  /** Lock the actor's membership row (decisions that depend on the actor's own state). */
  lockActor?: boolean;
}

export interface Opening<Me extends string | null = string> {
  community: store.CommunityRow;
  actor: Actor;
  /** The acting person's membership here, if any. */
  membership: store.MembershipRow | undefined;
  me: Me;
}

export async function openCommunity(db: Q, where: Where, userId: string | null, ask: 'anyone', opts?: OpenOptions): Promise<Opening<string | null>>;
export async function openCommunity(db: Q, where: Where, userId: string | null, ask: Exclude<Ask, 'anyone'>, opts?: OpenOptions): Promise<Opening>;
export async function openCommunity(db: Q, where: Where, userId: string | null, ask: Ask, opts: OpenOptions = {}): Promise<Opening<string | null>> {
  if (ask !== 'anyone' && !userId) throw Unauthorized();
  const lock = opts.lockCommunity === true;
  const community = 'slug' in where ? await store.findCommunityBySlug(db, where.slug, { lock }) : await store.findCommunityById(db, where.id, { lock });
  if (!community) throw NotFound('community');
  const membership = userId ? await store.findMembership(db, community.id, userId, { lock: opts.lockActor }) : undefined;
  const actor = actorOf(userId, membership ? { state: membership.state, role: membership.role } : null, community.id);
  if (typeof ask === 'function') {
    if (!(await ask(actor, community))) throw Forbidden();
  } else if (ask !== 'anyone' && ask !== 'signed-in') {
    assertCan(actor, ask, { communityId: community.id });
  }
  return { community, actor, membership, me: userId };
}
