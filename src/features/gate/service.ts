/**
 * Gate use cases for applicants and reviewers: the apply page, applying (with
 * an invite code or not), the applicant's status, the review queue, decisions
 * (one by one or in bulk), and filling freed places from the waitlist. Each
 * runs in one transaction: the opening (community, actor, policy) → rules →
 * store → the membership runner → audit + notice; carriers hear after commit.
 */
import type { AppContext } from '../../kernel/context.js';
import { recordDecision } from '../../kernel/audit.js';
import { inTransaction, type Q } from '../../kernel/db/tx.js';
import { decodeCursor, pageOf } from '../../kernel/paging.js';
import { AppError, Conflict, Forbidden, Invalid, NotFound } from '../../kernel/errors.js';
import { hashSecret, newId } from '../../kernel/ids.js';
import { membershipOf, openCommunity, seats, transitionMembership, type CommunityRow, type TransitionInput } from '../communities/index.js';
import { noticesOf, notify, startProfile } from '../members/index.js';
import { asGate } from './access.js';
import { loadConfig } from './config.js';
import {
  admitFromWaitlist, applyProblem, channelOf, checkAnswers, INVITE_CODE_PATTERN, inviteProblem, placeApproved, screen, waitlistPosition,
  type Answers, type Verdict,
} from './rules.js';
import * as store from './store.js';
import type { ApplicationState } from './tables.js';
import { toMyApplication, toQueueItem } from './views.js';

/** What the public apply page needs: the form, whether it is open, and what an invite code offers. */
export async function applyPage(ctx: AppContext, slug: string, userId: string | null, code?: string) {
  const db = ctx.db.kysely;
  const { community, me } = await openCommunity(db, { slug }, userId, 'anyone');
  const { form, settings } = await loadConfig(db, community.id);
  const invite = code ? await findUsableInvite(db, community.id, code, ctx.clock.now()) : null;
  const mine = me ? await store.latestApplication(db, community.id, me) : undefined;
  return {
    form,
    open: settings.open || invite !== null,
    invite: invite ? { kind: invite.kind, name: invite.kind === 'campaign' ? invite.name : null, vouch: isVouched(invite, settings.referralMode) } : null,
    application: mine ? toMyApplication(mine) : null,
  };
}

export async function apply(ctx: AppContext, slug: string, userId: string | null, input: { answers: unknown; code?: string }) {
  const now = ctx.clock.now();
  const at = now.toISOString();
  return inTransaction(ctx.db, async (trx) => {
    // The applicant's membership row is locked: two submissions of one person meet here.
    const { community, membership, me } = await openCommunity(trx, { slug }, userId, 'signed-in', { lockActor: true });
    const { form, rules, settings } = await loadConfig(trx, community.id);
    const invite = input.code ? await findUsableInvite(trx, community.id, input.code, now) : null;
    if (input.code && !invite) throw Invalid('code', 'this invite link is not valid any more');
    if (!settings.open && !invite) throw Forbidden('this community is not taking applications now; ask a member for an invite');

    const last = await store.latestApplication(trx, community.id, me);
    const problem = applyProblem(
      {
        state: membership?.state ?? null,
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
    const channel = channelOf(invite ? { kind: invite.kind, channel: invite.channel } : null);
    const verdict: Verdict = vouched
      ? { outcome: 'approve', ruleId: 'vouch', ruleName: 'vouch', reason: null }
      : screen(rules, { answers: checked.answers, referred: referrerId !== null, vouched, channel });

    await transitionMembership(ctx, { communityId: community.id, userId: me, transition: 'apply', by: me, via: channel }, trx);
    const row: store.ApplicationRow = {
      id: newId(now.getTime()), communityId: community.id, userId: me, state: 'pending', answers: JSON.stringify(checked.answers),
      inviteId: invite?.id ?? null, referrerId, channel, vouched: vouched ? 1 : 0, ruleId: null, reason: null,
      decidedBy: null, decidedAt: null, approvedAt: null, joinedAt: null, createdAt: at, updatedAt: at,
    };
    await store.insertApplication(trx, row);
    if (verdict.outcome !== 'review') {
      await decideIn(ctx, trx, community, row, { decision: verdict.outcome, by: null, ruleId: verdict.ruleId, reason: verdict.reason });
    }
    return { application: toMyApplication((await store.findApplication(trx, community.id, row.id))!) };
  });
}

/** The applicant's own view: their latest application, place in line, notices. Only their own. */
export async function myStatus(ctx: AppContext, slug: string, userId: string | null) {
  const db = ctx.db.kysely;
  const { community, membership, me } = await openCommunity(db, { slug }, userId, 'signed-in');
  const app = await store.latestApplication(db, community.id, me);
  const { settings } = await loadConfig(db, community.id);
  const waiting = app?.state === 'waitlisted' ? await store.waitlisted(db, community.id) : [];
  const problem = applyProblem(
    { state: membership?.state ?? null, endedAt: membership?.endedAt ?? null, blocked: false, openApplication: false, cooldownDays: settings.cooldownDays },
    ctx.clock.now(),
  );
  return {
    membership: membership ? { state: membership.state, role: membership.role } : null,
    application: app ? toMyApplication(app) : null,
    waitlistPosition: app?.state === 'waitlisted' ? waitlistPosition(waiting.map(asWaiting), app.id) : null,
    cooldownUntil: problem?.code === 'cooldown' ? problem.until : null,
    notifications: await noticesOf(db, community.id, me),
  };
}

/** The applicant takes back an application still waiting (pending or waitlisted); no cooldown follows. */
export async function withdraw(ctx: AppContext, slug: string, userId: string | null) {
  const at = ctx.clock.now().toISOString();
  return inTransaction(ctx.db, async (trx) => {
    const { community, me } = await openCommunity(trx, { slug }, userId, 'signed-in');
    const app = await store.latestApplication(trx, community.id, me);
    if (!app || (app.state !== 'pending' && app.state !== 'waitlisted')) throw Conflict('there is no application waiting to withdraw');
    if (!(await store.moveApplication(trx, community.id, app.id, app.state, { state: 'withdrawn', updatedAt: at }))) throw Conflict('this application has already been decided');
    await transitionMembership(ctx, { communityId: community.id, userId: me, transition: 'withdraw', by: me, reason: 'withdrawn' }, trx);
    return { application: toMyApplication((await store.findApplication(trx, community.id, app.id))!) };
  });
}

export async function reviewQueue(ctx: AppContext, slug: string, userId: string | null, q: { state?: ApplicationState; limit?: number; cursor?: string }) {
  const db = ctx.db.kysely;
  const { community } = await openCommunity(db, { slug }, userId, asGate(db, 'gate.review'));
  const limit = q.limit ?? 50;
  const after = decodeCursor(q.cursor, ['string', 'string']) as store.QueueKey | undefined;
  const { rows, total } = await store.listApplications(db, community.id, { state: q.state ?? 'pending', limit, after });
  const page = pageOf(rows, limit, (r) => [r.createdAt, r.id]);
  return { applications: page.rows.map(toQueueItem), nextCursor: page.nextCursor, total };
}

export interface DecisionInput {
  ids: string[];
  decision: 'approve' | 'reject';
  reason?: string;
}

/**
 * Approves or rejects each application in its own transaction; one already
 * decided does not stop the rest. The reviewer's right is asked once up front
 * (so a stranger gets one 403) and again inside each transaction, with the
 * application, so every decision holds at the moment it is written.
 */
export async function decide(ctx: AppContext, slug: string, userId: string | null, input: DecisionInput) {
  if (input.decision === 'reject' && !input.reason?.trim()) throw Invalid('reason', 'tell the applicant why');
  await openCommunity(ctx.db.kysely, { slug }, userId, asGate(ctx.db.kysely, 'gate.review'));
  const results: { id: string; ok: boolean; state?: string; error?: string }[] = [];
  for (const id of input.ids) {
    try {
      const state = await inTransaction(ctx.db, async (trx) => {
        const { community, me } = await openCommunity(trx, { slug }, userId, asGate(trx, 'gate.review'));
        const app = await store.findApplication(trx, community.id, id);
        if (!app) throw NotFound('application');
        await decideIn(ctx, trx, community, app, { decision: input.decision, by: me, ruleId: null, reason: input.reason?.trim() ?? null });
        return (await store.findApplication(trx, community.id, id))!.state;
      });
      results.push({ id, ok: true, state });
    } catch (err) {
      results.push({ id, ok: false, error: err instanceof AppError ? err.message : 'failed' });
    }
  }
  return { results };
}

/** Job: offers freed places in every community with a waitlist. */
export async function fillAllFreedPlaces(ctx: AppContext): Promise<void> {
  for (const communityId of await store.communitiesWithWaitlist(ctx.db.kysely)) await fillFreedPlaces(ctx, communityId);
}

/**
 * Offers freed places to the waitlist, first approved first (a removal, a
 * departure or a larger capacity frees places); returns who joined.
 */
export async function fillFreedPlaces(ctx: AppContext, communityId: string, db?: Q): Promise<string[]> {
  const at = ctx.clock.now().toISOString();
  return inTransaction(db ?? ctx.db, async (trx) => {
    const { community } = await openCommunity(trx, { id: communityId }, null, 'anyone');
    const waiting = await store.waitlisted(trx, communityId);
    if (!waiting.length) return [];
    const { capacity, active } = await seats(trx, communityId);
    const out: string[] = [];
    for (const w of admitFromWaitlist(waiting.map(asWaiting), capacity, active)) {
      const app = w.row;
      if (!(await store.moveApplication(trx, communityId, app.id, 'waitlisted', { state: 'approved', joinedAt: at, updatedAt: at }))) continue;
      await admit(ctx, trx, community, app, app.decidedBy, at);
      await notify(ctx, trx, { communityId, userId: app.userId, kind: 'gate.admitted' });
      out.push(app.userId);
    }
    return out;
  });
}

// ── helpers ──────────────────────────────────────────────────────────────────

interface Decision {
  decision: 'approve' | 'reject';
  by: string | null;
  ruleId: string | null;
  reason: string | null;
}

/** Decides one pending application inside the caller's transaction. */
async function decideIn(ctx: AppContext, trx: Q, community: CommunityRow, app: store.ApplicationRow, d: Decision): Promise<void> {
  const at = ctx.clock.now().toISOString();
  let state: ApplicationState = d.decision === 'reject' ? 'rejected' : 'approved';
  if (d.decision === 'approve') {
    const { capacity, active } = await seats(trx, community.id);
    if (placeApproved(capacity, active) === 'waitlist') state = 'waitlisted';
  }
  const moved = await store.moveApplication(trx, community.id, app.id, 'pending', {
    state, ruleId: d.ruleId, reason: d.decision === 'reject' ? d.reason : null, decidedBy: d.by, decidedAt: at,
    approvedAt: d.decision === 'approve' ? at : null, joinedAt: state === 'approved' ? at : null, updatedAt: at,
  });
  if (!moved) throw Conflict('this application has already been decided');
  // The membership runner writes the audit entry of a decision that moves the membership; a
  // waitlisted applicant's membership stays as it is, so the gate writes that one itself.
  const audit = { rule: d.ruleId, data: { applicationId: app.id, state, channel: app.channel } };
  if (state === 'rejected') {
    await transitionMembership(ctx, { communityId: community.id, userId: app.userId, transition: 'reject', by: d.by, reason: d.reason ?? undefined, via: app.channel, authorized: true, audit }, trx);
    await notify(ctx, trx, { communityId: community.id, userId: app.userId, kind: 'gate.rejected', data: { reason: d.reason ?? '' } });
  } else if (state === 'waitlisted') {
    await recordDecision(trx, community.id, { action: 'application.approved', decidedBy: d.by, subjectId: app.userId, rule: d.ruleId, reason: d.reason, data: audit.data, at });
    await notify(ctx, trx, { communityId: community.id, userId: app.userId, kind: 'gate.waitlisted' });
  } else {
    await admit(ctx, trx, community, app, d.by, at, audit);
    await notify(ctx, trx, { communityId: community.id, userId: app.userId, kind: 'gate.approved' });
  }
}

/** The applicant becomes a member (the one membership runner) and their introduction falls due. */
async function admit(ctx: AppContext, trx: Q, community: CommunityRow, app: store.ApplicationRow, by: string | null, at: string, audit?: TransitionInput['audit']) {
  await transitionMembership(ctx, { communityId: community.id, userId: app.userId, transition: 'approve', by, via: app.channel, authorized: true, audit }, trx);
  const { settings } = await loadConfig(trx, community.id);
  await startProfile(trx, { communityId: community.id, userId: app.userId, at, introDueDays: settings.introDueDays });
}

async function findUsableInvite(db: Q, communityId: string, code: string, now: Date) {
  if (!INVITE_CODE_PATTERN.test(code)) return null;
  const inv = await store.findInviteByHash(db, communityId, hashSecret(code));
  if (!inv || inviteProblem(inv, now)) return null;
  if (inv.kind === 'personal' && inv.ownerId) {
    // A link of someone who is no longer a member no longer brings people in.
    const owner = await membershipOf(db, communityId, inv.ownerId);
    if (owner?.state !== 'member') return null;
  }
  return inv;
}

function isVouched(inv: store.InviteRow, mode: 'vouch' | 'screen'): boolean {
  return inv.kind === 'personal' ? mode === 'vouch' : inv.vouch === 1;
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

export type { Answers };
