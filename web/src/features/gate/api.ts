/**
 * The gate API as the web sees it (apply, status, review, invites, referrals,
 * tiers): the types are the ones the server's schemas infer
 * (src/features/gate/schemas.ts, imported type-only), plus the shared queries.
 */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.js';
import { path } from '../communities/api.js';
import type { ApplicationForm, GateSettings, ScreeningRule } from '../../../../src/features/gate/rules.js';
import type {
  Answers,
  ApplicationBody,
  ApplyPageView,
  ConfigPatch,
  DecideResults,
  GateConfigView,
  GatePermissions,
  Invite,
  InviteCreated,
  InvitesView,
  MyApplication,
  Preview,
  QueueItem,
  QueueView,
  ReferralView,
  StatusView,
  Tier,
  TiersView,
  ReferralNode,
  TreePage,
} from '../../../../src/features/gate/schemas.js';

export type {
  Answers, ApplicationBody, ApplicationForm, ApplyPageView, ConfigPatch, DecideResults, GateConfigView, GatePermissions, GateSettings, Invite, InviteCreated,
  InvitesView, MyApplication, Preview, QueueItem, QueueView, ReferralView, ScreeningRule, StatusView, Tier, TiersView, ReferralNode, TreePage,
};
/** A member on a paid tier, with their payment status. */
export type Payer = TiersView['members'][number];

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
    queryFn: ({ pageParam }) => api<QueueView>('GET', `${path(slug)}/gate/applications?state=${state}&limit=100${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useConfig = (slug: string) => useQuery({ queryKey: ['gate', slug, 'config'], queryFn: () => api<GateConfigView>('GET', `${path(slug)}/gate/config`) });

export const useInvites = (slug: string, enabled = true) =>
  useQuery({ queryKey: ['gate', slug, 'invites'], queryFn: () => api<InvitesView>('GET', `${path(slug)}/invites`), enabled });

export const useReferrals = (slug: string) => useQuery({ queryKey: ['gate', slug, 'referrals'], queryFn: () => api<ReferralView>('GET', `${path(slug)}/gate/referrals`) });

/** Saves part of the gate config and refreshes every gate view of the community. */
export function useSaveConfig(slug: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: ConfigPatch) => api<GateConfigView>('PATCH', `${path(slug)}/gate/config`, patch),
    onSuccess: (data) => qc.setQueryData(['gate', slug, 'config'], data),
  });
}

/** Text of a question or template label: catalogue keys (gate:intro.city) are translated, operator text is shown as written. */
export function labelKey(label: string): string | null {
  const m = /^gate:(intro\.[a-z]+)$/.exec(label);
  return m ? `gate-ui:${m[1]}` : null;
}
