/**
 * `shequn demo` and the first start: loads the demo community planned in
 * demoPlan.ts — people, memberships, eight weeks of activity and the audit
 * trail — in one transaction with batched inserts. Every demo account shares
 * one password, hashed once (argon2 is slow on purpose).
 */
import type { AppContext } from '../../kernel/context.js';
import { appendEvents } from '../../kernel/activity/log.js';
import type { ActivityEvent } from '../../kernel/activity/taxonomy.js';
import { recordDecision } from '../../kernel/audit.js';
import { inTransaction } from '../../kernel/db/tx.js';
import { newId, newSecret } from '../../kernel/ids.js';
import { hashPassword } from '../accounts/index.js';
import { indexPeople } from '../accounts/index.js';
import { DEMO_CHARTER, DEMO_EMAIL_DOMAIN, DEMO_OWNER_EMAIL, DEMO_SLUG } from './demoData.js';
import { planDemo } from './demoPlan.js';
import * as store from './store.js';

export interface DemoResult {
  created: boolean;
  slug: string;
  name: string;
  /** Printed once: the owner's sign-in (every demo member, e.g. member042@demo.shequn.local, shares the password). */
  signIn?: { email: string; password: string };
}

export async function loadDemo(ctx: AppContext, opts: { onlyIfEmpty?: boolean; force?: boolean } = {}): Promise<DemoResult> {
  const db = ctx.db.kysely;
  const name = DEMO_CHARTER.name;
  if (opts.onlyIfEmpty) {
    const any = await store.anyCommunity(db);
    if (any) return { created: false, slug: any.slug, name: any.name };
  }
  const existing = await store.findCommunityBySlug(db, DEMO_SLUG);
  if (existing && !opts.force) return { created: false, slug: existing.slug, name: existing.name };

  const password = newSecret(9);
  const passwordHash = await hashPassword(password);
  const now = ctx.clock.now();
  const plan = planDemo(now);
  const nowIso = now.toISOString();

  await inTransaction(ctx.db, async (trx) => {
    if (existing) await store.deleteCommunity(trx, existing.id); // memberships, events and audit entries go with it

    // Demo accounts are reused across reloads; a fresh password is set on all of them.
    const emails = plan.people.map((p) => p.email);
    const known = new Map<string, string>();
    for (let i = 0; i < emails.length; i += 500) {
      const rows = await trx.selectFrom('users').select(['id', 'email']).where('email', 'in', emails.slice(i, i + 500)).execute();
      for (const r of rows) known.set(r.email, r.id);
    }
    const ids = plan.people.map((p) => known.get(p.email) ?? newId(new Date(p.createdAt).getTime()));
    const fresh = plan.people.flatMap((p, i) =>
      known.has(p.email) ? [] : [{ id: ids[i]!, email: p.email, passwordHash, displayName: p.displayName, locale: 'zh-Hans', createdAt: p.createdAt, updatedAt: p.createdAt }],
    );
    for (let i = 0; i < fresh.length; i += 200) await trx.insertInto('users').values(fresh.slice(i, i + 200)).execute();
    await indexPeople(trx, fresh);
    if (known.size) {
      await trx
        .updateTable('users')
        .set({ passwordHash, updatedAt: nowIso })
        .where('email', 'in', [...known.keys()])
        .execute();
    }

    const communityId = newId(new Date(plan.createdAt).getTime());
    await store.insertCommunity(trx, {
      ...DEMO_CHARTER,
      id: communityId,
      capacity: DEMO_CHARTER.capacity ?? null,
      publicTeaser: 1,
      teaser: DEMO_CHARTER.teaser ?? '',
      createdBy: ids[0]!,
      createdAt: plan.createdAt,
      updatedAt: plan.createdAt,
    });
    const membershipIds = plan.people.map((p) => newId(new Date(p.createdAt).getTime()));
    await store.insertMemberships(
      trx,
      plan.people.map((p, i) => ({
        id: membershipIds[i]!,
        communityId,
        userId: ids[i]!,
        state: p.state,
        role: p.role,
        createdAt: p.createdAt,
        joinedAt: p.joinedAt,
        endedAt: p.endedAt,
        endReason: p.endReason,
        updatedAt: p.endedAt ?? p.joinedAt ?? p.createdAt,
      })),
    );
    const events: ActivityEvent[] = plan.events.map(({ actor, target, ...e }) => ({
      ...e,
      actorId: actor === null ? null : ids[actor]!,
      targetId: target === null ? null : ids[target]!,
      // Membership events point at the membership row; the community's own events at the community.
      objectId: e.objectType === 'membership' ? membershipIds[target ?? actor ?? 0]! : e.objectType === 'community' ? communityId : (e.objectId ?? null),
    }));
    await appendEvents(trx, communityId, events);
    for (const d of plan.decisions) {
      await recordDecision(trx, communityId, { action: d.action, decidedBy: ids[d.decidedBy]!, subjectId: ids[d.subject]!, reason: d.reason, data: d.data, at: d.at });
    }
  });
  return { created: true, slug: DEMO_SLUG, name, signIn: { email: DEMO_OWNER_EMAIL, password } };
}

/** Demo accounts, for tests and docs: the owner and member001…member212 under this domain. */
export const DEMO_ACCOUNTS = { owner: DEMO_OWNER_EMAIL, domain: DEMO_EMAIL_DOMAIN };
