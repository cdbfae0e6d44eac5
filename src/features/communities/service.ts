/**
 * Use cases of communities: create, the public page, the member home, the
 * charter, the activity log. Each write loads the actor's membership, asks the
 * policy, runs the rules, writes through the store and appends its event — in
 * one transaction. Membership changes live in membership.ts.
 */
import type { Kysely } from 'kysely';
import type { AppContext } from '../../kernel/context.js';
import type { Database } from '../../kernel/db/schema.js';
import { appendEvent } from '../../kernel/activity/log.js';
import type { EventKind } from '../../kernel/activity/taxonomy.js';
import { transaction, isUniqueViolation } from '../../kernel/db/connect.js';
import { Conflict, Invalid, NotFound, Unauthorized } from '../../kernel/errors.js';
import { DAY_MS } from '../../kernel/clock.js';
import { newId } from '../../kernel/ids.js';
import { assertCan, type Actor } from './policy.js';
import { actorOf, communityPermissions } from './permissions.js';
import { slugProblem, type MembershipState, type Role } from './rules.js';
import * as store from './store.js';
import { toActivityItem, toCommunity, toPublic, toViewer, type ActivityItem, type Community, type PublicCommunity, type Viewer } from './views.js';

/** A charter as written: the community's own fields, with the optional ones optional. */
export type CharterInput = Pick<Community, 'slug' | 'name' | 'type' | 'sharedNeed' | 'valuePromise' | 'norms' | 'entryCriteria'> &
  Partial<Pick<Community, 'capacity' | 'publicTeaser' | 'teaser'>>;
export type CharterPatch = Partial<CharterInput>;

/** What a member sees in the home's recent activity: talk, activities and arrivals — not operators' decisions. */
const HOME_KINDS: EventKind[] = [
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
    return await transaction(ctx.db, async (trx) => {
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
  const community = await loadCommunity(db, slug);
  const [memberCount, membership] = await Promise.all([
    store.countActiveMembers(db, community.id),
    userId ? store.findMembership(db, community.id, userId) : undefined,
  ]);
  const viewer = toViewer(membership);
  return { community: toPublic(community, memberCount), viewer, permissions: communityPermissions(actorOf(userId, viewer, community.id), community.id) };
}

export async function getHome(ctx: AppContext, slug: string, userId: string | null) {
  const db = ctx.db.kysely;
  const community = await loadCommunity(db, slug);
  const { actor, membership } = await actorIn(db, community.id, signedIn(userId));
  assertCan(actor, 'community.view_member_home', { communityId: community.id });
  const since = new Date(ctx.clock.now().getTime() - 30 * DAY_MS).toISOString();
  const [counts, core, recent] = await Promise.all([
    store.countMembers(db, community.id, since),
    store.listCore(db, community.id),
    store.listActivity(db, community.id, { kinds: HOME_KINDS, limit: 20 }),
  ]);
  return {
    community: toCommunity(community),
    viewer: toViewer(membership)!,
    permissions: communityPermissions(actor, community.id),
    stats: { members: counts.members, core: counts.core, joinedLast30d: counts.joinedSince },
    core: core.map((c) => ({ userId: c.userId, displayName: c.displayName, role: c.role as Role })),
    recent: recent.map(toActivityItem),
  };
}

const CHARTER_FIELDS = ['slug', 'name', 'type', 'sharedNeed', 'valuePromise', 'norms', 'entryCriteria', 'capacity', 'publicTeaser', 'teaser'] as const;

export async function updateCharter(ctx: AppContext, slug: string, userId: string | null, patch: CharterPatch): Promise<{ community: Community }> {
  const at = ctx.clock.now().toISOString();
  try {
    return await transaction(ctx.db, async (trx) => {
      const found = await loadCommunity(trx, slug);
      const community = (await store.findCommunityById(trx, found.id, { lock: ctx.db.dialect === 'postgres' }))!;
      const { actor } = await actorIn(trx, community.id, signedIn(userId));
      assertCan(actor, 'community.edit_charter', { communityId: community.id });
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
  query: { kinds?: EventKind[]; limit?: number; before?: number },
): Promise<{ events: ActivityItem[] }> {
  const db = ctx.db.kysely;
  const community = await loadCommunity(db, slug);
  const { actor } = await actorIn(db, community.id, signedIn(userId));
  assertCan(actor, 'activity.read', { communityId: community.id });
  const rows = await store.listActivity(db, community.id, { kinds: query.kinds, limit: query.limit ?? 50, before: query.before });
  return { events: rows.map(toActivityItem) };
}

// ── helpers shared with membership.ts ────────────────────────────────────────

export async function loadCommunity(db: Kysely<Database>, slug: string): Promise<store.CommunityRow> {
  const community = await store.findCommunityBySlug(db, slug);
  if (!community) throw NotFound('community');
  return community;
}

/** The acting user as the policy sees them in this community. */
export async function actorIn(db: Kysely<Database>, communityId: string, userId: string, lock = false) {
  const membership = await store.findMembership(db, communityId, userId, { lock });
  const actor: Actor = {
    userId,
    membership: membership ? { communityId, state: membership.state as MembershipState, role: membership.role as Role } : null,
  };
  return { actor, membership };
}

/** Members-only use cases answer a signed-out visitor with 401, not 403. */
export function signedIn(userId: string | null): string {
  if (!userId) throw Unauthorized();
  return userId;
}

function slugTaken() {
  return Conflict('this address is already taken', 'slug');
}
