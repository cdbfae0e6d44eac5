/**
 * The communities API as the web sees it: the types are the ones the server's
 * response schemas infer (src/features/communities/schemas.ts, imported
 * type-only so no server code reaches the bundle), plus the queries pages share.
 */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.js';
import type { CommunityType, MembershipState, Role } from '../../../../src/features/communities/rules.js';
import type { EventKind } from '../../../../src/kernel/activity/taxonomy.js';
import type {
  ActivityItem,
  ActivityPage,
  CharterSaved,
  Community,
  Created,
  HomeView,
  MemberList,
  MemberPermissions,
  MemberRow,
  MyCommunities,
  Permissions,
  PublicCommunity,
  PublicPage,
  Viewer,
} from '../../../../src/features/communities/schemas.js';

export type { ActivityItem, ActivityPage, CharterSaved, Community, CommunityType, Created, EventKind, HomeView, MemberList, MemberPermissions, MemberRow, MembershipState, Permissions, PublicCommunity, Role, Viewer };

/** The charter as the operator writes it: a community's own fields. */
export type Charter = Omit<Community, 'id' | 'createdAt' | 'updatedAt'>;

export const path = (slug: string) => `/api/communities/${encodeURIComponent(slug)}`;

export function useMyCommunities(enabled: boolean) {
  return useQuery({
    queryKey: ['communities', 'mine'],
    queryFn: () => api<MyCommunities>('GET', '/api/communities'),
    enabled,
  });
}

export function usePublicCommunity(slug: string) {
  return useQuery({
    queryKey: ['community', slug, 'public'],
    queryFn: () => api<PublicPage>('GET', path(slug)),
  });
}

export function useHome(slug: string) {
  return useQuery({
    queryKey: ['community', slug, 'home'],
    queryFn: () => api<HomeView>('GET', `${path(slug)}/home`),
  });
}
