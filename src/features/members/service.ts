/**
 * Member onboarding and profiles: accept the norms, write the
 * self-introduction (自我介绍) from the community's template, read a member's
 * profile. Members only; each write is one transaction with its event.
 */
import type { Kysely } from 'kysely';
import type { AppContext } from '../../kernel/context.js';
import { appendEvent } from '../../kernel/activity/log.js';
import { transaction } from '../../kernel/db/connect.js';
import type { Database } from '../../kernel/db/schema.js';
import { AppError, NotFound } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { assertCan } from '../communities/policy.js';
import { actorIn, loadCommunity, signedIn } from '../communities/service.js';
import type { Role } from '../communities/rules.js';
import * as cstore from '../communities/store.js';
import { loadConfig } from '../gate/config.js';
import { checkIntro, introDueAt, onboardingStatus } from './rules.js';

type Q = Kysely<Database>;

export async function getOnboarding(ctx: AppContext, slug: string, userId: string | null) {
  const me = signedIn(userId);
  const db = ctx.db.kysely;
  const { community, membership } = await asMember(db, slug, me);
  const { settings } = await loadConfig(db, community.id);
  const profile = await findProfile(db, community.id, me);
  const joinedAt = membership.joinedAt ?? membership.createdAt;
  return {
    norms: community.norms,
    template: settings.introTemplate,
    intro: profile?.intro ? (JSON.parse(profile.intro) as Record<string, string>) : null,
    status: onboardingStatus(
      { joinedAt, normsAcceptedAt: profile?.normsAcceptedAt ?? null, introducedAt: profile?.introducedAt ?? null, dueDays: settings.introDueDays },
      ctx.clock.now(),
    ),
  };
}

export async function acceptNorms(ctx: AppContext, slug: string, userId: string | null) {
  const me = signedIn(userId);
  const at = ctx.clock.now().toISOString();
  await transaction(ctx.db, async (trx) => {
    const { community, membership } = await asMember(trx, slug, me);
    const p = await ensureProfile(ctx, trx, community.id, me, membership.joinedAt ?? at, at);
    if (!p.normsAcceptedAt) await trx.updateTable('memberProfiles').set({ normsAcceptedAt: at, updatedAt: at }).where('id', '=', p.id).execute();
  });
  return getOnboarding(ctx, slug, userId);
}

/** Writes or rewrites the self-introduction; the first one is the member.introduced event. */
export async function writeIntro(ctx: AppContext, slug: string, userId: string | null, raw: unknown) {
  const me = signedIn(userId);
  const at = ctx.clock.now().toISOString();
  await transaction(ctx.db, async (trx) => {
    const { community, membership } = await asMember(trx, slug, me);
    const { settings } = await loadConfig(trx, community.id);
    const checked = checkIntro(settings.introTemplate, raw);
    if (!checked.ok) throw new AppError('invalid', `${checked.problems[0]!.path}: ${checked.problems[0]!.message}`, checked.problems);
    const p = await ensureProfile(ctx, trx, community.id, me, membership.joinedAt ?? at, at);
    await trx.updateTable('memberProfiles').set({ intro: JSON.stringify(checked.intro), introducedAt: p.introducedAt ?? at, updatedAt: at }).where('id', '=', p.id).execute();
    if (!p.introducedAt) {
      await appendEvent(trx, community.id, { kind: 'member.introduced', at, actorId: me, objectType: 'profile', objectId: p.id, data: { fields: Object.keys(checked.intro) } });
    }
  });
  return getOnboarding(ctx, slug, userId);
}

/** A member's profile with their self-introduction: for members of the same community only. */
export async function getProfile(ctx: AppContext, slug: string, userId: string | null, targetUserId: string) {
  const me = signedIn(userId);
  const db = ctx.db.kysely;
  const community = await loadCommunity(db, slug);
  const { actor } = await actorIn(db, community.id, me);
  assertCan(actor, 'community.view_member_home', { communityId: community.id });
  const m = await cstore.findMember(db, community.id, targetUserId);
  if (!m || m.state !== 'member') throw NotFound('member');
  const p = await findProfile(db, community.id, targetUserId);
  const { settings } = await loadConfig(db, community.id);
  return {
    profile: {
      userId: m.userId,
      displayName: m.displayName,
      role: m.role as Role, // the store still types roles as string
      joinedAt: m.joinedAt,
      intro: p?.intro ? (JSON.parse(p.intro) as Record<string, string>) : null,
      introducedAt: p?.introducedAt ?? null,
    },
    template: settings.introTemplate,
  };
}

async function asMember(db: Q, slug: string, me: string) {
  const community = await loadCommunity(db, slug);
  const { actor, membership } = await actorIn(db, community.id, me);
  assertCan(actor, 'community.view_member_home', { communityId: community.id });
  return { community, membership: membership! };
}

function findProfile(db: Q, communityId: string, userId: string) {
  return db.selectFrom('memberProfiles').selectAll().where('communityId', '=', communityId).where('userId', '=', userId).executeTakeFirst();
}

/** Members who joined without the gate (founders, direct joins) get their profile row on first use. */
async function ensureProfile(ctx: AppContext, trx: Q, communityId: string, userId: string, joinedAt: string, at: string) {
  const found = await findProfile(trx, communityId, userId);
  if (found) return found;
  const { settings } = await loadConfig(trx, communityId);
  const row = { id: newId(), communityId, userId, normsAcceptedAt: null, intro: null, introducedAt: null, introDueAt: introDueAt(joinedAt, settings.introDueDays), updatedAt: at };
  await trx.insertInto('memberProfiles').values(row).execute();
  return row;
}
