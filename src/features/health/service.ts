/**
 * Health, live: the diagnosis engine over a community's activity log.
 *
 * The result is `shequn diagnose --json`'s schema, computed by streaming the
 * log in time order through the same analyzer. It is cached per community and
 * range, keyed by the last event id and the state of the identity links: a
 * request answers from the cache when nothing moved; the refresh job
 * (jobs/index.ts) recomputes communities whose log moved, so the page rarely
 * waits for a recompute.
 */
import type { AppContext } from '../../kernel/context.js';
import type { Q } from '../../kernel/db/tx.js';
import { Invalid } from '../../kernel/errors.js';
import { createAnalyzer, type DiagnosisResult } from '../../engine/health/index.js';
import type { ChatEvent } from '../../engine/types.js';
import { usersById } from '../accounts/index.js';
import { openCommunity } from '../communities/index.js';
import { rangeKey, resolvePerson, snapshotBasis } from './rules.js';
import * as store from './store.js';

export interface HealthRange {
  from?: string;
  to?: string;
}

/** The community's diagnosis, for its owner and admins. */
export async function getHealth(ctx: AppContext, slug: string, userId: string | null, range: HealthRange = {}): Promise<DiagnosisResult> {
  if (range.from && range.to && range.from >= range.to) throw Invalid('to', 'to must be after from', 'invalid');
  const { community } = await openCommunity(ctx.db.kysely, { slug }, userId, 'console.open');
  return healthOf(ctx, community.id, community.name, range);
}

/** How long a diagnosis may be shown while a newer one is computed behind it (the refresh job's period). */
export const STALE_FOR_MS = 10 * 60_000;

/**
 * From the cache when the log and the links have not moved since. When only
 * new events arrived and the cached result is recent, it is answered at once
 * and recomputed behind the answer; a changed link is always recomputed
 * before answering, so the operator sees the link's effect.
 */
export async function healthOf(ctx: AppContext, communityId: string, chatName: string, range: HealthRange = {}): Promise<DiagnosisResult> {
  const db = ctx.db.kysely;
  const key = rangeKey(range.from, range.to);
  const links = await store.linksKey(db, communityId);
  const basis = snapshotBasis(await store.lastEventId(db, communityId), links);
  const cached = await store.findSnapshot(db, communityId, key);
  if (cached && cached.basis === basis) return JSON.parse(cached.result) as DiagnosisResult;
  const recent = cached && cached.basis.endsWith(`|${links}`) && ctx.clock.now().getTime() - Date.parse(cached.computedAt) < STALE_FOR_MS;
  const fresh = recompute(ctx, communityId, chatName, range, key, basis);
  if (!recent) return fresh;
  fresh.catch(() => {}); // a failed background refresh leaves the cache as it was; the next request tries again
  return JSON.parse(cached.result) as DiagnosisResult;
}

/** One computation per community, range and basis at a time in this process. */
const running = new Map<string, Promise<DiagnosisResult>>();

function recompute(ctx: AppContext, communityId: string, chatName: string, range: HealthRange, key: string, basis: string): Promise<DiagnosisResult> {
  const flight = `${communityId}\u0000${key}\u0000${basis}`;
  const existing = running.get(flight);
  if (existing) return existing;
  const job = (async () => {
    const result = await computeHealth(ctx, communityId, chatName, range);
    await store.saveSnapshot(ctx.db.kysely, { communityId, rangeKey: key, basis, result: JSON.stringify(result), computedAt: ctx.clock.now().toISOString() });
    return result;
  })().finally(() => running.delete(flight));
  running.set(flight, job);
  return job;
}

/** Recomputes the whole-log diagnosis of every community whose health page was opened (the refresh job). */
export async function refreshAllHealth(ctx: AppContext): Promise<number> {
  let n = 0;
  for (const communityId of await store.communitiesWithSnapshots(ctx.db.kysely)) if (await refreshHealth(ctx, communityId)) n++;
  return n;
}

/** Brings a community's cached whole-log diagnosis up to date, if it has one; true when it had moved. */
export async function refreshHealth(ctx: AppContext, communityId: string): Promise<boolean> {
  const db = ctx.db.kysely;
  const cached = await store.findSnapshot(db, communityId, '');
  if (!cached) return false;
  const basis = snapshotBasis(await store.lastEventId(db, communityId), await store.linksKey(db, communityId));
  if (cached.basis === basis) return false;
  const { community } = await openCommunity(db, { id: communityId }, null, 'anyone');
  await recompute(ctx, communityId, community.name, {}, '', basis);
  return true;
}

/** One streaming pass over the log: memory grows with members and pairs, never with events. */
export async function computeHealth(ctx: AppContext, communityId: string, chatName: string, range: HealthRange = {}): Promise<DiagnosisResult> {
  const db = ctx.db.kysely;
  const links = new Map((await store.linkedIdentities(db, communityId)).map((i) => [`ext:${i.carrier}:${i.externalId}`, i.userId!]));
  const analyzer = createAnalyzer();
  for await (const e of store.eventsInTimeOrder(db, communityId, range)) {
    const data = e.data ?? undefined;
    const event: ChatEvent = {
      kind: e.kind,
      at: e.at,
      actorId: resolvePerson(e.actorId, links),
      targetId: resolvePerson(e.targetId, links),
      objectType: e.objectType,
      objectId: e.objectId,
      data: e.data,
    };
    // An imported author keeps the chat's name until linked; a linked one is named from the account.
    if (event.actorId === e.actorId && typeof data?.actorName === 'string') event.actorName = data.actorName;
    if (event.targetId === e.targetId && typeof data?.targetName === 'string') event.targetName = data.targetName;
    analyzer.add(event);
  }
  const result = analyzer.finish({ format: 'activity-log', label: 'Shequn activity log', path: '', chatName, generatedAt: ctx.clock.now().toISOString() });
  await nameMembers(db, result);
  return result;
}

/**
 * Platform events carry user ids, not names: the engine names such a member by
 * its id. Give every `{ id, name }` in the result whose name is still the id
 * the person's display name (one lookup for the people in the result).
 */
async function nameMembers(db: Q, result: DiagnosisResult): Promise<void> {
  const refs: { id: string; name: string }[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) for (const x of v) walk(x);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.id === 'string' && o.name === o.id && !o.id.startsWith('ext:')) refs.push(o as { id: string; name: string });
      for (const x of Object.values(o)) walk(x);
    }
  };
  walk(result);
  const users = await usersById(db, refs.map((r) => r.id));
  for (const r of refs) r.name = users.get(r.id)?.displayName ?? r.name;
}
