/** Types and queries of onboarding, member profiles and notices; the types are the server's (schemas.ts), imported type-only. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.js';
import { path } from '../communities/api.js';
import type { IntroTemplate, OnboardingStatus } from '../../../../src/features/members/rules.js';
import type { Notice, NoticesView, OnboardingView, ProfileView } from '../../../../src/features/members/schemas.js';

export type { IntroTemplate, Notice, NoticesView, OnboardingStatus, OnboardingView, ProfileView };

export const useOnboarding = (slug: string) => useQuery({ queryKey: ['members', slug, 'onboarding'], queryFn: () => api<OnboardingView>('GET', `${path(slug)}/onboarding`) });

export const useProfile = (slug: string, userId: string) =>
  useQuery({ queryKey: ['members', slug, 'profile', userId], queryFn: () => api<ProfileView>('GET', `${path(slug)}/members/${encodeURIComponent(userId)}/profile`) });
