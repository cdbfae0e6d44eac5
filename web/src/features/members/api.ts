/** Types and queries of onboarding and member profiles. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.js';
import { path } from '../communities/api.js';
import type { IntroTemplate, OnboardingStatus } from '../../../../src/features/members/rules.js';

export type { IntroTemplate, OnboardingStatus };

export interface OnboardingView {
  norms: string;
  template: IntroTemplate;
  intro: Record<string, string> | null;
  status: OnboardingStatus;
}

export interface ProfileView {
  profile: { userId: string; displayName: string; role: string; joinedAt: string | null; intro: Record<string, string> | null; introducedAt: string | null };
  template: IntroTemplate;
}

export const useOnboarding = (slug: string) => useQuery({ queryKey: ['members', slug, 'onboarding'], queryFn: () => api<OnboardingView>('GET', `${path(slug)}/onboarding`) });

export const useProfile = (slug: string, userId: string) =>
  useQuery({ queryKey: ['members', slug, 'profile', userId], queryFn: () => api<ProfileView>('GET', `${path(slug)}/members/${encodeURIComponent(userId)}/profile`) });
