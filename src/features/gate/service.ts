/**
 * Gate use cases for applicants and reviewers: the apply page, applying (with
 * an invite code or not), the applicant's status, the review queue, decisions
 * (one by one or in bulk), and filling freed places from the waitlist. Each
 * runs in one transaction: policy → rules → store → events + audit + notice.
 */
import type { Kysely } from 'kysely';
import type { AppContext } from '../../kernel/context.js';
import { recordDecision } from '../../kernel/audit.js';
import { transaction } from '../../kernel/db/connect.js';
import type { Database } from '../../kernel/db/schema.js';
import { AppError, Conflict, Forbidden, Invalid, NotFound } from '../../kernel/errors.js';
import { hashSecret, newId } from '../../kernel/ids.js';
import { notifyCarriers } from '../carriers/hooks.js';
import * as cstore from '../communities/store.js';
import { actorIn, loadCommunity, signedIn } from '../communities/service.js';
import type { MembershipState, Role } from '../communities/rules.js';
import { introDueAt } from '../members/rules.js';
import { moveMembership } from './admit.js';
import { loadConfig } from './config.js';
import { notify } from './notify.js';
import { assertGate } from './policy.js';
import {
  admitFromWaitlist, applyProblem, channelOf, checkAnswers, INVITE_CODE_PATTERN, inviteProblem, placeApproved, screen, waitlistPosition,
  type Answers, type InviteKind, type Verdict,
} from './rules.js';
import * as store from './store.js';
import { toMyApplication, toQueueItem } from './views.js';

type Trx = Kysely<Database>;
type Community = cstore.CommunityRow;

/** What the public apply page needs: the form, whether it is open, and what an invite code offers. */
export async function applyPage(ctx: AppContext, slug: string, userId: string | null, code?: string) {
  const db = ctx.db.kysely;
  const community = await loadCommunity(db, slug);
  const { form, settings } = await loadConfig(db, community.id);
  const invite = code ? await findUsableInvite(db, community.id, code, ctx.clock.now()) : null;
  const mine = userId ? await store.latestApplication(db, community.id, userId) : undefined;
  return {
    form,
    open: settings.open || invite !== null,
    invite: invite ? { kind: invite.kind as InviteKind, name: invite.kind === 'campaign' ? invite.name : null, vouch: isVouched(invite, settings.referralMode) } : null,
    application: mine ? toMyApplication(mine) : null,
  };
}

export async function apply(ctx: AppContext, slug: string, userId: string | null, input: { answers: unknown; code?: string }) {
  const me = signedIn(userId);
  const now = ctx.clock.now();
  const at = now.toISOString();
  const lock = ctx.db.dialect === 'postgres';
  const { result, joined } = await transaction(ctx.db, async (trx) => {
    const community = await loadCommunity(trx, slug);
    await cstore.findCommunityById(trx, community.id, { lock }); // serializes joins against capacity
    const { form, rules, settings } = await loadConfig(trx, community.id);
    const invite = input.code ? await findUsableInvite(trx, community.id, input.code, now) : null;
    if (input.code && !invite) throw Invalid('code', 'this invite link is not valid any more');
    if (!settings.open && !invite) throw Forbidden('this community is not taking applications now; ask a member for an invite');

    const membership = await cstore.findMembership(trx, community.id, me, { lock });
    const last = await store.latestApplication(trx, community.id, me);
    const problem = applyProblem(
      {
        state: (membership?.state as MembershipState | undefined) ?? null,
        endedAt: membership?.endedAt ?? null,
        blocked: await store.isBlocked(trx, community.id, me),
        openApplication: last?.state === 'pending' || last?.state === 'waitlisted',
        cooldownDays: settings.cooldownDays,
      },
      now,
    );
    if (problem) throw applyRefusal(problem);

    const checked = checkAnswers(form, input.answers);
    if (!checked.ok) throw new AppError('invalid', `${checked.problems[0]!.path}: ${checked.problems[0]!.message}`, checked.problems);
    if (invite && !(await store.takeInviteUse(trx, community.id, invite.id))) throw Invalid('code', 'this invite link has been used up');

    const referrerId = invite?.kind === 'personal' ? invite.ownerId : null;
    const vouched = invite ? isVouched(invite, settings.referralMode) : false;
    const channel = channelOf(invite ? { kind: invite.kind as InviteKind, channel: invite.channel } : null);
    const verdict: Verdict = vouched
      ? { outcome: 'approve', ruleId: 'vouch', ruleName: 'vouch', reason: null }
      : screen(rules, { answers: checked.answers, referred: referrerId !== null, vouched, channel });

    await moveMembership(trx, { communityId: community.id, userId: me, transition: 'apply', by: null, via: channel, at }, lock);
    const row: store.ApplicationRow = {
      id: newId(now.getTime()), communityId: community.id, userId: me, state: 'pending', answers: JSON.stringify(checked.answers),
      inviteId: invite?.id ?? null, referrerId, channel, vouched: vouched ? 1 : 0, ruleId: null, reason: null,
      decidedBy: null, decidedAt: null, approvedAt: null, joinedAt: null, createdAt: at, updatedAt: at,
    };
    await store.insertApplication(trx, row);
    let joined = false;
    if (verdict.outcome !== 'review') {
      joined = await decideIn(ctx, trx, community, row, { decision: verdict.outcome, by: null, ruleId: verdict.ruleId, reason: verdict.reason }, lock);
    }
    const saved = (await store.findApplication(trx, community.id, row.id))!;
    return { result: { application: toMyApplication(saved) }, joined: joined ? { communityId: community.id } : null };
  });
  if (joined) await notifyCarriers({ communityId: joined.communityId, userId: me, change: 'approved' }, logCarrier);
  return result;
}

/** The applicant's own view: their latest application, place in line, notices. Only their own. */
export async function myStatus(ctx: AppContext, slug: string, userId: string | null) {
  const me = signedIn(userId);
  const db = ctx.db.kysely;
  const community = await loadCommunity(db, slug);
  const membership = await cstore.findMembership(db, community.id, me);
  const app = await store.latestApplication(db, community.id, me);
  const { settings } = await loadConfig(db, community.id);
  const waiting = app?.state === 'waitlisted' ? await store.waitlisted(db, community.id) : [];
  const problem = applyProblem(
    { state: (membership?.state as MembershipState | undefined) ?? null, endedAt: membership?.endedAt ?? null, blocked: false, openApplication: false, cooldownDays: settings.cooldownDays },
    ctx.clock.now(),
  );
  const notices = await store.listNotifications(db, community.id, me);
  return {
    membership: membership ? { state: membership.state as MembershipState, role: membership.role as Role } : null,
    application: app ? toMyApplication(app) : null,
    waitlistPosition: app?.state === 'waitlisted' ? waitlistPosition(waiting.map(asWaiting), app.id) : null,
    cooldownUntil: problem?.code === 'cooldown' ? problem.until : null,
    notifications: notices.map((n) => ({ id: n.id, kind: n.kind, data: n.data ? JSON.parse(n.data) : {}, createdAt: n.createdAt, readAt: n.readAt })),
  };
}

/** The applicant takes back an application still waiting (pending or waitlisted); no cooldown follows. */
export async function withdraw(ctx: AppContext, slug: string, userId: string | null) {
  const me = signedIn(userId);
  const at = ctx.clock.now().toISOString();
  const lock = ctx.db.dialect === 'postgres';
  return transaction(ctx.db, async (trx) => {
    const community = await loadCommunity(trx, slug);
    const app = await store.latestApplication(trx, community.id, me);
    if (!app || (app.state !== 'pending' && app.state !== 'waitlisted')) throw Conflict('there is no application waiting to withdraw');
    if (!(await store.moveApplication(trx, community.id, app.id, app.state, { state: 'withdrawn', updatedAt: at }))) throw Conflict('this application has already been decided');
    await moveMembership(trx, { communityId: community.id, userId: me, transition: 'withdraw', by: null, reason: 'withdrawn', at }, lock);
    return { application: toMyApplication((await store.findApplication(trx, community.id, app.id))!) };
  });
}

export async function reviewQueue(ctx: AppContext, slug: string, userId: string | null, q: { state?: string; limit?: number; offset?: number }) {
  const me = signedIn(userId);
  const db = ctx.db.kysely;
  const community = await loadCommunity(db, slug);
  await assertReviewer(db, community.id, me);
  const { rows, total } = await store.listApplications(db, community.id, { state: q.state ?? 'pending', limit: q.limit ?? 50, offset: q.offset ?? 0 });
  return { applications: rows.map(toQueueItem), total };
}

export interface DecisionInput {
  ids: string[];
  decision: 'approve' | 'reject';
  reason?: string;
}

/** Approves or rejects each application in its own transaction; one already decided does not stop the rest. */
export async function decide(ctx: AppContext, slug: string, userId: string | null, input: DecisionInput) {
  const me = signedIn(userId);
  if (input.decision === 'reject' && !input.reason?.trim()) throw Invalid('reason', 'tell the applicant why');
  const community = await loadCommunity(ctx.db.kysely, slug);
  await assertReviewer(ctx.db.kysely, community.id, me);
  const lock = ctx.db.dialect === 'postgres';
  const results: { id: string; ok: boolean; state?: string; error?: string }[] = [];
  for (const id of input.ids) {
    try {
      const joined = await transaction(ctx.db, async (trx) => {
        await cstore.findCommunityById(trx, community.id, { lock });
        const app = await store.findApplication(trx, community.id, id);
        if (!app) throw NotFound('application');
        return decideIn(ctx, trx, community, app, { decision: input.decision, by: me, ruleId: null, reason: input.reason?.trim() ?? null }, lock);
      });
      const after = (await store.findApplication(ctx.db.kysely, community.id, id))!;
      if (joined) await notifyCarriers({ communityId: community.id, userId: after.userId, change: 'approved' }, logCarrier);
      results.push({ id, ok: true, state: after.state });
    } catch (err) {
      results.push({ id, ok: false, error: err instanceof AppError ? err.message : 'failed' });
    }
  }
  return { results };
}

/**
 * Offers freed places to the waitlist, first approved first. The pruning side
 * calls this after a removal or departure; returns who joined.
 */
export async function fillFreedPlaces(ctx: AppContext, communityId: string): Promise<string[]> {
  const lock = ctx.db.dialect === 'postgres';
  const at = ctx.clock.now().toISOString();
  const admitted = await transaction(ctx.db, async (trx) => {
    const community = await cstore.findCommunityById(trx, communityId, { lock });
    if (!community) throw NotFound('community');
    const waiting = await store.waitlisted(trx, communityId);
    const capacity = community.capacity === null ? null : Number(community.capacity);
    const next = admitFromWaitlist(waiting.map(asWaiting), capacity, await cstore.countActiveMembers(trx, communityId));
    const out: string[] = [];
    for (const w of next) {
      const app = w.row;
      if (!(await store.moveApplication(trx, communityId, app.id, 'waitlisted', { state: 'approved', joinedAt: at, updatedAt: at }))) continue;
      await join(ctx, trx, community, app, app.decidedBy, at, lock);
      await notify(ctx, trx, community, app.userId, 'admitted');
      out.push(app.userId);
    }
    return out;
  });
  for (const u of admitted) await notifyCarriers({ communityId, userId: u, change: 'approved' }, logCarrier);
  return admitted;
}

// ── helpers ──────────────────────────────────────────────────────────────────

interface Decision {
  decision: 'approve' | 'reject';
  by: string | null;
  ruleId: string | null;
  reason: string | null;
}

/** Decides one pending application; returns true when the applicant joined now. */
async function decideIn(ctx: AppContext, trx: Trx, community: Community, app: store.ApplicationRow, d: Decision, lock: boolean): Promise<boolean> {
  const at = ctx.clock.now().toISOString();
  let state: string = d.decision === 'reject' ? 'rejected' : 'approved';
  if (d.decision === 'approve') {
    const capacity = community.capacity === null ? null : Number(community.capacity);
    if (placeApproved(capacity, await cstore.countActiveMembers(trx, community.id)) === 'waitlist') state = 'waitlisted';
  }
  const moved = await store.moveApplication(trx, community.id, app.id, 'pending', {
    state, ruleId: d.ruleId, reason: d.decision === 'reject' ? d.reason : null, decidedBy: d.by, decidedAt: at,
    approvedAt: d.decision === 'approve' ? at : null, joinedAt: state === 'approved' ? at : null, updatedAt: at,
  });
  if (!moved) throw Conflict('this application has already been decided');
  await recordDecision(trx, community.id, {
    action: d.decision === 'approve' ? 'application.approved' : 'application.rejected',
    decidedBy: d.by, subjectId: app.userId, rule: d.ruleId, reason: d.reason, data: { applicationId: app.id, state, channel: app.channel }, at,
  });
  if (state === 'rejected') {
    await moveMembership(trx, { communityId: community.id, userId: app.userId, transition: 'reject', by: d.by, reason: d.reason, at }, lock);
    await notify(ctx, trx, community, app.userId, 'rejected', { reason: d.reason ?? '' });
    return false;
  }
  if (state === 'waitlisted') {
    await notify(ctx, trx, community, app.userId, 'waitlisted');
    return false;
  }
  await join(ctx, trx, community, app, d.by, at, lock);
  await notify(ctx, trx, community, app.userId, 'approved');
  return true;
}

async function join(ctx: AppContext, trx: Trx, community: Community, app: store.ApplicationRow, by: string | null, at: string, lock: boolean) {
  await moveMembership(trx, { communityId: community.id, userId: app.userId, transition: 'approve', by, via: app.channel, at }, lock);
  const { settings } = await loadConfig(trx, community.id);
  const existing = await trx.selectFrom('memberProfiles').select('id').where('communityId', '=', community.id).where('userId', '=', app.userId).executeTakeFirst();
  const due = introDueAt(at, settings.introDueDays);
  if (existing) await trx.updateTable('memberProfiles').set({ introDueAt: due, updatedAt: at }).where('id', '=', existing.id).execute();
  else await trx.insertInto('memberProfiles').values({ id: newId(), communityId: community.id, userId: app.userId, normsAcceptedAt: null, intro: null, introducedAt: null, introDueAt: due, updatedAt: at }).execute();
}

async function findUsableInvite(db: Trx, communityId: string, code: string, now: Date) {
  if (!INVITE_CODE_PATTERN.test(code)) return null;
  const inv = await store.findInviteByHash(db, communityId, hashSecret(code));
  if (!inv || inviteProblem({ ...inv, kind: inv.kind as InviteKind }, now)) return null;
  if (inv.kind === 'personal' && inv.ownerId) {
    // A link of someone who is no longer a member no longer brings people in.
    const owner = await cstore.findMembership(db, communityId, inv.ownerId);
    if (owner?.state !== 'member') return null;
  }
  return inv;
}

function isVouched(inv: store.InviteRow, mode: 'vouch' | 'screen'): boolean {
  return inv.kind === 'personal' ? mode === 'vouch' : inv.vouch === 1;
}

async function assertReviewer(db: Trx, communityId: string, userId: string) {
  const { actor } = await actorIn(db, communityId, userId);
  const { settings } = await loadConfig(db, communityId);
  assertGate(actor, 'gate.review', { communityId, coreCanReview: settings.coreCanReview });
}

function asWaiting(row: store.ApplicationRow) {
  return { applicationId: row.id, approvedAt: row.approvedAt ?? row.updatedAt, row };
}

function applyRefusal(p: NonNullable<ReturnType<typeof applyProblem>>): AppError {
  switch (p.code) {
    case 'blocked':
    case 'banned':
      return Forbidden('you cannot apply to this community');
    case 'member':
      return Conflict('you are already a member');
    case 'pending':
      return Conflict('your application is still being considered');
    case 'cooldown':
      return new AppError('conflict', `you can apply again after ${p.until}`, [{ path: 'cooldownUntil', message: p.until }]);
  }
}

function logCarrier(err: unknown) {
  console.error('carrier hook failed', err);
}

export type { Answers };
