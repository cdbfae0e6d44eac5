/**
 * Invites and referral (裂变): personal invite links with a quota per role,
 * campaign links that attribute every join to a channel, and the referral
 * numbers the console shows — tree, leaderboard, joins per channel and the
 * growth factor. Pure: codes come from kernel/ids (unguessable), time is passed in.
 */
import { newSecret } from '../../kernel/ids.js';
import type { Role } from '../communities/index.js';

/** 18 random bytes = 144 bits, above the 128 the issue asks for; url-safe. */
export const INVITE_CODE_BYTES = 18;
export function newInviteCode(): string {
  return newSecret(INVITE_CODE_BYTES);
}
/** Codes look like this; anything else is rejected before a lookup. */
export const INVITE_CODE_PATTERN = /^[A-Za-z0-9_-]{24}$/;

export type InviteKind = 'personal' | 'campaign';

export interface InviteState {
  kind: InviteKind;
  expiresAt: string | null;
  maxUses: number | null;
  uses: number;
  revokedAt: string | null;
}

export type InviteProblem = 'revoked' | 'expired' | 'used_up';

/** Why an invite cannot be redeemed now, or null when it can. */
export function inviteProblem(inv: InviteState, now: Date): InviteProblem | null {
  if (inv.revokedAt) return 'revoked';
  if (inv.expiresAt && new Date(inv.expiresAt).getTime() <= now.getTime()) return 'expired';
  if (inv.maxUses !== null && inv.uses >= inv.maxUses) return 'used_up';
  return null;
}

/** Personal invite quota per role; null = unlimited. */
export type InviteQuota = Record<Role, number | null>;
export const DEFAULT_QUOTA: InviteQuota = { owner: null, admin: null, core: 10, member: 3 };

/**
 * How many more personal invites a member may create. Every live or used
 * invite counts (a revoked, never-used one gives its place back).
 */
export function quotaLeft(quota: InviteQuota, role: Role, counted: number): number | null {
  const q = quota[role];
  return q === null ? null : Math.max(0, q - counted);
}

/** Channel a join is attributed to: the campaign's channel, 'referral' for a member's link, else 'direct'. */
export function channelOf(invite: { kind: InviteKind; channel: string | null } | null): string {
  if (!invite) return 'direct';
  return invite.kind === 'personal' ? 'referral' : invite.channel || 'campaign';
}

export interface GrowthFactor {
  from: string;
  to: string;
  /** Members at the start of the period (joined before `from`, per `joins`). */
  base: number;
  referredJoins: number;
  inviters: number;
  /**
   * k = joins in the period that came through a member's personal link ÷ members
   * at the start of the period. k ≥ 1 means each period's members bring in at
   * least as many again by referral alone; null when there was no one to invite.
   */
  k: number | null;
  /** Referred joins per member who brought anyone in during the period. */
  perInviter: number | null;
}

/** The referral growth factor of one period [from, to) from its counts. See `GrowthFactor.k`. */
export function growthFactor(counts: { base: number; referredJoins: number; inviters: number }, from: string, to: string): GrowthFactor {
  const { base, referredJoins, inviters } = counts;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    from,
    to,
    base,
    referredJoins,
    inviters,
    k: base ? round(referredJoins / base) : null,
    perInviter: inviters ? round(referredJoins / inviters) : null,
  };
}
