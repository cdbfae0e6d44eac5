/**
 * Invite use cases: personal links within the role's quota, campaign links
 * (operators), revoking, listing, the blocklist, and the referral console —
 * tree, leaderboard, joins per channel, growth factor and the entry funnel.
 */
import type { Kysely } from 'kysely';
import type { AppContext } from '../../kernel/context.js';
import type { Database } from '../../kernel/db/schema.js';
import { decodeCursor, pageOf } from '../../kernel/paging.js';
import { recordDecision } from '../../kernel/audit.js';
import { DAY_MS } from '../../kernel/clock.js';
import { isUniqueViolation } from '../../kernel/db/connect.js';
import { inTransaction } from '../../kernel/db/tx.js';
import { Conflict, Invalid, NotFound } from '../../kernel/errors.js';
import { hashSecret, newId } from '../../kernel/ids.js';
import { usersById } from '../accounts/index.js';
import { membershipOf, openCommunity } from '../communities/index.js';
import { asGate } from './access.js';
import { loadConfig } from './config.js';
import { authorizeGate } from './policy.js';
import { growthFactor, newInviteCode, quotaLeft } from './rules.js';
import * as rstore from './referrals-store.js';
import * as store from './store.js';
import { toInvite } from './views.js';

export interface CampaignInput {
  name: string;
  channel: string;
  expiresAt?: string | null;
  maxUses?: number | null;
  vouch?: boolean;
}

/** Creates a personal link (any member, within quota) or a campaign link (operators). The code is shown once. */
export async function createInvite(ctx: AppContext, slug: string, userId: string | null, input: { kind: 'personal' } | ({ kind: 'campaign' } & CampaignInput)) {
  const now = ctx.clock.now();
  const at = now.toISOString();
  if (input.kind === 'campaign' && input.expiresAt && new Date(input.expiresAt).getTime() <= now.getTime()) throw Invalid('expiresAt', 'must be in the future');
  return inTransaction(ctx.db, async (trx) => {
    // The inviter's membership row is locked: two links created at once count against one quota.
    const { community, actor, me } = await openCommunity(trx, { slug }, userId, asGate(trx, input.kind === 'personal' ? 'gate.invite' : 'gate.configure'), { lockActor: true });
    const code = newInviteCode();
    const base = { id: newId(now.getTime()), communityId: community.id, codeHash: hashSecret(code), uses: 0, revokedAt: null, createdBy: me, createdAt: at };
    let row: store.InviteRow;
    if (input.kind === 'personal') {
      const { settings } = await loadConfig(trx, community.id);
      const left = quotaLeft(settings.quota, actor.membership!.role, await store.countQuotaUsed(trx, community.id, me));
      if (left === 0) throw Conflict('you have used all your invites', 'quota');
      row = { ...base, kind: 'personal', ownerId: me, name: null, channel: null, vouch: 0, expiresAt: null, maxUses: 1 };
    } else {
      row = { ...base, kind: 'campaign', ownerId: null, name: input.name, channel: input.channel, vouch: input.vouch ? 1 : 0, expiresAt: input.expiresAt ?? null, maxUses: input.maxUses ?? null };
    }
    try {
      await store.insertInvite(trx, row);
    } catch (err) {
      if (isUniqueViolation(err)) throw Conflict('try again'); // a 144-bit collision: practically never
      throw err;
    }
    return { invite: toInvite(row, now), code, url: `${ctx.config.publicUrl}/c/${community.slug}/join/${code}` };
  });
}

/** Operators see every link; a member sees their own personal links and quota. */
export async function listInvites(ctx: AppContext, slug: string, userId: string | null) {
  const db = ctx.db.kysely;
  const { community, actor, me } = await openCommunity(db, { slug }, userId, asGate(db, 'gate.invite'));
  const operator = authorizeGate(actor, 'gate.configure', { communityId: community.id });
  const rows = await store.listInvites(db, community.id, operator ? {} : { ownerId: me, kind: 'personal' });
  const { settings } = await loadConfig(db, community.id);
  const now = ctx.clock.now();
  return {
    invites: rows.map((r) => toInvite(r, now)),
    quotaLeft: quotaLeft(settings.quota, actor.membership!.role, await store.countQuotaUsed(db, community.id, me)),
  };
}

export async function revokeInvite(ctx: AppContext, slug: string, userId: string | null, inviteId: string) {
  const at = ctx.clock.now().toISOString();
  return inTransaction(ctx.db, async (trx) => {
    const { community, actor, me } = await openCommunity(trx, { slug }, userId, asGate(trx, 'gate.invite'));
    const inv = await store.findInvite(trx, community.id, inviteId);
    const operator = authorizeGate(actor, 'gate.configure', { communityId: community.id });
    if (!inv || (!operator && inv.ownerId !== me)) throw NotFound('invite');
    await store.revokeInvite(trx, community.id, inviteId, at);
    return { invite: toInvite({ ...inv, revokedAt: inv.revokedAt ?? at }, ctx.clock.now()) };
  });
}

/** How many roots or children one page of the referral tree shows. */
export const TREE_PAGE = 50;
const LEADERS = 20;

/**
 * The referral console: the tree's first level, leaderboard, channels, growth
 * factor for [from, to), and the entry funnel — each an SQL aggregate or one
 * page (referrals-store.ts), so its cost does not grow with every join.
 */
export async function referralStats(ctx: AppContext, slug: string, userId: string | null, q: { from?: string; to?: string }) {
  const db = ctx.db.kysely;
  const { community } = await openCommunity(db, { slug }, userId, asGate(db, 'gate.referrals'));
  // The period is [from, to); by default it ends just after now, so a join this instant counts.
  const to = q.to ?? new Date(ctx.clock.now().getTime() + 1).toISOString();
  const from = q.from ?? new Date(new Date(to).getTime() - 30 * DAY_MS).toISOString();
  if (from >= to) throw Invalid('from', 'must be before "to"');

  const [tree, leaderboard, channels, growth, funnelStages] = await Promise.all([
    treeLevel(db, community.id, null, undefined, TREE_PAGE),
    leaders(db, community.id),
    rstore.joinsPerChannel(db, community.id),
    rstore.growthCounts(db, community.id, from, to),
    funnel(ctx, community.id),
  ]);
  return { tree, leaderboard, channels, growth: growthFactor(growth, from, to), funnel: funnelStages };
}

/** One more page of the tree: the people `parent` brought in, or more roots (members only through `gate.referrals`). */
export async function referralTreePage(ctx: AppContext, slug: string, userId: string | null, q: { parent?: string; cursor?: string; limit?: number }) {
  const db = ctx.db.kysely;
  const { community } = await openCommunity(db, { slug }, userId, asGate(db, 'gate.referrals'));
  const after = decodeCursor(q.cursor, q.parent ? ['string', 'string'] : ['string']) as rstore.NodeKey | undefined;
  return treeLevel(db, community.id, q.parent ?? null, after, q.limit ?? TREE_PAGE);
}

async function treeLevel(db: Kysely<Database>, communityId: string, parent: string | null, after: rstore.NodeKey | undefined, limit: number) {
  const rows = await rstore.treePage(db, communityId, parent, after, limit + 1);
  const page = pageOf(rows, limit, (n) => (parent ? [n.joinedAt ?? '', n.userId] : [n.userId]));
  return { nodes: page.rows, nextCursor: page.nextCursor };
}

/**
 * Referrers by direct joins, then by everyone below them, ties by id. The top
 * ones by direct joins come from one GROUP BY; only their branches are walked.
 */
async function leaders(db: Kysely<Database>, communityId: string) {
  const top = await rstore.topReferrers(db, communityId, LEADERS);
  const ids = top.map((r) => r.userId);
  const [totals, people] = await Promise.all([rstore.descendants(db, communityId, ids), usersById(db, ids)]);
  return top
    .map((r) => ({ userId: r.userId, displayName: people.get(r.userId)?.displayName ?? r.userId, direct: r.direct, total: totals.get(r.userId) ?? r.direct }))
    .sort((a, b) => b.direct - a.direct || b.total - a.total || a.userId.localeCompare(b.userId));
}

/**
 * The entry funnel, each stage a subset of the one before: applied (every
 * application, referral joins included) → approved (approved or waitlisted) →
 * introduced (joined and wrote the self-introduction) → active (of those, still
 * a member and with an event of their own in the last 30 days).
 */
export async function funnel(ctx: AppContext, communityId: string) {
  const db = ctx.db.kysely;
  const since = new Date(ctx.clock.now().getTime() - 30 * DAY_MS).toISOString();
  const [counts, later] = await Promise.all([store.countApplications(db, communityId), rstore.introducedAndActive(db, communityId, since)]);
  const applied = Object.values(counts).reduce((a, b) => a + b, 0);
  const approved = (counts.approved ?? 0) + (counts.waitlisted ?? 0);
  return { applied, approved, ...later };
}

// ── blocklist ────────────────────────────────────────────────────────────────

export async function block(ctx: AppContext, slug: string, userId: string | null, target: string, reason?: string) {
  const at = ctx.clock.now().toISOString();
  return inTransaction(ctx.db, async (trx) => {
    const { community, me } = await openCommunity(trx, { slug }, userId, asGate(trx, 'gate.configure'));
    if (target === me) throw Invalid('userId', 'you cannot block yourself');
    const m = await membershipOf(trx, community.id, target);
    if (m?.state === 'member') throw Conflict('remove the member first; the blocklist keeps people out', 'userId');
    if (!(await usersById(trx, [target])).size) throw NotFound('user');
    if (await store.isBlocked(trx, community.id, target)) return { blocked: true };
    await store.insertBlock(trx, { id: newId(), communityId: community.id, userId: target, reason: reason ?? null, createdBy: me, createdAt: at });
    await recordDecision(trx, community.id, { action: 'member.blocked', decidedBy: me, subjectId: target, reason: reason ?? null, at });
    return { blocked: true };
  });
}

export async function unblock(ctx: AppContext, slug: string, userId: string | null, target: string) {
  const at = ctx.clock.now().toISOString();
  return inTransaction(ctx.db, async (trx) => {
    const { community, me } = await openCommunity(trx, { slug }, userId, asGate(trx, 'gate.configure'));
    if (!(await store.deleteBlock(trx, community.id, target))) throw NotFound('block');
    await recordDecision(trx, community.id, { action: 'member.unblocked', decidedBy: me, subjectId: target, at });
    return { blocked: false };
  });
}

export async function listBlocks(ctx: AppContext, slug: string, userId: string | null) {
  const db = ctx.db.kysely;
  const { community } = await openCommunity(db, { slug }, userId, asGate(db, 'gate.configure'));
  return { blocks: await store.listBlocks(db, community.id) };
}
