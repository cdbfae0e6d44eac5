/**
 * Use cases of communities: create, the public page, the member home, the
 * charter, the activity log. Each write loads the actor's membership, asks the
 * policy, runs the rules, writes through the store and appends its event — in
 * one transaction. Membership changes live in membership.ts.
 */
import type { AppContext } from '../../kernel/context.js';
import { appendEvent } from '../../kernel/activity/log.js';
import type { EventKind } from '../../kernel/activity/taxonomy.js';
import { isUniqueViolation } from '../../kernel/db/connect.js';
import { inTransaction } from '../../kernel/db/tx.js';
import { Conflict, Invalid } from '../../kernel/errors.js';
import { DAY_MS } from '../../kernel/clock.js';
import { newId } from '../../kernel/ids.js';
import { decodeCursor, pageOf } from '../../kernel/paging.js';
import { openCommunity } from './opening.js';
import { actorOf, communityPermissions } from './permissions.js';
import { slugProblem } from './rules.js';
import * as store from './store.js';
import { toActivityItem, toCommunity, toPublic, toViewer, type ActivityItem, type Community, type PublicCommunity, type Viewer } from './views.js';

/** A charter as written: the community's own fields, with the optional ones optional. */
export type CharterInput = Pick<Community, 'slug' | 'name' | 'type' | 'sharedNeed' | 'valuePromise' | 'norms' | 'entryCriteria'> &
  Partial<Pick<Community, 'capacity' | 'publicTeaser' | 'teaser'>>;
export type CharterPatch = Partial<CharterInput>;

/** What a member sees in the home's recent activity: talk, activities and arrivals — not operators' decisions. */
export const HOME_KINDS: EventKind[] = [
  'community.charter_updated',
  'member.joined',
  'member.introduced',
  'content.posted',
  'content.replied',
  'content.pinned',
  'activity.checked_in',
  'activity.attended',
];

export async function createCommunity(ctx: AppContext, userId: string, input: CharterInput) {
  const problem = slugProblem(input.slug);
  if (problem) throw Invalid('slug', problem);
  const at = ctx.clock.now().toISOString();
  const ms = ctx.clock.now().getTime();
  const row: store.CommunityRow = {
    id: newId(ms),
    slug: input.slug,
    name: input.name,
    type: input.type,
    sharedNeed: input.sharedNeed,
    valuePromise: input.valuePromise,
    norms: input.norms,
    entryCriteria: input.entryCriteria,
    capacity: input.capacity ?? null,
    publicTeaser: input.publicTeaser === false ? 0 : 1,
    teaser: input.teaser ?? '',
    createdBy: userId,
    createdAt: at,
    updatedAt: at,
  };
  try {
    return await inTransaction(ctx.db, async (trx) => {
      if (await store.findCommunityBySlug(trx, input.slug)) throw slugTaken();
      await store.insertCommunity(trx, row);
      const membershipId = newId(ms);
      await store.insertMembership(trx, {
        id: membershipId,
        communityId: row.id,
        userId,
        state: 'member',
        role: 'owner',
        createdAt: at,
        joinedAt: at,
        endedAt: null,
        endReason: null,
        updatedAt: at,
      });
      await appendEvent(trx, row.id, {
        kind: 'community.created',
        at,
        actorId: userId,
        objectType: 'community',
        objectId: row.id,
        data: { slug: row.slug, name: row.name, type: row.type },
      });
      await appendEvent(trx, row.id, {
        kind: 'member.joined',
        at,
        actorId: userId,
        objectType: 'membership',
        objectId: membershipId,
        data: { role: 'owner', via: 'founder' },
      });
      const viewer: Viewer = { state: 'member', role: 'owner' };
      return { community: toCommunity(row), viewer, permissions: communityPermissions(actorOf(userId, viewer, row.id), row.id) };
    });
  } catch (err) {
    // Two people racing for the same address: the unique index decides.
    if (isUniqueViolation(err)) throw slugTaken();
    throw err;
  }
}

export async function listMyCommunities(ctx: AppContext, userId: string) {
  const db = ctx.db.kysely;
  const rows = await store.listUserCommunities(db, userId);
  const counts = await store.countActiveMembersOf(db, rows.map((r) => r.id));
  return rows.map((r) => {
    const memberCount = counts.get(r.id) ?? 0;
    const viewer = toViewer({ state: r.viewerState, role: r.viewerRole })!;
    return { community: toPublic(r, memberCount), viewer, permissions: communityPermissions(actorOf(userId, viewer, r.id), r.id), memberCount };
  });
}

export async function getPublic(ctx: AppContext, slug: string, userId: string | null) {
  const db = ctx.db.kysely;
  const { community, membership, actor } = await openCommunity(db, { slug }, userId, 'anyone');
  const memberCount = await store.countActiveMembers(db, community.id);
  return { community: toPublic(community, memberCount), viewer: toViewer(membership), permissions: communityPermissions(actor, community.id) };
}

export async function getHome(ctx: AppContext, slug: string, userId: string | null) {
  const db = ctx.db.kysely;
  const { community, membership, actor } = await openCommunity(db, { slug }, userId, 'community.view_member_home');
  const since = new Date(ctx.clock.now().getTime() - 30 * DAY_MS).toISOString();
  const [counts, core, recent] = await Promise.all([
    store.countMembers(db, community.id, since),
    store.listCore(db, community.id),
    store.listActivity(db, community.id, { kinds: HOME_KINDS, limit: HOME_FEED }),
  ]);
  return {
    community: toCommunity(community),
    viewer: toViewer(membership)!,
    permissions: communityPermissions(actor, community.id),
    stats: { members: counts.members, core: counts.core, joinedLast30d: counts.joinedSince },
    core: core.map((c) => ({ userId: c.userId, displayName: c.displayName, role: c.role })),
    recent: recent.slice(0, HOME_FEED).map(toActivityItem),
    recentCursor: activityPage(recent, HOME_FEED).nextCursor,
  };
}

const HOME_FEED = 20;

/** The member home's recent feed, page by page after the first (which the home itself carries). */
export async function homeFeed(ctx: AppContext, slug: string, userId: string | null, query: { cursor?: string; limit?: number }) {
  const db = ctx.db.kysely;
  const { community } = await openCommunity(db, { slug }, userId, 'community.view_member_home');
  const limit = query.limit ?? HOME_FEED;
  const rows = await store.listActivity(db, community.id, { kinds: HOME_KINDS, limit, before: activityCursor(query.cursor) });
  const page = activityPage(rows, limit);
  return { events: page.rows.map(toActivityItem), nextCursor: page.nextCursor };
}

const CHARTER_FIELDS = ['slug', 'name', 'type', 'sharedNeed', 'valuePromise', 'norms', 'entryCriteria', 'capacity', 'publicTeaser', 'teaser'] as const;

export async function updateCharter(ctx: AppContext, slug: string, userId: string | null, patch: CharterPatch): Promise<{ community: Community }> {
  const at = ctx.clock.now().toISOString();
  try {
    return await inTransaction(ctx.db, async (trx) => {
      const { community } = await openCommunity(trx, { slug }, userId, 'community.edit_charter', { lockCommunity: true });
      const before = toCommunity(community);
      const changed = CHARTER_FIELDS.filter((f) => patch[f] !== undefined && patch[f] !== before[f]);
      if (changed.length === 0) return { community: before };
      if (changed.includes('slug')) {
        const problem = slugProblem(patch.slug!);
        if (problem) throw Invalid('slug', problem);
        if (await store.findCommunityBySlug(trx, patch.slug!)) throw slugTaken();
      }
      const set: Parameters<typeof store.updateCommunity>[2] = { updatedAt: at };
      for (const f of changed) {
        if (f === 'publicTeaser') set.publicTeaser = patch.publicTeaser ? 1 : 0;
        else (set as Record<string, unknown>)[f] = patch[f];
      }
      await store.updateCommunity(trx, community.id, set);
      await appendEvent(trx, community.id, {
        kind: 'community.charter_updated',
        at,
        actorId: userId,
        objectType: 'community',
        objectId: community.id,
        data: { fields: changed },
      });
      return { community: toCommunity((await store.findCommunityById(trx, community.id))!) };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw slugTaken();
    throw err;
  }
}

export async function listActivity(
  ctx: AppContext,
  slug: string,
  userId: string | null,
  query: { kinds?: EventKind[]; limit?: number; cursor?: string },
): Promise<{ events: ActivityItem[]; nextCursor: string | null }> {
  const db = ctx.db.kysely;
  const { community } = await openCommunity(db, { slug }, userId, 'activity.read');
  const limit = query.limit ?? 50;
  const rows = await store.listActivity(db, community.id, { kinds: query.kinds, limit, before: activityCursor(query.cursor) });
  const page = activityPage(rows, limit);
  return { events: page.rows.map(toActivityItem), nextCursor: page.nextCursor };
}

function activityCursor(cursor: string | undefined): store.ActivityKey | undefined {
  return decodeCursor(cursor, ['string', 'number']) as store.ActivityKey | undefined;
}

function activityPage<T extends { at: string; id: number | string }>(rows: T[], limit: number) {
  return pageOf(rows, limit, (r) => [r.at, Number(r.id)]);
}

function slugTaken() {
  return Conflict('this address is already taken', 'slug');
}
