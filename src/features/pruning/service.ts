/**
 * Pruning use cases, part one: settings, the dry run, the sweep and the review
 * queue. Warnings, clears and review hand-offs of one sweep are written in one
 * transaction; each removal is its own transaction: the warning is locked and
 * re-read, the membership moves through the communities feature's one runner
 * (event, audit entry, carriers after commit), the member's warnings close and
 * they are told — all committed together or not at all.
 */
import type { AppContext } from '../../kernel/context.js';
import { appendEvent } from '../../kernel/activity/log.js';
import { recordDecision } from '../../kernel/audit.js';
import { inTransaction, type Q } from '../../kernel/db/tx.js';
import { AppError, Conflict, Invalid, NotFound } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { usersById } from '../accounts/index.js';
import { activitySources, coveredSince, coversWindow, openCommunity, PARTICIPATION_KINDS, transitionMembership } from '../communities/index.js';
import { notify } from '../members/index.js';
import { factLoader, pruningRules } from './registry.js';
import { decideSweep, mergeSettings, settingsProblem, summarize, type Message, type PruningSettings, type SweepDecision } from './rules.js';
import * as store from './store.js';
import './builtins.js';

export async function loadSettings(db: Q, communityId: string): Promise<PruningSettings> {
  return mergeSettings(pruningRules(), (await store.readSettings(db, communityId)) as Partial<PruningSettings> | null);
}

// ── settings ─────────────────────────────────────────────────────────────────

export async function getSettings(ctx: AppContext, slug: string, userId: string | null) {
  const { community } = await openCommunity(ctx.db.kysely, { slug }, userId, 'console.open');
  const settings = await loadSettings(ctx.db.kysely, community.id);
  return { settings, rules: await describeRules(ctx, community.id), coverage: await coverageOf(ctx.db.kysely, community.id, ctx.clock.now()) };
}

export async function updateSettings(ctx: AppContext, slug: string, userId: string | null, patch: Partial<PruningSettings>) {
  const at = ctx.clock.now().toISOString();
  return inTransaction(ctx.db, async (trx) => {
    const { community, me: adminId } = await openCommunity(trx, { slug }, userId, 'console.open');
    const before = await loadSettings(trx, community.id);
    const rules = { ...before.rules };
    for (const [id, s] of Object.entries(patch.rules ?? {})) {
      if (!(id in rules)) throw Invalid(`rules.${id}`, 'no such pruning rule');
      rules[id] = { ...rules[id]!, ...s };
    }
    const next: PruningSettings = { ...before, ...patch, rules };
    const problem = settingsProblem(pruningRules(), next);
    if (problem) throw Invalid(problem.field, problem.message);
    if (next.rules.inactive?.enabled) await assertCovered(trx, community.id, ctx.clock.now(), next.rules.inactive.threshold);
    await store.writeSettings(trx, community.id, next, adminId, at);
    await recordDecision(trx, community.id, { action: 'pruning.settings_updated', decidedBy: adminId, data: { before, after: next }, at });
    return { settings: next };
  });
}

async function describeRules(ctx: AppContext, communityId: string) {
  const now = ctx.clock.now();
  const out = [];
  for (const r of pruningRules()) {
    // Available when some threshold could work here: a too-long one is refused with its reason on saving.
    const available = (await factLoader(r.id)!(ctx.db.kysely, communityId, now, r.min)) !== null;
    out.push({ id: r.id, unit: r.unit, min: r.min, max: r.max, defaultThreshold: r.defaultThreshold, available });
  }
  return out;
}

// ── the sweep ────────────────────────────────────────────────────────────────

async function planSweep(db: Q, communityId: string, now: Date, settings: PruningSettings, alsoRules?: string[]) {
  const rules = [];
  const facts: Record<string, Map<string, unknown>> = {};
  const unavailable: string[] = [];
  for (const rule of pruningRules()) {
    if (!settings.rules[rule.id]?.enabled && !alsoRules?.includes(rule.id)) continue;
    const loaded = await factLoader(rule.id)!(db, communityId, now, thresholdOf(settings, rule.id));
    if (loaded === null) unavailable.push(rule.id);
    else {
      rules.push(rule);
      facts[rule.id] = loaded;
    }
  }
  const [members, warnings] = await Promise.all([store.activeMembers(db, communityId), store.unresolvedWarnings(db, communityId)]);
  return { decisions: decideSweep({ now, settings, rules, members, facts, warnings, alsoRules }), unavailable };
}

/**
 * What a sweep would do today, without writing anything. `settings` lets an
 * admin try thresholds before saving; every rule is evaluated, switched on or not.
 */
export async function dryRun(ctx: AppContext, slug: string, userId: string | null, override?: Partial<PruningSettings>) {
  const db = ctx.db.kysely;
  const { community } = await openCommunity(db, { slug }, userId, 'console.open');
  const saved = await loadSettings(db, community.id);
  const settings: PruningSettings = { ...saved, ...override, rules: { ...saved.rules, ...override?.rules } };
  const problem = settingsProblem(pruningRules(), settings);
  if (problem) throw Invalid(problem.field, problem.message);
  const { decisions, unavailable } = await planSweep(db, community.id, ctx.clock.now(), settings, pruningRules().map((r) => r.id));
  const people = await usersById(db, decisions.map((d) => d.userId));
  const shown = decisions.map((d) => ({ ...d, displayName: people.get(d.userId)?.displayName ?? '', enabled: !!settings.rules[d.ruleId]?.enabled }));
  return {
    at: ctx.clock.now().toISOString(),
    summary: summarize(decisions),
    unavailable,
    coverage: await coverageOf(db, community.id, ctx.clock.now()),
    decisions: shown,
    members: byMember(shown),
  };
}

/** One row per member with every rule they would meet, in the order the sweep met them. */
function byMember<D extends { userId: string; displayName: string }>(decisions: D[]): { userId: string; displayName: string; decisions: D[] }[] {
  const rows = new Map<string, { userId: string; displayName: string; decisions: D[] }>();
  for (const d of decisions) {
    const row = rows.get(d.userId) ?? { userId: d.userId, displayName: d.displayName, decisions: [] };
    row.decisions.push(d);
    rows.set(d.userId, row);
  }
  return [...rows.values()];
}

const thresholdOf = (settings: PruningSettings, ruleId: string) => settings.rules[ruleId]?.threshold ?? pruningRules().find((r) => r.id === ruleId)!.defaultThreshold;

/** What the inactivity rule can see: every source and its span, the unbroken coverage reaching today, the kinds that count. */
async function coverageOf(db: Q, communityId: string, now: Date) {
  const sources = await activitySources(db, communityId);
  return { sources, coveredSince: coveredSince(sources, now), counts: [...PARTICIPATION_KINDS] };
}

/** Silence cannot be judged over days no source could see: switching the rule on then is a 400. */
async function assertCovered(db: Q, communityId: string, now: Date, days: number) {
  const sources = await activitySources(db, communityId);
  if (coversWindow(sources, now, days)) return;
  const since = coveredSince(sources, now);
  if (!since) throw Invalid('rules.inactive.enabled', 'no activity source covers today: import or connect the chat where members talk', 'no_source');
  throw Invalid('rules.inactive.enabled', `activity is recorded only since ${since.slice(0, 10)}, fewer than ${days} days: import the chat's history or wait`, 'not_covered', {
    days,
    since: since.slice(0, 10),
  });
}

export interface SweepResult {
  warned: number;
  cleared: number;
  queued: number;
  removed: number;
  failed: number;
}

/** One sweep of one community, by the scheduler (`by` null) or an admin's "run now". */
export async function sweepCommunity(ctx: AppContext, communityId: string, by: string | null): Promise<SweepResult> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const result: SweepResult = { warned: 0, cleared: 0, queued: 0, removed: 0, failed: 0 };
  const removals = await inTransaction(ctx.db, async (trx) => {
    // One sweep of a community at a time (the daily job and an admin's "run now" may meet):
    // the community row is locked, so the second waits here and then sees the first one's warnings.
    await openCommunity(trx, { id: communityId }, null, 'anyone', { lockCommunity: true });
    await store.closeWarningsOfFormerMembers(trx, communityId, at);
    const settings = await loadSettings(trx, communityId);
    const { decisions } = await planSweep(trx, communityId, now, settings);
    const toRemove: Removal[] = [];
    for (const d of decisions) {
      if (d.kind === 'warn') {
        const id = newId(now.getTime());
        await store.insertWarning(trx, communityId, { id, userId: d.userId, rule: d.ruleId, reason: d.reason, keep: d.keep, warnedAt: at, deadline: d.deadline });
        await appendEvent(trx, communityId, { kind: 'member.warned', at, actorId: by, targetId: d.userId, objectType: 'pruning_warning', objectId: id, data: { rule: d.ruleId, deadline: d.deadline } });
        await recordDecision(trx, communityId, { action: 'member.warned', decidedBy: by, subjectId: d.userId, rule: d.ruleId, reason: d.reason.key, data: { deadline: d.deadline, ...d.reason.params }, at });
        await notify(ctx, trx, { communityId, userId: d.userId, kind: 'pruning.warned', data: { rule: d.ruleId, deadline: d.deadline, reason: d.reason, keep: d.keep } });
        result.warned++;
      } else if (d.kind === 'clear') {
        if (!(await store.moveWarning(trx, communityId, d.warningId, ['open', 'review'], 'cleared', by, at))) continue;
        await recordDecision(trx, communityId, { action: 'member.cleared', decidedBy: by, subjectId: d.userId, rule: d.ruleId, reason: 'recovered', at });
        await notify(ctx, trx, { communityId, userId: d.userId, kind: 'pruning.cleared', data: { rule: d.ruleId } });
        result.cleared++;
      } else if (d.kind === 'review') {
        if (!(await store.moveWarning(trx, communityId, d.warningId!, ['open'], 'review', by, at))) continue;
        await recordDecision(trx, communityId, { action: 'member.review_queued', decidedBy: by, subjectId: d.userId, rule: d.ruleId, reason: d.reason.key, at });
        result.queued++;
      } else if (d.warningId) {
        toRemove.push({ userId: d.userId, ruleId: d.ruleId, reason: d.reason, warningId: d.warningId });
      }
    }
    return toRemove;
  });
  for (const d of removals) {
    try {
      await inTransaction(ctx.db, async (trx) => {
        const w = await store.findWarning(trx, communityId, d.warningId, { lock: true });
        if (w?.state !== 'open') throw Conflict('this warning was resolved since the sweep looked');
        await removeFor(ctx, trx, communityId, d, by);
      });
      result.removed++;
    } catch (err) {
      // Someone left or an admin acted between the plan and now: the next sweep sees the new state.
      if (!(err instanceof AppError)) throw err;
      result.failed++;
    }
  }
  return result;
}

/** The scheduler's daily job: every community that has pruning settings. */
export async function sweepAll(ctx: AppContext): Promise<Record<string, SweepResult>> {
  const out: Record<string, SweepResult> = {};
  for (const communityId of await store.communitiesWithSettings(ctx.db.kysely)) out[communityId] = await sweepCommunity(ctx, communityId, null);
  return out;
}

export async function runSweepNow(ctx: AppContext, slug: string, userId: string | null) {
  const { community, me } = await openCommunity(ctx.db.kysely, { slug }, userId, 'console.open');
  return sweepCommunity(ctx, community.id, me);
}

// ── warnings and the review queue ────────────────────────────────────────────

export async function listWarnings(ctx: AppContext, slug: string, userId: string | null, q: { state?: 'open' | 'review' | 'cleared' | 'removed' | 'kept'; limit?: number; offset?: number }) {
  const { community } = await openCommunity(ctx.db.kysely, { slug }, userId, 'console.open');
  const rows = await store.listWarnings(ctx.db.kysely, community.id, { states: q.state ? [q.state] : ['open', 'review'], limit: q.limit, offset: q.offset });
  return { warnings: rows.map(toWarningView) };
}

/**
 * An admin decides a member in the review queue: remove, or keep (the warning
 * is closed). The admin's rights and the warning are read inside the deciding
 * transaction, the warning row locked: of a "keep" and a "remove" racing, the
 * second finds the warning decided and changes nothing.
 */
export async function decideReview(ctx: AppContext, slug: string, userId: string | null, warningId: string, decision: 'remove' | 'keep', note?: string) {
  const at = ctx.clock.now().toISOString();
  return inTransaction(ctx.db, async (trx) => {
    const { community, me } = await openCommunity(trx, { slug }, userId, 'console.open');
    const w = await store.findWarning(trx, community.id, warningId, { lock: true });
    if (!w) throw NotFound('warning');
    if (w.state !== 'review') throw Conflict(`this warning is ${w.state}, not waiting for review`);
    if (decision === 'remove') {
      await removeFor(ctx, trx, community.id, { userId: w.userId, ruleId: w.rule, reason: JSON.parse(w.reason) as Message, note }, me);
    } else {
      if (!(await store.moveWarning(trx, community.id, warningId, ['review'], 'kept', me, at))) throw Conflict('another admin decided this first');
      await recordDecision(trx, community.id, { action: 'member.kept', decidedBy: me, subjectId: w.userId, rule: w.rule, reason: note ?? null, at });
    }
    return { warning: toWarningView({ ...(await store.findWarning(trx, community.id, warningId))!, displayName: '' }) };
  });
}

interface Removal {
  userId: string;
  ruleId: string;
  reason: Message;
  warningId: string;
}

/**
 * A removal for a pruning rule, in the caller's transaction: the membership
 * moves (one runner), every open warning of the member closes, and they are
 * told how to appeal.
 */
async function removeFor(ctx: AppContext, trx: Q, communityId: string, r: { userId: string; ruleId: string; reason: Message; note?: string }, by: string | null) {
  const at = ctx.clock.now().toISOString();
  // The event carries the rule's own reason (the member's figures), so the activity log can say why in words.
  const eventData = { rule: r.ruleId, why: r.reason };
  await transitionMembership(ctx, { communityId, userId: r.userId, transition: 'remove', by, reason: r.note || `pruning:${r.ruleId}`, eventData }, trx);
  await store.closeWarningsOf(trx, communityId, r.userId, 'removed', by, at);
  const settings = await loadSettings(trx, communityId);
  const appealUntil = new Date(ctx.clock.now().getTime() + settings.appealWindowDays * 86_400_000).toISOString();
  await notify(ctx, trx, { communityId, userId: r.userId, kind: 'pruning.removed', data: { rule: r.ruleId, reason: r.reason, appealUntil } });
}

export function toWarningView(w: store.WarningRow & { displayName: string }) {
  return {
    id: w.id,
    userId: w.userId,
    displayName: w.displayName,
    rule: w.rule,
    state: w.state,
    reason: JSON.parse(w.reason) as { key: string; params?: Record<string, string | number> },
    keep: JSON.parse(w.keep) as { key: string; params?: Record<string, string | number> },
    warnedAt: w.warnedAt,
    deadline: w.deadline,
    resolvedAt: w.resolvedAt,
  };
}
