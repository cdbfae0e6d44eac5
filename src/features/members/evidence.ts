/**
 * Evidence for decisions about members (who to make 骨干, who to let go): for
 * a page of members, when each last took part and where, their introduction,
 * the people they brought who stayed, and what they contributed. Read for the
 * ids on the page only, with grouped SQL over the activity log's
 * (community_id, actor_id, at) index, so no request loads a whole community.
 */
import type { AppContext } from '../../kernel/context.js';
import { latestEventByActor } from '../../kernel/activity/log.js';
import type { EventKind } from '../../kernel/activity/taxonomy.js';
import type { Q } from '../../kernel/db/tx.js';
import { activitySources, openCommunity, PARTICIPATION_KINDS, type ActivitySource } from '../communities/index.js';

/** The gate keeps who brought whom; members reads it without importing the gate (wired in app/server.ts). */
export type ReferralReader = (db: Q, communityId: string, referrerIds: string[]) => Promise<Map<string, { brought: number; stayed: number }>>;
let readReferrals: ReferralReader = async () => new Map();
export function useReferralReader(reader: ReferralReader): void {
  readReferrals = reader;
}

const CONTRIBUTIONS = { 'content.posted': 'posts', 'content.replied': 'replies', 'activity.checked_in': 'checkIns', 'activity.attended': 'attended' } as const satisfies Partial<Record<EventKind, string>>;
type Contribution = (typeof CONTRIBUTIONS)[keyof typeof CONTRIBUTIONS];

export interface MemberEvidence {
  userId: string;
  /** The last time they took part, and the source that saw it. */
  lastActive: { at: string; source: Pick<ActivitySource, 'kind' | 'label'> } | null;
  introduction: { status: 'done' | 'due' | 'overdue' | 'none'; at: string | null };
  invites: { brought: number; stayed: number };
  contributions: Record<Contribution, number>;
}

/** Evidence for up to 100 members of the community; operators only (the member list's right). */
export async function memberEvidence(ctx: AppContext, slug: string, userId: string | null, userIds: string[]): Promise<{ evidence: MemberEvidence[] }> {
  const db = ctx.db.kysely;
  const { community } = await openCommunity(db, { slug }, userId, 'members.list');
  const ids = [...new Set(userIds)].slice(0, 100);
  if (!ids.length) return { evidence: [] };
  const cid = community.id;
  const [known, last, counts, profiles, referrals, sources] = await Promise.all([
    db.selectFrom('memberships').select('userId').where('communityId', '=', cid).where('userId', 'in', ids).execute(),
    latestEventByActor(db, cid, PARTICIPATION_KINDS, ids),
    db
      .selectFrom('activityEvents')
      .select((eb) => ['actorId', 'kind', eb.fn.countAll<number>().as('n')])
      .where('communityId', '=', cid)
      .where('actorId', 'in', ids)
      .where('kind', 'in', Object.keys(CONTRIBUTIONS) as EventKind[])
      .groupBy(['actorId', 'kind'])
      .execute(),
    db.selectFrom('memberProfiles').select(['userId', 'introducedAt', 'introDueAt']).where('communityId', '=', cid).where('userId', 'in', ids).execute(),
    readReferrals(db, cid, ids),
    activitySources(db, cid),
  ]);
  const profileOf = new Map(profiles.map((p) => [p.userId, p]));
  const now = ctx.clock.now().toISOString();
  const evidence = known.map(({ userId: id }): MemberEvidence => {
    const contributions = { posts: 0, replies: 0, checkIns: 0, attended: 0 };
    for (const c of counts) if (c.actorId === id) contributions[CONTRIBUTIONS[c.kind as keyof typeof CONTRIBUTIONS]] = Number(c.n);
    const at = last.get(id);
    const p = profileOf.get(id);
    return {
      userId: id,
      lastActive: at ? { at, source: sourceAt(sources, at) } : null,
      introduction: p?.introducedAt ? { status: 'done', at: p.introducedAt } : p?.introDueAt ? { status: p.introDueAt < now ? 'overdue' : 'due', at: p.introDueAt } : { status: 'none', at: null },
      invites: referrals.get(id) ?? { brought: 0, stayed: 0 },
      contributions,
    };
  });
  return { evidence };
}

/**
 * Which source saw a moment: Shequn from the community's start; before that,
 * the imported or connected chat whose span holds it. Events carry no source of
 * their own yet, so a moment both Shequn and a chat cover is Shequn's.
 */
function sourceAt(sources: ActivitySource[], at: string): Pick<ActivitySource, 'kind' | 'label'> {
  const shequn = sources.find((s) => s.kind === 'shequn');
  if (shequn && at >= shequn.from) return { kind: 'shequn', label: shequn.label };
  const chat = sources.find((s) => s.kind !== 'shequn' && s.from <= at && (s.to === null || at <= s.to));
  return chat ? { kind: chat.kind, label: chat.label } : { kind: 'shequn', label: 'Shequn' };
}
