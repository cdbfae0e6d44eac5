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

/** One join, as referral analytics see it. */
export interface Join {
  userId: string;
  referrerId: string | null;
  channel: string;
  joinedAt: string;
}

export interface TreeNode {
  userId: string;
  joinedAt: string;
  children: TreeNode[];
  /** Everyone who came in below this member, at any depth. */
  descendants: number;
}

/** The referral tree: roots are members who joined without a member referrer. */
export function referralTree(joins: Join[]): TreeNode[] {
  const nodes = new Map<string, TreeNode>();
  for (const j of joins) nodes.set(j.userId, { userId: j.userId, joinedAt: j.joinedAt, children: [], descendants: 0 });
  const roots: TreeNode[] = [];
  for (const j of [...joins].sort(byTime)) {
    const node = nodes.get(j.userId)!;
    const parent = j.referrerId && j.referrerId !== j.userId ? nodes.get(j.referrerId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const count = (n: TreeNode, path: Set<string>): number => {
    if (path.has(n.userId)) return 0; // a cycle in bad data must not hang the console
    path.add(n.userId);
    n.descendants = n.children.reduce((s, c) => s + 1 + count(c, path), 0);
    path.delete(n.userId);
    return n.descendants;
  };
  roots.forEach((r) => count(r, new Set()));
  return roots;
}

export interface LeaderRow {
  userId: string;
  direct: number;
  total: number;
}

/** Referrers by direct joins, then by everyone below them; ties by id so the order is stable. */
export function leaderboard(joins: Join[], limit = 20): LeaderRow[] {
  const tree = referralTree(joins);
  const rows: LeaderRow[] = [];
  const walk = (n: TreeNode) => {
    if (n.children.length) rows.push({ userId: n.userId, direct: n.children.length, total: n.descendants });
    n.children.forEach(walk);
  };
  tree.forEach(walk);
  return rows.sort((a, b) => b.direct - a.direct || b.total - a.total || a.userId.localeCompare(b.userId)).slice(0, limit);
}

export function joinsPerChannel(joins: Join[]): { channel: string; joins: number }[] {
  const m = new Map<string, number>();
  for (const j of joins) m.set(j.channel, (m.get(j.channel) ?? 0) + 1);
  return [...m].map(([channel, n]) => ({ channel, joins: n })).sort((a, b) => b.joins - a.joins || a.channel.localeCompare(b.channel));
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

/** The referral growth factor of one period [from, to). See `GrowthFactor.k`. */
export function growthFactor(joins: Join[], from: string, to: string): GrowthFactor {
  const f = new Date(from).getTime();
  const t = new Date(to).getTime();
  const base = joins.filter((j) => new Date(j.joinedAt).getTime() < f).length;
  const inPeriod = joins.filter((j) => {
    const at = new Date(j.joinedAt).getTime();
    return at >= f && at < t && j.referrerId !== null;
  });
  const inviters = new Set(inPeriod.map((j) => j.referrerId)).size;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    from,
    to,
    base,
    referredJoins: inPeriod.length,
    inviters,
    k: base ? round(inPeriod.length / base) : null,
    perInviter: inviters ? round(inPeriod.length / inviters) : null,
  };
}

function byTime(a: Join, b: Join): number {
  return a.joinedAt.localeCompare(b.joinedAt) || a.userId.localeCompare(b.userId);
}
