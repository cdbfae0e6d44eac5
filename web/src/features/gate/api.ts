/** Types and queries of the gate API (apply, status, review, invites, referrals, tiers). */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.js';
import { path } from '../communities/api.js';
import type { Notice } from '../members/notices.js';
import type { ApplicationForm, GateSettings, Preview, ScreeningRule } from '../../../../src/features/gate/rules.js';

export type { ApplicationForm, GateSettings, Preview, ScreeningRule };
export type Answers = Record<string, string | string[]>;

export interface MyApplication {
  id: string;
  state: 'pending' | 'approved' | 'rejected' | 'waitlisted' | 'withdrawn';
  answers: Answers;
  channel: string;
  reason: string | null;
  createdAt: string;
  decidedAt: string | null;
  joinedAt: string | null;
}

export interface QueueItem extends MyApplication {
  applicant: { id: string; displayName: string; email: string };
  referrer: { id: string; displayName: string } | null;
  inviteName: string | null;
  vouched: boolean;
  ruleId: string | null;
}

export interface ApplyPageView {
  form: ApplicationForm;
  open: boolean;
  invite: { kind: 'personal' | 'campaign'; name: string | null; vouch: boolean } | null;
  application: MyApplication | null;
}

export interface StatusView {
  membership: { state: string; role: string } | null;
  application: MyApplication | null;
  waitlistPosition: number | null;
  cooldownUntil: string | null;
  notifications: Notice[];
}

export interface Invite {
  id: string;
  kind: 'personal' | 'campaign';
  name: string | null;
  channel: string | null;
  vouch: boolean;
  expiresAt: string | null;
  maxUses: number | null;
  uses: number;
  revokedAt: string | null;
  live: boolean;
  createdAt: string;
}

/** One member in the referral tree; `direct` people came in through them (0: a leaf). */
export interface ReferralNode {
  userId: string;
  displayName: string;
  joinedAt: string | null;
  direct: number;
}

export interface TreePage {
  nodes: ReferralNode[];
  nextCursor: string | null;
}

export interface ReferralView {
  tree: TreePage;
  leaderboard: { userId: string; displayName: string; direct: number; total: number }[];
  channels: { channel: string; joins: number }[];
  growth: { from: string; to: string; base: number; referredJoins: number; inviters: number; k: number | null; perInviter: number | null };
  funnel: { applied: number; approved: number; introduced: number; active: number };
}

export interface GateConfig {
  form: ApplicationForm;
  rules: ScreeningRule[];
  settings: GateSettings;
}

export const useApplyPage = (slug: string, code?: string) =>
  useQuery({
    queryKey: ['gate', slug, 'apply', code ?? ''],
    queryFn: () => api<ApplyPageView>('GET', `${path(slug)}/apply${code ? `?code=${encodeURIComponent(code)}` : ''}`),
  });

export const useStatus = (slug: string, enabled = true) =>
  useQuery({ queryKey: ['gate', slug, 'status'], queryFn: () => api<StatusView>('GET', `${path(slug)}/application`), enabled });

/** The review queue, oldest first, 100 at a time (keyset pages); the total comes with the first page. */
export const useQueue = (slug: string, state: string) =>
  useInfiniteQuery({
    queryKey: ['gate', slug, 'queue', state],
    initialPageParam: '',
    queryFn: ({ pageParam }) =>
      api<{ applications: QueueItem[]; nextCursor: string | null; total: number | null }>('GET', `${path(slug)}/gate/applications?state=${state}&limit=100${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useConfig = (slug: string) => useQuery({ queryKey: ['gate', slug, 'config'], queryFn: () => api<GateConfig>('GET', `${path(slug)}/gate/config`) });

export const useInvites = (slug: string, enabled = true) =>
  useQuery({ queryKey: ['gate', slug, 'invites'], queryFn: () => api<{ invites: Invite[]; quotaLeft: number | null }>('GET', `${path(slug)}/invites`), enabled });

export const useReferrals = (slug: string) => useQuery({ queryKey: ['gate', slug, 'referrals'], queryFn: () => api<ReferralView>('GET', `${path(slug)}/gate/referrals`) });

/** Saves part of the gate config and refreshes every gate view of the community. */
export function useSaveConfig(slug: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: Partial<GateConfig>) => api<GateConfig>('PATCH', `${path(slug)}/gate/config`, patch),
    onSuccess: (data) => qc.setQueryData(['gate', slug, 'config'], data),
  });
}

/** Text of a question or template label: catalogue keys (gate:intro.city) are translated, operator text is shown as written. */
export function labelKey(label: string): string | null {
  const m = /^gate:(intro\.[a-z]+)$/.exec(label);
  return m ? `gate-ui:${m[1]}` : null;
}
