/**
 * Who may read and do what with content. Pure: the use cases hand it the
 * viewer's access (from the one opening) and the post; the feed and search
 * queries say the same rule in SQL (store.readableBy), and the access tests
 * hold both to it.
 */
import { memberHere, type Actor } from '../communities/index.js';
import { reaches, type ContentSettings } from './rules.js';
import type { Role } from '../communities/index.js';
import type { Visibility } from './tables.js';

/** What a viewer may see in one community: nothing unless an active member here. */
export interface Access {
  userId: string;
  role: Role;
  /** Tiers the member has paid through beyond now. */
  tiers: string[];
}

export function accessOf(actor: Actor, communityId: string, tiers: string[]): Access | null {
  const m = memberHere(actor, communityId);
  return m && actor.userId ? { userId: actor.userId, role: m.role, tiers } : null;
}

/** Owners and admins see everything, hidden posts included (they moderate). */
export const isStaff = (a: Access) => reaches(a.role, 'admin');

export function canRead(a: Access, post: { authorId: string; visibility: Visibility; tierId: string | null; hiddenAt: string | null }): boolean {
  if (isStaff(a)) return true;
  const own = post.authorId === a.userId;
  if (post.hiddenAt && !own) return false;
  if (own) return true;
  switch (post.visibility) {
    case 'members':
      return true;
    case 'core':
      return reaches(a.role, 'core');
    case 'tier':
      return post.tierId !== null && a.tiers.includes(post.tierId);
  }
}

export type ContentAction = 'post' | 'ask' | 'essence' | 'moderate' | 'settings';

export function canDo(a: Access, action: ContentAction, settings: ContentSettings): boolean {
  switch (action) {
    case 'post':
      return reaches(a.role, settings.post);
    case 'ask':
      return reaches(a.role, settings.ask);
    case 'essence':
      return reaches(a.role, settings.essence);
    case 'moderate':
      return isStaff(a);
    case 'settings':
      return a.role === 'owner';
  }
}
