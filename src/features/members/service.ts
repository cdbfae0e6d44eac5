/**
 * Member onboarding and profiles: accept the norms, write the
 * self-introduction (自我介绍) from the community's template, read a member's
 * profile, and start a new member's profile with its introduction due date
 * (the gate calls this when it admits someone). Members only; each write is
 * one transaction with its event.
 */
import type { AppContext } from '../../kernel/context.js';
import { appendEvent } from '../../kernel/activity/log.js';
import { inTransaction, type Q } from '../../kernel/db/tx.js';
import { AppError, NotFound } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { memberOf, openCommunity } from '../communities/index.js';
import { checkIntro, DEFAULT_INTRO_DUE_DAYS, DEFAULT_INTRO_TEMPLATE, introDueAt, onboardingStatus, type IntroTemplate } from './rules.js';
import * as store from './store.js';

/** A community's introduction template and deadline. */
export interface IntroSettings {
  introTemplate: IntroTemplate;
  introDueDays: number;
}
export type IntroSettingsReader = (db: Q, communityId: string) => Promise<IntroSettings>;

let readIntroSettings: IntroSettingsReader = async () => ({ introTemplate: DEFAULT_INTRO_TEMPLATE, introDueDays: DEFAULT_INTRO_DUE_DAYS });

/**
 * Where the template and deadline are kept (the gate's settings, wired in
 * app/server.ts): members reads them without importing the gate, which
 * imports members.
 */
export function useIntroSettings(reader: IntroSettingsReader): void {
  readIntroSettings = reader;
}

export async function getOnboarding(ctx: AppContext, slug: string, userId: string | null) {
  const db = ctx.db.kysely;
  const { community, membership, me } = await openCommunity(db, { slug }, userId, 'community.view_member_home');
  const settings = await readIntroSettings(db, community.id);
  const profile = await store.findProfile(db, community.id, me);
  const joinedAt = membership!.joinedAt ?? membership!.createdAt;
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
  const at = ctx.clock.now().toISOString();
  await inTransaction(ctx.db, async (trx) => {
    const { community, membership, me } = await openCommunity(trx, { slug }, userId, 'community.view_member_home');
    const p = await ensureProfile(trx, community.id, me, membership!.joinedAt ?? at, at);
    if (!p.normsAcceptedAt) await store.updateProfile(trx, community.id, p.id, { normsAcceptedAt: at, updatedAt: at });
  });
  return getOnboarding(ctx, slug, userId);
}

/** Writes or rewrites the self-introduction; the first one is the member.introduced event. */
export async function writeIntro(ctx: AppContext, slug: string, userId: string | null, raw: unknown) {
  const at = ctx.clock.now().toISOString();
  await inTransaction(ctx.db, async (trx) => {
    const { community, membership, me } = await openCommunity(trx, { slug }, userId, 'community.view_member_home');
    const settings = await readIntroSettings(trx, community.id);
    const checked = checkIntro(settings.introTemplate, raw);
    if (!checked.ok) throw new AppError('invalid', `${checked.problems[0]!.path}: ${checked.problems[0]!.message}`, checked.problems);
    const p = await ensureProfile(trx, community.id, me, membership!.joinedAt ?? at, at);
    await store.updateProfile(trx, community.id, p.id, { intro: JSON.stringify(checked.intro), introducedAt: p.introducedAt ?? at, updatedAt: at });
    if (!p.introducedAt) {
      await appendEvent(trx, community.id, { kind: 'member.introduced', at, actorId: me, objectType: 'profile', objectId: p.id, data: { fields: Object.keys(checked.intro) } });
    }
  });
  return getOnboarding(ctx, slug, userId);
}

/** A member's profile with their self-introduction: for members of the same community only. */
export async function getProfile(ctx: AppContext, slug: string, userId: string | null, targetUserId: string) {
  const db = ctx.db.kysely;
  const { community } = await openCommunity(db, { slug }, userId, 'community.view_member_home');
  const m = await memberOf(db, community.id, targetUserId);
  if (!m || m.state !== 'member') throw NotFound('member');
  const p = await store.findProfile(db, community.id, targetUserId);
  const settings = await readIntroSettings(db, community.id);
  return {
    profile: {
      userId: m.userId,
      displayName: m.displayName,
      role: m.role,
      joinedAt: m.joinedAt,
      intro: p?.intro ? (JSON.parse(p.intro) as Record<string, string>) : null,
      introducedAt: p?.introducedAt ?? null,
    },
    template: settings.introTemplate,
  };
}

/**
 * A member (re)joins now: their introduction is due `introDueDays` from `at`.
 * Joins the caller's transaction (the gate's approval).
 */
export async function startProfile(trx: Q, input: { communityId: string; userId: string; at: string; introDueDays: number }): Promise<void> {
  const { communityId, userId, at } = input;
  const due = introDueAt(at, input.introDueDays);
  const existing = await store.findProfile(trx, communityId, userId);
  if (existing) await store.updateProfile(trx, communityId, existing.id, { introDueAt: due, updatedAt: at });
  else await store.insertProfile(trx, { id: newId(), communityId, userId, normsAcceptedAt: null, intro: null, introducedAt: null, introDueAt: due, updatedAt: at });
}

/** Members who joined without the gate (founders, direct joins) get their profile row on first use. */
async function ensureProfile(trx: Q, communityId: string, userId: string, joinedAt: string, at: string) {
  const found = await store.findProfile(trx, communityId, userId);
  if (found) return found;
  const settings = await readIntroSettings(trx, communityId);
  const row = { id: newId(), communityId, userId, normsAcceptedAt: null, intro: null, introducedAt: null, introDueAt: introDueAt(joinedAt, settings.introDueDays), updatedAt: at };
  await store.insertProfile(trx, row);
  return row;
}
