/**
 * Queries of the referral console (推荐关系), each an SQL aggregate or one page
 * of the tree on an index (migration 0006: applications_referrer,
 * applications_joined): nothing loads the community's joins into memory and no
 * query carries a list of every joined id.
 *
 * A referral is a joined application with a referrer other than the applicant.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../kernel/db/schema.js';

type Q = Kysely<Database>;

const REFERRED = sql`referrer_id IS NOT NULL AND joined_at IS NOT NULL AND referrer_id <> user_id`;

export interface ReferralNode {
  userId: string;
  displayName: string;
  joinedAt: string | null;
  /** People this member brought in directly: 0 means a leaf. */
  direct: number;
}

/** The tree's order: roots by id; children by when they joined, then id. */
export type NodeKey = [joinedAt: string, userId: string] | [userId: string];

/** Members with the most direct referrals (ties by id), `limit` of them. */
export async function topReferrers(db: Q, communityId: string, limit: number): Promise<{ userId: string; direct: number }[]> {
  const r = await sql<{ userId: string; direct: number }>`
    SELECT referrer_id AS user_id, count(*) AS direct FROM applications
    WHERE community_id = ${communityId} AND ${REFERRED}
    GROUP BY referrer_id ORDER BY direct DESC, referrer_id LIMIT ${limit}`.execute(db);
  return r.rows.map((x) => ({ userId: x.userId, direct: Number(x.direct) }));
}

/**
 * Everyone below each of a few members, at any depth, walked in SQL. UNION
 * (not UNION ALL) keeps each (root, person) once, so a cycle in bad data ends.
 */
export async function descendants(db: Q, communityId: string, roots: string[]): Promise<Map<string, number>> {
  if (!roots.length) return new Map();
  const r = await sql<{ root: string; total: number }>`
    WITH RECURSIVE down(root, user_id) AS (
      SELECT referrer_id, user_id FROM applications
      WHERE community_id = ${communityId} AND referrer_id IN (${sql.join(roots)}) AND ${REFERRED}
      UNION
      SELECT d.root, a.user_id FROM down d JOIN applications a
        ON a.community_id = ${communityId} AND a.referrer_id = d.user_id AND a.joined_at IS NOT NULL AND a.user_id <> a.referrer_id AND a.user_id <> d.root
    )
    SELECT root, count(*) AS total FROM down GROUP BY root`.execute(db);
  return new Map(r.rows.map((x) => [x.root, Number(x.total)]));
}

/** One page of the tree: the roots (referrers nobody referred), or the people one member brought in. */
export async function treePage(db: Q, communityId: string, parent: string | null, after: NodeKey | undefined, limit: number): Promise<ReferralNode[]> {
  const direct = (who: RawBuilder<unknown>) =>
    sql`(SELECT count(*) FROM applications c WHERE c.community_id = ${communityId} AND c.referrer_id = ${who} AND c.joined_at IS NOT NULL AND c.user_id <> c.referrer_id)`;
  const rows = parent
    ? await sql<ReferralNode>`
        SELECT a.user_id, u.display_name, a.joined_at, ${direct(sql`a.user_id`)} AS direct
        FROM applications a JOIN users u ON u.id = a.user_id
        WHERE a.community_id = ${communityId} AND a.referrer_id = ${parent} AND a.joined_at IS NOT NULL AND a.user_id <> a.referrer_id
          ${after ? sql`AND (a.joined_at, a.user_id) > (${after[0]}, ${after[1] ?? ''})` : sql``}
        ORDER BY a.joined_at, a.user_id LIMIT ${limit}`.execute(db)
    : await sql<ReferralNode>`
        SELECT r.user_id, u.display_name, m.joined_at, r.direct FROM (
          SELECT referrer_id AS user_id, count(*) AS direct FROM applications
          WHERE community_id = ${communityId} AND ${REFERRED} ${after ? sql`AND referrer_id > ${after[0]}` : sql``}
          GROUP BY referrer_id
        ) r
        JOIN users u ON u.id = r.user_id
        LEFT JOIN memberships m ON m.community_id = ${communityId} AND m.user_id = r.user_id
        WHERE NOT EXISTS (SELECT 1 FROM applications p WHERE p.community_id = ${communityId} AND p.user_id = r.user_id AND p.referrer_id IS NOT NULL AND p.joined_at IS NOT NULL AND p.referrer_id <> p.user_id)
        ORDER BY r.user_id LIMIT ${limit}`.execute(db);
  return rows.rows.map((x) => ({ ...x, direct: Number(x.direct) }));
}

/**
 * Joins per channel: gate joins by their application's channel, and as
 * `direct` the members who joined without one (founders, direct joins).
 */
export async function joinsPerChannel(db: Q, communityId: string): Promise<{ channel: string; joins: number }[]> {
  const [viaGate, direct] = await Promise.all([
    sql<{ channel: string; joins: number }>`
      SELECT channel, count(*) AS joins FROM applications WHERE community_id = ${communityId} AND joined_at IS NOT NULL GROUP BY channel`.execute(db),
    sql<{ n: number }>`
      SELECT (SELECT count(*) FROM memberships WHERE community_id = ${communityId} AND joined_at IS NOT NULL)
           - (SELECT count(DISTINCT user_id) FROM applications WHERE community_id = ${communityId} AND joined_at IS NOT NULL) AS n`.execute(db),
  ]);
  const rows = viaGate.rows.map((r) => ({ channel: r.channel, joins: Number(r.joins) }));
  const n = Number(direct.rows[0]?.n ?? 0);
  const same = rows.find((r) => r.channel === 'direct');
  if (same) same.joins += Math.max(0, n);
  else if (n > 0) rows.push({ channel: 'direct', joins: n });
  return rows.sort((a, b) => b.joins - a.joins || a.channel.localeCompare(b.channel));
}

/** What the growth factor of [from, to) is computed from: members before, referred joins and their referrers in it. */
export async function growthCounts(db: Q, communityId: string, from: string, to: string) {
  const [base, period] = await Promise.all([
    sql<{ n: number }>`SELECT count(*) AS n FROM memberships WHERE community_id = ${communityId} AND joined_at < ${from}`.execute(db),
    sql<{ n: number; inviters: number }>`
      SELECT count(*) AS n, count(DISTINCT referrer_id) AS inviters FROM applications
      WHERE community_id = ${communityId} AND joined_at >= ${from} AND joined_at < ${to} AND referrer_id IS NOT NULL`.execute(db),
  ]);
  return { base: Number(base.rows[0]?.n ?? 0), referredJoins: Number(period.rows[0]?.n ?? 0), inviters: Number(period.rows[0]?.inviters ?? 0) };
}

/** The funnel's later stages: joined through the gate and introduced; of those, still a member and active since `since`. */
export async function introducedAndActive(db: Q, communityId: string, since: string): Promise<{ introduced: number; active: number }> {
  const r = await sql<{ introduced: number; active: number }>`
    SELECT count(*) AS introduced, sum(CASE WHEN m.state = 'member' AND EXISTS (
      SELECT 1 FROM activity_events e WHERE e.community_id = ${communityId} AND e.actor_id = j.user_id AND e.at >= ${since}) THEN 1 ELSE 0 END) AS active
    FROM (SELECT DISTINCT user_id FROM applications WHERE community_id = ${communityId} AND joined_at IS NOT NULL) j
    JOIN member_profiles p ON p.community_id = ${communityId} AND p.user_id = j.user_id AND p.introduced_at IS NOT NULL
    LEFT JOIN memberships m ON m.community_id = ${communityId} AND m.user_id = j.user_id`.execute(db);
  return { introduced: Number(r.rows[0]?.introduced ?? 0), active: Number(r.rows[0]?.active ?? 0) };
}
