/** Types of the communities API (platform contract) and the queries the pages share. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.js';
import type { CommunityType, MembershipState, Role } from '../../../../src/features/communities/rules.js';
import type { EventKind } from '../../../../src/kernel/activity/taxonomy.js';

export type { CommunityType, MembershipState, Role, EventKind };

export interface Charter {
  slug: string;
  name: string;
  type: CommunityType;
  sharedNeed: string;
  valuePromise: string;
  norms: string;
  entryCriteria: string;
  capacity: number | null;
  publicTeaser: boolean;
  teaser: string;
}

export interface Community extends Charter {
  id: string;
  createdAt: string;
  updatedAt: string;
}

export interface PublicCommunity extends Omit<Charter, 'publicTeaser' | 'teaser'> {
  memberCount: number;
  teaser: string | null;
}

export type Viewer = { state: MembershipState; role: Role } | null;

export interface Person {
  id: string;
  displayName: string;
}

export interface ActivityItem {
  id: string | number;
  kind: EventKind;
  at: string;
  actor: Person | null;
  target: Person | null;
  objectType: string | null;
  objectId: string | null;
  data: Record<string, unknown> | null;
}

export interface HomeView {
  community: Community;
  viewer: Viewer;
  stats: { members: number; core: number; joinedLast30d: number };
  core: { userId: string; displayName: string; role: Role }[];
  recent: ActivityItem[];
  /** Older items of the feed: `GET …/home/feed?cursor=`. */
  recentCursor: string | null;
}

export interface MemberRow {
  userId: string;
  displayName: string;
  email: string;
  role: Role;
  state: MembershipState;
  joinedAt: string | null;
}

export const path = (slug: string) => `/api/communities/${encodeURIComponent(slug)}`;

export function canOperate(viewer: Viewer): boolean {
  return viewer?.state === 'member' && (viewer.role === 'owner' || viewer.role === 'admin');
}

export function useMyCommunities(enabled: boolean) {
  return useQuery({
    queryKey: ['communities', 'mine'],
    queryFn: () => api<{ communities: { community: PublicCommunity & { id?: string }; viewer: Viewer; memberCount: number }[] }>('GET', '/api/communities'),
    enabled,
  });
}

export function usePublicCommunity(slug: string) {
  return useQuery({
    queryKey: ['community', slug, 'public'],
    queryFn: () => api<{ community: PublicCommunity; viewer: Viewer }>('GET', path(slug)),
  });
}

export function useHome(slug: string) {
  return useQuery({
    queryKey: ['community', slug, 'home'],
    queryFn: () => api<HomeView>('GET', `${path(slug)}/home`),
  });
}
