/**
 * Read models other features may use (through index.ts): a community, a
 * person's membership, a member with their name. Writes to these tables go
 * through the use cases only.
 */
import type { Q } from '../../kernel/db/tx.js';
import { NotFound } from '../../kernel/errors.js';
import type { Where } from './opening.js';
import * as store from './store.js';

export type { CommunityRow, MembershipRow } from './store.js';

/** The community, or 404. */
export async function findCommunity(db: Q, where: Where): Promise<store.CommunityRow> {
  const c = 'slug' in where ? await store.findCommunityBySlug(db, where.slug) : await store.findCommunityById(db, where.id);
  if (!c) throw NotFound('community');
  return c;
}

/** A person's membership row here (any state), if they ever had one. */
export function membershipOf(db: Q, communityId: string, userId: string): Promise<store.MembershipRow | undefined> {
  return store.findMembership(db, communityId, userId);
}

/** A member with name and e-mail (any state), for profiles and decisions about them. */
export function memberOf(db: Q, communityId: string, userId: string) {
  return store.findMember(db, communityId, userId);
}

/** The user ids of a community's owner and admins (active members). */
export function operatorsOf(db: Q, communityId: string): Promise<string[]> {
  return store.listOperators(db, communityId);
}

/** Every community's id (for jobs that visit each community). */
export function allCommunityIds(db: Q): Promise<string[]> {
  return store.listCommunityIds(db);
}
