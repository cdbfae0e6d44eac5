/**
 * The demo community's content (demoData.ts), written through the content use
 * cases themselves — so it has its search entries, activity events and notices
 * like anything a member writes — each at its own time in the past.
 */
import type { AppContext } from '../../kernel/context.js';
import { inTransaction } from '../../kernel/db/tx.js';
import { DEMO_SLUG } from '../communities/index.js';
import { DEMO_ANSWERER, DEMO_POSTS } from './demoData.js';
import { purgeOrphans } from './search.js';
import { addDuty } from './core.js';
import { acceptAnswer, createPost, moderate, reply } from './service.js';

const HOUR = 3_600_000;

export async function loadContentDemo(ctx: AppContext, opts: { slug?: string } = {}): Promise<{ posts: number }> {
  const slug = opts.slug ?? DEMO_SLUG;
  const db = ctx.db.kysely;
  const community = await db.selectFrom('communities').select(['id', 'createdBy']).where('slug', '=', slug).executeTakeFirst();
  if (!community) return { posts: 0 };
  if (await db.selectFrom('posts').select('id').where('communityId', '=', community.id).executeTakeFirst()) return { posts: 0 };
  const people = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.userId')
    .select(['users.id', 'users.displayName', 'memberships.role'])
    .where('memberships.communityId', '=', community.id)
    .where('memberships.state', '=', 'member')
    .orderBy('memberships.joinedAt')
    .execute();
  const members = people.filter((p) => p.role === 'member');
  const who = (name: string): string => {
    if (name === 'owner') return community.createdBy;
    const n = /^member:(\d+)$/.exec(name);
    const id = n ? members[Number(n[1])]?.id : people.find((p) => p.displayName === name)?.id;
    if (!id) throw new Error(`demo content: nobody called ${name}`);
    return id;
  };
  const now = ctx.clock.now().getTime();
  const at = (ms: number): AppContext => ({ ...ctx, clock: { now: () => new Date(ms) } });

  await inTransaction(ctx.db, async (trx) => {
    await purgeOrphans(trx);
    for (const p of DEMO_POSTS) {
      const t0 = now - p.daysAgo * 24 * HOUR;
      const askedTo = p.askedTo && p.askedTo !== 'core' ? who(p.askedTo) : p.askedTo;
      const { id } = await createPost(at(t0), slug, who(p.by), { kind: p.kind, title: p.title, body: p.body, tags: p.tags, visibility: p.visibility, teaser: p.teaser, askedTo }, trx);
      const replyIds: string[] = [];
      for (const r of p.replies ?? []) {
        const parentId = r.under === undefined ? null : replyIds[r.under]!;
        replyIds.push((await reply(at(t0 + r.hoursAfter * HOUR), slug, who(r.by), id, { body: r.body, parentId }, trx)).id);
      }
      if (p.accept !== undefined) await acceptAnswer(at(t0 + 48 * HOUR), slug, who(p.by), id, replyIds[p.accept]!, trx);
      if (p.essence) await moderate(at(t0 + 24 * HOUR), slug, community.createdBy, id, { action: 'essence' }, trx);
      if (p.pinned) await moderate(at(t0 + HOUR), slug, community.createdBy, id, { action: 'pin' }, trx);
    }
    // The owner's duties: two original posts a week from every core member, and answers within 48 h from the alumnus.
    const setAt = at(now - 50 * 24 * HOUR);
    await addDuty(setAt, slug, community.createdBy, { kind: 'original_posts', target: 2, period: 'week' }, trx);
    await addDuty(setAt, slug, community.createdBy, { userId: who(DEMO_ANSWERER), kind: 'answer_within', target: 48 }, trx);
  });
  return { posts: DEMO_POSTS.length };
}
